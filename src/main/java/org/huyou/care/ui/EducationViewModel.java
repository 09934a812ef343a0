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
import org.huyou.care.education.Education;
import org.huyou.care.education.EducationService;
import org.huyou.common.Messages;
import org.huyou.common.ui.FormDefaults;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.residents.ui.FilePartViewModel;
import org.huyou.security.AccountService;

/**
 * The special education tab's state and commands: placements with their history, the individual education plans
 * with the selected plan's goals, and progress recorded for the selected goal.
 */
public final class EducationViewModel extends FilePartViewModel<EducationViewModel.Loaded> {

    private final EducationService education;
    private final AccountService accounts;
    private final Clock clock;
    private final ObservableList<Education.Placement> placements = FXCollections.observableArrayList();
    private final ObservableList<Education.Plan> plans = FXCollections.observableArrayList();
    private final ObservableList<Education.Goal> goals = FXCollections.observableArrayList();
    private final ObservableList<Education.Progress> progress = FXCollections.observableArrayList();
    private final ObservableList<AccountService.StaffMember> teachers = FXCollections.observableArrayList();
    private Map<Long, List<Education.Goal>> goalsByPlan = Map.of();

    final ObjectProperty<Education.Plan> plan = new SimpleObjectProperty<>();
    final ObjectProperty<Education.Goal> goal = new SimpleObjectProperty<>();

    final ObjectProperty<LocalDate> placementStart = new SimpleObjectProperty<>();
    final ObjectProperty<Education.PlacementKind> kind =
            new SimpleObjectProperty<>(Education.PlacementKind.values()[0]);
    final StringProperty school = new SimpleStringProperty("");
    final StringProperty className = new SimpleStringProperty("");
    final ObjectProperty<AccountService.StaffMember> teacher = new SimpleObjectProperty<>();

    final StringProperty planTitle = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> planStart = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> planReview = new SimpleObjectProperty<>();

    final StringProperty reviewSummary = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> nextReview = new SimpleObjectProperty<>();

    final ObjectProperty<Education.Area> area = new SimpleObjectProperty<>(Education.Area.values()[0]);
    final StringProperty goalText = new SimpleStringProperty("");

    final ObjectProperty<LocalDate> progressDate = new SimpleObjectProperty<>();
    final ObjectProperty<Education.Level> level = new SimpleObjectProperty<>(Education.Level.EMERGING);
    final StringProperty note = new SimpleStringProperty("");

    private final FormDefaults placementForm;
    private final FormDefaults planForm;
    private final FormDefaults reviewForm;
    private final FormDefaults goalForm;
    private final FormDefaults progressForm;

    /** What the tab shows for one resident. */
    record Loaded(
            List<Education.Placement> placements,
            List<Education.Plan> plans,
            Map<Long, List<Education.Goal>> goals,
            List<Education.Progress> progress,
            List<AccountService.StaffMember> staff) {}

    public EducationViewModel(
            EducationService education, AccountService accounts, TaskRunner tasks, Notices notices, Clock clock) {
        super(tasks, notices);
        this.education = education;
        this.accounts = accounts;
        this.clock = clock;
        placementForm = form(kind, school, className, teacher).with(placementStart, this::today);
        planForm = form(planTitle).with(planStart, this::today).with(planReview, () -> today().plusMonths(6));
        reviewForm = form(reviewSummary).with(nextReview, () -> today().plusMonths(6));
        goalForm = form(area, goalText);
        progressForm = form(level, note).with(progressDate, this::today);
        plan.addListener((o, was, p) -> showGoals(p));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Override
    protected Loaded load(long id) {
        List<Education.Plan> p = education.plans(id);
        Map<Long, List<Education.Goal>> g = new HashMap<>();
        for (Education.Plan each : p) {
            g.put(each.id(), education.goals(each.id()));
        }
        return new Loaded(education.placements(id), p, g, education.progress(id, 100), accounts.staff());
    }

    @Override
    protected void fill(Loaded l) {
        goalsByPlan = l.goals();
        AccountService.StaffMember chosen = teacher.get();
        // By the name shown, not the account's username the list comes in.
        teachers.setAll(
                l.staff().stream().sorted(Messages.byText(m -> m.displayName())).toList());
        teacher.set(chosen);
        placements.setAll(l.placements());
        plans.setAll(l.plans());
        progress.setAll(l.progress());
        plan.set(l.plans().isEmpty() ? null : l.plans().get(0));
        showGoals(plan.get());
    }

    @Override
    protected void clear() {
        goalsByPlan = Map.of();
        placements.clear();
        plans.clear();
        goals.clear();
        progress.clear();
        plan.set(null);
    }

    private void showGoals(Education.Plan p) {
        goals.setAll(p == null ? List.of() : goalsByPlan.getOrDefault(p.id(), List.of()));
    }

    void place() {
        Long id = residentId();
        LocalDate from = placementStart.get();
        Education.PlacementKind k = kind.get();
        String s = school.get();
        String c = className.get();
        String who = teacher.get() == null ? null : teacher.get().username();
        save(placementForm, () -> education.place(id, from, k, s, c, who));
    }

    void addPlan() {
        Long id = residentId();
        String t = planTitle.get();
        LocalDate from = planStart.get();
        LocalDate review = planReview.get();
        save(planForm, () -> education.createPlan(id, t, from, review));
    }

    void reviewPlan() {
        Education.Plan p = plan.get();
        if (p == null) {
            return;
        }
        String s = reviewSummary.get();
        LocalDate next = nextReview.get();
        LocalDate on = today();
        save(reviewForm, () -> education.reviewPlan(p.id(), on, s, next));
    }

    void addGoal() {
        Education.Plan p = plan.get();
        if (p == null) {
            return;
        }
        Education.Area a = area.get();
        String d = goalText.get();
        save(goalForm, () -> education.addGoal(p.id(), a, d));
    }

    /** Progress on the selected goal. */
    void recordProgress() {
        Education.Goal g = goal.get();
        if (g == null) {
            return;
        }
        LocalDate on = progressDate.get();
        Education.Level l = level.get();
        String n = note.get();
        save(progressForm, () -> education.recordProgress(g.id(), on, l, n));
    }

    void voidPlacement(Education.Placement p, String reason) {
        education.voidEntry(EducationService.Entry.PLACEMENT, p.id(), reason);
    }

    void voidProgress(Education.Progress p, String reason) {
        education.voidEntry(EducationService.Entry.PROGRESS, p.id(), reason);
    }

    ObservableList<Education.Placement> placements() {
        return placements;
    }

    ObservableList<Education.Plan> plans() {
        return plans;
    }

    ObservableList<Education.Goal> goals() {
        return goals;
    }

    ObservableList<Education.Progress> progress() {
        return progress;
    }

    /** Who can teach a placement, by the name shown. */
    ObservableList<AccountService.StaffMember> teachers() {
        return teachers;
    }
}
