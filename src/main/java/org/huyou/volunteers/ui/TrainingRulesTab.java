package org.huyou.volunteers.ui;

import static org.huyou.common.ui.InlineForms.heading;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.huyou.common.Messages;
import org.huyou.common.ui.InlineForms;
import org.huyou.volunteers.Activity;

/** The trainings each kind of activity requires, one line per kind, courses separated by commas. */
final class TrainingRulesTab {

    private final Node root;

    TrainingRulesTab(TrainingRulesViewModel model, boolean edit) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        for (Activity.Type type : Activity.Type.values()) {
            TextField f = new TextField();
            f.setId("required" + type.name());
            f.setPrefColumnCount(40);
            f.setEditable(edit);
            f.textProperty().bindBidirectional(model.coursesProperty(type));
            Button save = new Button(Messages.t("common.save"));
            save.setId("saveRequired" + type.name());
            save.setVisible(edit);
            save.setOnAction(e -> model.save(type));
            grid.addRow(row++, new Label(type.label()), f, save);
        }
        Label hint = new Label(Messages.t("training.requirementsHint"));
        hint.setWrapText(true);
        root = InlineForms.scrolled(heading("training.requirementsTitle"), hint, grid);
        model.load();
    }

    Node node() {
        return root;
    }
}
