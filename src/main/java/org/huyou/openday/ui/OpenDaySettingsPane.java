package org.huyou.openday.ui;

import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.text;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.TypedInput;

/**
 * The open day's rule as those who may change it see it: which weekday of which week, the slots, places per slot,
 * days off and extra days, the booking cut-off and how long visitors' personal data is kept.
 */
final class OpenDaySettingsPane {

    private final ComboBox<Integer> week = new ComboBox<>();
    private final ComboBox<DayOfWeek> day = new ComboBox<>();
    private final TextField slots = text("ruleSlots", "openday.slotsHint");
    private final TextField capacity = text(OpenDaySettingsViewModel.CAPACITY, "openday.capacity");
    private final TextField blackouts = text("ruleBlackouts", "openday.datesHint");
    private final TextField extras = text("ruleExtras", "openday.datesHint");
    private final TextField cutoff = text(OpenDaySettingsViewModel.CUTOFF, "openday.cutoffDays");
    private final TextField retention = text(OpenDaySettingsViewModel.RETENTION, "openday.retentionDays");
    private final Node root;

    OpenDaySettingsPane(OpenDaySettingsViewModel model, Runnable changed) {
        week.setId("ruleWeek");
        week.getItems().setAll(IntStream.rangeClosed(1, 4).boxed().toList());
        week.setConverter(Converters.of(n -> Messages.t("openday.weekN", n)));
        week.valueProperty().bindBidirectional(model.week);
        day.setId("ruleDay");
        day.getItems().setAll(DayOfWeek.values());
        day.setConverter(Converters.of(d -> d.getDisplayName(TextStyle.FULL, Messages.locale())));
        day.valueProperty().bindBidirectional(model.day);
        slots.setPrefColumnCount(18);
        capacity.setPrefColumnCount(4);
        blackouts.setPrefColumnCount(24);
        extras.setPrefColumnCount(24);
        cutoff.setPrefColumnCount(4);
        retention.setPrefColumnCount(5);
        slots.textProperty().bindBidirectional(model.slots);
        capacity.textProperty().bindBidirectional(model.capacity);
        blackouts.textProperty().bindBidirectional(model.blackouts);
        extras.textProperty().bindBidirectional(model.extras);
        cutoff.textProperty().bindBidirectional(model.cutoff);
        retention.textProperty().bindBidirectional(model.retention);
        Button save = new Button(Messages.t("common.save"));
        save.setId("saveRule");
        save.setOnAction(e -> model.save(() -> {
            TypedInput.saved(node()); // the rule stays on screen as saved
            changed.run();
        }));
        root = new VBox(
                6,
                heading("openday.ruleTitle"),
                row(
                        true,
                        labelled("openday.weekOfMonth", week),
                        labelled("openday.dayOfWeek", day),
                        labelled("openday.slots", slots),
                        labelled("openday.capacity", capacity)),
                row(true, labelled("openday.blackouts", blackouts), labelled("openday.extras", extras)),
                row(true, labelled("openday.cutoffDays", cutoff), labelled("openday.retentionDays", retention), save));
        model.load();
    }

    Node node() {
        return root;
    }
}
