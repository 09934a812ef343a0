package org.huyou.care.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.care.PlanReview;
import org.huyou.care.plan.CarePlan;
import org.huyou.care.plan.CarePlanService;
import org.huyou.common.Messages;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.FormDefaults;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.residents.ui.FilePartViewModel;
import org.huyou.security.AccountService;

/**
 * The integrated care plan's state and commands: plans, the selected plan's goals and reviews, who may own a goal;
 * drafting, approving, reviewing and moving goals along (the service keeps who may do which).
 */
public final class CarePlanViewModel extends FilePartViewModel<CarePlanViewModel.Loaded> {

    private final CarePlanService plans;
    private final AccountService accounts;
    private final Clock clock;
    private final ObservableList<CarePlan> planRows = FXCollections.observableArrayList();
    private final ObservableList<CarePlan.Goal> goals = FXCollections.observableArrayList();
    private final ObservableList<PlanReview> reviews = FXCollections.observableArrayList();
    private final ObservableList<AccountService.StaffMember> owners = FXCollections.observableArrayList();
    private Loaded loaded;

    final ObjectProperty<CarePlan> plan = new SimpleObjectProperty<>();
    final ObjectProperty<CarePlan.Goal> goal = new SimpleObjectProperty<>();

    final ObjectProperty<LocalDate> start = new SimpleObjectProperty<>();
    final StringProperty summary = new SimpleStringProperty("");
    final StringProperty reviewMonths = new SimpleStringProperty(String.valueOf(CarePlanService.DEFAULT_REVIEW_MONTHS));

    final ObjectProperty<CarePlan.Domain> domain = new SimpleObjectProperty<>(CarePlan.Domain.values()[0]);
    final StringProperty goalText = new SimpleStringProperty("");
    final ObjectProperty<AccountService.StaffMember> owner = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> due = new SimpleObjectProperty<>();

    final ObjectProperty<CarePlan.GoalStatus> status = new SimpleObjectProperty<>(CarePlan.GoalStatus.IN_PROGRESS);
    final StringProperty reviewSummary = new SimpleStringProperty("");

    private final FormDefaults planForm;
    private final FormDefaults goalForm;
    private final FormDefaults reviewForm;

    /** What the tab shows for one resident: plans with their goals and reviews, and who can own a goal. */
    record Loaded(
            List<CarePlan> plans,
            Map<Long, List<CarePlan.Goal>> goals,
            Map<Long, List<PlanReview>> reviews,
            List<AccountService.StaffMember> staff) {}

    public CarePlanViewModel(
            CarePlanService plans, AccountService accounts, TaskRunner tasks, Notices notices, Clock clock) {
        super(tasks, notices);
        this.plans = plans;
        this.accounts = accounts;
        this.clock = clock;
        planForm = form(summary, reviewMonths).with(start, this::today);
        goalForm = form(domain, goalText, owner).with(due, () -> today().plusMonths(3));
        reviewForm = form(reviewSummary);
        plan.addListener((o, was, p) -> showPlan(p));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Override
    protected Loaded load(long id) {
        List<CarePlan> p = plans.plans(id);
        Map<Long, List<CarePlan.Goal>> g = new HashMap<>();
        Map<Long, List<PlanReview>> r = new HashMap<>();
        for (CarePlan each : p) {
            g.put(each.id(), plans.goals(each.id()));
            r.put(each.id(), plans.reviews(each.id()));
        }
        return new Loaded(p, g, r, accounts.staff());
    }

    @Override
    protected void fill(Loaded l) {
        CarePlan was = plan.get();
        loaded = l;
        // By the name shown, not the account's username the list comes in.
        owners.setAll(
                l.staff().stream().sorted(Messages.byText(m -> m.displayName())).toList());
        planRows.setAll(l.plans());
        plan.set(l.plans().stream()
                .filter(p -> was != null && p.id() == was.id())
                .findFirst()
                .orElse(l.plans().isEmpty() ? null : l.plans().get(0)));
        showPlan(plan.get());
    }

    @Override
    protected void clear() {
        loaded = null;
        planRows.clear();
        goals.clear();
        reviews.clear();
        plan.set(null);
    }

    private void showPlan(CarePlan p) {
        goals.setAll(p == null || loaded == null ? List.of() : loaded.goals().getOrDefault(p.id(), List.of()));
        reviews.setAll(
                p == null || loaded == null ? List.of() : loaded.reviews().getOrDefault(p.id(), List.of()));
    }

    /** A draft plan; letters in its review interval are refused by name before the service is asked. */
    void addPlan() {
        int months;
        try {
            months = InlineForms.whole("carePlanMonths", Messages.t("carePlan.reviewMonths"), reviewMonths.get());
        } catch (ValidationException bad) {
            notices.showError(bad);
            return;
        }
        Long id = residentId();
        LocalDate from = start.get();
        String s = summary.get();
        save(planForm, () -> plans.createPlan(id, from, s, months));
    }

    /** The selected plan approved (the View asked first). */
    void approve() {
        CarePlan p = plan.get();
        if (p != null) {
            save(() -> plans.approve(p.id(), p.version()), () -> {});
        }
    }

    void addGoal() {
        CarePlan p = plan.get();
        if (p == null) {
            return;
        }
        CarePlan.Domain d = domain.get();
        String text = goalText.get();
        String who = owner.get() == null ? null : owner.get().username();
        LocalDate by = due.get();
        save(goalForm, () -> plans.addGoal(p.id(), d, text, who, by));
    }

    /** The selected goal moved along. */
    void setGoalStatus() {
        CarePlan.Goal g = goal.get();
        if (g != null) {
            CarePlan.GoalStatus s = status.get();
            save(() -> plans.setGoalStatus(g.id(), g.version(), s), () -> {});
        }
    }

    void review() {
        CarePlan p = plan.get();
        if (p == null) {
            return;
        }
        String s = reviewSummary.get();
        LocalDate on = today();
        save(reviewForm, () -> plans.review(p.id(), on, s));
    }

    void voidPlan(CarePlan p, String reason) {
        plans.voidEntry(CarePlanService.Entry.PLAN, p.id(), reason);
    }

    ObservableList<CarePlan> plans() {
        return planRows;
    }

    ObservableList<CarePlan.Goal> goals() {
        return goals;
    }

    ObservableList<PlanReview> reviews() {
        return reviews;
    }

    /** Who can own a goal, by the name shown. */
    ObservableList<AccountService.StaffMember> owners() {
        return owners;
    }
}
