package org.huyou.care.psych;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.huyou.care.CareDomain;
import org.huyou.care.Corrections;
import org.huyou.care.TimelineEntry;
import org.huyou.care.TimelineSource;
import org.huyou.common.Checks;
import org.huyou.common.FieldError;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/**
 * The psychological file's counselling notes (心理健康服务档案). A note is sealed: lists show that a session took
 * place, and even a psychologist opens its text one note at a time after typing why, which the audit log keeps.
 */
public final class CounsellingService extends ServiceBase {

    /** A reason shorter than this says nothing ("看看"). */
    public static final int MIN_REASON = 4;

    private final PsychRepository repo;

    public CounsellingService(PsychRepository repo, ServiceContext context) {
        super(context);
        this.repo = repo;
    }

    @RequiresPermission(module = AppModule.COUNSELLING_NOTES, action = Action.CREATE)
    public CounsellingSession record(
            long residentId, LocalDate date, CounsellingSession.Kind kind, int minutes, String note) {
        user.require(AppModule.COUNSELLING_NOTES, Action.CREATE);
        Checks checks = new Checks(LocalDate.now(clock));
        checks.pastDate("date", "psych.date", date);
        checks.required("kind", "counselling.kind", kind);
        checks.range("minutes", "counselling.minutes", minutes, 1, 600);
        String text = checks.lines("note", "counselling.note", note, 4000, true);
        checks.throwIfAny();
        return tx.inTransaction(() -> {
            long id = repo.insertSession(
                    residentId, date, kind, minutes, text, user.username(), LocalDateTime.now(clock));
            // The audit row says that a note was written, never what it says.
            audit.record(AuditLog.CREATE, "counselling_session", id, AuditSummary.of("auditSummary.value", kind), null);
            return new CounsellingSession(id, residentId, date, kind, minutes, user.username(), false, null);
        });
    }

    /** The sessions without their notes: whoever may see the psychological part sees that they took place. */
    @RequiresPermission(module = AppModule.PSYCHOLOGY, action = Action.VIEW)
    public List<CounsellingSession> sessions(long residentId) {
        user.require(AppModule.PSYCHOLOGY, Action.VIEW);
        return repo.sessions(residentId);
    }

    /** Opens one sealed note; the reason goes into the audit log with the reader's name, in the same transaction. */
    @RequiresPermission(module = AppModule.COUNSELLING_NOTES, action = Action.VIEW)
    public String openNote(long sessionId, String reason) {
        user.require(AppModule.COUNSELLING_NOTES, Action.VIEW);
        String why = reason == null ? "" : reason.strip();
        if (why.length() < MIN_REASON) {
            throw new ValidationException(List.of(new FieldError("reason", "counselling.reasonRequired", MIN_REASON)));
        }
        return tx.inTransaction(() -> {
            String note = repo.note(sessionId).orElseThrow(() -> new UserFacingException("error.notFound"));
            audit.record(
                    AuditLog.READ,
                    "counselling_session",
                    sessionId,
                    AuditSummary.of("auditSummary.readReason", why),
                    null);
            return note;
        });
    }

    @RequiresPermission(module = AppModule.PSYCHOLOGY, action = Action.VOID)
    public void voidSession(long id, String reason) {
        user.require(AppModule.PSYCHOLOGY, Action.VOID);
        Corrections.voidEntry(tx, audit, repo.voidableSession(user.username(), LocalDateTime.now(clock)), id, reason);
    }

    @AnyUser
    public TimelineSource timelineSource() {
        return TimelineSource.sealed(
                user,
                CareDomain.PSYCHOLOGY,
                AppModule.PSYCHOLOGY,
                (id, c, from, to, limit) -> repo.sessionPage(id, c, from, to, limit).stream()
                        .map(s -> new TimelineEntry(
                                CareDomain.PSYCHOLOGY,
                                s.id(),
                                s.date(),
                                Messages.t("counselling.summary", s.kind().label(), s.minutes()),
                                s.counsellor(),
                                s.voided(),
                                s.voidReason(),
                                null))
                        .toList());
    }
}
