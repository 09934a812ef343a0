package org.huyou.volunteers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.huyou.common.Checks;
import org.huyou.common.IdNumber;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.db.Transactions;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;

/**
 * Volunteers, their checks and trainings, and the gate before any work with children: the latest criminal-record inquiry must be clear and valid on
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

    /** Registers a volunteer from a draft (id 0): ID number as in the register, a phone to reach them, no duplicates. */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.CREATE)
    public Volunteer register(Volunteer draft) {
        user.require(AppModule.VOLUNTEERS, Action.CREATE);
        Checks checks = new Checks(LocalDate.now(clock));
        String n = checks.text("name", "volunteer.name", draft.name(), 100, true);
        String id = draft.idNumber() == null || draft.idNumber().isBlank() ? null : IdNumber.normalize(draft.idNumber());
        checks.rule(id == null || IdNumber.check(id).isEmpty(), "idNumber", "volunteer.badIdNumber",
                id == null ? "" : IdNumber.check(id).map(p -> Messages.t("idnumber." + p.name())).orElse(""));
        checks.rule(id == null || !repo.idNumberTaken(id), "idNumber", "volunteer.idNumberTaken");
        String p = checks.text("phone", "volunteer.phone", draft.phone(), 40, true);
        checks.rule(p == null || p.replaceAll("[\\s-]", "").matches("\\+?\\d{7,15}"), "phone", "volunteer.badPhone");
        String o = checks.text("organisation", "volunteer.organisation", draft.organisation(), 200, false);
        String c = checks.text("certificates", "volunteer.certificates", draft.certificates(), 300, false);
        String a = checks.text("availability", "volunteer.availability", draft.availability(), 300, false);
        checks.throwIfAny();
        Set<Volunteer.Specialty> s = draft.specialties() == null || draft.specialties().isEmpty()
                ? EnumSet.noneOf(Volunteer.Specialty.class) : EnumSet.copyOf(draft.specialties());
        return tx.inTransaction(() -> {
            long vid = repo.insert(new Volunteer(0, n, id, p, o, s, c, a, 0), user.username(), now());
            audit.record(AuditLog.CREATE, "volunteer", vid, AuditSummary.of("auditSummary.value", n), null);
            return repo.find(vid).orElseThrow();
        });
    }

    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public List<Volunteer> search(String text, int limit) {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        return repo.search(text, limit);
    }

    /** A volunteer in the list with their latest check (null when none), which says whether they may work with children. */
    public record Listed(Volunteer volunteer, BackgroundCheck latestCheck) {
    }

    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public List<Listed> list(String text, int limit) {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        List<Volunteer> people = repo.search(text, limit);
        Map<Long, BackgroundCheck> checks = repo.latestChecks(people.stream().map(Volunteer::id).toList());
        return people.stream().map(v -> new Listed(v, checks.get(v.id()))).toList();
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
            audit.record(AuditLog.CREATE, "background_check", id, AuditSummary.of("auditSummary.value", result), null);
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
        Optional<UserFacingException> problem = Readiness.checkProblem(v, repo.latestCheck(volunteerId), day);
        if (problem.isPresent()) {
            throw problem.get();
        }
    }

    /** A volunteer's checks, latest first. */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public List<BackgroundCheck> checks(long volunteerId) {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        return repo.checks(volunteerId);
    }

    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.EDIT)
    public Training recordTraining(long volunteerId, String course, LocalDate trainedOn, BigDecimal hours) {
        user.require(AppModule.VOLUNTEERS, Action.EDIT);
        Checks checks = new Checks(LocalDate.now(clock));
        String c = checks.text("course", "training.course", course, 100, true);
        checks.pastDate("trainedOn", "training.date", trainedOn);
        checks.range("hours", "training.hours", hours, new BigDecimal("0.25"), new BigDecimal("200"));
        checks.throwIfAny();
        repo.find(volunteerId).orElseThrow(() -> new UserFacingException("volunteer.notFound"));
        return tx.inTransaction(() -> {
            Training t = new Training(0, volunteerId, c, trainedOn, hours);
            long id = repo.insertTraining(t, user.username(), now());
            audit.record(AuditLog.CREATE, "volunteer_training", id, AuditSummary.of("auditSummary.value", c), null);
            return new Training(id, volunteerId, c, trainedOn, hours);
        });
    }

    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public List<Training> trainings(long volunteerId) {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        return repo.trainings(volunteerId);
    }

    /** The trainings each activity type requires before anyone is signed up for it. */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public Map<Activity.Type, List<String>> requiredTrainings() {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        return repo.requirements();
    }

    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.EDIT)
    public void setRequiredTrainings(Activity.Type type, List<String> courses) {
        user.require(AppModule.VOLUNTEERS, Action.EDIT);
        Checks checks = new Checks(LocalDate.now(clock));
        checks.required("type", "activity.type", type);
        List<String> clean = courses.stream().map(String::strip).filter(x -> !x.isEmpty()).distinct().toList();
        checks.rule(clean.stream().allMatch(x -> x.length() <= 100), "courses", "training.courseTooLong");
        checks.throwIfAny();
        tx.inTransaction(() -> {
            List<String> before = repo.requirements(type);
            repo.replaceRequirements(type, clean);
            audit.record(AuditLog.EDIT, "training_requirement", type.name(),
                    AuditSummary.of("auditSummary.trainingRequirement", type, String.join(", ", clean)),
                    String.join(",", before));
        });
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
