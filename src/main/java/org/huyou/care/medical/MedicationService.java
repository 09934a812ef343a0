package org.huyou.care.medical;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huyou.care.Corrections;
import org.huyou.care.CareDomain;
import org.huyou.care.Reminder;
import org.huyou.care.ReminderSource;
import org.huyou.common.FieldError;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.db.Transactions;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
import org.huyou.security.AuditChanges;
import org.huyou.security.AuditLog;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;

/**
 * Medication orders (medical staff) and the rounds (caregivers and nurses): every scheduled dose of the last 24
 * hours and the rest of today that nobody has recorded is due; one action records it as given, refused or missed.
 */
public final class MedicationService {

    /** A dose counts as overdue this long after its time. */
    public static final Duration GRACE = Duration.ofMinutes(60);

    private final MedicationRepository repo;
    private final Transactions tx;
    private final CurrentUser user;
    private final AuditLog audit;
    private final Clock clock;

    public MedicationService(MedicationRepository repo, Transactions tx, CurrentUser user, AuditLog audit,
                             Clock clock) {
        this.repo = repo;
        this.tx = tx;
        this.user = user;
        this.audit = audit;
        this.clock = clock;
    }

    @RequiresPermission(module = AppModule.MEDICAL, action = Action.CREATE)
    public Medication.Order prescribe(long residentId, String drug, String dose, String timesOfDay, LocalDate start,
                                      LocalDate end, String note) {
        user.require(AppModule.MEDICAL, Action.CREATE);
        List<FieldError> errors = new ArrayList<>();
        String d = drug == null ? "" : drug.strip();
        String ds = dose == null ? "" : dose.strip();
        if (d.isEmpty()) {
            errors.add(new FieldError("drug", "validation.required"));
        }
        if (ds.isEmpty()) {
            errors.add(new FieldError("dose", "validation.required"));
        }
        List<LocalTime> times = Medication.parseTimes(timesOfDay);
        if (times == null || times.isEmpty()) {
            errors.add(new FieldError("times", "medication.badTimes"));
        }
        if (start == null) {
            errors.add(new FieldError("start", "validation.required"));
        } else if (end != null && end.isBefore(start)) {
            errors.add(new FieldError("end", "medication.endBeforeStart"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        return tx.inTransaction(() -> {
            Medication.Order draft = new Medication.Order(0, residentId, d, ds, times, start, end, n, user.username(),
                    false);
            long id = repo.insertOrder(draft, user.username(), LocalDateTime.now(clock));
            Medication.Order saved = new Medication.Order(id, residentId, d, ds, times, start, end, n,
                    user.username(), false);
            audit.record(AuditLog.CREATE, "medication_order", id, d, AuditChanges.created(saved));
            return saved;
        });
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

    /** Records a scheduled dose once: given, refused or missed. */
    @RequiresPermission(module = AppModule.MEDICATION_ROUNDS, action = Action.CREATE)
    public void recordDose(long orderId, LocalDateTime scheduledFor, Medication.Outcome outcome, String note) {
        user.require(AppModule.MEDICATION_ROUNDS, Action.CREATE);
        if (outcome == null || scheduledFor == null) {
            throw new ValidationException(List.of(new FieldError("outcome", "validation.required")));
        }
        Medication.Order order = repo.order(orderId).orElseThrow(() -> new UserFacingException("medication.noOrder"));
        if (!order.activeOn(scheduledFor.toLocalDate()) || !order.times().contains(scheduledFor.toLocalTime())) {
            throw new UserFacingException("medication.notScheduled");
        }
        if (scheduledFor.isAfter(LocalDateTime.now(clock).plus(Duration.ofHours(2)))) {
            throw new UserFacingException("medication.tooEarly");
        }
        tx.inTransaction(() -> {
            if (repo.recordedSlots(scheduledFor, scheduledFor).contains(MedicationRepository.slot(orderId,
                    scheduledFor))) {
                throw new UserFacingException("medication.alreadyRecorded");
            }
            long id = repo.insertAdministration(orderId, scheduledFor, outcome, note == null || note.isBlank() ? null
                    : note.strip(), user.username(), LocalDateTime.now(clock));
            audit.record(AuditLog.CREATE, "medication_administration", id, order.drug() + " " + scheduledFor + " "
                    + outcome, null);
        });
    }

    @RequiresPermission(module = AppModule.MEDICAL, action = Action.VOID)
    public void voidOrder(long orderId, String reason) {
        user.require(AppModule.MEDICAL, Action.VOID);
        Corrections.voidEntry(tx, audit, "medication_order", orderId, reason,
                (rowId, why) -> repo.voidOrder(rowId, why, user.username(), LocalDateTime.now(clock)));
    }

    /** Doses due now: scheduled in the last 24 hours or later today, not yet recorded; the oldest first. */
    @RequiresPermission(module = AppModule.MEDICATION_ROUNDS, action = Action.VIEW)
    public List<Medication.DueDose> dueDoses() {
        user.require(AppModule.MEDICATION_ROUNDS, Action.VIEW);
        return computeDue(LocalDateTime.now(clock));
    }

    private List<Medication.DueDose> computeDue(LocalDateTime now) {
        LocalDateTime from = now.minusHours(24);
        LocalDateTime to = now.toLocalDate().atTime(LocalTime.MAX);
        Map<Medication.Order, String> active = repo.activeOrders(from.toLocalDate(), to.toLocalDate());
        Set<String> recorded = repo.recordedSlots(from, to);
        List<Medication.DueDose> due = new ArrayList<>();
        active.forEach((order, name) -> {
            for (LocalDate day = from.toLocalDate(); !day.isAfter(to.toLocalDate()); day = day.plusDays(1)) {
                if (!order.activeOn(day)) {
                    continue;
                }
                for (LocalTime t : order.times()) {
                    LocalDateTime at = day.atTime(t);
                    if (!at.isBefore(from) && !at.isAfter(to)
                            && !recorded.contains(MedicationRepository.slot(order.id(), at))) {
                        due.add(new Medication.DueDose(order, name, at));
                    }
                }
            }
        });
        due.sort(Comparator.comparing(Medication.DueDose::scheduledFor).thenComparing(Medication.DueDose::residentName));
        return due;
    }

    /** The rounds on the reminders screen, each dose with its three one-click outcomes. */
    @AnyUser
    public ReminderSource reminderSource() {
        return new ReminderSource() {
            @Override
            public AppModule module() {
                return AppModule.MEDICATION_ROUNDS;
            }

            @Override
            public List<Reminder> due(LocalDate today) {
                LocalDateTime now = LocalDateTime.now(clock);
                return computeDue(now).stream().map(d -> new Reminder(CareDomain.MEDICAL, d.order().residentId(),
                        d.residentName(), d.scheduledFor().toLocalDate(), Messages.t("medication.round",
                        d.scheduledFor().toLocalTime().toString(), d.order().drug(), d.order().dose()),
                        d.scheduledFor().plus(GRACE).isBefore(now), List.of(
                        action(d, Medication.Outcome.GIVEN), action(d, Medication.Outcome.REFUSED),
                        action(d, Medication.Outcome.MISSED)))).toList();
            }
        };
    }

    private Reminder.Action action(Medication.DueDose d, Medication.Outcome outcome) {
        return new Reminder.Action(outcome.name(), outcome.label(),
                () -> recordDose(d.order().id(), d.scheduledFor(), outcome, null));
    }
}
