package org.huyou.transition.ui;

import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.TypedInput;
import org.huyou.transition.Department;
import org.huyou.transition.Pathway;
import org.huyou.transition.Task;
import org.huyou.transition.TransitionSettings;

/** The task templates per pathway (social worker) and the money standards and follow-up months (director). */
final class TransitionSettingsPane {

    private final TransitionSettings transition;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ComboBox<Pathway> pathway = choice("templatePathway", null, Pathway.values());
    private final TableView<Task.Template> templates = table("templateTable", 180, "template.none");
    private final TitledPane root;

    TransitionSettingsPane(TransitionSettings transition, TaskRunner tasks, DialogService dialogs, boolean edit,
                           boolean approve) {
        this.transition = transition;
        this.tasks = tasks;
        this.dialogs = dialogs;
        templates.getColumns().add(Columns.text("template.monthsBefore", t -> String.valueOf(t.monthsBefore()), 110));
        templates.getColumns().add(Columns.text("task.what", Task.Template::title, 260));
        templates.getColumns().add(Columns.text("task.department", t -> t.department().label(), 150));
        templates.getColumns().add(Columns.text("task.documents", t -> InlineForms.nz(t.documents()), 260));
        pathway.valueProperty().addListener((o, a, b) -> load());
        VBox content = new VBox(8, row(true, labelled("transition.pathway", pathway)), templates,
                templateForm(edit), standardsForm(approve));
        root = new TitledPane(Messages.t("template.title"), content);
        root.setId("transitionSettings");
        root.setExpanded(false);
        load();
    }

    private Node templateForm(boolean visible) {
        TextField title = text("templateTitle", "task.what");
        title.setPrefColumnCount(18);
        ComboBox<Department> department = choice("templateDepartment", null, Department.values());
        TextField months = text("templateMonths", "template.monthsBefore");
        months.setPrefColumnCount(6);
        TextField documents = text("templateDocuments", "task.documents");
        documents.setPrefColumnCount(18);
        Button add = new Button(Messages.t("template.add"));
        add.setId("addTemplate");
        add.setOnAction(e -> {
            Task.Template draft;
            try {
                draft = new Task.Template(0, pathway.getValue(), title.getText(), department.getValue(),
                        InlineForms.whole(months), documents.getText());
            } catch (ValidationException bad) {
                dialogs.showError(bad); // letters in a number: said by name, the text kept
                return;
            }
            tasks.run(() -> transition.addTemplate(draft), t -> {
                title.clear();
                months.clear();
                documents.clear();
                load();
            }, dialogs::showError);
        });
        Button remove = new Button(Messages.t("template.remove"));
        remove.setId("removeTemplate");
        remove.disableProperty().bind(templates.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            long id = templates.getSelectionModel().getSelectedItem().id();
            tasks.run(() -> {
                transition.removeTemplate(id);
                return true;
            }, ok -> load(), dialogs::showError);
        });
        return TypedInput.savedBy(row(visible, title, department, months, documents, add, remove), add);
    }

    private Node standardsForm(boolean visible) {
        TextField subsidy = text("standardSubsidy", "transition.subsidyLabel");
        TextField grant = text("standardGrant", "transition.grantLabel");
        TextField followUps = text("standardFollowUps", "transition.followUpLabel");
        Button save = new Button(Messages.t("common.save"));
        save.setId("saveStandards");
        save.setOnAction(e -> {
            TransitionSettings.Standards s;
            try {
                List<Integer> months = Arrays.stream(followUps.getText().split("[,，、\\s]+"))
                        .filter(x -> !x.isBlank()).map(x -> InlineForms.whole(followUps.getId(),
                                followUps.getPromptText(), x)).map(x -> x < 0 ? null : x)
                        .collect(Collectors.toList());
                s = new TransitionSettings.Standards(InlineForms.amount(subsidy), InlineForms.amount(grant), months);
            } catch (ValidationException bad) {
                dialogs.showError(bad);
                return;
            }
            tasks.run(() -> {
                transition.setStandards(s);
                return true;
            }, ok -> {
                List.of(subsidy, grant, followUps).forEach(TypedInput::saved); // kept as shown
                dialogs.notifySuccess(Messages.t("transition.standardsSaved"));
            }, dialogs::showError);
        });
        tasks.run(transition::standards, s -> {
            subsidy.setText(s.subsidy().toPlainString());
            grant.setText(s.grantPerYear().toPlainString());
            followUps.setText(s.followUpMonths().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }, dialogs::showError);
        return row(visible, labelled("transition.subsidyLabel", subsidy), labelled("transition.grantLabel", grant),
                labelled("transition.followUpLabel", followUps), save);
    }

    private void load() {
        Pathway p = pathway.getValue();
        tasks.run(() -> transition.templates(p), templates.getItems()::setAll, dialogs::showError);
    }

    Node node() {
        return root;
    }
}
