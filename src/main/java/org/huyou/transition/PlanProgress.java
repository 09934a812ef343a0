package org.huyou.transition;

import java.time.LocalDate;
import org.huyou.common.Checks;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.db.SettingsRepository;
import org.huyou.residents.ResidentRepository;
import org.huyou.residents.ResidentStatus;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;

/**
 * An approved plan carried out: its tasks done, its payments made, the leaving and the visits after it. The permission
 * is checked by {@link TransitionService}, which callers use; the checks and audit rows are here.
 */
final class PlanProgress {

    private final TransitionContext ctx;
    /** The register, for the status entry a leaving writes (as the resident's file writes one). */
    private final ResidentRepository register;

    private final SettingsRepository settings;

    PlanProgress(TransitionContext ctx, ResidentRepository register, SettingsRepository settings) {
        this.ctx = ctx;
        this.register = register;
        this.settings = settings;
    }

    void setTaskStatus(long taskId, Task.Status status, String note) {
        Checks checks = new Checks(ctx.today());
        checks.required("status", "task.status", status);
        String n = checks.lines("note", "task.note", note, 500, false);
        checks.throwIfAny();
        ctx.tx().inTransaction(() -> {
            if (!ctx.repo()
                    .setTaskStatus(
                            taskId,
                            status,
                            status == Task.Status.DONE ? ctx.today() : null,
                            n,
                            ctx.user().username(),
                            ctx.now())) {
                throw new UserFacingException("error.notFound");
            }
            ctx.audit()
                    .record(
                            AuditLog.EDIT,
                            "transition_task",
                            taskId,
                            AuditSummary.of("auditSummary.statusTo", status),
                            null);
        });
    }

    void recordPaid(long paymentId, LocalDate paidOn, String reference) {
        Checks checks = new Checks(ctx.today());
        checks.pastDate("paidOn", "payment.paidOn", paidOn);
        checks.notBefore(
                "paidOn",
                "payment.paidOn",
                paidOn,
                "field.birthDate",
                ctx.repo().birthDateOfPayment(paymentId));
        String r = checks.text("reference", "payment.reference", reference, 100, true);
        checks.throwIfAny();
        ctx.tx().inTransaction(() -> {
            if (!ctx.repo().recordPaid(paymentId, paidOn, r, ctx.user().username())) {
                throw new UserFacingException(
                        ctx.repo().paymentVoided(paymentId) ? "payment.voidedNotPaid" : "payment.alreadyPaid");
            }
            ctx.audit()
                    .record(
                            AuditLog.EDIT,
                            "transition_payment",
                            paymentId,
                            AuditSummary.of("auditSummary.paid", paidOn, r),
                            null);
        });
    }

    /**
     * The young person left on a day: the plan is closed, the follow-up visits are scheduled after it, and the
     * register has them as left at adulthood from that day (unless it already has them gone), so that the lists of
     * those in the home, the daily rounds and the statistics agree with the plan.
     */
    void recordLeaving(long planId, LocalDate day) {
        Checks checks = new Checks(ctx.today());
        checks.pastDate("leftOn", "transition.leftOn", day);
        checks.throwIfAny();
        ctx.tx().inTransaction(() -> {
            TransitionRepository.Leaver leaver = ctx.repo().leaver(planId);
            // the admission comes after the birth (the register's rule), so this refuses a day before either
            Checks stay = new Checks(ctx.today());
            stay.notBefore(
                    "leftOn",
                    "transition.leftOn",
                    day,
                    "field.admissionDate",
                    leaver == null ? null : leaver.admitted());
            stay.throwIfAny();
            if (!ctx.repo().markLeft(planId, day)) {
                throw new UserFacingException("transition.notApproved");
            }
            if (TransitionService.LIVING_HERE.contains(leaver.status())) {
                long id = register.insertStatusEvent(
                        leaver.residentId(),
                        ResidentStatus.ADULT_TRANSITION,
                        day,
                        Messages.t(
                                "transition.leftStatusNote",
                                leaver.pathway() == null ? "" : leaver.pathway().label()),
                        ctx.user().username(),
                        ctx.now());
                ctx.audit()
                        .record(
                                AuditLog.CREATE,
                                "resident_status_event",
                                id,
                                AuditSummary.of(
                                        "auditSummary.residentStatus",
                                        leaver.recordNo(),
                                        ResidentStatus.ADULT_TRANSITION),
                                null);
            }
            for (int m : TransitionSettings.followUpMonths(settings)) {
                ctx.repo().insertFollowUp(planId, day.plusMonths(m));
            }
            ctx.audit()
                    .record(AuditLog.EDIT, "transition_plan", planId, AuditSummary.of("auditSummary.left", day), null);
        });
    }

    void recordVisit(FollowUp visit) {
        Checks checks = new Checks(ctx.today());
        checks.pastDate("visitedOn", "followUp.visitedOn", visit.visitedOn());
        checks.notBefore(
                "visitedOn",
                "followUp.visitedOn",
                visit.visitedOn(),
                "transition.leftOn",
                ctx.repo().leftOnOfVisit(visit.id()));
        for (String[] f : new String[][] {
            {"housing", visit.housing()}, {"work", visit.work()}, {"study", visit.study()}, {"income", visit.income()}
        }) {
            checks.text(f[0], "followUp." + f[0], f[1], 200, false);
        }
        checks.lines("notes", "followUp.notes", visit.notes(), 2000, false);
        checks.throwIfAny();
        ctx.tx().inTransaction(() -> {
            if (!ctx.repo().recordVisit(visit, ctx.user().username())) {
                throw new UserFacingException("followUp.alreadyRecorded");
            }
            ctx.audit()
                    .record(
                            AuditLog.EDIT,
                            "transition_follow_up",
                            visit.id(),
                            AuditSummary.of("auditSummary.visited", visit.visitedOn()),
                            null);
        });
    }
}
