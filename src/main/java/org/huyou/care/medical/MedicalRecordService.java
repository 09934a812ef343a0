package org.huyou.care.medical;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.huyou.care.Corrections;
import org.huyou.care.CareDomain;
import org.huyou.care.Reminder;
import org.huyou.care.ReminderSource;
import org.huyou.care.TimelineEntry;
import org.huyou.care.TimelineSource;
import org.huyou.common.FieldError;
import org.huyou.common.Messages;
import org.huyou.common.ValidationException;
import org.huyou.db.Transactions;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
import org.huyou.security.AuditChanges;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;

/**
 * Diagnoses, checkups, immunisations, hospital visits, surgeries, treatments and insurance: medical staff's
 * records, sealed from roles without the medical permission. A record with a next-due date puts a reminder on the
 * screen until a later record of the same kind and title follows it.
 */
public final class MedicalRecordService {

    /** How far ahead follow-ups show as due. */
    public static final int DUE_WINDOW_DAYS = 14;

    private final MedicalRecordRepository repo;
    private final Transactions tx;
    private final CurrentUser user;
    private final AuditLog audit;
    private final Clock clock;

    public MedicalRecordService(MedicalRecordRepository repo, Transactions tx, CurrentUser user, AuditLog audit,
                                Clock clock) {
        this.repo = repo;
        this.tx = tx;
        this.user = user;
        this.audit = audit;
        this.clock = clock;
    }

    @RequiresPermission(module = AppModule.MEDICAL, action = Action.VIEW)
    public List<MedicalRecord> records(long residentId) {
        user.require(AppModule.MEDICAL, Action.VIEW);
        return repo.forResident(residentId);
    }

    @RequiresPermission(module = AppModule.MEDICAL, action = Action.CREATE)
    public MedicalRecord add(long residentId, MedicalRecord.Kind kind, LocalDate date, String title, String detail,
                             MedicalRecord.Funding funding, LocalDate nextDue) {
        user.require(AppModule.MEDICAL, Action.CREATE);
        List<FieldError> errors = new ArrayList<>();
        if (kind == null) {
            errors.add(new FieldError("kind", "validation.required"));
        }
        if (date == null) {
            errors.add(new FieldError("date", "validation.required"));
        } else if (date.isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError("date", "validation.dateInFuture"));
        }
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            errors.add(new FieldError("title", "validation.required"));
        } else if (t.length() > 200) {
            errors.add(new FieldError("title", "validation.tooLong", 200));
        }
        String d = detail == null || detail.isBlank() ? null : detail.strip();
        if (d != null && d.length() > 2000) {
            errors.add(new FieldError("detail", "validation.tooLong", 2000));
        }
        if (nextDue != null && date != null && nextDue.isBefore(date)) {
            errors.add(new FieldError("nextDue", "medical.dueBeforeDate"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return tx.inTransaction(() -> {
            MedicalRecord draft = new MedicalRecord(0, residentId, kind, date, t, d, funding, nextDue,
                    user.username(), false, null);
            long id = repo.insert(draft, user.username(), LocalDateTime.now(clock));
            MedicalRecord saved = new MedicalRecord(id, residentId, kind, date, t, d, funding, nextDue,
                    user.username(), false, null);
            audit.record(AuditLog.CREATE, "medical_record", id, AuditSummary.of("auditSummary.value", kind),
                    AuditChanges.created(saved));
            return saved;
        });
    }

    @RequiresPermission(module = AppModule.MEDICAL, action = Action.VOID)
    public void voidRecord(long id, String reason) {
        user.require(AppModule.MEDICAL, Action.VOID);
        Corrections.voidEntry(tx, audit, "medical_record", id, reason,
                (rowId, why) -> repo.voidRecord(rowId, why, user.username(), LocalDateTime.now(clock)));
    }

    public static String summary(MedicalRecord r) {
        return r.kind().label() + ": " + r.title() + (r.detail() == null ? "" : " — " + r.detail())
                + (r.funding() == null ? "" : " [" + r.funding().label() + "]")
                + (r.nextDue() == null ? "" : " " + Messages.t("medical.nextDue", r.nextDue().toString()));
    }

    @AnyUser
    public TimelineSource timelineSource() {
        return TimelineSource.of(user, CareDomain.MEDICAL, AppModule.MEDICAL, (residentId, c, from, to, limit) ->
                repo.page(residentId, c.date(), c.sourceComparison(), c.id(), from, to, limit).stream()
                .map(r -> new TimelineEntry(CareDomain.MEDICAL, r.id(), r.date(), summary(r), r.recordedBy(),
                        r.voided(), r.voidReason())).toList());
    }

    /** Follow-ups due within two weeks, and overdue ones (a next dose, a checkup, an insurance renewal). */
    @AnyUser
    public ReminderSource reminderSource() {
        return ReminderSource.of(user, AppModule.MEDICAL, Action.VIEW, today -> repo.openFollowUps(today.plusDays(DUE_WINDOW_DAYS)).stream()
                        .map(f -> new Reminder(CareDomain.MEDICAL, f.record().residentId(), f.residentName(),
                                f.record().nextDue(), Messages.t("medical.followUp", f.record().kind().label(),
                                f.record().title()), f.record().nextDue().isBefore(today)))
                        .toList());
    }
}
