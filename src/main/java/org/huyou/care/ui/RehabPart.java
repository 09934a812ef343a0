package org.huyou.care.ui;

import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.nz;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;
import static org.huyou.common.ui.InlineForms.voidMark;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.huyou.care.rehab.Rehab;
import org.huyou.care.rehab.RehabService;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.VoidButton;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/**
 * Rehabilitation: plans and their measurable goals, recording a session or a scored assessment, and the selected
 * goal's progress chart against its target.
 */
public final class RehabPart extends LoadingPart<RehabPart.Loaded> {

    private final RehabService rehab;
    private final TableView<Rehab.Plan> plans = table("rehabPlanTable", 110, "rehab.noPlans");
    private final TableView<Rehab.Progress> goals = table("rehabGoalTable", 130, "rehab.noGoals");
    private final TableView<Rehab.Session> sessions = table("rehabSessionTable", 170, "rehab.noSessions");
    private final LineChart<String, Number> chart;
    private final VBox root;
    private Loaded loaded;

    /** What the tab shows for one resident: plans, each plan's goals with their scores, recent sessions. */
    record Loaded(List<Rehab.Plan> plans, Map<Long, List<Rehab.Progress>> goals, List<Rehab.Session> sessions) {}

    public RehabPart(RehabService rehab, TaskRunner tasks, DialogService dialogs, CurrentUser user, Clock clock) {
        super(tasks, dialogs, clock);
        this.rehab = rehab;
        boolean create = user.can(AppModule.REHABILITATION, Action.CREATE);
        boolean voids = user.can(AppModule.REHABILITATION, Action.VOID);
        chart = new LineChart<>(new CategoryAxis(), new NumberAxis());
        chart.setId("rehabChart");
        chart.setAnimated(false);
        chart.setPrefHeight(240);
        chart.setTitle(Messages.t("rehab.chartTitle"));
        columns();
        plans.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> showGoals(p));
        goals.getSelectionModel().selectedItemProperty().addListener((o, a, g) -> showChart(g));
        root = InlineForms.scrolled(
                heading("rehab.plans"),
                planForm(create),
                plans,
                VoidButton.under(
                        plans,
                        voids,
                        Rehab.Plan::voided,
                        (p, why) -> rehab.voidEntry(RehabService.Entry.PLAN, p.id(), why),
                        tasks,
                        dialogs,
                        changed()),
                reviewForm(user.can(AppModule.REHABILITATION, Action.EDIT)),
                heading("rehab.goals"),
                goalForm(create),
                goals,
                chart,
                heading("rehab.record"),
                sessionForm(create),
                scoreForm(create),
                heading("rehab.sessions"),
                sessions,
                VoidButton.under(
                        sessions,
                        voids,
                        Rehab.Session::voided,
                        (s, why) -> rehab.voidEntry(RehabService.Entry.SESSION, s.id(), why),
                        tasks,
                        dialogs,
                        changed()));
    }

    private void columns() {
        plans.getColumns()
                .add(Columns.text("rehab.planTitle", p -> p.title() + voidMark(p.voided(), p.voidReason()), 220));
        plans.getColumns().add(Columns.text("rehab.start", p -> Dates.format(p.start()), 95));
        plans.getColumns().add(Columns.text("rehab.reviewDue", p -> Dates.format(p.reviewDue()), 95));
        plans.getColumns().add(Columns.text("rehab.therapist", p -> Accounts.displayName(p.therapist()), 90));
        goals.getColumns().add(Columns.text("rehab.area", g -> g.goal().area().label(), 90));
        goals.getColumns().add(Columns.text("rehab.goal", g -> g.goal().description(), 180));
        goals.getColumns().add(Columns.text("rehab.measure", g -> g.goal().measure(), 120));
        goals.getColumns()
                .add(Columns.text(
                        "rehab.baselineTarget",
                        g -> plain(g.goal().baseline()) + " → " + plain(g.goal().target()),
                        90));
        goals.getColumns()
                .add(Columns.text("rehab.progress", g -> g.scores().isEmpty() ? "" : g.latestPercent() + "%", 70));
        sessions.getColumns().add(Columns.text("rehab.sessionDate", s -> Dates.format(s.date()), 95));
        sessions.getColumns().add(Columns.text("rehab.area", s -> s.area().label(), 90));
        sessions.getColumns()
                .add(Columns.text(
                        "rehab.attendance", s -> s.attendance().label() + voidMark(s.voided(), s.voidReason()), 90));
        sessions.getColumns().add(Columns.text("rehab.minutes", s -> String.valueOf(s.minutes()), 60));
        sessions.getColumns().add(Columns.text("rehab.note", s -> nz(s.note()), 200));
        sessions.getColumns().add(Columns.text("rehab.nextSession", s -> Dates.format(s.nextSession()), 95));
    }

    private Node planForm(boolean visible) {
        TextField title = text("rehabPlanTitle", "rehab.planTitle");
        DateField start = date("rehabPlanStart", "rehab.start", today());
        DateField review = date("rehabPlanReview", "rehab.reviewDue", today().plusMonths(3));
        Button add = new Button(Messages.t("rehab.addPlan"));
        add.setId("addRehabPlan");
        add.setOnAction(e -> {
            start.commitText();
            review.commitText();
            save(() -> rehab.createPlan(residentId, title.getText(), start.getValue(), review.getValue()), title);
        });
        return row(visible, title, labelled("rehab.start", start), labelled("rehab.reviewDue", review), add);
    }

    private Node reviewForm(boolean visible) {
        TextField summary = text("rehabReviewSummary", "plan.reviewSummary");
        DateField next = date("rehabNextReview", "plan.nextReview", today().plusMonths(3));
        Button review = new Button(Messages.t("plan.review"));
        review.setId("reviewRehabPlan");
        review.setOnAction(e -> {
            next.commitText();
            Rehab.Plan p = selected(plans);
            if (p != null) {
                save(() -> rehab.reviewPlan(p.id(), today(), summary.getText(), next.getValue()), summary);
            }
        });
        return row(visible, summary, labelled("plan.nextReview", next), review);
    }

    private Node goalForm(boolean visible) {
        ComboBox<Rehab.Area> area = choice("rehabGoalArea", null, Rehab.Area.values());
        TextField description = text("rehabGoalText", "rehab.goal");
        TextField measure = text("rehabGoalMeasure", "rehab.measure");
        TextField baseline = text("rehabGoalBaseline", "rehab.baseline");
        baseline.setPrefColumnCount(5);
        TextField target = text("rehabGoalTarget", "rehab.target");
        target.setPrefColumnCount(5);
        Button add = new Button(Messages.t("rehab.addGoal"));
        add.setId("addRehabGoal");
        add.setOnAction(e -> {
            Rehab.Plan p = selected(plans);
            if (p != null) {
                save(
                        () -> rehab.addGoal(
                                p.id(),
                                area.getValue(),
                                description.getText(),
                                measure.getText(),
                                InlineForms.decimal(baseline),
                                InlineForms.decimal(target)),
                        description,
                        measure,
                        baseline,
                        target);
            }
        });
        return row(visible, area, description, measure, baseline, target, add);
    }

    private Node sessionForm(boolean visible) {
        DateField day = date("rehabSessionDate", "rehab.sessionDate", today());
        ComboBox<Rehab.Area> area = choice("rehabSessionArea", null, Rehab.Area.values());
        ComboBox<Rehab.Attendance> attendance = choice("rehabAttendance", null, Rehab.Attendance.values());
        TextField minutes = text("rehabMinutes", "rehab.minutes");
        minutes.setText("45");
        minutes.setPrefColumnCount(4);
        TextField note = text("rehabSessionNote", "rehab.note");
        DateField next = date("rehabNextSession", "rehab.nextSession", null);
        Button add = new Button(Messages.t("rehab.recordSession"));
        add.setId("recordRehabSession");
        add.setOnAction(e -> {
            day.commitText();
            next.commitText();
            Rehab.Plan p = selected(plans);
            if (p != null) {
                save(
                        () -> rehab.recordSession(
                                p.id(),
                                day.getValue(),
                                area.getValue(),
                                attendance.getValue(),
                                InlineForms.whole(minutes),
                                note.getText(),
                                next.getValue()),
                        note);
            }
        });
        return row(
                visible,
                labelled("rehab.sessionDate", day),
                area,
                attendance,
                minutes,
                note,
                labelled("rehab.nextSession", next),
                add);
    }

    private Node scoreForm(boolean visible) {
        DateField day = date("rehabScoreDate", "rehab.assessedOn", today());
        TextField score = text("rehabScore", "rehab.score");
        score.setPrefColumnCount(6);
        TextField note = text("rehabScoreNote", "rehab.note");
        Button add = new Button(Messages.t("rehab.recordScore"));
        add.setId("recordRehabScore");
        add.setOnAction(e -> {
            day.commitText();
            Rehab.Progress g = selected(goals);
            if (g != null) {
                save(
                        () -> rehab.recordScore(
                                g.goal().id(), day.getValue(), InlineForms.decimal(score), note.getText()),
                        score,
                        note);
            }
        });
        return row(visible, labelled("rehab.assessedOn", day), score, note, add);
    }

    /** The selected row, or a message asking to select one first. */
    private <T> T selected(TableView<T> table) {
        T t = table.getSelectionModel().getSelectedItem();
        if (t == null) {
            dialogs.showError(Messages.t(table == plans ? "rehab.selectPlan" : "rehab.selectGoal"));
        }
        return t;
    }

    private void showGoals(Rehab.Plan plan) {
        goals.getItems()
                .setAll(
                        plan == null || loaded == null
                                ? List.of()
                                : loaded.goals().getOrDefault(plan.id(), List.of()));
        if (!goals.getItems().isEmpty()) {
            goals.getSelectionModel().selectFirst();
        } else {
            showChart(null);
        }
    }

    /** The goal's scores by date, with its target as a flat line. */
    private void showChart(Rehab.Progress g) {
        chart.getData().clear();
        if (g == null) {
            return;
        }
        XYChart.Series<String, Number> scores = new XYChart.Series<>();
        scores.setName(g.goal().description());
        XYChart.Series<String, Number> target = new XYChart.Series<>();
        target.setName(Messages.t("rehab.target"));
        g.scores().stream().filter(s -> !s.voided()).forEach(s -> {
            scores.getData().add(new XYChart.Data<>(Dates.format(s.date()), s.score()));
            target.getData()
                    .add(new XYChart.Data<>(Dates.format(s.date()), g.goal().target()));
        });
        chart.getData().add(scores);
        chart.getData().add(target);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    @Override
    protected Loaded load(long id) {
        List<Rehab.Plan> p = rehab.plans(id);
        Map<Long, List<Rehab.Progress>> byPlan = new HashMap<>();
        for (Rehab.Plan plan : p) {
            byPlan.put(
                    plan.id(),
                    rehab.goals(plan.id()).stream()
                            .filter(g -> !g.voided())
                            .map(g -> rehab.progress(g.id()))
                            .toList());
        }
        return new Loaded(p, byPlan, rehab.sessions(id, 100));
    }

    @Override
    protected void fill(Loaded l) {
        Rehab.Plan was = plans.getSelectionModel().getSelectedItem();
        Rehab.Progress goalWas = goals.getSelectionModel().getSelectedItem();
        loaded = l;
        plans.getItems().setAll(l.plans());
        sessions.getItems().setAll(l.sessions());
        // Keep the user's place: the same plan and goal stay selected after a save.
        int index = was == null ? 0 : Math.max(0, indexOf(l.plans(), was.id()));
        if (!l.plans().isEmpty()) {
            plans.getSelectionModel().select(index);
            showGoals(plans.getSelectionModel().getSelectedItem());
            if (goalWas != null) {
                goals.getItems().stream()
                        .filter(g -> g.goal().id() == goalWas.goal().id())
                        .findFirst()
                        .ifPresent(g -> goals.getSelectionModel().select(g));
            }
        } else {
            showGoals(null);
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
        plans.getItems().clear();
        goals.getItems().clear();
        sessions.getItems().clear();
        chart.getData().clear();
    }

    @Override
    public String title() {
        return Messages.t("careDomain.REHABILITATION");
    }

    @Override
    public Node node() {
        return root;
    }
}
