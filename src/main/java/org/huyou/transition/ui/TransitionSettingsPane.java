package org.huyou.transition.ui;

import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TypedInput;
import org.huyou.transition.Department;
import org.huyou.transition.Pathway;
import org.huyou.transition.Task;

/** The task templates per pathway (social worker) and the money standards and follow-up months (director). */
final class TransitionSettingsPane {

    private final TransitionSettingsViewModel model;
    private final ComboBox<Pathway> pathway = choice("templatePathway", null, Pathway.values());
    private final TableView<Task.Template> templates = table("templateTable", 180, "template.none");
    private final TitledPane root;

    TransitionSettingsPane(TransitionSettingsViewModel model, boolean edit, boolean approve) {
        this.model = model;
        pathway.valueProperty().bindBidirectional(model.pathway);
        templates.setItems(model.templates());
        TableRows.follow(templates, model.templateProperty());
        templates.getColumns().add(Columns.text("template.monthsBefore", t -> String.valueOf(t.monthsBefore()), 110));
        templates.getColumns().add(Columns.text("task.what", Task.Template::title, 260));
        templates
                .getColumns()
                .add(Columns.text("task.department", t -> t.department().label(), 150));
        templates.getColumns().add(Columns.text("task.documents", t -> InlineForms.nz(t.documents()), 260));
        VBox content = new VBox(
                8,
                row(true, labelled("transition.pathway", pathway)),
                templates,
                templateForm(edit),
                standardsForm(approve));
        root = new TitledPane(Messages.t("template.title"), content);
        root.setId("transitionSettings");
        root.setExpanded(false);
        model.load();
    }

    private Node templateForm(boolean visible) {
        TextField title = text("templateTitle", "task.what");
        title.setPrefColumnCount(18);
        title.textProperty().bindBidirectional(model.title);
        ComboBox<Department> department = choice("templateDepartment", null, Department.values());
        department.valueProperty().bindBidirectional(model.department);
        TextField months = text(TransitionSettingsViewModel.MONTHS, "template.monthsBefore");
        months.setPrefColumnCount(6);
        months.textProperty().bindBidirectional(model.months);
        TextField documents = text("templateDocuments", "task.documents");
        documents.setPrefColumnCount(18);
        documents.textProperty().bindBidirectional(model.documents);
        Button add = new Button(Messages.t("template.add"));
        add.setId("addTemplate");
        add.setOnAction(e -> model.addTemplate());
        Button remove = new Button(Messages.t("template.remove"));
        remove.setId("removeTemplate");
        remove.disableProperty().bind(model.templateProperty().isNull());
        remove.setOnAction(e -> model.removeTemplate());
        return TypedInput.savedBy(row(visible, title, department, months, documents, add, remove), add);
    }

    private Node standardsForm(boolean visible) {
        TextField subsidy = text(TransitionSettingsViewModel.SUBSIDY, "transition.subsidyLabel");
        subsidy.textProperty().bindBidirectional(model.subsidy);
        TextField grant = text(TransitionSettingsViewModel.GRANT, "transition.grantLabel");
        grant.textProperty().bindBidirectional(model.grant);
        TextField followUps = text(TransitionSettingsViewModel.FOLLOW_UPS, "transition.followUpLabel");
        followUps.textProperty().bindBidirectional(model.followUps);
        Button save = new Button(Messages.t("common.save"));
        save.setId("saveStandards");
        save.setOnAction(e -> model.saveStandards(
                () -> List.of(subsidy, grant, followUps).forEach(TypedInput::saved))); // kept as shown
        return row(
                visible,
                labelled("transition.subsidyLabel", subsidy),
                labelled("transition.grantLabel", grant),
                labelled("transition.followUpLabel", followUps),
                save);
    }

    Node node() {
        return root;
    }
}
