package org.huyou.care.ui;

import static org.huyou.common.ui.InlineForms.bound;
import static org.huyou.common.ui.InlineForms.boundDate;
import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;
import static org.huyou.common.ui.InlineForms.voidMark;

import java.time.Clock;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.huyou.care.PlanReview;
import org.huyou.care.plan.CarePlan;
import org.huyou.care.plan.CarePlanService;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.FieldMarks;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.VoidButton;
import org.huyou.residents.ui.FilePartViewModel;
import org.huyou.security.AccountService;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/**
 * The integrated care plan (the View of {@link CarePlanViewModel}): the social worker drafts goals across domains
 * with owners; the director approves and reviews; owners move their goals along.
 */
public final class CarePlanPart implements FilePartView {

    private final CarePlanViewModel model;
    private final DialogService dialogs;
    private final TableView<CarePlan> planTable = table("carePlanTable", 100, "carePlan.none");
    private final TableView<CarePlan.Goal> goalTable = table("carePlanGoalTable", 150, "carePlan.noGoals");
    private final TableView<PlanReview> reviewTable = table("carePlanReviewTable", 100, "carePlan.noReviews");
    private final VBox root;

    public CarePlanPart(
            CarePlanService plans,
            AccountService accounts,
            TaskRunner tasks,
            DialogService dialogs,
            CurrentUser user,
            Clock clock) {
        this.model = new CarePlanViewModel(plans, accounts, tasks, FieldMarks.marking(this::node, dialogs), clock);
        this.dialogs = dialogs;
        planTable
                .getColumns()
                .add(Columns.text("carePlan.summary", p -> p.summary() + voidMark(p.voided(), p.voidReason()), 260));
        planTable
                .getColumns()
                .add(Columns.text("carePlan.status", p -> p.status().label(), 70));
        planTable.getColumns().add(Columns.text("carePlan.start", p -> Dates.format(p.start()), 95));
        planTable.getColumns().add(Columns.text("carePlan.reviewDueCol", p -> Dates.format(p.reviewDue()), 95));
        planTable
                .getColumns()
                .add(Columns.text(
                        "carePlan.approvedBy",
                        p -> InlineForms.nz(Accounts.displayName(p.approvedBy()))
                                + (p.selfApproved() ? " · " + Messages.t("carePlan.selfApproved") : ""),
                        120));
        goalTable
                .getColumns()
                .add(Columns.text("carePlan.domain", g -> g.domain().label(), 70));
        goalTable
                .getColumns()
                .add(Columns.text("carePlan.goal", g -> g.goal() + voidMark(g.voided(), g.voidReason()), 240));
        goalTable.getColumns().add(Columns.text("carePlan.owner", g -> Accounts.displayName(g.owner()), 90));
        goalTable.getColumns().add(Columns.text("carePlan.due", g -> Dates.format(g.due()), 95));
        goalTable
                .getColumns()
                .add(Columns.text("carePlan.status", g -> g.status().label(), 70));
        reviewTable.getColumns().add(Columns.text("plan.reviewedOn", r -> Dates.format(r.reviewedOn()), 95));
        reviewTable.getColumns().add(Columns.text("plan.reviewSummary", PlanReview::summary, 300));
        reviewTable.getColumns().add(Columns.text("plan.nextReview", r -> Dates.format(r.nextReview()), 95));
        reviewTable.getColumns().add(Columns.text("residents.col.by", r -> Accounts.displayName(r.reviewedBy()), 80));
        planTable.setItems(model.plans());
        goalTable.setItems(model.goals());
        reviewTable.setItems(model.reviews());
        TableRows.follow(planTable, model.plan);
        TableRows.follow(goalTable, model.goal);
        boolean create = user.can(AppModule.CARE_PLAN, Action.CREATE);
        boolean approve = user.can(AppModule.CARE_PLAN, Action.APPROVE);
        root = InlineForms.scrolled(
                heading("carePlan.title"),
                planForm(create),
                planTable,
                VoidButton.under(
                        planTable,
                        user.can(AppModule.CARE_PLAN, Action.VOID),
                        CarePlan::voided,
                        model::voidPlan,
                        tasks,
                        dialogs,
                        model::changed),
                approveButton(approve),
                heading("carePlan.goals"),
                goalForm(create),
                goalTable,
                statusForm(user.can(AppModule.CARE_PLAN, Action.EDIT)),
                heading("carePlan.reviews"),
                reviewForm(approve),
                reviewTable);
    }

    private Node planForm(boolean visible) {
        DateField start = boundDate("carePlanStart", "carePlan.start", model.start);
        TextField summary = bound(text("carePlanSummary", "carePlan.summary"), model.summary);
        summary.setPrefColumnCount(30);
        TextField months = bound(text("carePlanMonths", "carePlan.reviewMonths"), model.reviewMonths);
        months.setPrefColumnCount(3);
        Button add = new Button(Messages.t("carePlan.add"));
        add.setId("addCarePlan");
        add.setOnAction(e -> {
            start.commitText();
            model.addPlan();
        });
        return row(
                visible,
                labelled("carePlan.start", start),
                summary,
                new Label(Messages.t("carePlan.reviewMonths")),
                months,
                add);
    }

    private Node approveButton(boolean visible) {
        Button approve = new Button(Messages.t("carePlan.approve"));
        approve.setId("approveCarePlan");
        approve.disableProperty().bind(model.plan.isNull());
        approve.setOnAction(e -> {
            CarePlan p = model.plan.get();
            if (dialogs.confirm(
                    Messages.t("carePlan.approveTitle"),
                    Messages.t("carePlan.approveText", p.summary()),
                    Messages.t("carePlan.approve"),
                    Messages.t("common.cancel"))) {
                model.approve();
            }
        });
        return row(visible, approve);
    }

    private Node goalForm(boolean visible) {
        ComboBox<CarePlan.Domain> domain = choice("carePlanDomain", null, CarePlan.Domain.values());
        domain.valueProperty().bindBidirectional(model.domain);
        TextField goal = bound(text("carePlanGoal", "carePlan.goal"), model.goalText);
        goal.setPrefColumnCount(26);
        ComboBox<AccountService.StaffMember> owner = new ComboBox<>(model.owners());
        owner.setId("carePlanOwner");
        owner.setPromptText(Messages.t("carePlan.owner"));
        owner.setConverter(Converters.of(s -> s.displayName() + " (" + s.username() + ")"));
        owner.valueProperty().bindBidirectional(model.owner);
        DateField due = boundDate("carePlanDue", "carePlan.due", model.due);
        Button add = new Button(Messages.t("carePlan.addGoal"));
        add.setId("addCarePlanGoal");
        add.disableProperty().bind(model.plan.isNull());
        add.setOnAction(e -> {
            due.commitText();
            model.addGoal();
        });
        return row(visible, domain, goal, owner, labelled("carePlan.due", due), add);
    }

    private Node statusForm(boolean visible) {
        ComboBox<CarePlan.GoalStatus> status =
                choice("goalStatus", CarePlan.GoalStatus.IN_PROGRESS, CarePlan.GoalStatus.values());
        status.valueProperty().bindBidirectional(model.status);
        Button set = new Button(Messages.t("carePlan.setStatus"));
        set.setId("setGoalStatus");
        set.disableProperty().bind(model.goal.isNull());
        set.setOnAction(e -> model.setGoalStatus());
        return row(visible, new Label(Messages.t("carePlan.selectedGoal")), status, set);
    }

    private Node reviewForm(boolean visible) {
        TextField summary = bound(text("carePlanReviewSummary", "plan.reviewSummary"), model.reviewSummary);
        summary.setPrefColumnCount(36);
        Button review = new Button(Messages.t("plan.review"));
        review.setId("reviewCarePlan");
        review.disableProperty().bind(model.plan.isNull());
        review.setOnAction(e -> model.review());
        return row(visible, summary, review);
    }

    @Override
    public FilePartViewModel<?> model() {
        return model;
    }

    @Override
    public String title() {
        return Messages.t("careDomain.CARE_PLAN");
    }

    @Override
    public Node node() {
        return root;
    }
}
