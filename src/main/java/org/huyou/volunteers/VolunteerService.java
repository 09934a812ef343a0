package org.huyou.volunteers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.huyou.common.Checks;
import org.huyou.common.IdNumber;
import org.huyou.common.UserFacingException;
import org.huyou.db.Transactions;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;

/**
 * Volunteers and the gate before any work with children: the latest criminal-record inquiry must be clear and valid on
 * the day, or the service refuses and says why. Checks running out within 30 days are listed for renewal.
 */
public final class VolunteerService {

    public static final int EXPIRY_WINDOW_DAYS = 30;

    private final VolunteerRepository repo;
    private final Transactions tx;
    private final CurrentUser user;
    private final AuditLog audit;
    private final Clock clock;

    public VolunteerService(VolunteerRepository repo, Transactions tx, CurrentUser user, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.tx = tx;
        this.user = user;
        this.audit = audit;
        this.clock = clock;
    }

    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.CREATE)
    public Volunteer register(String name, String idNumber, String phone, String organisation,
                              Set<Volunteer.Specialty> specialties, String availability) {
        user.require(AppModule.VOLUNTEERS, Action.CREATE);
        Checks checks = new Checks(LocalDate.now(clock));
        String n = checks.text("name", "volunteer.name", name, 100, true);
        String id = idNumber == null || idNumber.isBlank() ? null : IdNumber.normalize(idNumber);
        checks.rule(id == null || IdNumber.check(id).isEmpty(), "idNumber", "volunteer.badIdNumber",
                id == null ? "" : IdNumber.check(id).map(p -> org.huyou.common.Messages.t("idnumber." + p.name()))
                        .orElse(""));
        checks.rule(id == null || !repo.idNumberTaken(id), "idNumber", "volunteer.idNumberTaken");
        String p = checks.text("phone", "volunteer.phone", phone, 40, true);
        checks.rule(p == null || p.replaceAll("[\\s-]", "").matches("\\+?\\d{7,15}"), "phone", "volunteer.badPhone");
        String o = checks.text("organisation", "volunteer.organisation", organisation, 200, false);
        String a = checks.text("availability", "volunteer.availability", availability, 300, false);
        checks.throwIfAny();
        Set<Volunteer.Specialty> s = specialties == null || specialties.isEmpty()
                ? EnumSet.noneOf(Volunteer.Specialty.class) : EnumSet.copyOf(specialties);
        return tx.inTransaction(() -> {
            long vid = repo.insert(new Volunteer(0, n, id, p, o, s, a, 0), user.username(), now());
            audit.record(AuditLog.CREATE, "volunteer", vid, n, null);
            return repo.find(vid).orElseThrow();
        });
    }

    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public List<Volunteer> search(String text, int limit) {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        return repo.search(text, limit);
    }

    /** Records an inquiry's outcome; a clear one needs the date it stays valid until. */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.EDIT)
    public BackgroundCheck recordCheck(long volunteerId, LocalDate checkedOn, BackgroundCheck.Result result,
                                       LocalDate validUntil, String reference) {
        user.require(AppModule.VOLUNTEERS, Action.EDIT);
        Checks checks = new Checks(LocalDate.now(clock));
        checks.pastDate("checkedOn", "volunteer.checkedOn", checkedOn);
        checks.required("result", "volunteer.checkResult", result);
        checks.rule(result != BackgroundCheck.Result.CLEAR || validUntil != null, "validUntil",
                "volunteer.validUntilRequired");
        checks.rule(validUntil == null || checkedOn == null || validUntil.isAfter(checkedOn), "validUntil",
                "volunteer.validUntilAfter");
        String ref = checks.text("reference", "volunteer.reference", reference, 100, false);
        checks.throwIfAny();
        repo.find(volunteerId).orElseThrow(() -> new UserFacingException("volunteer.notFound"));
        return tx.inTransaction(() -> {
            BackgroundCheck c = new BackgroundCheck(0, volunteerId, checkedOn, result,
                    result == BackgroundCheck.Result.CLEAR ? validUntil : null, ref);
            long id = repo.insertCheck(c, user.username(), now());
            audit.record(AuditLog.CREATE, "background_check", id, result.name(), null);
            return new BackgroundCheck(id, volunteerId, c.checkedOn(), result, c.validUntil(), ref);
        });
    }

    /**
     * Refuses, saying why, unless the volunteer's latest check is clear and valid on {@code day}: every scheduling of
     * work with children goes through here.
     */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public void requireClearFor(long volunteerId, LocalDate day) {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        Volunteer v = repo.find(volunteerId).orElseThrow(() -> new UserFacingException("volunteer.notFound"));
        BackgroundCheck c = repo.latestCheck(volunteerId).orElseThrow(() ->
                new UserFacingException("volunteer.noCheck", v.name()));
        if (!c.clearOn(day)) {
            throw switch (c.result()) {
                case PENDING -> new UserFacingException("volunteer.checkPending", v.name(), c.checkedOn().toString());
                case RECORD_FOUND -> new UserFacingException("volunteer.checkNotClear", v.name());
                case CLEAR -> new UserFacingException("volunteer.checkExpired", v.name(), c.validUntil().toString(),
                        day.toString());
            };
        }
    }

    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.EDIT)
    public Activity planActivity(String title, LocalDate date, java.time.LocalTime start, java.time.LocalTime end,
                                 String place, Volunteer.Specialty specialty, int capacity, boolean withChildren) {
        user.require(AppModule.VOLUNTEERS, Action.EDIT);
        Checks checks = new Checks(LocalDate.now(clock));
        String t = checks.text("title", "activity.title", title, 200, true);
        checks.required("date", "activity.date", date);
        checks.required("start", "activity.start", start);
        checks.required("end", "activity.end", end);
        checks.rule(start == null || end == null || end.isAfter(start), "end", "activity.endBeforeStart");
        String p = checks.text("place", "activity.place", place, 100, false);
        checks.range("capacity", "activity.capacity", capacity, 1, 500);
        checks.throwIfAny();
        return tx.inTransaction(() -> {
            Activity a = new Activity(0, t, date, start, end, p, specialty, capacity, withChildren);
            long id = repo.insertActivity(a, user.username(), now());
            audit.record(AuditLog.CREATE, "volunteer_activity", id, t, null);
            return repo.activity(id).orElseThrow();
        });
    }

    /**
     * Signs a volunteer up: refused when the activity is full, the volunteer is on it already, or children are present
     * and the volunteer's check is not clear and valid on the day.
     */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.EDIT)
    public void signUp(long activityId, long volunteerId) {
        user.require(AppModule.VOLUNTEERS, Action.EDIT);
        Activity a = repo.activity(activityId).orElseThrow(() -> new UserFacingException("activity.notFound"));
        if (a.withChildren()) {
            requireClearFor(volunteerId, a.date());
        }
        tx.inTransaction(() -> {
            repo.lockActivity(activityId);
            if (repo.signedUp(activityId, volunteerId)) {
                throw new UserFacingException("activity.alreadySignedUp");
            }
            if (repo.signups(activityId) >= a.capacity()) {
                throw new UserFacingException("activity.full", a.capacity());
            }
            long id = repo.insertSignup(activityId, volunteerId, user.username(), now());
            audit.record(AuditLog.CREATE, "volunteer_signup", id, "activity " + activityId, null);
        });
    }

    /** Attendance on the day: hours from the activity's times unless given. */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.EDIT)
    public void recordAttendance(long activityId, long volunteerId, boolean attended, java.math.BigDecimal hours) {
        user.require(AppModule.VOLUNTEERS, Action.EDIT);
        Activity a = repo.activity(activityId).orElseThrow(() -> new UserFacingException("activity.notFound"));
        java.math.BigDecimal h = hours != null ? hours : java.math.BigDecimal.valueOf(
                java.time.Duration.between(a.start(), a.end()).toMinutes()).divide(java.math.BigDecimal.valueOf(60), 2,
                java.math.RoundingMode.HALF_UP);
        Checks checks = new Checks(LocalDate.now(clock));
        checks.range("hours", "activity.hours", h, new java.math.BigDecimal("0.25"), new java.math.BigDecimal("24"));
        checks.throwIfAny();
        tx.inTransaction(() -> {
            if (!repo.recordAttendance(activityId, volunteerId, attended, h)) {
                throw new UserFacingException("activity.notSignedUp");
            }
            audit.record(AuditLog.EDIT, "volunteer_signup", activityId + "/" + volunteerId,
                    attended ? "attended " + h : "absent", null);
        });
    }

    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public java.math.BigDecimal serviceHours(long volunteerId, LocalDate from, LocalDate to) {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        return repo.hours(volunteerId, from, to);
    }

    /** Clear checks that run out within 30 days or ran out already in that time: to renew. */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public List<VolunteerRepository.Expiring> checksToRenew() {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        LocalDate today = LocalDate.now(clock);
        return repo.expiringBetween(today.minusDays(EXPIRY_WINDOW_DAYS), today.plusDays(EXPIRY_WINDOW_DAYS));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
