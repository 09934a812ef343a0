package org.huyou.care.daily;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.huyou.care.Corrections;
import org.huyou.common.Checks;
import org.huyou.common.UserFacingException;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/** Caregiver assignment history: a new assignment ends the current one the day before it starts. */
public final class CaregiverService extends ServiceBase {

    private final CaregiverRepository repo;

    public CaregiverService(CaregiverRepository repo, ServiceContext context) {
        super(context);
        this.repo = repo;
    }

    @RequiresPermission(module = AppModule.CARE_DAILY, action = Action.VIEW)
    public List<CaregiverAssignment> history(long residentId) {
        user.require(AppModule.CARE_DAILY, Action.VIEW);
        return repo.history(residentId);
    }

    @RequiresPermission(module = AppModule.CARE_DAILY, action = Action.EDIT)
    public void assign(long residentId, String caregiver, LocalDate from, String note) {
        user.require(AppModule.CARE_DAILY, Action.EDIT);
        Checks checks = new Checks(LocalDate.now(clock));
        String name = checks.text("caregiver", "caregiver.name", caregiver, 64, true); // the sentence names the field
        String n = checks.lines("note", "caregiver.note", note, 500, false);
        checks.rule(from != null, "from", "validation.dateRequired.caregiverFrom");
        checks.rule(from == null || !from.isAfter(LocalDate.now(clock).plusDays(31)), "from", "caregiver.tooFarAhead");
        checks.throwIfAny();
        tx.inTransaction(() -> {
            if (repo.openStartsOnOrAfter(residentId, from)) {
                throw new UserFacingException("caregiver.laterExists");
            }
            LocalDateTime now = LocalDateTime.now(clock);
            repo.closeOpen(residentId, from, user.username(), now);
            long id = repo.insert(residentId, name, from, n, user.username(), now);
            audit.record(
                    AuditLog.CREATE,
                    "caregiver_assignment",
                    id,
                    AuditSummary.of("auditSummary.caregiverFrom", name, from),
                    null);
        });
    }

    @RequiresPermission(module = AppModule.CARE_DAILY, action = Action.VOID)
    public void voidAssignment(long id, String reason) {
        user.require(AppModule.CARE_DAILY, Action.VOID);
        Corrections.voidEntry(tx, audit, repo.voidable(user.username(), LocalDateTime.now(clock)), id, reason);
    }
}
