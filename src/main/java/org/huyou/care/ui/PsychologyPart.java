package org.huyou.care.ui;

import static org.huyou.common.ui.InlineForms.area;
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
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.huyou.care.psych.CounsellingService;
import org.huyou.care.psych.CounsellingSession;
import org.huyou.care.psych.Instrument;
import org.huyou.care.psych.PsychologyService;
import org.huyou.care.psych.RiskAssessment;
import org.huyou.care.psych.RiskGrade;
import org.huyou.care.psych.Screening;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.FieldMarks;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.VoidButton;
import org.huyou.residents.ui.FilePartViewModel;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/**
 * Psychological care (the View of {@link PsychologyViewModel}): questionnaires, the double assessment with its grade
 * and trend, and the counselling sessions whose notes stay sealed until opened with a reason.
 */
public final class PsychologyPart implements FilePartView {

    private final PsychologyViewModel model;
    private final DialogService dialogs;
    private final TableView<Screening> screenings = table("screeningTable", 130, "psych.noScreenings");
    private final TableView<RiskAssessment> assessments = table("assessmentTable", 130, "psych.noAssessments");
    private final TableView<CounsellingSession> sessions = table("counsellingTable", 140, "counselling.none");
    private final LineChart<String, Number> trend;
    private final VBox root;

    public PsychologyPart(
            PsychologyService psychology,
            CounsellingService counselling,
            TaskRunner tasks,
            DialogService dialogs,
            CurrentUser user,
            Clock clock) {
        this.model =
                new PsychologyViewModel(psychology, counselling, tasks, FieldMarks.marking(this::node, dialogs), clock);
        this.dialogs = dialogs;
        boolean create = user.can(AppModule.PSYCHOLOGY, Action.CREATE);
        boolean voids = user.can(AppModule.PSYCHOLOGY, Action.VOID);
        NumberAxis y = new NumberAxis(0.5, 3.5, 1);
        y.setTickLabelFormatter(Converters.of(
                n -> n.intValue() >= 1 && n.intValue() <= 3 ? RiskGrade.values()[n.intValue() - 1].label() : ""));
        y.setMinorTickVisible(false);
        trend = new LineChart<>(new CategoryAxis(), y);
        trend.setId("riskTrend");
        trend.setAnimated(false);
        trend.setLegendVisible(false);
        trend.setPrefHeight(200);
        trend.setTitle(Messages.t("psych.trend"));
        Label grade = new Label();
        grade.setId("riskGrade");
        grade.getStyleClass().add("form-heading");
        grade.textProperty().bind(model.gradeProperty());
        columns();
        screenings.setItems(model.screenings());
        assessments.setItems(model.assessments());
        sessions.setItems(model.sessions());
        model.setOnShown(l -> drawTrend(l != null));
        root = InlineForms.scrolled(
                heading("psych.screenings"),
                screeningForm(create),
                screenings,
                VoidButton.under(
                        screenings, voids, Screening::voided, model::voidScreening, tasks, dialogs, model::changed),
                heading("psych.doubleAssessment"),
                assessmentForm(create),
                grade,
                assessments,
                trend,
                VoidButton.under(
                        assessments,
                        voids,
                        RiskAssessment::voided,
                        model::voidAssessment,
                        tasks,
                        dialogs,
                        model::changed),
                heading("counselling.title"),
                sessionForm(user.can(AppModule.COUNSELLING_NOTES, Action.CREATE)),
                sessions,
                openNoteButton(user.can(AppModule.COUNSELLING_NOTES, Action.VIEW)));
    }

    private void columns() {
        screenings.getColumns().add(Columns.text("psych.date", s -> Dates.format(s.assessedOn()), 95));
        screenings
                .getColumns()
                .add(Columns.text("psych.instrument", s -> s.instrument() + voidMark(s.voided(), s.voidReason()), 80));
        screenings.getColumns().add(Columns.text("psych.result", model::describe, 330));
        screenings
                .getColumns()
                .add(Columns.text("psych.suggested", s -> s.suggested().label(), 80));
        assessments.getColumns().add(Columns.text("psych.date", a -> Dates.format(a.assessedOn()), 95));
        assessments
                .getColumns()
                .add(Columns.text("psych.grade", a -> a.grade().label() + voidMark(a.voided(), a.voidReason()), 90));
        assessments
                .getColumns()
                .add(Columns.text(
                        "psych.guardianshipRisk", a -> a.guardianshipRisk().label(), 90));
        assessments
                .getColumns()
                .add(Columns.text(
                        "psych.psychologicalRisk", a -> a.psychologicalRisk().label(), 90));
        assessments.getColumns().add(Columns.text("psych.basis", a -> InlineForms.nz(a.basis()), 200));
        assessments
                .getColumns()
                .add(Columns.text("psych.psychologist", a -> Accounts.displayName(a.psychologist()), 80));
        sessions.getColumns().add(Columns.text("psych.date", s -> Dates.format(s.date()), 95));
        sessions.getColumns()
                .add(Columns.text(
                        "counselling.kind", s -> s.kind().label() + voidMark(s.voided(), s.voidReason()), 100));
        sessions.getColumns().add(Columns.text("counselling.minutes", s -> String.valueOf(s.minutes()), 70));
        sessions.getColumns()
                .add(Columns.text("counselling.counsellor", c -> Accounts.displayName(c.counsellor()), 90));
        sessions.getColumns().add(Columns.text("counselling.note", s -> Messages.t("counselling.sealed"), 160));
    }

    private Node screeningForm(boolean visible) {
        ComboBox<Instrument> instrument = new ComboBox<>(model.instruments());
        instrument.setId("instrumentChoice");
        instrument.setConverter(Converters.of(Instrument::name));
        instrument.valueProperty().bindBidirectional(model.instrument);
        DateField day = boundDate("screeningDate", "psych.date", model.screeningDate);
        Button start = new Button(Messages.t("psych.startScreening"));
        start.setId("startScreening");
        start.setOnAction(e -> {
            day.commitText();
            Instrument ins = model.instrument.get();
            if (ins == null || model.residentId() == null) {
                return;
            }
            QuestionnaireDialog.ask(dialogs, ins).ifPresent(answers -> model.screen(ins, answers));
        });
        return row(visible, instrument, labelled("psych.date", day), start);
    }

    private Node assessmentForm(boolean visible) {
        DateField day = boundDate("assessmentDate", "psych.date", model.assessmentDate);
        ComboBox<RiskGrade> guardianship = choice("guardianshipRisk", null, RiskGrade.values());
        guardianship.valueProperty().bindBidirectional(model.guardianship);
        ComboBox<RiskGrade> psychological = choice("psychRisk", null, RiskGrade.values());
        psychological.valueProperty().bindBidirectional(model.psychological);
        Label g = new Label(Messages.t("psych.guardianshipRisk"));
        Label p = new Label(Messages.t("psych.psychologicalRisk"));
        // labelled for FieldMarks: a grade left unchosen is marked where the refusal names it
        g.setLabelFor(guardianship);
        p.setLabelFor(psychological);
        TextField basis = bound(text("assessmentBasis", "psych.basis"), model.basis);
        basis.setPrefColumnCount(28);
        Button save = new Button(Messages.t("psych.saveAssessment"));
        save.setId("saveAssessment");
        save.setOnAction(e -> {
            day.commitText();
            model.assess();
        });
        return row(visible, labelled("psych.date", day), g, guardianship, p, psychological, basis, save);
    }

    private Node sessionForm(boolean visible) {
        DateField day = boundDate("counsellingDate", "psych.date", model.counsellingDate);
        ComboBox<CounsellingSession.Kind> kind = choice("counsellingKind", null, CounsellingSession.Kind.values());
        kind.valueProperty().bindBidirectional(model.kind);
        TextField minutes = bound(text("counsellingMinutes", "counselling.minutes"), model.minutes);
        minutes.setPrefColumnCount(4);
        TextArea note = bound(area("counsellingNote", "counselling.note"), model.note);
        Button add = new Button(Messages.t("counselling.record"));
        add.setId("recordCounselling");
        add.setOnAction(e -> {
            day.commitText();
            model.recordCounselling();
        });
        return new VBox(6, row(visible, labelled("psych.date", day), kind, minutes, add), row(visible, note));
    }

    /** Opens the selected session's sealed note after asking why; the service audits the reason. */
    private Node openNoteButton(boolean allowed) {
        Button open = new Button(Messages.t("counselling.open"));
        open.setId("openCounsellingNote");
        open.disableProperty()
                .bind(sessions.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> {
            CounsellingSession s = sessions.getSelectionModel().getSelectedItem();
            dialogs.askReason(
                            Messages.t("counselling.openTitle"),
                            Messages.t("counselling.openExplain"),
                            Messages.t("counselling.reason"),
                            Messages.t("counselling.open"))
                    .ifPresent(reason -> model.openNote(
                            s,
                            reason,
                            note -> dialogs.showText(
                                    Messages.t(
                                            "counselling.noteOf",
                                            Dates.format(s.date()),
                                            s.kind().label()),
                                    note)));
        });
        return row(allowed, open);
    }

    /** The grade of each valid assessment over time (none while no resident is shown). */
    private void drawTrend(boolean shown) {
        trend.getData().clear();
        if (!shown) {
            return;
        }
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        model.trend()
                .forEach(a -> series.getData()
                        .add(new XYChart.Data<>(
                                Dates.format(a.assessedOn()), a.grade().ordinal() + 1)));
        trend.getData().add(series);
    }

    @Override
    public FilePartViewModel<?> model() {
        return model;
    }

    @Override
    public String title() {
        return Messages.t("careDomain.PSYCHOLOGY");
    }

    @Override
    public Node node() {
        return root;
    }
}
