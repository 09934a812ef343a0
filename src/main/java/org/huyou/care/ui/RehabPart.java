package org.huyou.care.ui;

import static org.huyou.common.ui.InlineForms.bound;
import static org.huyou.common.ui.InlineForms.boundDate;
import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.nz;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;
import static org.huyou.common.ui.InlineForms.voidMark;

import java.math.BigDecimal;
import java.time.Clock;
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
import org.huyou.common.ui.FieldMarks;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.VoidButton;
import org.huyou.residents.ui.FilePartViewModel;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/**
 * Rehabilitation (the View of {@link RehabViewModel}): plans and their measurable goals, recording a session or a
 * scored assessment, and the selected goal's progress chart against its target.
 */
public final class RehabPart implements FilePartView {

    private final RehabViewModel model;
    private final TableView<Rehab.Plan> plans = table("rehabPlanTable", 110, "rehab.noPlans");
    private final TableView<Rehab.Progress> goals = table("rehabGoalTable", 130, "rehab.noGoals");
    private final TableView<Rehab.Session> sessions = table("rehabSessionTable", 170, "rehab.noSessions");
    private final LineChart<String, Number> chart;
    private final VBox root;

    public RehabPart(RehabService rehab, TaskRunner tasks, DialogService dialogs, CurrentUser user, Clock clock) {
        model = new RehabViewModel(rehab, tasks, FieldMarks.marking(this::node, dialogs), clock);
        boolean create = user.can(AppModule.REHABILITATION, Action.CREATE);
        boolean voids = user.can(AppModule.REHABILITATION, Action.VOID);
        chart = new LineChart<>(new CategoryAxis(), new NumberAxis());
        chart.setId("rehabChart");
        chart.setAnimated(false);
        chart.setPrefHeight(240);
        chart.setTitle(Messages.t("rehab.chartTitle"));
        columns();
        plans.setItems(model.plans());
        goals.setItems(model.goals());
        sessions.setItems(model.sessions());
        TableRows.follow(plans, model.plan);
        TableRows.follow(goals, model.goal);
        model.goal.addListener((o, a, g) -> showChart(g));
        root = InlineForms.scrolled(
                heading("rehab.plans"),
                planForm(create),
                plans,
                VoidButton.under(plans, voids, Rehab.Plan::voided, model::voidPlan, tasks, dialogs, model::changed),
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
                        sessions, voids, Rehab.Session::voided, model::voidSession, tasks, dialogs, model::changed));
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
        TextField title = bound(text("rehabPlanTitle", "rehab.planTitle"), model.planTitle);
        DateField start = boundDate("rehabPlanStart", "rehab.start", model.planStart);
        DateField review = boundDate("rehabPlanReview", "rehab.reviewDue", model.planReview);
        Button add = new Button(Messages.t("rehab.addPlan"));
        add.setId("addRehabPlan");
        add.setOnAction(e -> {
            start.commitText();
            review.commitText();
            model.addPlan();
        });
        return row(visible, title, labelled("rehab.start", start), labelled("rehab.reviewDue", review), add);
    }

    private Node reviewForm(boolean visible) {
        TextField summary = bound(text("rehabReviewSummary", "plan.reviewSummary"), model.reviewSummary);
        DateField next = boundDate("rehabNextReview", "plan.nextReview", model.nextReview);
        Button review = new Button(Messages.t("plan.review"));
        review.setId("reviewRehabPlan");
        review.setOnAction(e -> {
            next.commitText();
            model.reviewPlan();
        });
        return row(visible, summary, labelled("plan.nextReview", next), review);
    }

    private Node goalForm(boolean visible) {
        ComboBox<Rehab.Area> area = choice("rehabGoalArea", null, Rehab.Area.values());
        area.valueProperty().bindBidirectional(model.goalArea);
        TextField description = bound(text("rehabGoalText", "rehab.goal"), model.goalText);
        TextField measure = bound(text("rehabGoalMeasure", "rehab.measure"), model.goalMeasure);
        TextField baseline = bound(text("rehabGoalBaseline", "rehab.baseline"), model.goalBaseline);
        baseline.setPrefColumnCount(5);
        TextField target = bound(text("rehabGoalTarget", "rehab.target"), model.goalTarget);
        target.setPrefColumnCount(5);
        Button add = new Button(Messages.t("rehab.addGoal"));
        add.setId("addRehabGoal");
        add.setOnAction(e -> model.addGoal());
        return row(visible, area, description, measure, baseline, target, add);
    }

    private Node sessionForm(boolean visible) {
        DateField day = boundDate("rehabSessionDate", "rehab.sessionDate", model.sessionDate);
        ComboBox<Rehab.Area> area = choice("rehabSessionArea", null, Rehab.Area.values());
        area.valueProperty().bindBidirectional(model.sessionArea);
        ComboBox<Rehab.Attendance> attendance = choice("rehabAttendance", null, Rehab.Attendance.values());
        attendance.valueProperty().bindBidirectional(model.attendance);
        TextField minutes = bound(text("rehabMinutes", "rehab.minutes"), model.minutes);
        minutes.setPrefColumnCount(4);
        TextField note = bound(text("rehabSessionNote", "rehab.note"), model.sessionNote);
        DateField next = boundDate("rehabNextSession", "rehab.nextSession", model.nextSession);
        Button add = new Button(Messages.t("rehab.recordSession"));
        add.setId("recordRehabSession");
        add.setOnAction(e -> {
            day.commitText();
            next.commitText();
            model.recordSession();
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
        DateField day = boundDate("rehabScoreDate", "rehab.assessedOn", model.scoreDate);
        TextField score = bound(text("rehabScore", "rehab.score"), model.score);
        score.setPrefColumnCount(6);
        TextField note = bound(text("rehabScoreNote", "rehab.note"), model.scoreNote);
        Button add = new Button(Messages.t("rehab.recordScore"));
        add.setId("recordRehabScore");
        add.setOnAction(e -> {
            day.commitText();
            model.recordScore();
        });
        return row(visible, labelled("rehab.assessedOn", day), score, note, add);
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
    public FilePartViewModel<?> model() {
        return model;
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
