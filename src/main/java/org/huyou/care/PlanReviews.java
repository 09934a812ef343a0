package org.huyou.care;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.huyou.care.PlanReviewRepository.PlanKind;
import org.huyou.common.Checks;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/**
 * Reviewing a plan, the same for all three kinds: the review is checked, written with a snapshot of the goals, the
 * plan's next review date stamped and the audit row added, in one transaction. The calling service has already
 * checked its own permission and that the plan exists.
 */
public final class PlanReviews extends ServiceBase {

    /** Sets the plan's next review date. */
    @FunctionalInterface
    public interface NextReviewStamp {
        boolean stamp(long planId, LocalDate next, String actor, LocalDateTime now);
    }

    private final PlanReviewRepository repo;

    public PlanReviews(PlanReviewRepository repo, ServiceContext context) {
        super(context);
        this.repo = repo;
    }

    /** A new plan's start and first review, labelled as its form labels them: both given, the review not before. */
    public static void checkDates(
            Checks checks, String startLabel, String reviewLabel, LocalDate start, LocalDate reviewDue) {
        checks.required("start", startLabel, start);
        checks.required("reviewDue", reviewLabel, reviewDue);
        checks.rule(
                start == null || reviewDue == null || !reviewDue.isBefore(start),
                "reviewDue",
                "plan.reviewBeforeStart");
    }

    /**
     * Records a review on {@code date}; {@code nextFrom} gives the next review date from the review's date (a date
     * the reviewer chose, or the plan's interval), {@code snapshot} each goal's state at this moment.
     */
    public PlanReview record(
            PlanKind kind,
            String planTable,
            long planId,
            long residentId,
            LocalDate date,
            String summary,
            UnaryOperator<LocalDate> nextFrom,
            Supplier<String> snapshot,
            NextReviewStamp stamp) {
        Checks checks = new Checks(LocalDate.now(clock));
        checks.pastDate("date", "plan.reviewedOn", date);
        String s = checks.lines("summary", "plan.reviewSummary", summary, 2000, true);
        LocalDate next = date == null ? null : nextFrom.apply(date);
        checks.required("nextReview", "plan.nextReview", next);
        checks.rule(next == null || date == null || next.isAfter(date), "nextReview", "plan.nextAfterReview");
        checks.throwIfAny();
        String goals = snapshot.get();
        return tx.inTransaction(() -> {
            LocalDateTime now = LocalDateTime.now(clock);
            long id = repo.insert(kind, planId, residentId, date, s, goals, next, user.username(), now);
            stamp.stamp(planId, next, user.username(), now);
            audit.record(AuditLog.EDIT, planTable, planId, AuditSummary.of("auditSummary.reviewed", next), null);
            return new PlanReview(id, planId, date, s, goals, next, user.username(), false, null);
        });
    }

    /** What a review keeps of a plan's goals: a line for each goal still standing, with its state then. */
    public static <G> String goalSnapshot(List<G> goals, Predicate<G> voided, Function<G, String> line) {
        return String.join(
                "\n", goals.stream().filter(voided.negate()).map(line).toList());
    }

    public List<PlanReview> forPlan(PlanKind kind, long planId) {
        return repo.forPlan(kind, planId);
    }

    /** The timeline entries of one kind's reviews. */
    public TimelineSource.Pager pager(PlanKind kind, CareDomain domain) {
        return repo.pager(kind, domain);
    }
}
