package org.huyou.care.ui;

import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;
import static org.huyou.common.ui.InlineForms.voidMark;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.VoidButton;
import org.huyou.security.AccountService;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/**
 * The integrated care plan: the social worker drafts goals across domains with owners; the director approves and
 * reviews; owners move their goals along.
 */
public final class CarePlanPart extends LoadingPart<CarePlanPart.Loaded> {

    private final CarePlanService plans;
    private final AccountService accounts;
    private final TableView<CarePlan> planTable = table("carePlanTable", 100, "carePlan.none");
    private final TableView<CarePlan.Goal> goalTable = table("carePlanGoalTable", 150, "carePlan.noGoals");
    private final TableView<PlanReview> reviewTable = table("carePlanReviewTable", 100, "carePlan.noReviews");
    private final ComboBox<AccountService.StaffMember> owner = new ComboBox<>();
    private final VBox root;
    private Loaded loaded;

    /** What the tab shows for one resident: plans with their goals and reviews, and who can own a goal. */
    record Loaded(
            List<CarePlan> plans,
            Map<Long, List<CarePlan.Goal>> goals,
            Map<Long, List<PlanReview>> reviews,
            List<AccountService.StaffMember> staff) {}

    public CarePlanPart(
            CarePlanService plans,
            AccountService accounts,
            TaskRunner tasks,
            DialogService dialogs,
            CurrentUser user,
            Clock clock) {
        super(tasks, dialogs, clock);
        this.plans = plans;
        this.accounts = accounts;
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
        planTable.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> showPlan(p));
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
                        (p, why) -> plans.voidEntry(CarePlanService.Entry.PLAN, p.id(), why),
                        tasks,
                        dialogs,
                        changed()),
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
        DateField start = date("carePlanStart", "carePlan.start", today());
        TextField summary = text("carePlanSummary", "carePlan.summary");
        summary.setPrefColumnCount(30);
        TextField months = text("carePlanMonths", "carePlan.reviewMonths");
        months.setText(String.valueOf(CarePlanService.DEFAULT_REVIEW_MONTHS));
        months.setPrefColumnCount(3);
        Button add = new Button(Messages.t("carePlan.add"));
        add.setId("addCarePlan");
        add.setOnAction(e -> {
            start.commitText();
            save(
                    () -> plans.createPlan(residentId, start.getValue(), summary.getText(), InlineForms.whole(months)),
                    summary);
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
        approve.disableProperty()
                .bind(planTable.getSelectionModel().selectedItemProperty().isNull());
        approve.setOnAction(e -> {
            CarePlan p = planTable.getSelectionModel().getSelectedItem();
            if (dialogs.confirm(
                    Messages.t("carePlan.approveTitle"),
                    Messages.t("carePlan.approveText", p.summary()),
                    Messages.t("carePlan.approve"),
                    Messages.t("common.cancel"))) {
                save(() -> plans.approve(p.id(), p.version()));
            }
        });
        return row(visible, approve);
    }

    private Node goalForm(boolean visible) {
        ComboBox<CarePlan.Domain> domain = choice("carePlanDomain", null, CarePlan.Domain.values());
        TextField goal = text("carePlanGoal", "carePlan.goal");
        goal.setPrefColumnCount(26);
        owner.setId("carePlanOwner");
        owner.setPromptText(Messages.t("carePlan.owner"));
        owner.setConverter(Converters.of(s -> s.displayName() + " (" + s.username() + ")"));
        DateField due = date("carePlanDue", "carePlan.due", today().plusMonths(3));
        Button add = new Button(Messages.t("carePlan.addGoal"));
        add.setId("addCarePlanGoal");
        add.disableProperty()
                .bind(planTable.getSelectionModel().selectedItemProperty().isNull());
        add.setOnAction(e -> {
            due.commitText();
            long plan = planTable.getSelectionModel().getSelectedItem().id();
            String who = owner.getValue() == null ? null : owner.getValue().username();
            save(() -> plans.addGoal(plan, domain.getValue(), goal.getText(), who, due.getValue()), goal);
        });
        return row(visible, domain, goal, owner, labelled("carePlan.due", due), add);
    }

    private Node statusForm(boolean visible) {
        ComboBox<CarePlan.GoalStatus> status =
                choice("goalStatus", CarePlan.GoalStatus.IN_PROGRESS, CarePlan.GoalStatus.values());
        Button set = new Button(Messages.t("carePlan.setStatus"));
        set.setId("setGoalStatus");
        set.disableProperty()
                .bind(goalTable.getSelectionModel().selectedItemProperty().isNull());
        set.setOnAction(e -> {
            CarePlan.Goal g = goalTable.getSelectionModel().getSelectedItem();
            save(() -> plans.setGoalStatus(g.id(), g.version(), status.getValue()));
        });
        return row(visible, new Label(Messages.t("carePlan.selectedGoal")), status, set);
    }

    private Node reviewForm(boolean visible) {
        TextField summary = text("carePlanReviewSummary", "plan.reviewSummary");
        summary.setPrefColumnCount(36);
        Button review = new Button(Messages.t("plan.review"));
        review.setId("reviewCarePlan");
        review.disableProperty()
                .bind(planTable.getSelectionModel().selectedItemProperty().isNull());
        review.setOnAction(e -> {
            long plan = planTable.getSelectionModel().getSelectedItem().id();
            save(() -> plans.review(plan, today(), summary.getText()), summary);
        });
        return row(visible, summary, review);
    }

    private void showPlan(CarePlan p) {
        goalTable
                .getItems()
                .setAll(p == null || loaded == null ? List.of() : loaded.goals().getOrDefault(p.id(), List.of()));
        reviewTable
                .getItems()
                .setAll(
                        p == null || loaded == null
                                ? List.of()
                                : loaded.reviews().getOrDefault(p.id(), List.of()));
    }

    @Override
    protected Loaded load(long id) {
        List<CarePlan> p = plans.plans(id);
        Map<Long, List<CarePlan.Goal>> g = new HashMap<>();
        Map<Long, List<PlanReview>> r = new HashMap<>();
        for (CarePlan plan : p) {
            g.put(plan.id(), plans.goals(plan.id()));
            r.put(plan.id(), plans.reviews(plan.id()));
        }
        return new Loaded(p, g, r, accounts.staff());
    }

    @Override
    protected void fill(Loaded l) {
        CarePlan was = planTable.getSelectionModel().getSelectedItem();
        loaded = l;
        // By the name shown, not the account's username the list comes in.
        owner.getItems()
                .setAll(l.staff().stream()
                        .sorted(Messages.byText(m -> m.displayName()))
                        .toList());
        planTable.getItems().setAll(l.plans());
        l.plans().stream()
                .filter(p -> was != null && p.id() == was.id())
                .findFirst()
                .ifPresentOrElse(
                        p -> planTable.getSelectionModel().select(p),
                        () -> planTable.getSelectionModel().selectFirst());
        showPlan(planTable.getSelectionModel().getSelectedItem());
    }

    @Override
    protected void clear() {
        loaded = null;
        planTable.getItems().clear();
        goalTable.getItems().clear();
        reviewTable.getItems().clear();
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
