package org.huyou.volunteers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.huyou.common.Checks;
import org.huyou.common.FieldError;
import org.huyou.common.IdNumber;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/**
 * Volunteers, their checks and trainings, and the gate before any work with children: the latest criminal-record inquiry must be clear and valid on
 * the day, or the service refuses and says why. Checks running out within 30 days are listed for renewal.
 */
public final class VolunteerService extends ServiceBase {

    public static final int EXPIRY_WINDOW_DAYS = 30;

    private final VolunteerRepository repo;

    public VolunteerService(VolunteerRepository repo, ServiceContext context) {
        super(context);
        this.repo = repo;
    }

    /** Registers a volunteer from a draft (id 0): ID number as in the register, a phone to reach them, no duplicates. */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.CREATE)
    public Volunteer register(Volunteer draft) {
        user.require(AppModule.VOLUNTEERS, Action.CREATE);
        Checks checks = new Checks(LocalDate.now(clock));
        Volunteer v = checked(checks, draft);
        checks.notTaken(
                "idNumber", "volunteer.idNumberTaken", v.idNumber() != null && repo.idNumberTaken(v.idNumber()));
        checks.throwIfAny();
        return tx.inTransaction(() -> {
            long vid = repo.insert(v, user.username(), now());
            audit.record(AuditLog.CREATE, "volunteer", vid, AuditSummary.of("auditSummary.value", v.name()), null);
            return repo.find(vid).orElseThrow();
        });
    }

    /** The draft's fields checked into {@code checks}, normalised (stripped text, ID number in the register's form). */
    private static Volunteer checked(Checks checks, Volunteer draft) {
        String n = checks.text("name", "volunteer.name", draft.name(), 100, true);
        String id =
                draft.idNumber() == null || draft.idNumber().isBlank() ? null : IdNumber.normalize(draft.idNumber());
        checks.rule(
                id == null || IdNumber.check(id).isEmpty(),
                "idNumber",
                "volunteer.badIdNumber",
                id == null
                        ? ""
                        : IdNumber.check(id)
                                .map(p -> Messages.t("idnumber." + p.name()))
                                .orElse(""));
        String p = checks.text("phone", "volunteer.phone", draft.phone(), 40, true);
        checks.rule(p == null || phoneDigits(p).matches("\\+?\\d{7,15}"), "phone", "volunteer.badPhone");
        String o = checks.text("organisation", "volunteer.organisation", draft.organisation(), 200, false);
        String c = checks.text("certificates", "volunteer.certificates", draft.certificates(), 300, false);
        String a = checks.text("availability", "volunteer.availability", draft.availability(), 300, false);
        Set<Volunteer.Specialty> s =
                draft.specialties() == null || draft.specialties().isEmpty()
                        ? EnumSet.noneOf(Volunteer.Specialty.class)
                        : EnumSet.copyOf(draft.specialties());
        return new Volunteer(0, n, id, p, o, s, c, a, 0);
    }

    /** A phone as compared for duplicates: "138-0000 1111" and "13800001111" are the same number. */
    static String phoneDigits(String phone) {
        return phone == null ? "" : phone.replaceAll("[\\s-]", "");
    }

    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public List<Volunteer> search(String text, int limit) {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        return repo.search(text, limit);
    }

    /** A volunteer in the list with their latest check (null when none), which says whether they may work with children. */
    public record Listed(Volunteer volunteer, BackgroundCheck latestCheck) {}

    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public List<Listed> list(String text, int limit) {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        List<Volunteer> people = repo.search(text, limit);
        Map<Long, BackgroundCheck> checks =
                repo.latestChecks(people.stream().map(Volunteer::id).toList());
        return people.stream().map(v -> new Listed(v, checks.get(v.id()))).toList();
    }

    /** How many volunteers are registered in all: the list's count line, whatever a search shows. */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public int count() {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        return repo.count();
    }

    /** Records an inquiry's outcome; a clear one needs the date it stays valid until. */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.EDIT)
    public BackgroundCheck recordCheck(
            long volunteerId,
            LocalDate checkedOn,
            BackgroundCheck.Result result,
            LocalDate validUntil,
            String reference) {
        user.require(AppModule.VOLUNTEERS, Action.EDIT);
        Checks checks = new Checks(LocalDate.now(clock));
        BackgroundCheck c =
                checked(checks, new BackgroundCheck(0, volunteerId, checkedOn, result, validUntil, reference));
        checks.throwIfAny();
        repo.find(volunteerId).orElseThrow(() -> new UserFacingException("volunteer.notFound"));
        return tx.inTransaction(() -> {
            long id = repo.insertCheck(c, user.username(), now());
            audit.record(AuditLog.CREATE, "background_check", id, AuditSummary.of("auditSummary.value", result), null);
            return new BackgroundCheck(id, volunteerId, c.checkedOn(), result, c.validUntil(), c.reference());
        });
    }

    private static BackgroundCheck checked(Checks checks, BackgroundCheck c) {
        checks.pastDate("checkedOn", "volunteer.checkedOn", c.checkedOn());
        checks.required("result", "volunteer.checkResult", c.result());
        checks.rule(
                c.result() != BackgroundCheck.Result.CLEAR || c.validUntil() != null,
                "validUntil",
                "volunteer.validUntilRequired");
        checks.rule(
                c.validUntil() == null
                        || c.checkedOn() == null
                        || c.validUntil().isAfter(c.checkedOn()),
                "validUntil",
                "volunteer.validUntilAfter");
        String ref = checks.text("reference", "volunteer.reference", c.reference(), 100, false);
        return new BackgroundCheck(
                0,
                c.volunteerId(),
                c.checkedOn(),
                c.result(),
                c.result() == BackgroundCheck.Result.CLEAR ? c.validUntil() : null,
                ref);
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
        Training t = checked(checks, new Training(0, volunteerId, course, trainedOn, hours));
        checks.throwIfAny();
        repo.find(volunteerId).orElseThrow(() -> new UserFacingException("volunteer.notFound"));
        return tx.inTransaction(() -> {
            long id = repo.insertTraining(t, user.username(), now());
            audit.record(
                    AuditLog.CREATE, "volunteer_training", id, AuditSummary.of("auditSummary.value", t.course()), null);
            return new Training(id, volunteerId, t.course(), trainedOn, hours);
        });
    }

    private static Training checked(Checks checks, Training t) {
        String c = checks.text("course", "training.course", t.course(), 100, true);
        checks.pastDate("trainedOn", "training.date", t.trainedOn());
        checks.range("hours", "training.hours", t.hours(), new BigDecimal("0.25"), new BigDecimal("200"));
        return new Training(0, t.volunteerId(), c, t.trainedOn(), t.hours());
    }

    /** One row of a home's existing volunteer list: the volunteer, and their latest check and a training if given. */
    public record Imported(Volunteer volunteer, BackgroundCheck check, Training training) {}

    /**
     * What is wrong with one imported row by itself, as registering, recording the check and the training one by
     * one would say it (the checks' and trainings' fields as {@code check.}/{@code training.} plus the field).
     */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.CREATE)
    public List<FieldError> check(Imported row) {
        user.require(AppModule.VOLUNTEERS, Action.CREATE);
        List<FieldError> errors = new ArrayList<>(checkedRow(row).errors);
        // Shown in the preview where it applies; importAll refuses the list as a whole.
        boolean mayEdit = user.can(AppModule.VOLUNTEERS, Action.EDIT);
        Checks needsEdit = new Checks(LocalDate.now(clock));
        String module = AppModule.VOLUNTEERS.label();
        String edit = Action.EDIT.label();
        needsEdit.rule(mayEdit || row.check() == null, "check.result", "volunteerImport.rowNeedsEdit", module, edit);
        needsEdit.rule(
                mayEdit || row.training() == null, "training.course", "volunteerImport.rowNeedsEdit", module, edit);
        errors.addAll(needsEdit.errors());
        return errors;
    }

    private record Checked(Imported row, List<FieldError> errors) {}

    private Checked checkedRow(Imported row) {
        LocalDate today = LocalDate.now(clock);
        Checks checks = new Checks(today);
        Volunteer v = checked(checks, row.volunteer());
        List<FieldError> errors = new ArrayList<>(checks.errors());
        BackgroundCheck c = null;
        if (row.check() != null) {
            Checks cc = new Checks(today);
            c = checked(cc, row.check());
            cc.errors().forEach(e -> errors.add(new FieldError("check." + e.field(), e.messageKey(), e.args())));
        }
        Training t = null;
        if (row.training() != null) {
            Checks tc = new Checks(today);
            t = checked(tc, row.training());
            tc.errors().forEach(e -> errors.add(new FieldError("training." + e.field(), e.messageKey(), e.args())));
        }
        return new Checked(new Imported(v, c, t), errors);
    }

    /**
     * Rows (by index) that repeat an earlier row of the list, or a registered volunteer: the same ID number, or the
     * same name and phone. Checked for the whole list at once.
     */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.CREATE)
    public Map<Integer, List<FieldError>> duplicates(List<Volunteer> volunteers) {
        user.require(AppModule.VOLUNTEERS, Action.CREATE);
        Set<String> takenIds = repo.takenIdNumbers(volunteers.stream()
                .map(Volunteer::idNumber)
                .filter(Objects::nonNull)
                .map(IdNumber::normalize)
                .toList());
        Set<String> takenNamePhones = repo.namePhones(volunteers.stream()
                .map(Volunteer::name)
                .filter(Objects::nonNull)
                .map(String::strip)
                .toList());
        Map<String, Integer> idsSeen = new HashMap<>();
        Map<String, Integer> namePhonesSeen = new HashMap<>();
        Map<Integer, List<FieldError>> problems = new TreeMap<>();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < volunteers.size(); i++) {
            Volunteer v = volunteers.get(i);
            Checks checks = new Checks(today);
            String id = v.idNumber() == null || v.idNumber().isBlank() ? null : IdNumber.normalize(v.idNumber());
            if (id != null) {
                checks.unique("idNumber", idsSeen.putIfAbsent(id, i), takenIds.contains(id), "volunteer.idNumberTaken");
            }
            if (v.name() != null && v.phone() != null) {
                String key = namePhone(v.name(), v.phone());
                checks.unique(
                        "phone",
                        namePhonesSeen.putIfAbsent(key, i),
                        takenNamePhones.contains(key),
                        "volunteerImport.namePhoneTaken",
                        v.name(),
                        v.phone());
            }
            checks.addTo(problems, i);
        }
        return problems;
    }

    static String namePhone(String name, String phone) {
        return name.strip() + '\u0000' + phoneDigits(phone);
    }

    /**
     * Registers a home's existing volunteers with their checks and trainings in one transaction, audited as one
     * batch: every row checked again here (nothing is half-written: one wrong row refuses the whole list). A list
     * that carries any check or training needs the right to record them one by one (EDIT) too: an imported clear
     * check lets the volunteer work with children.
     */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.CREATE)
    public int importAll(List<Imported> rows, String source) {
        user.require(AppModule.VOLUNTEERS, Action.CREATE);
        if (!user.can(AppModule.VOLUNTEERS, Action.EDIT)
                && rows.stream().anyMatch(r -> r.check() != null || r.training() != null)) {
            throw new UserFacingException(
                    "volunteerImport.needsEdit", AppModule.VOLUNTEERS.label(), Action.EDIT.label());
        }
        return tx.inTransaction(() -> {
            List<Imported> clean = new ArrayList<>(rows.size());
            List<FieldError> errors = new ArrayList<>();
            for (Imported r : rows) {
                Checked c = checkedRow(r);
                errors.addAll(c.errors());
                clean.add(c.row());
            }
            duplicates(clean.stream().map(Imported::volunteer).toList())
                    .values()
                    .forEach(errors::addAll);
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            String actor = user.username();
            LocalDateTime now = now();
            List<AuditLog.Change> changes = new ArrayList<>(clean.size() * 3 + 1);
            for (Imported r : clean) {
                long vid = repo.insert(r.volunteer(), actor, now);
                changes.add(new AuditLog.Change(
                        AuditLog.CREATE,
                        "volunteer",
                        vid,
                        AuditSummary.of("auditSummary.value", r.volunteer().name()),
                        null));
                // Audited as recordCheck and recordTraining audit them one by one.
                if (r.check() != null) {
                    BackgroundCheck c = r.check();
                    long cid = repo.insertCheck(
                            new BackgroundCheck(0, vid, c.checkedOn(), c.result(), c.validUntil(), c.reference()),
                            actor,
                            now);
                    changes.add(new AuditLog.Change(
                            AuditLog.CREATE,
                            "background_check",
                            cid,
                            AuditSummary.of("auditSummary.value", c.result()),
                            null));
                }
                if (r.training() != null) {
                    Training t = r.training();
                    long tid =
                            repo.insertTraining(new Training(0, vid, t.course(), t.trainedOn(), t.hours()), actor, now);
                    changes.add(new AuditLog.Change(
                            AuditLog.CREATE,
                            "volunteer_training",
                            tid,
                            AuditSummary.of("auditSummary.value", t.course()),
                            null));
                }
            }
            changes.add(new AuditLog.Change(
                    AuditLog.IMPORT,
                    "volunteer",
                    null,
                    AuditSummary.of("auditSummary.volunteersImported", source, clean.size()),
                    null));
            audit.recordAll(changes);
            return clean.size();
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
        List<String> clean = courses.stream()
                .map(String::strip)
                .filter(x -> !x.isEmpty())
                .distinct()
                .toList();
        checks.rule(clean.stream().allMatch(x -> x.length() <= 100), "courses", "training.courseTooLong");
        checks.throwIfAny();
        tx.inTransaction(() -> {
            List<String> before = repo.requirements(type);
            repo.replaceRequirements(type, clean);
            audit.record(
                    AuditLog.EDIT,
                    "training_requirement",
                    type.name(),
                    AuditSummary.of("auditSummary.trainingRequirement", type, String.join(", ", clean)),
                    String.join(",", before));
        });
    }

    /** Clear checks that run out within 30 days or ran out already in that time: to renew. */
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.VIEW)
    public List<ExpiringCheck> checksToRenew() {
        user.require(AppModule.VOLUNTEERS, Action.VIEW);
        LocalDate today = LocalDate.now(clock);
        return repo.expiringBetween(today.minusDays(EXPIRY_WINDOW_DAYS), today.plusDays(EXPIRY_WINDOW_DAYS));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
