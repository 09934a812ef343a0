package org.huyou.care;

import static org.huyou.db.generated.Tables.PLAN_REVIEW;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.huyou.common.Messages;
import org.huyou.db.KeysetConditions;
import org.huyou.db.generated.tables.records.PlanReviewRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

/**
 * Reviews of the three kinds of plan in one table, each kind by its own foreign-key column. The services of the
 * rehabilitation, education and care-plan parts each use it with their kind.
 */
public final class PlanReviewRepository {

    /** Which plan a review belongs to. */
    public enum PlanKind {
        REHABILITATION,
        EDUCATION,
        CARE_PLAN
    }

    private static Field<Long> column(PlanKind kind) {
        return switch (kind) {
            case REHABILITATION -> PLAN_REVIEW.REHAB_PLAN_ID;
            case EDUCATION -> PLAN_REVIEW.EDUCATION_PLAN_ID;
            case CARE_PLAN -> PLAN_REVIEW.CARE_PLAN_ID;
        };
    }

    private final DSLContext dsl;

    public PlanReviewRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(
            PlanKind kind,
            long planId,
            long residentId,
            LocalDate on,
            String summary,
            String snapshot,
            LocalDate next,
            String actor,
            LocalDateTime now) {
        var p = PLAN_REVIEW;
        return dsl.insertInto(p)
                .set(p.RESIDENT_ID, residentId)
                .set(column(kind), planId)
                .set(p.REVIEWED_ON, on)
                .set(p.SUMMARY, summary)
                .set(p.GOAL_SNAPSHOT, snapshot)
                .set(p.NEXT_REVIEW, next)
                .set(p.CREATED_AT, now)
                .set(p.CREATED_BY, actor)
                .returning(p.ID)
                .fetchOne(p.ID);
    }

    public List<PlanReview> forPlan(PlanKind kind, long planId) {
        var p = PLAN_REVIEW;
        return dsl.selectFrom(p)
                .where(column(kind).eq(planId))
                .orderBy(p.REVIEWED_ON.desc(), p.ID.desc())
                .fetch(r -> review(kind, r));
    }

    public List<PlanReview> page(
            PlanKind kind, long residentId, TimelineCursor.Position c, LocalDate from, LocalDate to, int limit) {
        var p = PLAN_REVIEW;
        return dsl.selectFrom(p)
                .where(p.RESIDENT_ID.eq(residentId))
                .and(column(kind).isNotNull())
                .and(KeysetConditions.after(p.REVIEWED_ON, p.ID, c.date(), c.sourceComparison(), c.id()))
                .and(KeysetConditions.between(p.REVIEWED_ON, from, to))
                .orderBy(KeysetConditions.newestFirst(p.RESIDENT_ID, p.REVIEWED_ON, p.ID))
                .limit(limit)
                .fetch(r -> review(kind, r));
    }

    /** A timeline source of one kind's reviews. */
    public TimelineSource.Pager pager(PlanKind kind, CareDomain domain) {
        return (residentId, c, from, to, limit) -> page(kind, residentId, c, from, to, limit).stream()
                .map(r -> new TimelineEntry(
                        domain,
                        r.id(),
                        r.reviewedOn(),
                        Messages.t("planReview.summary", r.summary()),
                        r.reviewedBy(),
                        r.voided(),
                        r.voidReason(),
                        null))
                .toList();
    }

    private static PlanReview review(PlanKind kind, Record rec) {
        PlanReviewRecord r = rec.into(PLAN_REVIEW);
        return new PlanReview(
                r.getId(),
                r.get(column(kind)),
                r.getReviewedOn(),
                r.getSummary(),
                r.getGoalSnapshot(),
                r.getNextReview(),
                r.getCreatedBy(),
                r.getVoidedAt() != null,
                r.getVoidedReason());
    }
}
