package org.huyou.care.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.care.psych.CounsellingService;
import org.huyou.care.psych.CounsellingSession;
import org.huyou.care.psych.Instrument;
import org.huyou.care.psych.PsychologyService;
import org.huyou.care.psych.RiskAssessment;
import org.huyou.care.psych.RiskGrade;
import org.huyou.care.psych.Screening;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.FormDefaults;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.residents.ui.FilePartViewModel;

/**
 * The psychology tab's state and commands: screenings with their results, the double assessment and its grade,
 * the counselling sessions whose notes stay sealed until opened with a reason (the service audits it).
 */
public final class PsychologyViewModel extends FilePartViewModel<PsychologyViewModel.Loaded> {

    private final PsychologyService psychology;
    private final CounsellingService counselling;
    private final ObservableList<Instrument> instruments = FXCollections.observableArrayList();
    private final ObservableList<Screening> screenings = FXCollections.observableArrayList();
    private final ObservableList<RiskAssessment> assessments = FXCollections.observableArrayList();
    private final ObservableList<CounsellingSession> sessions = FXCollections.observableArrayList();
    /** Each screening's result in the user's language, scored when loaded. */
    private final Map<Long, String> described = new HashMap<>();

    private final StringProperty grade = new SimpleStringProperty("");

    final ObjectProperty<Instrument> instrument = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> screeningDate = new SimpleObjectProperty<>();

    final ObjectProperty<LocalDate> assessmentDate = new SimpleObjectProperty<>();
    // No default grade (a guessed 低风险 would pass unread); the psychological side starts from a screening if any.
    final ObjectProperty<RiskGrade> guardianship = new SimpleObjectProperty<>();
    final ObjectProperty<RiskGrade> psychological = new SimpleObjectProperty<>();
    final StringProperty basis = new SimpleStringProperty("");

    final ObjectProperty<LocalDate> counsellingDate = new SimpleObjectProperty<>();
    final ObjectProperty<CounsellingSession.Kind> kind =
            new SimpleObjectProperty<>(CounsellingSession.Kind.values()[0]);
    final StringProperty minutes = new SimpleStringProperty("50");
    final StringProperty note = new SimpleStringProperty("");

    private final FormDefaults screeningForm;
    private final FormDefaults assessmentForm;
    private final FormDefaults counsellingForm;

    /** What the tab shows for one resident. */
    record Loaded(
            List<Screening> screenings,
            List<String> described,
            List<RiskAssessment> assessments,
            List<CounsellingSession> sessions) {}

    public PsychologyViewModel(
            PsychologyService psychology,
            CounsellingService counselling,
            TaskRunner tasks,
            Notices notices,
            Clock clock) {
        super(tasks, notices);
        this.psychology = psychology;
        this.counselling = counselling;
        LocalDate today = LocalDate.now(clock);
        screeningDate.set(today);
        assessmentDate.set(today);
        counsellingDate.set(today);
        instruments.setAll(psychology.instruments()); // defined as data, in memory: no database read
        instrument.set(instruments.isEmpty() ? null : instruments.get(0));
        screeningForm = form(instrument, screeningDate);
        assessmentForm = form(assessmentDate, guardianship, psychological, basis);
        counsellingForm = form(counsellingDate, kind, minutes, note);
    }

    @Override
    protected Loaded load(long id) {
        List<Screening> s = psychology.screenings(id);
        return new Loaded(
                s, s.stream().map(psychology::describe).toList(), psychology.assessments(id), counselling.sessions(id));
    }

    @Override
    protected void fill(Loaded l) {
        described.clear();
        for (int i = 0; i < l.screenings().size(); i++) {
            described.put(l.screenings().get(i).id(), l.described().get(i));
        }
        screenings.setAll(l.screenings());
        List<RiskAssessment> newestFirst = new ArrayList<>(l.assessments());
        Collections.reverse(newestFirst);
        assessments.setAll(newestFirst);
        sessions.setAll(l.sessions());
        // The psychological side starts from what the latest valid screening suggested.
        l.screenings().stream().filter(s -> !s.voided()).findFirst().ifPresent(s -> psychological.set(s.suggested()));
        RiskAssessment current =
                newestFirst.stream().filter(a -> !a.voided()).findFirst().orElse(null);
        grade.set(
                current == null
                        ? Messages.t("psych.noGrade")
                        : Messages.t(
                                "psych.currentGrade", current.grade().label(), Dates.format(current.assessedOn())));
    }

    @Override
    protected void clear() {
        described.clear();
        screenings.clear();
        assessments.clear();
        sessions.clear();
        grade.set("");
    }

    /** A questionnaire answered for the instrument chosen. */
    void screen(Instrument ins, List<Integer> answers) {
        Long id = residentId();
        LocalDate on = screeningDate.get();
        save(screeningForm, () -> psychology.screen(id, ins.code(), on, answers));
    }

    /** The double assessment; the latest valid screening backs its psychological side when one exists. */
    void assess() {
        Long id = residentId();
        Long screening = screenings.stream()
                .filter(s -> !s.voided())
                .findFirst()
                .map(Screening::id)
                .orElse(null);
        LocalDate on = assessmentDate.get();
        RiskGrade g = guardianship.get();
        RiskGrade p = psychological.get();
        String why = basis.get();
        save(assessmentForm, () -> psychology.assess(id, on, g, p, screening, why));
    }

    /** A counselling session; letters in its minutes are refused by name before the service is asked. */
    void recordCounselling() {
        int m;
        try {
            m = InlineForms.whole("counsellingMinutes", Messages.t("counselling.minutes"), minutes.get());
        } catch (ValidationException bad) {
            notices.showError(bad);
            return;
        }
        Long id = residentId();
        LocalDate on = counsellingDate.get();
        CounsellingSession.Kind k = kind.get();
        String text = note.get();
        save(counsellingForm, () -> counselling.record(id, on, k, m, text));
    }

    /** Opens a sealed note with the reason the View asked for; the service audits who read it and why. */
    void openNote(CounsellingSession s, String reason, Consumer<String> show) {
        tasks.run(() -> counselling.openNote(s.id(), reason), show, notices::showError);
    }

    void voidScreening(Screening s, String reason) {
        psychology.voidScreening(s.id(), reason);
    }

    void voidAssessment(RiskAssessment a, String reason) {
        psychology.voidAssessment(a.id(), reason);
    }

    /** The screening's result as scored when loaded. */
    String describe(Screening s) {
        return described.getOrDefault(s.id(), "");
    }

    /** The valid assessments, oldest first, for the trend. */
    List<RiskAssessment> trend() {
        List<RiskAssessment> oldestFirst = new ArrayList<>(assessments);
        Collections.reverse(oldestFirst);
        return oldestFirst.stream().filter(a -> !a.voided()).toList();
    }

    ObservableList<Instrument> instruments() {
        return instruments;
    }

    ObservableList<Screening> screenings() {
        return screenings;
    }

    ObservableList<RiskAssessment> assessments() {
        return assessments;
    }

    ObservableList<CounsellingSession> sessions() {
        return sessions;
    }

    /** The current grade with its date, or that there is none. */
    ReadOnlyStringProperty gradeProperty() {
        return grade;
    }
}
