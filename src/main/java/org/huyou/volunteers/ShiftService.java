package org.huyou.volunteers;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.huyou.common.Checks;
import org.huyou.common.FieldError;
import org.huyou.common.Messages;
import org.huyou.common.OverrideReasons;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.common.io.ChineseFont;
import org.huyou.common.io.SafeFileNames;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.RequiresPermission;
import org.huyou.security.Role;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/**
 * The coordinator's month of shifts: plan activities, match volunteers by specialty, sign them up (refused, with the
 * reason, without a valid clear check where children are present, without the required trainings, when full or
 * twice), record attendance on the day, and sum service hours.
 */
public final class ShiftService extends ServiceBase {

    private final ShiftRepository shifts;
    private final VolunteerRepository volunteers;
    private final ShiftPapers papers;

    public ShiftService(
            ShiftRepository shifts, VolunteerRepository volunteers, ServiceContext context, ShiftPapers papers) {
        super(context);
        this.shifts = shifts;
        this.volunteers = volunteers;
        this.papers = papers;
    }

    /** Plans an activity from a draft (id 0). */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.EDIT)
    public Activity plan(Activity draft) {
        user.require(AppModule.VOLUNTEERS, Action.EDIT);
        Checks checks = new Checks(LocalDate.now(clock));
        String t = checks.text("title", "activity.title", draft.title(), 200, true);
        checks.required("type", "activity.type", draft.type());
        checks.required("date", "activity.date", draft.date());
        checks.required("start", "activity.start", draft.start());
        checks.required("end", "activity.end", draft.end());
        checks.rule(
                draft.start() == null || draft.end() == null || draft.end().isAfter(draft.start()),
                "end",
                "activity.endBeforeStart");
        String p = checks.text("place", "activity.place", draft.place(), 100, false);
        checks.range("capacity", "activity.capacity", draft.capacity(), 1, 500);
        checks.throwIfAny();
        return tx.inTransaction(() -> {
            Activity a = new Activity(
                    0,
                    t,
                    draft.type(),
                    draft.date(),
                    draft.start(),
                    draft.end(),
                    p,
                    draft.specialty(),
                    draft.capacity(),
                    draft.withChildren());
            long id = shifts.insertActivity(a, user.username(), now());
            audit.record(AuditLog.CREATE, "volunteer_activity", id, AuditSummary.of("auditSummary.value", t), null);
            return shifts.activity(id).orElseThrow();
        });
    }

    /** Activities dated within [from, to] with how many are signed up. */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public List<PlannedActivity> activities(LocalDate from, LocalDate to) {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        return shifts.activities(from, to);
    }

    /** Who is on a shift: names and phones, nothing about residents; those who withdrew last, marked. */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public List<RosterLine> roster(long activityId) {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        return shifts.roster(activityId);
    }

    /**
     * A volunteer who could take a shift: whether their specialty is the one wanted, what stops them, if anything,
     * and whether that is only a background check the coordinator or the director may set aside with a reason.
     */
    public record Candidate(Volunteer volunteer, boolean specialtyMatches, String problem, boolean overridable) {

        public boolean ready() {
            return problem == null;
        }
    }

    /** Who may put a volunteer on a shift with children despite the background check, with a written reason. */
    static final Set<Role> CHECK_OVERRIDERS = Set.of(Role.DIRECTOR, Role.SOCIAL_WORKER);

    /** The shortest reason for such an override, checked as words ({@link OverrideReasons}). */
    public static final int MIN_OVERRIDE_REASON = 10;

    /** Whether the user may sign volunteers up and set a background check aside with a reason (the director, the coordinator). */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public boolean mayOverrideChecks() {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        return user.can(AppModule.VOLUNTEERS, Action.EDIT)
                && user.session()
                        .map(x -> x.roles().stream().anyMatch(CHECK_OVERRIDERS::contains))
                        .orElse(false);
    }

    /**
     * Volunteers for an activity, matched by specialty: ready ones with the wanted specialty first, then other ready
     * ones, then those who may not be signed up, with the reason; those already on it are left out. Checks and
     * trainings are read in one query each.
     */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public List<Candidate> candidates(long activityId, String search, int limit) {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        Activity a = activity(activityId);
        // one who withdrew may be signed up again: only those on it are left out
        Set<Long> onIt = shifts.roster(activityId).stream()
                .filter(l -> !l.withdrawn())
                .map(RosterLine::volunteerId)
                .collect(Collectors.toSet());
        List<Volunteer> people = volunteers.search(search, limit).stream()
                .filter(v -> !onIt.contains(v.id()))
                .toList();
        List<Long> ids = people.stream().map(Volunteer::id).toList();
        Map<Long, BackgroundCheck> checks = volunteers.latestChecks(ids);
        Map<Long, Set<String>> courses = volunteers.coursesBy(ids, a.date());
        List<String> required = volunteers.requirements(a.type());
        return people.stream()
                .map(v -> candidate(
                        v,
                        a.specialty() != null && v.specialties().contains(a.specialty()),
                        Readiness.verdict(
                                v,
                                Optional.ofNullable(checks.get(v.id())),
                                courses.getOrDefault(v.id(), Set.of()),
                                required,
                                a.date(),
                                a.withChildren())))
                .sorted(Comparator.comparing((Candidate c) -> !c.ready()).thenComparing(c -> !c.specialtyMatches()))
                .toList();
    }

    private static Candidate candidate(Volunteer v, boolean specialtyMatches, Readiness.Verdict verdict) {
        return new Candidate(
                v,
                specialtyMatches,
                verdict.problem().map(UserFacingException::userMessage).orElse(null),
                verdict.overridable());
    }

    /**
     * Signs a volunteer up: refused when the activity is full, the volunteer is on it already, children are present
     * and the volunteer's check is not clear and valid on the day, or a training the activity's type requires is
     * missing.
     */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.EDIT)
    public void signUp(long activityId, long volunteerId) {
        signUp(activityId, volunteerId, null);
    }

    /**
     * As {@link #signUp(long, long)}, but a background check that is missing, pending or run out is set aside when
     * {@code checkOverride} gives the reason: the safety check refuses by default, and only the director or the
     * coordinator ({@link #mayOverrideChecks}) may override it, with a reason in words (at least
     * {@link #MIN_OVERRIDE_REASON} characters). The reason is kept on the sign-up (the roster shows it) and audited.
     * A record found, a missing training, a full activity are refused whatever the reason.
     */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.EDIT)
    public void signUp(long activityId, long volunteerId, String checkOverride) {
        user.require(AppModule.VOLUNTEERS, Action.EDIT);
        Activity a = activity(activityId);
        Volunteer v = volunteers.find(volunteerId).orElseThrow(() -> new UserFacingException("volunteer.notFound"));
        List<Long> id = List.of(volunteerId);
        Readiness.Verdict verdict = Readiness.verdict(
                v,
                volunteers.latestCheck(volunteerId),
                volunteers.coursesBy(id, a.date()).getOrDefault(volunteerId, Set.of()),
                volunteers.requirements(a.type()),
                a.date(),
                a.withChildren());
        String why = checkOverride == null || checkOverride.isBlank() ? null : checkOverride.strip();
        String kept = verdict.check().isPresent() ? overrideReason(verdict, why) : null;
        if (verdict.training().isPresent()) {
            throw verdict.training().get();
        }
        tx.inTransaction(() -> {
            shifts.lockActivity(activityId);
            if (shifts.signedUp(activityId, volunteerId)) {
                throw new UserFacingException("activity.alreadySignedUp", v.name());
            }
            if (shifts.signups(activityId) >= a.capacity()) {
                throw new UserFacingException("activity.full", a.capacity());
            }
            long sid = shifts.insertSignup(activityId, volunteerId, kept, user.username(), now());
            audit.record(
                    AuditLog.CREATE,
                    "volunteer_signup",
                    sid,
                    AuditSummary.of("auditSummary.signup", v.name(), a.title()),
                    null);
            if (kept != null) {
                audit.record(
                        AuditLog.OVERRIDE,
                        "volunteer_signup",
                        sid,
                        AuditSummary.of(
                                "auditSummary.checkOverride",
                                v.name(),
                                a.title(),
                                kept,
                                verdict.check().get().userMessage()),
                        null);
            }
        });
    }

    /**
     * The reason that sets the volunteer's check problem aside, or the refusal: none given (the check's own
     * sentence), a user who may not override, a check that may not be set aside, a reason that is no reason.
     */
    private String overrideReason(Readiness.Verdict verdict, String why) {
        UserFacingException problem = verdict.check().orElseThrow();
        if (why == null || !verdict.checkOverridable()) {
            throw problem;
        }
        if (!mayOverrideChecks()) {
            throw new UserFacingException("activity.overrideNotAllowed", problem.userMessage());
        }
        FieldError bad =
                OverrideReasons.problem("checkOverride", why, MIN_OVERRIDE_REASON, "activity.overrideTooShort");
        if (bad != null) {
            throw new ValidationException(List.of(bad));
        }
        return why;
    }

    /**
     * Takes a volunteer off a shift before attendance is recorded (afterwards the record stays), for the reason
     * given. The sign-up is voided, not deleted: it stays on the roster marked withdrawn, with who, when and why (and
     * any background-check override it carried), out of the count and the places; the volunteer may sign up again.
     */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.EDIT)
    public void withdraw(long activityId, long volunteerId, String reason) {
        user.require(AppModule.VOLUNTEERS, Action.EDIT);
        Checks checks = new Checks(LocalDate.now(clock));
        String why = checks.text("reason", "activity.withdrawReason", reason, 500, true);
        checks.throwIfAny();
        Activity a = activity(activityId);
        Volunteer v = volunteers.find(volunteerId).orElseThrow(() -> new UserFacingException("volunteer.notFound"));
        var rows = shifts.voidable(user.username(), now());
        tx.inTransaction(() -> {
            ShiftRepository.Standing on = shifts.lockStanding(activityId, volunteerId)
                    .orElseThrow(() -> new UserFacingException("activity.notSignedUp"));
            if (on.attended() != null || !rows.voidRow(on.id(), why)) {
                throw new UserFacingException("activity.cannotWithdraw");
            }
            audit.record(
                    AuditLog.VOID,
                    rows.auditName(),
                    on.id(),
                    AuditSummary.of("auditSummary.withdrawnBecause", v.name(), a.title(), why),
                    null);
        });
    }

    /** Attendance on the day: the shift's length in hours unless other hours are given. */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.EDIT)
    public void recordAttendance(long activityId, long volunteerId, boolean attended, BigDecimal hours) {
        user.require(AppModule.VOLUNTEERS, Action.EDIT);
        Activity a = activity(activityId);
        BigDecimal h = hours != null ? hours : a.hours();
        Checks checks = new Checks(LocalDate.now(clock));
        checks.rule(
                !a.date().isAfter(LocalDate.now(clock)),
                "date",
                "activity.notYet",
                a.date().toString());
        checks.range("hours", "activity.hours", h, new BigDecimal("0.25"), new BigDecimal("24"));
        checks.throwIfAny();
        tx.inTransaction(() -> {
            if (!shifts.recordAttendance(activityId, volunteerId, attended, h)) {
                throw new UserFacingException("activity.notSignedUp");
            }
            audit.record(
                    AuditLog.EDIT,
                    "volunteer_signup",
                    activityId + "/" + volunteerId,
                    attended ? AuditSummary.of("auditSummary.attended", h) : AuditSummary.of("auditSummary.absent"),
                    null);
        });
    }

    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public BigDecimal serviceHours(long volunteerId, LocalDate from, LocalDate to) {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        return shifts.hours(volunteerId, from, to);
    }

    /** Hours per volunteer in a period, most first. */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public List<HoursLine> hoursPerVolunteer(LocalDate from, LocalDate to) {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        return shifts.hoursPerVolunteer(from, to);
    }

    /** A volunteer's attended activities in a period: what the certificate lists. */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public List<ShiftRepository.Served> served(long volunteerId, LocalDate from, LocalDate to) {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        return shifts.served(volunteerId, from, to);
    }

    /** Writes a volunteer's certificate of service hours for a period as a PDF in a folder; returns the file. */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public Path printCertificate(long volunteerId, LocalDate from, LocalDate to, Path dir, String homeName) {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        Checks checks = new Checks(LocalDate.now(clock));
        checks.required("from", "hours.fromDate", from); // "自" alone reads badly in "请填写…"
        checks.required("to", "hours.toDate", to);
        checks.rule(from == null || to == null || !to.isBefore(from), "to", "hours.toBeforeFrom");
        checks.throwIfAny();
        Volunteer v = volunteers.find(volunteerId).orElseThrow(() -> new UserFacingException("volunteer.notFound"));
        List<ShiftRepository.Served> served = shifts.served(volunteerId, from, to);
        // a certificate of no service certifies nothing: say so instead of printing one
        if (served.stream()
                        .map(ShiftRepository.Served::hours)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .signum()
                <= 0) {
            throw new UserFacingException("certificate.noHours", v.name(), from.toString(), to.toString());
        }
        Path file = SafeFileNames.inside(
                dir, Messages.t("certificate.file", v.name(), from.toString(), to.toString()), "pdf");
        HoursCertificate certificate = new HoursCertificate(homeName, v, from, to, served, LocalDate.now(clock));
        try {
            Files.createDirectories(dir);
            papers.hoursCertificate(certificate, file, ChineseFont.require());
        } catch (IOException e) {
            throw new UserFacingException(e, "disclosure.writeFailed", dir.toString());
        }
        audit.record(
                AuditLog.EXPORT,
                "volunteer",
                volunteerId,
                AuditSummary.of("auditSummary.hoursCertificate", from, to),
                null);
        return file;
    }

    /** Writes the shift plan of a period (activities and who is on them, nothing else) as a PDF; returns the file. */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public Path printShiftPlan(LocalDate from, LocalDate to, Path dir, String homeName) {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        List<Activity> planned = shifts.activities(from, to).stream()
                .map(PlannedActivity::activity)
                .toList();
        // the plan handed out names those on each shift: one who withdrew is neither listed nor counted
        Map<Long, List<RosterLine>> rosters =
                shifts.rosters(planned.stream().map(Activity::id).toList()).entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey,
                                e -> e.getValue().stream()
                                        .filter(l -> !l.withdrawn())
                                        .toList()));
        Path file = SafeFileNames.inside(dir, Messages.t("shiftPlan.file", from.toString(), to.toString()), "pdf");
        try {
            Files.createDirectories(dir);
            papers.shiftPlan(new ShiftPlan(homeName, from, to, planned, rosters), file, ChineseFont.require());
        } catch (IOException e) {
            throw new UserFacingException(e, "disclosure.writeFailed", dir.toString());
        }
        return file;
    }

    private Activity activity(long id) {
        return shifts.activity(id).orElseThrow(() -> new UserFacingException("activity.notFound"));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
