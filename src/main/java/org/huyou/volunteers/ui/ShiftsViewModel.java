package org.huyou.volunteers.ui;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.Quantities;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.KeptSelection;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.security.Accounts;
import org.huyou.volunteers.Activity;
import org.huyou.volunteers.PlannedActivity;
import org.huyou.volunteers.RosterLine;
import org.huyou.volunteers.ShiftService;
import org.huyou.volunteers.Volunteer;

/**
 * A month of shifts: the month's activities, the plan form, the selected activity's roster with attendance, and its
 * candidates matched by specialty (searched by name) to sign up.
 */
public final class ShiftsViewModel {

    private static final int CANDIDATES = 200;
    /** The field ids a refused number names (the View gives its fields the same ids). */
    static final String CAPACITY = "activityCapacity";

    static final String HOURS = "attendanceHours";

    private final ShiftService shifts;
    private final TaskRunner tasks;
    private final Notices notices;
    private final Path printed;
    private final Supplier<String> homeName;
    private final Clock clock;
    /** Whether this user may set a background check aside with a reason (the director, the coordinator). */
    private final boolean mayOverride;

    private final ObservableList<YearMonth> months = FXCollections.observableArrayList();
    private final ObjectProperty<YearMonth> month = new SimpleObjectProperty<>();
    private final ObservableList<PlannedActivity> activities = FXCollections.observableArrayList();
    private final ObjectProperty<PlannedActivity> activity = new SimpleObjectProperty<>();
    private final ObservableList<RosterLine> roster = FXCollections.observableArrayList();
    private final ObjectProperty<RosterLine> rosterLine = new SimpleObjectProperty<>();
    private final ObservableList<ShiftService.Candidate> candidates = FXCollections.observableArrayList();
    private final ObjectProperty<ShiftService.Candidate> candidate = new SimpleObjectProperty<>();
    private final StringProperty candidateSearch = new SimpleStringProperty("");

    final StringProperty title = new SimpleStringProperty("");
    final ObjectProperty<Activity.Type> type = new SimpleObjectProperty<>(Activity.Type.values()[0]);
    final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    final StringProperty start = new SimpleStringProperty("");
    final StringProperty end = new SimpleStringProperty("");
    final StringProperty place = new SimpleStringProperty("");
    final ObjectProperty<Volunteer.Specialty> specialty = new SimpleObjectProperty<>();
    final StringProperty capacity = new SimpleStringProperty("");
    final BooleanProperty withChildren = new SimpleBooleanProperty(true);
    final StringProperty hours = new SimpleStringProperty("");

    /** Months from three before today's to three after; a new activity is planned a week ahead. */
    public ShiftsViewModel(ShiftService shifts, ScreenParts parts) {
        this.shifts = shifts;
        this.tasks = parts.tasks();
        this.notices = parts.notices();
        this.printed = parts.printed();
        this.homeName = parts.homeName();
        this.clock = parts.clock();
        this.mayOverride = shifts.mayOverrideChecks(); // the session's roles: no database call
        LocalDate today = LocalDate.now(clock);
        YearMonth now = YearMonth.from(today);
        months.setAll(IntStream.rangeClosed(-3, 3).mapToObj(now::plusMonths).toList());
        month.set(now);
        date.set(today.plusDays(7));
        month.addListener((o, a, b) -> refresh());
        activity.addListener((o, a, b) -> loadSelected());
        candidateSearch.addListener((o, a, b) -> loadSelected());
    }

    /**
     * What the candidates' match column says: the wanted specialty held or lacked, or that the selected activity
     * takes any specialty (an empty column read as "nobody matches").
     */
    public String match(ShiftService.Candidate c) {
        PlannedActivity p = activity.get();
        Volunteer.Specialty wanted = p == null ? null : p.activity().specialty();
        if (wanted == null) {
            return Messages.t("activity.anySpecialty");
        }
        return Messages.t(c.specialtyMatches() ? "activity.hasSpecialty" : "activity.lacksSpecialty", wanted.label());
    }

    /** The month's activities, keeping the selected one. */
    public void refresh() {
        YearMonth m = month.get();
        tasks.run(
                () -> shifts.activities(m.atDay(1), m.atEndOfMonth()),
                list -> KeptSelection.replace(
                        activities, activity, list, p -> p.activity().id()),
                notices::showError);
    }

    /** The selected activity's roster and its candidates. */
    private record Selected(List<RosterLine> roster, List<ShiftService.Candidate> candidates) {}

    private void loadSelected() {
        PlannedActivity p = activity.get();
        if (p == null) {
            roster.clear();
            candidates.clear();
            return;
        }
        String text = candidateSearch.get();
        long aid = p.activity().id();
        tasks.run(
                () -> new Selected(shifts.roster(aid), shifts.candidates(aid, text, CANDIDATES)),
                s -> {
                    roster.setAll(s.roster());
                    candidates.setAll(s.candidates());
                },
                notices::showError);
    }

    /** Plans the activity the form holds; the form is cleared and its month shown. */
    public void plan() {
        Activity draft;
        try {
            draft = new Activity(
                    0,
                    title.get(),
                    type.get(),
                    date.get(),
                    InlineForms.time(start.get()),
                    InlineForms.time(end.get()),
                    place.get(),
                    specialty.get(),
                    InlineForms.whole(CAPACITY, Messages.t("activity.capacity"), capacity.get()),
                    withChildren.get());
        } catch (ValidationException bad) {
            notices.showError(bad); // letters in a number: said by name, the text kept
            return;
        }
        tasks.run(
                () -> shifts.plan(draft),
                a -> {
                    notices.notifySuccess(Messages.t("activity.planned", a.title()));
                    List.of(title, start, end, place, capacity).forEach(p -> p.set(""));
                    YearMonth m = YearMonth.from(a.date());
                    if (!months.contains(m)) {
                        months.add(m);
                    }
                    month.set(m);
                    refresh();
                },
                notices::showError);
    }

    /** The selected volunteer on the roster came, for the hours typed. */
    public void markAttended() {
        try {
            attendance(true, InlineForms.decimal(HOURS, Messages.t("activity.hoursHint"), hours.get()));
        } catch (ValidationException bad) {
            notices.showError(bad); // letters in a number: said by name, the text kept
        }
    }

    public void markAbsent() {
        attendance(false, null);
    }

    private void attendance(boolean attended, BigDecimal h) {
        long aid = activity.get().activity().id();
        long vid = rosterLine.get().volunteerId();
        tasks.run(
                () -> {
                    shifts.recordAttendance(aid, vid, attended, h);
                    return true;
                },
                ok -> loadSelected(),
                notices::showError);
    }

    /** Why attendance cannot be recorded for the roster's line yet (the buttons' tooltip), or null when it can. */
    public String whyNoAttendance(RosterLine line) {
        if (line.withdrawn()) {
            return withdrawnLine(line);
        }
        PlannedActivity p = activity.get();
        LocalDate day = p == null ? null : p.activity().date();
        return day != null && day.isAfter(LocalDate.now(clock)) ? Messages.t("activity.notYet", day.toString()) : null;
    }

    /** Why the roster's line cannot be taken off (withdrawn already, or its attendance recorded), or null. */
    public String whyNoWithdraw(RosterLine line) {
        if (line.withdrawn()) {
            return withdrawnLine(line);
        }
        return line.attended() == null ? null : Messages.t("activity.cannotWithdraw");
    }

    private static String withdrawnLine(RosterLine line) {
        return Messages.t("activity.lineWithdrawn", Dates.format(line.withdrawnAt()));
    }

    /**
     * The roster's attendance column: came (with the hours), absent, nothing yet, or withdrawn with the reason, who
     * took the volunteer off and when: the line stays where the coordinator looks, out of the count.
     */
    public static String attendanceMark(RosterLine line) {
        if (line.withdrawn()) {
            return Messages.t(
                    "activity.withdrawn",
                    line.withdrawnReason(),
                    Accounts.displayName(line.withdrawnBy()),
                    Dates.format(line.withdrawnAt()));
        }
        if (line.attended() == null) {
            return "";
        }
        return line.attended()
                ? Messages.t("activity.attended", Quantities.plain(line.hours()))
                : Messages.t("activity.absent");
    }

    /**
     * Why this user cannot sign the candidate up (the button's tooltip), or null when they can: a volunteer who is
     * not ready is signed up only over a background check the user may set aside with a reason.
     */
    public String whyNoSignUp(ShiftService.Candidate c) {
        return c.ready() || (c.overridable() && mayOverride) ? null : c.problem();
    }

    /** What the roster says of a volunteer put on the shift despite the background check, or "" for the others. */
    public static String checkMark(RosterLine line) {
        return line.checkOverride() == null
                ? ""
                : Messages.t(
                        "activity.checkOverridden", line.checkOverride(), Accounts.displayName(line.checkOverrideBy()));
    }

    /** Takes the selected volunteer off the shift for {@code reason} (the View asked for it); the line stays, marked. */
    public void withdraw(String reason) {
        long aid = activity.get().activity().id();
        long vid = rosterLine.get().volunteerId();
        tasks.run(
                () -> {
                    shifts.withdraw(aid, vid, reason);
                    return true;
                },
                ok -> refresh(),
                notices::showError);
    }

    /** Signs the selected candidate up; one who may not take the activity is refused with the reason. */
    public void signUp() {
        signUp(null);
    }

    /**
     * Signs the selected candidate up, setting their background check aside for {@code checkOverride} (the reason
     * the View asked for; null for none): the service refuses a reason that is no reason, or a user who may not.
     */
    public void signUp(String checkOverride) {
        long aid = activity.get().activity().id();
        Volunteer v = candidate.get().volunteer();
        tasks.run(
                () -> {
                    shifts.signUp(aid, v.id(), checkOverride);
                    return v;
                },
                ok -> {
                    notices.notifySuccess(Messages.t("activity.signedUp", v.name()));
                    refresh();
                },
                notices::showError);
    }

    /** Writes the month's shift plan and says where. */
    public void printShiftPlan() {
        YearMonth m = month.get();
        tasks.run(
                () -> shifts.printShiftPlan(m.atDay(1), m.atEndOfMonth(), printed, homeName.get()),
                f -> notices.notifySuccess(Messages.t("shiftPlan.written", f)),
                notices::showError);
    }

    public ObservableList<YearMonth> months() {
        return months;
    }

    public ObjectProperty<YearMonth> monthProperty() {
        return month;
    }

    public ObservableList<PlannedActivity> activities() {
        return activities;
    }

    public ObjectProperty<PlannedActivity> activityProperty() {
        return activity;
    }

    public ObservableList<RosterLine> roster() {
        return roster;
    }

    public ObjectProperty<RosterLine> rosterLineProperty() {
        return rosterLine;
    }

    public ObservableList<ShiftService.Candidate> candidates() {
        return candidates;
    }

    public ObjectProperty<ShiftService.Candidate> candidateProperty() {
        return candidate;
    }

    public StringProperty candidateSearchProperty() {
        return candidateSearch;
    }
}
