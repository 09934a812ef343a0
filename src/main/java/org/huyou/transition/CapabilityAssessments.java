package org.huyou.transition;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.huyou.common.Checks;
import org.huyou.common.UserFacingException;
import org.huyou.db.Voidable;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.transition.TransitionService.Suggestion;

/**
 * The repeatable capability assessments and the pathway the latest suggests. The permission is checked by {@link
 * TransitionService}, which callers use; the checks and audit rows are here.
 */
final class CapabilityAssessments {

    private final TransitionContext ctx;

    CapabilityAssessments(TransitionContext ctx) {
        this.ctx = ctx;
    }

    /** Records an assessment: six scores 0-4 and the conclusion (null takes the one the scores suggest). */
    Capability assess(
            long residentId, LocalDate on, List<Integer> scores, String notes, Capability.Conclusion conclusion) {
        Checks checks = new Checks(ctx.today());
        checks.pastDate("assessedOn", "capability.date", on);
        checks.notBefore(
                "assessedOn",
                "capability.date",
                on,
                "field.birthDate",
                ctx.repo().birthDate(residentId));
        checks.rule(
                scores != null
                        && scores.size() == Capability.Area.values().length
                        && scores.stream().allMatch(s -> s != null && s >= 0 && s <= Capability.MAX_SCORE),
                "scores",
                "capability.scoresRequired");
        String n = checks.lines("notes", "capability.notes", notes, 2000, false);
        checks.throwIfAny();
        Capability.Conclusion c = conclusion != null ? conclusion : Capability.suggest(scores);
        return ctx.tx().inTransaction(() -> {
            Capability draft =
                    Capability.assessed(residentId, on, scores, n, c, ctx.user().username());
            long id = ctx.repo().insertAssessment(draft, ctx.user().username(), ctx.now());
            ctx.audit()
                    .record(
                            AuditLog.CREATE,
                            "capability_assessment",
                            id,
                            AuditSummary.of("auditSummary.assessment", c, scores),
                            null);
            return ctx.repo().assessments(residentId).stream()
                    .filter(x -> x.id() == id)
                    .findFirst()
                    .orElseThrow();
        });
    }

    List<Capability> assessments(long residentId) {
        return ctx.repo().assessments(residentId);
    }

    void voidAssessment(long id, String reason) {
        Checks checks = new Checks(ctx.today());
        String r = checks.lines("reason", "void.reason", reason, 500, true);
        checks.throwIfAny();
        Voidable rows = ctx.repo().assessments(ctx.user().username(), ctx.now());
        ctx.tx().inTransaction(() -> {
            if (!rows.voidRow(id, r)) {
                throw new UserFacingException("error.notFound");
            }
            ctx.audit().record(AuditLog.VOID, rows.auditName(), id, AuditSummary.of("auditSummary.voided", r), null);
        });
    }

    Optional<Suggestion> suggestion(long residentId) {
        boolean studying = ctx.repo().studying(residentId);
        return latest(residentId)
                .map(c -> new Suggestion(Pathway.suggest(c.conclusion(), studying), c.conclusion(), studying));
    }

    Optional<Capability> latest(long residentId) {
        return ctx.repo().assessments(residentId).stream()
                .filter(c -> !c.voided())
                .findFirst();
    }
}
