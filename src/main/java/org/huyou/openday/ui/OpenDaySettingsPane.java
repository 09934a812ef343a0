package org.huyou.openday.ui;

import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.text;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.TypedInput;
import org.huyou.openday.OpenDayRule;
import org.huyou.openday.OpenDayService;

/**
 * The open day's rule as those who may change it see it: which weekday of which week, the slots, places per slot,
 * days off and extra days, the booking cut-off and how long visitors' personal data is kept.
 */
final class OpenDaySettingsPane {

    private final ComboBox<Integer> week = new ComboBox<>();
    private final ComboBox<DayOfWeek> day = new ComboBox<>();
    private final TextField slots = text("ruleSlots", "openday.slotsHint");
    private final TextField capacity = text("ruleCapacity", "openday.capacity");
    private final TextField blackouts = text("ruleBlackouts", "openday.datesHint");
    private final TextField extras = text("ruleExtras", "openday.datesHint");
    private final TextField cutoff = text("ruleCutoff", "openday.cutoffDays");
    private final TextField retention = text("ruleRetention", "openday.retentionDays");
    private final Node root;

    OpenDaySettingsPane(OpenDayService openDay, TaskRunner tasks, DialogService dialogs, Runnable changed) {
        week.setId("ruleWeek");
        week.getItems().setAll(IntStream.rangeClosed(1, 4).boxed().toList());
        week.setConverter(Converters.of(n -> Messages.t("openday.weekN", n)));
        day.setId("ruleDay");
        day.getItems().setAll(DayOfWeek.values());
        day.setConverter(Converters.of(d -> d.getDisplayName(TextStyle.FULL, Messages.locale())));
        slots.setPrefColumnCount(18);
        capacity.setPrefColumnCount(4);
        blackouts.setPrefColumnCount(24);
        extras.setPrefColumnCount(24);
        cutoff.setPrefColumnCount(4);
        retention.setPrefColumnCount(5);
        Button save = new Button(Messages.t("common.save"));
        save.setId("saveRule");
        save.setOnAction(e -> {
            int w = week.getValue() == null ? -1 : week.getValue();
            DayOfWeek d = day.getValue();
            String s = slots.getText();
            int c;
            OpenDayService.Limits limits;
            try {
                c = InlineForms.whole(capacity);
                limits = new OpenDayService.Limits(InlineForms.whole(cutoff), InlineForms.whole(retention));
            } catch (ValidationException bad) {
                dialogs.showError(bad); // letters in a number: said by name, the text kept
                return;
            }
            String b = blackouts.getText();
            String x = extras.getText();
            tasks.run(() -> {
                OpenDayRule rule = openDay.ruleFromText(w, d, s, c, b, x);
                openDay.save(rule, limits);
                return rule;
            }, rule -> {
                TypedInput.saved(node()); // the rule stays on screen as saved
                dialogs.notifySuccess(Messages.t("openday.ruleSaved"));
                changed.run();
            }, dialogs::showError);
        });
        root = new VBox(6, heading("openday.ruleTitle"),
                row(true, labelled("openday.weekOfMonth", week), labelled("openday.dayOfWeek", day),
                        labelled("openday.slots", slots), labelled("openday.capacity", capacity)),
                row(true, labelled("openday.blackouts", blackouts), labelled("openday.extras", extras)),
                row(true, labelled("openday.cutoffDays", cutoff), labelled("openday.retentionDays", retention), save));
        tasks.run(() -> new Loaded(openDay.rule(), openDay.limits()), l -> show(l.rule(), l.limits()),
                dialogs::showError);
    }

    private record Loaded(OpenDayRule rule, OpenDayService.Limits limits) {
    }

    private void show(OpenDayRule rule, OpenDayService.Limits limits) {
        week.setValue(rule.weekOfMonth());
        day.setValue(rule.dayOfWeek());
        slots.setText(rule.slots().stream().map(OpenDayRule.Slot::toString).collect(Collectors.joining(", ")));
        capacity.setText(String.valueOf(rule.capacityPerSlot()));
        blackouts.setText(rule.blackouts().stream().sorted().map(Object::toString).collect(Collectors.joining(", ")));
        extras.setText(rule.extras().stream().sorted().map(Object::toString).collect(Collectors.joining(", ")));
        cutoff.setText(String.valueOf(limits.cutoffDays()));
        retention.setText(String.valueOf(limits.retentionDays()));
    }

    Node node() {
        return root;
    }
}
