package org.huyou.volunteers.ui;

import static org.huyou.common.ui.InlineForms.heading;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.huyou.common.Messages;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TaskRunner;
import org.huyou.volunteers.Activity;
import org.huyou.volunteers.VolunteerService;

/** The trainings each kind of activity requires, one line per kind, courses separated by commas. */
final class TrainingRulesTab {

    private final Map<Activity.Type, TextField> fields = new EnumMap<>(Activity.Type.class);
    private final Node root;

    TrainingRulesTab(VolunteerService volunteers, TaskRunner tasks, DialogService dialogs, boolean edit) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        for (Activity.Type type : Activity.Type.values()) {
            TextField f = new TextField();
            f.setId("required" + type.name());
            f.setPrefColumnCount(40);
            f.setEditable(edit);
            fields.put(type, f);
            Button save = new Button(Messages.t("common.save"));
            save.setId("saveRequired" + type.name());
            save.setVisible(edit);
            save.setOnAction(e -> {
                List<String> courses = Arrays.stream(f.getText().split("[,，、;；]")).toList();
                tasks.run(() -> {
                    volunteers.setRequiredTrainings(type, courses);
                    return true;
                }, ok -> dialogs.notifySuccess(Messages.t("training.requirementsSaved", type.label())),
                        dialogs::showError);
            });
            grid.addRow(row++, new Label(type.label()), f, save);
        }
        Label hint = new Label(Messages.t("training.requirementsHint"));
        hint.setWrapText(true);
        root = InlineForms.scrolled(heading("training.requirementsTitle"), hint, grid);
        tasks.run(volunteers::requiredTrainings, m -> fields.forEach((type, f) ->
                f.setText(String.join("，", m.getOrDefault(type, List.of())))), dialogs::showError);
    }

    Node node() {
        return root;
    }
}
