package org.huyou.care.ui;

import java.time.Clock;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.huyou.care.daily.CaregiverAssignment;
import org.huyou.care.daily.CaregiverService;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.FieldMarks;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.VoidButton;
import org.huyou.residents.GroupMembership;
import org.huyou.residents.ResidentService;
import org.huyou.residents.ui.FilePartViewModel;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/** Upbringing (养育), the View of {@link UpbringingViewModel}: the caregiver assignment history and the living groups the child has lived in. */
public final class UpbringingPart implements FilePartView {

    private final UpbringingViewModel model;
    private final TableView<CaregiverAssignment> assignments = new TableView<>();
    private final TableView<GroupMembership> groups = new TableView<>();
    private final VBox root;

    public UpbringingPart(
            CaregiverService caregivers,
            ResidentService residents,
            TaskRunner tasks,
            DialogService dialogs,
            CurrentUser user,
            Clock clock) {
        model = new UpbringingViewModel(caregivers, residents, tasks, FieldMarks.marking(this::node, dialogs));
        TextField name = InlineForms.bound(new TextField(), model.name);
        name.setId("caregiverName");
        name.setPromptText(Messages.t("caregiver.name"));
        DateField from = new DateField();
        from.valueProperty().bindBidirectional(model.from);
        Button assign = new Button(Messages.t("caregiver.assign"));
        assign.setId("assignCaregiver");
        assign.setOnAction(e -> {
            from.commitText();
            model.assign();
        });
        FlowPane form = (FlowPane) InlineForms.row(true, name, InlineForms.labelled("caregiver.from", from), assign);
        form.setVisible(user.can(AppModule.CARE_DAILY, Action.EDIT));
        form.setManaged(form.isVisible());
        assignments.setId("caregiverTable");
        assignments.setItems(model.assignments());
        assignments.setPrefHeight(160);
        assignments.setPlaceholder(new Label(Messages.t("caregiver.none")));
        assignments
                .getColumns()
                .add(Columns.text(
                        "caregiver.name",
                        a -> a.caregiver() + (a.voided() ? " " + Messages.t("timeline.voided", "") : ""),
                        120));
        assignments.getColumns().add(Columns.text("caregiver.from", a -> Dates.format(a.from()), 100));
        assignments
                .getColumns()
                .add(Columns.text(
                        "caregiver.to", a -> a.to() == null ? Messages.t("caregiver.now") : Dates.format(a.to()), 100));
        assignments.getColumns().add(Columns.text("residents.col.by", a -> Accounts.displayName(a.recordedBy()), 90));
        groups.setId("groupHistoryTable");
        groups.setItems(model.groups());
        groups.setPrefHeight(140);
        groups.getColumns()
                .add(Columns.text(
                        "field.livingGroup",
                        m -> m.groupName() == null ? Messages.t("residents.noGroup") : m.groupName(),
                        120));
        groups.getColumns().add(Columns.text("caregiver.from", m -> Dates.format(m.from()), 100));
        groups.getColumns().add(Columns.text("residents.col.by", g -> Accounts.displayName(g.recordedBy()), 90));
        Label t1 = new Label(Messages.t("caregiver.title"));
        t1.getStyleClass().add("form-heading");
        Label t2 = new Label(Messages.t("caregiver.groups"));
        t2.getStyleClass().add("form-heading");
        Node voidIt = VoidButton.under(
                assignments,
                user.can(AppModule.CARE_DAILY, Action.VOID),
                CaregiverAssignment::voided,
                model::voidAssignment,
                tasks,
                dialogs,
                model::reload);
        root = InlineForms.scrolled(t1, form, assignments, voidIt, t2, groups);
    }

    @Override
    public FilePartViewModel<?> model() {
        return model;
    }

    @Override
    public String title() {
        return Messages.t("careDomain.UPBRINGING");
    }

    @Override
    public Node node() {
        return root;
    }
}
