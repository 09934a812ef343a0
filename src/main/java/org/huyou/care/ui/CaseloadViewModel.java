package org.huyou.care.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.care.education.Education;
import org.huyou.care.education.EducationService;
import org.huyou.care.psych.FollowUpSchedule;
import org.huyou.care.psych.PsychCase;
import org.huyou.care.psych.PsychologyService;
import org.huyou.care.psych.RiskGrade;
import org.huyou.care.rehab.Rehab;
import org.huyou.care.rehab.RehabService;
import org.huyou.common.Messages;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;

/**
 * The caseloads' state: each discipline's list with its "mine only" and overdue rows first, what is overdue for each,
 * and the psychologist's follow-up interval per grade with its check before it is saved.
 */
public final class CaseloadViewModel {

    /** The grades in the order the schedule's fields are shown. */
    static final List<RiskGrade> GRADES = List.of(RiskGrade.HIGH, RiskGrade.MEDIUM, RiskGrade.LOW);

    private final RehabService rehab;
    private final EducationService education;
    private final PsychologyService psychology;
    private final TaskRunner tasks;
    private final Notices notices;
    private final Clock clock;

    /** The follow-up interval in days per grade, as typed. */
    final Map<RiskGrade, StringProperty> followUpDays = new EnumMap<>(RiskGrade.class);

    public CaseloadViewModel(
            RehabService rehab,
            EducationService education,
            PsychologyService psychology,
            TaskRunner tasks,
            Notices notices,
            Clock clock) {
        this.rehab = rehab;
        this.education = education;
        this.psychology = psychology;
        this.tasks = tasks;
        this.notices = notices;
        this.clock = clock;
        GRADES.forEach(g -> followUpDays.put(g, new SimpleStringProperty("")));
    }

    /** One discipline's list. */
    final class Caseload<T> {
        private final Function<Boolean, List<T>> load;
        private final Predicate<T> overdue;
        private final ObservableList<T> rows = FXCollections.observableArrayList();
        private final BooleanProperty loading = new SimpleBooleanProperty();
        final BooleanProperty onlyMine;

        private Caseload(Function<Boolean, List<T>> load, Predicate<T> overdue, boolean mineFirst) {
            this.load = load;
            this.overdue = overdue;
            onlyMine = new SimpleBooleanProperty(mineFirst);
            onlyMine.addListener((o, was, is) -> load());
        }

        /** Loads the list afresh: overdue first, in the service's order otherwise (a stable sort). */
        void load() {
            boolean mine = onlyMine.get();
            loading.set(true);
            tasks.run(
                    () -> load.apply(mine).stream()
                            .sorted(Comparator.comparing(overdue::test).reversed())
                            .toList(),
                    loaded -> {
                        loading.set(false);
                        rows.setAll(loaded);
                    },
                    failed -> {
                        loading.set(false);
                        notices.showError(failed);
                    });
        }

        ObservableList<T> rows() {
            return rows;
        }

        boolean overdue(T row) {
            return overdue.test(row);
        }

        /** Being read: the empty table says so rather than "no cases". */
        ReadOnlyBooleanProperty loadingProperty() {
            return loading;
        }
    }

    /**
     * The therapist's residents with goals and next sessions, overdue when the plan's review or the next session has
     * passed; "mine only" starts on ({@code mineFirst}) for those who record in the discipline, as below.
     */
    Caseload<Rehab.Case> rehab(boolean mineFirst) {
        return new Caseload<>(rehab::caseload, c -> before(c.reviewDue()) || before(c.nextSession()), mineFirst);
    }

    /** The teacher's class with plan reviews, overdue when the review has passed. */
    Caseload<Education.Case> education(boolean mineFirst) {
        return new Caseload<>(education::caseload, c -> before(c.reviewDue()), mineFirst);
    }

    /** The psychologist's residents by risk grade, overdue when a follow-up is. */
    Caseload<PsychCase> psychology(boolean mineFirst) {
        return new Caseload<>(psychology::caseload, PsychCase::overdue, mineFirst);
    }

    /** A date that has passed (null: none set). */
    private boolean before(LocalDate date) {
        return date != null && date.isBefore(LocalDate.now(clock));
    }

    /** The follow-up intervals as set now, into the fields. */
    void loadSchedule() {
        tasks.run(
                psychology::schedule,
                s -> GRADES.forEach(g -> followUpDays.get(g).set(String.valueOf(s.daysFor(g)))),
                notices::showError);
    }

    /**
     * Saves the intervals typed; letters in one are refused naming its grade, the text kept. {@code then} runs once
     * saved (the due dates below change).
     */
    void saveSchedule(Runnable then) {
        Map<RiskGrade, Integer> days = new EnumMap<>(RiskGrade.class);
        try {
            for (Map.Entry<RiskGrade, StringProperty> e : followUpDays.entrySet()) {
                RiskGrade g = e.getKey();
                days.put(
                        g, InlineForms.whole(fieldId(g), g.label(), e.getValue().get()));
            }
        } catch (ValidationException bad) {
            notices.showError(bad);
            return;
        }
        tasks.run(
                () -> {
                    psychology.setSchedule(new FollowUpSchedule(days));
                    return true;
                },
                ok -> {
                    notices.notifySuccess(Messages.t("psych.scheduleSaved"));
                    then.run();
                },
                notices::showError);
    }

    /** The id of a grade's field, which a refusal names. */
    static String fieldId(RiskGrade g) {
        return "followUpDays" + g.name();
    }
}
