package org.huyou.care.ui;

import java.math.BigDecimal;
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
import org.huyou.care.rehab.Rehab;
import org.huyou.care.rehab.RehabService;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.FormDefaults;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.residents.ui.FilePartViewModel;

/**
 * The rehabilitation tab's state and commands: plans, the selected plan's goals with their scores, sessions; the
 * forms for a plan, its review, a goal, a session and a score, with numbers read before the service is asked.
 */
public final class RehabViewModel extends FilePartViewModel<RehabViewModel.Loaded> {

    private final RehabService rehab;
    private final Clock clock;
    private final ObservableList<Rehab.Plan> plans = FXCollections.observableArrayList();
    private final ObservableList<Rehab.Progress> goals = FXCollections.observableArrayList();
    private final ObservableList<Rehab.Session> sessions = FXCollections.observableArrayList();
    private Loaded loaded;

    final ObjectProperty<Rehab.Plan> plan = new SimpleObjectProperty<>();
    final ObjectProperty<Rehab.Progress> goal = new SimpleObjectProperty<>();

    final StringProperty planTitle = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> planStart = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> planReview = new SimpleObjectProperty<>();

    final StringProperty reviewSummary = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> nextReview = new SimpleObjectProperty<>();

    final ObjectProperty<Rehab.Area> goalArea = new SimpleObjectProperty<>(Rehab.Area.values()[0]);
    final StringProperty goalText = new SimpleStringProperty("");
    final StringProperty goalMeasure = new SimpleStringProperty("");
    final StringProperty goalBaseline = new SimpleStringProperty("");
    final StringProperty goalTarget = new SimpleStringProperty("");

    final ObjectProperty<LocalDate> sessionDate = new SimpleObjectProperty<>();
    final ObjectProperty<Rehab.Area> sessionArea = new SimpleObjectProperty<>(Rehab.Area.values()[0]);
    final ObjectProperty<Rehab.Attendance> attendance = new SimpleObjectProperty<>(Rehab.Attendance.values()[0]);
    final StringProperty minutes = new SimpleStringProperty("45");
    final StringProperty sessionNote = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> nextSession = new SimpleObjectProperty<>();

    final ObjectProperty<LocalDate> scoreDate = new SimpleObjectProperty<>();
    final StringProperty score = new SimpleStringProperty("");
    final StringProperty scoreNote = new SimpleStringProperty("");

    private final FormDefaults planForm;
    private final FormDefaults reviewForm;
    private final FormDefaults goalForm;
    private final FormDefaults sessionForm;
    private final FormDefaults scoreForm;

    /** What the tab shows for one resident: plans, each plan's goals with their scores, recent sessions. */
    record Loaded(List<Rehab.Plan> plans, Map<Long, List<Rehab.Progress>> goals, List<Rehab.Session> sessions) {}

    public RehabViewModel(RehabService rehab, TaskRunner tasks, Notices notices, Clock clock) {
        super(tasks, notices);
        this.rehab = rehab;
        this.clock = clock;
        planForm = form(planTitle).with(planStart, this::today).with(planReview, () -> today().plusMonths(3));
        reviewForm = form(reviewSummary).with(nextReview, () -> today().plusMonths(3));
        goalForm = form(goalArea, goalText, goalMeasure, goalBaseline, goalTarget);
        sessionForm =
                form(sessionArea, attendance, minutes, sessionNote, nextSession).with(sessionDate, this::today);
        scoreForm = form(score, scoreNote).with(scoreDate, this::today);
        plan.addListener((o, was, p) -> showGoals(p));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Override
    protected Loaded load(long id) {
        List<Rehab.Plan> p = rehab.plans(id);
        Map<Long, List<Rehab.Progress>> byPlan = new HashMap<>();
        for (Rehab.Plan each : p) {
            byPlan.put(
                    each.id(),
                    rehab.goals(each.id()).stream()
                            .filter(g -> !g.voided())
                            .map(g -> rehab.progress(g.id()))
                            .toList());
        }
        return new Loaded(p, byPlan, rehab.sessions(id, 100));
    }

    @Override
    protected void fill(Loaded l) {
        Rehab.Plan was = plan.get();
        Rehab.Progress goalWas = goal.get();
        loaded = l;
        plans.setAll(l.plans());
        sessions.setAll(l.sessions());
        if (l.plans().isEmpty()) {
            plan.set(null);
            showGoals(null);
            return;
        }
        // Keep the user's place: the same plan and goal stay selected after a save.
        int index = was == null ? 0 : Math.max(0, indexOf(l.plans(), was.id()));
        plan.set(plans.get(index));
        showGoals(plan.get());
        if (goalWas != null) {
            goals.stream()
                    .filter(g -> g.goal().id() == goalWas.goal().id())
                    .findFirst()
                    .ifPresent(goal::set);
        }
    }

    private static int indexOf(List<Rehab.Plan> plans, long id) {
        for (int i = 0; i < plans.size(); i++) {
            if (plans.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    @Override
    protected void clear() {
        loaded = null;
        plans.clear();
        goals.clear();
        sessions.clear();
        plan.set(null);
        goal.set(null);
    }

    /** The plan's goals, the first one selected (its chart shown). */
    private void showGoals(Rehab.Plan p) {
        goals.setAll(p == null || loaded == null ? List.of() : loaded.goals().getOrDefault(p.id(), List.of()));
        goal.set(goals.isEmpty() ? null : goals.get(0));
    }

    void addPlan() {
        Long id = residentId();
        String t = planTitle.get();
        LocalDate from = planStart.get();
        LocalDate review = planReview.get();
        save(planForm, () -> rehab.createPlan(id, t, from, review));
    }

    void reviewPlan() {
        Rehab.Plan p = selected(plan.get(), "rehab.selectPlan");
        if (p == null) {
            return;
        }
        String s = reviewSummary.get();
        LocalDate next = nextReview.get();
        LocalDate on = today();
        save(reviewForm, () -> rehab.reviewPlan(p.id(), on, s, next));
    }

    void addGoal() {
        Rehab.Plan p = selected(plan.get(), "rehab.selectPlan");
        if (p == null) {
            return;
        }
        BigDecimal baseline;
        BigDecimal target;
        try {
            baseline = InlineForms.decimal("rehabGoalBaseline", Messages.t("rehab.baseline"), goalBaseline.get());
            target = InlineForms.decimal("rehabGoalTarget", Messages.t("rehab.target"), goalTarget.get());
        } catch (ValidationException bad) {
            notices.showError(bad); // said by name, the text kept
            return;
        }
        Rehab.Area area = goalArea.get();
        String d = goalText.get();
        String m = goalMeasure.get();
        save(goalForm, () -> rehab.addGoal(p.id(), area, d, m, baseline, target));
    }

    void recordSession() {
        Rehab.Plan p = selected(plan.get(), "rehab.selectPlan");
        if (p == null) {
            return;
        }
        int m;
        try {
            m = InlineForms.whole("rehabMinutes", Messages.t("rehab.minutes"), minutes.get());
        } catch (ValidationException bad) {
            notices.showError(bad);
            return;
        }
        LocalDate on = sessionDate.get();
        Rehab.Area area = sessionArea.get();
        Rehab.Attendance a = attendance.get();
        String note = sessionNote.get();
        LocalDate next = nextSession.get();
        save(sessionForm, () -> rehab.recordSession(p.id(), on, area, a, m, note, next));
    }

    void recordScore() {
        Rehab.Progress g = selected(goal.get(), "rehab.selectGoal");
        if (g == null) {
            return;
        }
        BigDecimal s;
        try {
            s = InlineForms.decimal("rehabScore", Messages.t("rehab.score"), score.get());
        } catch (ValidationException bad) {
            notices.showError(bad);
            return;
        }
        LocalDate on = scoreDate.get();
        String note = scoreNote.get();
        save(scoreForm, () -> rehab.recordScore(g.goal().id(), on, s, note));
    }

    /** The selected row, or a sentence asking to select one first. */
    private <T> T selected(T row, String askKey) {
        if (row == null) {
            notices.showError(new UserFacingException(askKey));
        }
        return row;
    }

    void voidPlan(Rehab.Plan p, String reason) {
        rehab.voidEntry(RehabService.Entry.PLAN, p.id(), reason);
    }

    void voidSession(Rehab.Session s, String reason) {
        rehab.voidEntry(RehabService.Entry.SESSION, s.id(), reason);
    }

    ObservableList<Rehab.Plan> plans() {
        return plans;
    }

    ObservableList<Rehab.Progress> goals() {
        return goals;
    }

    ObservableList<Rehab.Session> sessions() {
        return sessions;
    }
}
