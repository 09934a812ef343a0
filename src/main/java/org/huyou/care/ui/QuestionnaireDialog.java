package org.huyou.care.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.huyou.care.psych.Instrument;
import org.huyou.common.Messages;
import org.huyou.common.ui.DialogService;

/** Fills in one questionnaire: every item on its answer scale; saving waits until all are answered. */
final class QuestionnaireDialog {

    private QuestionnaireDialog() {}

    /** The answers in item order, or empty when cancelled. */
    static Optional<List<Integer>> ask(DialogService dialogs, Instrument instrument) {
        Dialog<List<Integer>> dialog = dialogs.dialog();
        dialog.setTitle(instrument.name());
        dialog.setHeaderText(instrument.name());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.setPadding(new Insets(6));
        for (int c = 0; c < instrument.options().size(); c++) {
            Label option = new Label(instrument.options().get(c).label());
            option.setMinWidth(Region.USE_PREF_SIZE); // never "..." for an answer
            grid.add(option, c + 2, 0);
            GridPane.setHalignment(option, HPos.CENTER);
        }
        List<ToggleGroup> groups = new ArrayList<>();
        BooleanBinding unanswered = Bindings.createBooleanBinding(() -> false);
        for (Instrument.Item item : instrument.items()) {
            ToggleGroup group = new ToggleGroup();
            groups.add(group);
            int row = item.number();
            Label number = new Label(item.number() + ".");
            number.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(number, 0, row);
            Label text = new Label(item.text());
            text.setWrapText(true);
            text.setMaxWidth(380);
            grid.add(text, 1, row);
            for (int c = 0; c < instrument.options().size(); c++) {
                Instrument.Option o = instrument.options().get(c);
                RadioButton b = new RadioButton();
                b.setId("q" + item.number() + "_" + o.value());
                b.setUserData(o.value());
                b.setToggleGroup(group);
                grid.add(b, c + 2, row);
                GridPane.setHalignment(b, HPos.CENTER);
            }
            unanswered = unanswered.or(group.selectedToggleProperty().isNull());
        }
        Label question = new Label(instrument.question());
        question.setWrapText(true);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setPrefViewportHeight(420);
        scroll.setFitToWidth(true);
        dialog.getDialogPane().setContent(new VBox(8, question, scroll));
        dialog.getDialogPane().setPrefWidth(820);
        dialog.setResizable(true);
        ButtonType save = new ButtonType(Messages.t("psych.saveScreening"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane()
                .getButtonTypes()
                .addAll(save, new ButtonType(Messages.t("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(save).setId("saveScreening");
        dialog.getDialogPane().lookupButton(save).disableProperty().bind(unanswered);
        dialog.setResultConverter(b -> b == save
                ? groups.stream()
                        .map(g -> (Integer) g.getSelectedToggle().getUserData())
                        .toList()
                : null);
        return dialog.showAndWait();
    }
}
