package org.huyou.care.medical;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.huyou.care.CareDomain;
import org.huyou.care.Corrections;
import org.huyou.care.Reminder;
import org.huyou.care.ReminderSource;
import org.huyou.common.Checks;
import org.huyou.common.Dates;
import org.huyou.common.FieldError;
import org.huyou.common.Messages;
import org.huyou.common.OverrideReasons;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
import org.huyou.security.AuditChanges;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/**
 * Medication orders (medical staff) and the rounds (whoever holds 给药): every scheduled dose of today and of the last
 * {@link #OVERDUE_DAYS} days that nobody has recorded is due; one action records it as given, refused or missed. Every order
 * and every dose is checked against the child's current allergies: an order that conflicts is refused unless medical
 * staff give a written reason, and each of its doses shows the warning again.
 */
public final class MedicationService extends ServiceBase {

    /** The note of an order or a dose: its column's length. */
    private static final int NOTE_MAX = 500;

    /** A dose counts as overdue this long after its time. */
    public static final Duration GRACE = Duration.ofMinutes(60);
    /**
     * How many days back a dose nobody recorded stays on the rounds, overdue: yesterday evening's dose must not vanish
     * at midnight (nor 24 hours later); a week back is still a caregiver's to account for, older is the MAR's gap.
     */
    public static final int OVERDUE_DAYS = 7;
    /** How long the one who recorded a dose may take it back without a reason (a slip of the mouse). */
    public static final Duration UNDO_WINDOW = Duration.ofMinutes(2);
    /** The shortest reason accepted for ordering a drug despite an allergy: a sentence, not "ok". */
    public static final int MIN_OVERRIDE_REASON = 6;

    private final MedicationRepository repo;
    private final AllergyRepository allergies;
    private final Formulary formulary;
    private final FormularyRepository added;

    public MedicationService(
            MedicationRepository repo,
            AllergyRepository allergies,
            Formulary formulary,
            FormularyRepository added,
            ServiceContext context) {
        super(context);
        this.repo = repo;
        this.allergies = allergies;
        this.formulary = formulary;
        this.added = added;
    }

    /** An order with no allergy conflict; one that conflicts is refused ({@link AllergyConflictException}). */
    @RequiresPermission(module = AppModule.MEDICAL, action = Action.CREATE)
    public Medication.Order prescribe(
            long residentId, String drug, String dose, String timesOfDay, LocalDate start, LocalDate end, String note) {
        user.require(AppModule.MEDICAL, Action.CREATE);
        return prescribe(residentId, drug, dose, timesOfDay, start, end, note, null, null);
    }

    /**
     * An order for a drug of the formulary. When the drug's ingredient or class matches one of the child's current
     * allergies, or its class cross-reacts with one, the order is refused with {@link AllergyConflictException} unless
     * {@code allergyOverride} gives the reason to order it anyway (medical staff only, at least
     * {@link #MIN_OVERRIDE_REASON} characters); the reason is audited and kept on the order. A dose that is zero, negative or
     * not a number is refused naming the field; a dose in g, mg or µg above the known maximum of its ingredient, per
     * dose or per day (per kg of the child's latest weight from the growth records, never above the adult maximum; the
     * adult maximum without a weight), is refused with {@link DoseLimitException} unless {@code doseOverride} gives the
     * reason (checked as the allergy override's); the reason is audited as an override and kept on the order, whose
     * doses show it.
     */
    @RequiresPermission(module = AppModule.MEDICAL, action = Action.CREATE)
    public Medication.Order prescribe(
            long residentId,
            String drug,
            String dose,
            String timesOfDay,
            LocalDate start,
            LocalDate end,
            String note,
            String allergyOverride,
            String doseOverride) {
        user.require(AppModule.MEDICAL, Action.CREATE);
        Checks checks = new Checks(LocalDate.now(clock)); // its sentences name the field
        String d = checks.text("drug", "medication.drug", drug, 100, true);
        List<FormularyDrug> addedDrugs = added.added();
        FormularyDrug picked = null;
        if (d != null && d.length() <= 100) {
            picked = formulary.resolve(d, addedDrugs).orElse(null);
            checks.rule(picked != null, "drug", "medication.notInFormulary");
        }
        String ds = checks.text("dose", "medication.dose", dose, 100, true); // as long as its column
        String n = checks.lines("note", "medication.orderNote", note, NOTE_MAX, false);
        Dose parsed = ds == null ? null : Dose.parse(ds).orElse(null);
        if (ds != null) {
            checks.rule(parsed != null, "dose", "medication.doseUnreadable");
            checks.rule(parsed == null || parsed.positive(), "dose", "medication.doseNotPositive");
        }
        List<LocalTime> times = Medication.parseTimes(timesOfDay);
        String unreadableTime = Medication.firstUnreadableTime(timesOfDay);
        if (unreadableTime != null) {
            // "25:99" is named as not a time, not as missing
            checks.rule(false, "times", "check.notATime", Messages.t("medication.times"), unreadableTime);
        } else {
            checks.rule(times != null && !times.isEmpty(), "times", "medication.badTimes");
        }
        checks.rule(start != null, "start", "validation.dateRequired.medicationStart");
        checks.rule(start == null || end == null || !end.isBefore(start), "end", "medication.endBeforeStart");
        List<FieldError> errors = new ArrayList<>(checks.errors());
        String why = allergyOverride == null || allergyOverride.isBlank() ? null : allergyOverride.strip();
        FieldError badReason = why == null ? null : reasonError(why, "medication.overrideTooShort");
        if (badReason != null) {
            errors.add(badReason);
        }
        String doseWhy = doseOverride == null || doseOverride.isBlank() ? null : doseOverride.strip();
        FieldError badDoseReason = doseWhy == null
                ? null
                : OverrideReasons.problem(
                        "doseOverride", doseWhy, MIN_OVERRIDE_REASON, "medication.doseLimitOverrideTooShort");
        if (badDoseReason != null) {
            errors.add(badDoseReason);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        FormularyDrug f = picked;
        return tx.inTransaction(() -> {
            List<AllergyConflict> conflicts = formulary.conflicts(allergies.current(residentId), f, addedDrugs);
            if (!conflicts.isEmpty() && why == null) {
                throw new AllergyConflictException(conflicts);
            }
            String kept = conflicts.isEmpty() ? null : why;
            BigDecimal weight = repo.latestWeightKg(residentId).orElse(null);
            List<String> tooMuch = DoseLimits.problems(formulary, f, parsed, times.size(), weight);
            if (!tooMuch.isEmpty() && doseWhy == null) {
                throw new DoseLimitException(tooMuch);
            }
            String keptDose = tooMuch.isEmpty() ? null : doseWhy;
            // The override covers the allergies seen now; one recorded later holds the doses again.
            Set<Long> covers = conflicts.stream().map(c -> c.allergy().id()).collect(Collectors.toSet());
            Medication.Order draft = new Medication.Order(
                    0,
                    residentId,
                    d,
                    ds,
                    times,
                    start,
                    end,
                    n,
                    user.username(),
                    false,
                    f.ingredient(),
                    f.drugClass(),
                    kept,
                    covers,
                    keptDose);
            long id = repo.insertOrder(draft, user.username(), LocalDateTime.now(clock));
            Medication.Order saved = draft.withId(id);
            audit.record(
                    AuditLog.CREATE,
                    "medication_order",
                    id,
                    AuditSummary.of("auditSummary.order", d, ds, Medication.formatTimes(times)),
                    AuditChanges.created(saved));
            if (keptDose != null) {
                audit.record(
                        AuditLog.OVERRIDE,
                        "medication_order",
                        id,
                        AuditSummary.of("medication.doseLimitAudit", d, ds, keptDose, Messages.clauses(tooMuch)),
                        null);
            }
            if (kept != null) {
                audit.record(
                        AuditLog.OVERRIDE,
                        "medication_order",
                        id,
                        AuditSummary.of(
                                "medication.overrideAudit",
                                d,
                                kept,
                                Messages.clauses(conflicts.stream()
                                        .map(AllergyConflict::message)
                                        .toList())),
                        null);
            }
            return saved;
        });
    }

    /** What ordering this drug for this child would conflict with now (empty: nothing), before the order is made. */
    @RequiresPermission(module = AppModule.MEDICAL, action = Action.CREATE)
    public List<AllergyConflict> conflicts(long residentId, String drug) {
        user.require(AppModule.MEDICAL, Action.CREATE);
        List<FormularyDrug> addedDrugs = added.added();
        return formulary
                .resolve(drug, addedDrugs)
                .map(f -> formulary.conflicts(allergies.current(residentId), f, addedDrugs))
                .orElse(List.of());
    }

    /**
     * The child's orders with those that conflict with the allergies as they stand now, by order id: an allergy
     * recorded after an order flags it at once on the medical tab, not only at its next dose. The orders are read
     * once for both.
     */
    @RequiresPermission(module = AppModule.MEDICATION_ROUNDS, action = Action.VIEW)
    public Medication.Orders ordersWithConflicts(long residentId) {
        user.require(AppModule.MEDICATION_ROUNDS, Action.VIEW);
        List<Allergy> current = allergies.current(residentId);
        List<Medication.Order> orders = repo.orders(residentId);
        Map<Long, List<AllergyConflict>> conflicts = new HashMap<>();
        for (Medication.Order o : orders) {
            List<AllergyConflict> c = o.voided() ? List.of() : conflictsOf(o, current);
            if (!c.isEmpty()) {
                conflicts.put(o.id(), c);
            }
        }
        return new Medication.Orders(orders, conflicts);
    }

    @RequiresPermission(module = AppModule.MEDICATION_ROUNDS, action = Action.VIEW)
    public List<Medication.Order> orders(long residentId) {
        user.require(AppModule.MEDICATION_ROUNDS, Action.VIEW);
        return repo.orders(residentId);
    }

    @RequiresPermission(module = AppModule.MEDICATION_ROUNDS, action = Action.VIEW)
    public List<Medication.Administration> administrations(long residentId, int limit) {
        user.require(AppModule.MEDICATION_ROUNDS, Action.VIEW);
        return repo.administrations(residentId, limit);
    }

    /** Records a scheduled dose with no allergy override: see {@link #recordDose(long, LocalDateTime, Medication.Outcome, String, String)}. */
    @RequiresPermission(module = AppModule.MEDICATION_ROUNDS, action = Action.CREATE)
    public long recordDose(long orderId, LocalDateTime scheduledFor, Medication.Outcome outcome, String note) {
        return recordDose(orderId, scheduledFor, outcome, note, null);
    }

    /**
     * Records a scheduled dose once: given, refused or missed; the id of the record. Refused for an order that has
     * ended, not yet started or was voided, for a time that is not one of its dose times, and for a dose already
     * recorded. A dose GIVEN of a drug that conflicts with the child's allergies as they stand now is refused
     * ({@link AllergyAtDoseException}) unless {@code allergyOverride} gives a reason: holding the dose is the safe
     * default, and the allergy may have been recorded after the order. The reason may come from medical staff, or
     * from whoever gives doses when medical staff already confirmed the order despite each of these allergies (not
     * one recorded after the confirmation); it is kept in
     * the dose's note and audited as an override. Refused and missed doses need no reason.
     */
    @RequiresPermission(module = AppModule.MEDICATION_ROUNDS, action = Action.CREATE)
    public long recordDose(
            long orderId, LocalDateTime scheduledFor, Medication.Outcome outcome, String note, String allergyOverride) {
        user.require(AppModule.MEDICATION_ROUNDS, Action.CREATE);
        if (outcome == null || scheduledFor == null) {
            Checks checks = new Checks(LocalDate.now(clock));
            checks.required("outcome", "medication.outcome", scheduledFor == null ? null : outcome);
            checks.throwIfAny();
        }
        Medication.Order order = repo.order(orderId).orElseThrow(() -> new UserFacingException("medication.noOrder"));
        LocalDate day = scheduledFor.toLocalDate();
        if (order.voided()) {
            throw new UserFacingException("medication.orderVoided", order.drug());
        }
        if (day.isBefore(order.start())) {
            throw new UserFacingException("medication.notStarted", order.drug(), Dates.format(order.start()));
        }
        if (order.end() != null && day.isAfter(order.end())) {
            throw new UserFacingException("medication.ended", order.drug(), Dates.format(order.end()));
        }
        if (!order.times().contains(scheduledFor.toLocalTime())) {
            throw new UserFacingException("medication.notScheduled");
        }
        if (scheduledFor.isAfter(LocalDateTime.now(clock).plus(Duration.ofHours(2)))) {
            // says from when, so the caregiver knows when to come back
            DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
            LocalDateTime from = scheduledFor.minus(Duration.ofHours(2));
            throw new UserFacingException(
                    "medication.tooEarly",
                    order.drug(),
                    Dates.format(scheduledFor.toLocalDate()) + " " + scheduledFor.format(hm),
                    Dates.format(from.toLocalDate()) + " " + from.format(hm));
        }
        if (outcome == Medication.Outcome.GIVEN) {
            // An order made before the dose check, above its maximum with no reason: held until medical staff re-order.
            List<String> tooMuch = doseProblems(order, new HashMap<>());
            if (!tooMuch.isEmpty()) {
                throw new UserFacingException(
                        "medication.doseHeld", order.drug(), order.dose(), Messages.clauses(tooMuch));
            }
        }
        List<AllergyConflict> conflicts = conflictsOf(order, allergies.current(order.residentId()));
        String why = allergyOverride == null || allergyOverride.isBlank() ? null : allergyOverride.strip();
        boolean overriding = outcome == Medication.Outcome.GIVEN && !conflicts.isEmpty();
        if (overriding) {
            // Whoever gives doses may override only the allergies medical staff confirmed the order despite.
            boolean mayOverride = order.covers(conflicts) || user.can(AppModule.MEDICAL, Action.CREATE);
            if (why == null || !mayOverride) {
                throw new AllergyAtDoseException(conflicts, mayOverride);
            }
            FieldError badReason = reasonError(why, "medication.doseOverrideTooShort");
            if (badReason != null) {
                throw new ValidationException(List.of(badReason));
            }
        }
        // the note is stored with the override's line after it: together they fit the column
        String line = overriding ? Messages.t("medication.doseOverrideNote", why) : null;
        Checks checks = new Checks(LocalDate.now(clock));
        String kept = checks.lines(
                "note",
                "medication.doseNote",
                note,
                line == null ? NOTE_MAX : Math.max(0, NOTE_MAX - line.length() - 1),
                false);
        checks.throwIfAny();
        if (line != null) {
            kept = kept == null ? line : kept + "\n" + line;
        }
        String storedNote = kept;
        return tx.inTransaction(() -> {
            // the look-up and the insert under the order's lock: two PCs at once both found the dose unrecorded
            repo.lockOrder(orderId);
            if (repo.recordedSlots(scheduledFor, scheduledFor)
                    .contains(MedicationRepository.slot(orderId, scheduledFor))) {
                throw new UserFacingException("medication.alreadyRecorded");
            }
            long id = repo.insertAdministration(
                    orderId, scheduledFor, outcome, storedNote, user.username(), LocalDateTime.now(clock));
            if (overriding) {
                audit.record(
                        AuditLog.OVERRIDE,
                        "medication_administration",
                        id,
                        AuditSummary.of(
                                "auditSummary.doseOverride",
                                order.drug(),
                                scheduledFor,
                                outcome,
                                warning(conflicts),
                                why),
                        null);
            } else {
                audit.record(
                        AuditLog.CREATE,
                        "medication_administration",
                        id,
                        conflicts.isEmpty()
                                ? AuditSummary.of("auditSummary.dose", order.drug(), scheduledFor, outcome)
                                : AuditSummary.of(
                                        "auditSummary.doseWarned",
                                        order.drug(),
                                        scheduledFor,
                                        outcome,
                                        warning(conflicts)),
                        null);
            }
            return id;
        });
    }

    /**
     * Takes back a dose just recorded by mistake: only the one who recorded it, within {@link #UNDO_WINDOW}; the
     * record is voided with the reason "撤销：误点" and the dose is due again. Later, {@link #voidDose} with a reason.
     */
    @RequiresPermission(module = AppModule.MEDICATION_ROUNDS, action = Action.CREATE)
    public void undoDose(long administrationId) {
        user.require(AppModule.MEDICATION_ROUNDS, Action.CREATE);
        Medication.Administration a =
                repo.administration(administrationId).orElseThrow(() -> new UserFacingException("medication.noOrder"));
        LocalDateTime now = LocalDateTime.now(clock);
        if (!a.recordedBy().equals(user.username())
                || a.recordedAt().plus(UNDO_WINDOW).isBefore(now)) {
            throw new UserFacingException("medication.undoTooLate");
        }
        Corrections.voidEntry(
                tx,
                audit,
                repo.voidableAdministration(user.username(), now),
                administrationId,
                Messages.t("medication.undoReason"));
    }

    /** Voids a recorded dose with a reason (medical staff): it stays in the record, marked, and the dose is due again. */
    @RequiresPermission(module = AppModule.MEDICATION_ROUNDS, action = Action.VOID)
    public void voidDose(long administrationId, String reason) {
        user.require(AppModule.MEDICATION_ROUNDS, Action.VOID);
        Corrections.voidEntry(
                tx,
                audit,
                repo.voidableAdministration(user.username(), LocalDateTime.now(clock)),
                administrationId,
                reason);
    }

    @RequiresPermission(module = AppModule.MEDICAL, action = Action.VOID)
    public void voidOrder(long orderId, String reason) {
        user.require(AppModule.MEDICAL, Action.VOID);
        Corrections.voidEntry(
                tx, audit, repo.voidableOrder(user.username(), LocalDateTime.now(clock)), orderId, reason);
    }

    /**
     * Doses due now: scheduled today or in the last {@link #OVERDUE_DAYS} days (never before the order started),
     * not yet recorded as given, refused or missed; the oldest first.
     */
    @RequiresPermission(module = AppModule.MEDICATION_ROUNDS, action = Action.VIEW)
    public List<Medication.DueDose> dueDoses() {
        user.require(AppModule.MEDICATION_ROUNDS, Action.VIEW);
        return computeDue(LocalDateTime.now(clock));
    }

    private List<Medication.DueDose> computeDue(LocalDateTime now) {
        LocalDateTime from = now.toLocalDate().minusDays(OVERDUE_DAYS).atStartOfDay();
        LocalDateTime to = now.toLocalDate().atTime(LocalTime.MAX);
        Map<Medication.Order, String> active = repo.activeOrders(from.toLocalDate(), to.toLocalDate());
        Set<String> recorded = repo.recordedSlots(from, to);
        // Checked at dose time against the allergies as they stand now, not only those known when ordering.
        Map<Long, List<Allergy>> allergyOf = allergies.current(
                active.keySet().stream().map(Medication.Order::residentId).collect(Collectors.toSet()));
        List<Medication.DueDose> due = new ArrayList<>();
        active.forEach((order, name) -> {
            List<AllergyConflict> conflicts = conflictsOf(order, allergyOf.getOrDefault(order.residentId(), List.of()));
            for (LocalDate day = from.toLocalDate(); !day.isAfter(to.toLocalDate()); day = day.plusDays(1)) {
                if (!order.activeOn(day)) {
                    continue;
                }
                for (LocalTime t : order.times()) {
                    LocalDateTime at = day.atTime(t);
                    if (!at.isBefore(from)
                            && !at.isAfter(to)
                            && !recorded.contains(MedicationRepository.slot(order.id(), at))) {
                        due.add(new Medication.DueDose(order, name, at, conflicts));
                    }
                }
            }
        });
        due.sort(
                Comparator.comparing(Medication.DueDose::scheduledFor).thenComparing(Medication.DueDose::residentName));
        return due;
    }

    /** An order's conflicts with these allergies: its stored ingredient and class, or its drug looked up by name. */
    private List<AllergyConflict> conflictsOf(Medication.Order order, List<Allergy> current) {
        if (current.isEmpty()) {
            return List.of();
        }
        List<FormularyDrug> addedDrugs = added.added();
        return formulary.conflicts(current, drugOf(order, addedDrugs), addedDrugs);
    }

    /** An order's drug: its stored ingredient and class, or its drug looked up by name (orders before the formulary). */
    private FormularyDrug drugOf(Medication.Order order, List<FormularyDrug> addedDrugs) {
        return order.ingredient() != null
                ? new FormularyDrug(0, order.drug(), order.ingredient(), order.drugClass(), null, null)
                : formulary
                        .resolve(order.drug(), addedDrugs)
                        .map(f -> new FormularyDrug(0, order.drug(), f.ingredient(), f.drugClass(), null, null))
                        .orElse(new FormularyDrug(0, order.drug(), order.drug(), null, null, null));
    }

    /**
     * What in an order is above its ingredient's known maximum and was not confirmed with a reason (an order made
     * before the check); empty when nothing is. {@code weights} keeps each child's weight for one round.
     */
    private List<String> doseProblems(Medication.Order order, Map<Long, BigDecimal> weights) {
        if (order.doseOverride() != null) {
            return List.of();
        }
        Dose dose = Dose.parse(order.dose()).orElse(null);
        if (dose == null || dose.milligrams().isEmpty()) {
            return List.of();
        }
        FormularyDrug drug = drugOf(order, added.added());
        if (drug.ingredients().stream()
                .map(formulary::ingredient)
                .noneMatch(i -> i.isPresent() && i.get().limit().known())) {
            return List.of();
        }
        BigDecimal weight = weights.computeIfAbsent(
                order.residentId(), id -> repo.latestWeightKg(id).orElse(null));
        return DoseLimits.problems(formulary, drug, dose, order.times().size(), weight);
    }

    /** The one rule for an override's reason, at the order and at the dose ({@link org.huyou.common.OverrideReasons}). */
    private static FieldError reasonError(String why, String tooShortKey) {
        return OverrideReasons.problem("allergyOverride", why, MIN_OVERRIDE_REASON, tooShortKey);
    }

    private static String warning(List<AllergyConflict> conflicts) {
        return Messages.t(
                "medication.allergyAtDose",
                Messages.clauses(
                        conflicts.stream().map(AllergyConflict::message).toList()));
    }

    /**
     * The rounds on the reminders screen for those who give doses (给药), each dose with its three one-click
     * outcomes; a dose of a drug the child is allergic to carries the warning, in its text and marked.
     */
    @AnyUser
    public ReminderSource reminderSource() {
        return ReminderSource.of(user, AppModule.MEDICATION_ROUNDS, Action.CREATE, today -> {
            LocalDateTime now = LocalDateTime.now(clock);
            Map<Long, BigDecimal> weights = new HashMap<>();
            return computeDue(now).stream()
                    .map(d -> {
                        String allergyWarning = d.conflicts().isEmpty()
                                ? null
                                : warning(d.conflicts())
                                        + (d.order().covers(d.conflicts())
                                                ? " "
                                                        + Messages.t(
                                                                "medication.overrideShown",
                                                                d.order().allergyOverride())
                                                : "");
                        String warning = joinWarnings(allergyWarning, doseWarning(d.order(), weights));
                        // A dose of an earlier day names its day, not only its time: "20:00" alone reads as tonight's.
                        String when = d.scheduledFor().toLocalDate().equals(now.toLocalDate())
                                ? d.scheduledFor().toLocalTime().toString()
                                : Messages.t(
                                        "medication.roundEarlier",
                                        Dates.format(d.scheduledFor().toLocalDate()),
                                        d.scheduledFor().toLocalTime().toString());
                        String what = Messages.t(
                                        "medication.round",
                                        when,
                                        d.order().drug(),
                                        d.order().dose())
                                + (warning == null ? "" : " " + warning);
                        return new Reminder(
                                CareDomain.MEDICAL,
                                d.order().residentId(),
                                d.residentName(),
                                d.scheduledFor().toLocalDate(),
                                what,
                                d.scheduledFor().plus(GRACE).isBefore(now),
                                List.of(
                                        action(d, Medication.Outcome.GIVEN),
                                        action(d, Medication.Outcome.REFUSED),
                                        action(d, Medication.Outcome.MISSED)),
                                warning);
                    })
                    .toList();
        });
    }

    /** A dose above the known maximum, on the rounds: confirmed with medical staff's reason, or held. */
    private String doseWarning(Medication.Order order, Map<Long, BigDecimal> weights) {
        if (order.doseOverride() != null) {
            return Messages.t("medication.doseLimitShown", order.dose(), order.doseOverride());
        }
        List<String> tooMuch = doseProblems(order, weights);
        return tooMuch.isEmpty()
                ? null
                : Messages.t("medication.doseHeld", order.drug(), order.dose(), Messages.clauses(tooMuch));
    }

    private static String joinWarnings(String a, String b) {
        return a == null ? b : b == null ? a : a + " " + b;
    }

    /**
     * Records the dose; the way back is the undo of that record. Giving a dose that conflicts with an allergy is
     * refused first; the screen then asks for the reason and gives it through {@code overridden}.
     */
    private Reminder.Action action(Medication.DueDose d, Medication.Outcome outcome) {
        Supplier<Runnable> act = () -> {
            long id = recordDose(d.order().id(), d.scheduledFor(), outcome, null);
            return () -> undoDose(id);
        };
        Function<String, Runnable> overridden = reason -> {
            long id = recordDose(d.order().id(), d.scheduledFor(), outcome, null, reason);
            return () -> undoDose(id);
        };
        return new Reminder.Action(outcome.name(), outcome.label(), act, overridden);
    }
}
