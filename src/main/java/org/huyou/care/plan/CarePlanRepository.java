package org.huyou.care.plan;

import static org.huyou.db.generated.Tables.CARE_PLAN;
import static org.huyou.db.generated.Tables.CARE_PLAN_GOAL;
import static org.huyou.db.generated.Tables.RESIDENT;
import static org.huyou.db.generated.Tables.RESIDENT_CURRENT_STATUS;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.huyou.care.TimelineCursor;
import org.huyou.db.KeysetConditions;
import org.huyou.db.Versioned;
import org.huyou.db.Voidable;
import org.huyou.db.Voiding;
import org.huyou.db.generated.tables.records.CarePlanGoalRecord;
import org.huyou.db.generated.tables.records.CarePlanRecord;
import org.huyou.residents.InCare;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Care plans and their goals. */
public final class CarePlanRepository {

    private final DSLContext dsl;

    public CarePlanRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insertPlan(
            long residentId,
            LocalDate start,
            String summary,
            int months,
            LocalDate reviewDue,
            String actor,
            LocalDateTime now) {
        var p = CARE_PLAN;
        return dsl.insertInto(p)
                .set(p.RESIDENT_ID, residentId)
                .set(p.START_DATE, start)
                .set(p.SUMMARY, summary)
                .set(p.REVIEW_MONTHS, months)
                .set(p.REVIEW_DUE, reviewDue)
                .set(p.STATUS, "DRAFT")
                .set(p.CREATED_AT, now)
                .set(p.CREATED_BY, actor)
                .returning(p.ID)
                .fetchOne(p.ID);
    }

    public Optional<CarePlan> plan(long id) {
        return dsl.selectFrom(CARE_PLAN).where(CARE_PLAN.ID.eq(id)).fetchOptional(CarePlanRepository::plan);
    }

    public List<CarePlan> plans(long residentId) {
        var p = CARE_PLAN;
        return dsl.selectFrom(p)
                .where(p.RESIDENT_ID.eq(residentId))
                .orderBy(p.START_DATE.desc(), p.ID.desc())
                .fetch(CarePlanRepository::plan);
    }

    public List<CarePlan> page(long residentId, TimelineCursor.Position c, LocalDate from, LocalDate to, int limit) {
        var p = CARE_PLAN;
        return dsl.selectFrom(p)
                .where(p.RESIDENT_ID.eq(residentId))
                .and(KeysetConditions.after(p.START_DATE, p.ID, c.date(), c.sourceComparison(), c.id()))
                .and(KeysetConditions.between(p.START_DATE, from, to))
                .orderBy(KeysetConditions.newestFirst(p.RESIDENT_ID, p.START_DATE, p.ID))
                .limit(limit)
                .fetch(CarePlanRepository::plan);
    }

    /** DRAFT to APPROVED, if the plan is still the version the director saw. */
    public boolean approve(
            long id, int version, LocalDate reviewDue, boolean selfApproved, String actor, LocalDateTime now) {
        var p = CARE_PLAN;
        return dsl.update(p)
                        .set(p.STATUS, "APPROVED")
                        .set(p.APPROVED_BY, actor)
                        .set(p.APPROVED_AT, now)
                        .set(p.SELF_APPROVED, selfApproved)
                        .set(p.REVIEW_DUE, reviewDue)
                        .set(p.UPDATED_AT, now)
                        .set(p.UPDATED_BY, actor)
                        .set(p.VERSION, p.VERSION.plus(1))
                        .where(p.ID.eq(id))
                        .and(p.VERSION.eq(version))
                        .and(p.STATUS.eq("DRAFT"))
                        .and(p.VOIDED_AT.isNull())
                        .execute()
                == 1;
    }

    public boolean setReviewDue(long id, LocalDate next, String actor, LocalDateTime now) {
        var p = CARE_PLAN;
        return dsl.update(p)
                        .set(p.REVIEW_DUE, next)
                        .set(p.UPDATED_AT, now)
                        .set(p.UPDATED_BY, actor)
                        .set(p.VERSION, p.VERSION.plus(1))
                        .where(p.ID.eq(id))
                        .and(p.VOIDED_AT.isNull())
                        .execute()
                == 1;
    }

    /** Bumps the plan's version: a change to its goals is a change to the plan the director approves. */
    public void touch(long id, String actor, LocalDateTime now) {
        var p = CARE_PLAN;
        dsl.update(p)
                .set(p.UPDATED_AT, now)
                .set(p.UPDATED_BY, actor)
                .set(p.VERSION, p.VERSION.plus(1))
                .where(p.ID.eq(id))
                .execute();
    }

    public long insertGoal(
            long planId,
            CarePlan.Domain domain,
            String goal,
            String owner,
            LocalDate due,
            String actor,
            LocalDateTime now) {
        var g = CARE_PLAN_GOAL;
        return dsl.insertInto(g)
                .set(g.PLAN_ID, planId)
                .set(g.DOMAIN, domain.name())
                .set(g.GOAL, goal)
                .set(g.OWNER, owner)
                .set(g.DUE_DATE, due)
                .set(g.STATUS, "NOT_STARTED")
                .set(g.CREATED_AT, now)
                .set(g.CREATED_BY, actor)
                .returning(g.ID)
                .fetchOne(g.ID);
    }

    public Optional<CarePlan.Goal> goal(long id) {
        return dsl.selectFrom(CARE_PLAN_GOAL).where(CARE_PLAN_GOAL.ID.eq(id)).fetchOptional(CarePlanRepository::goal);
    }

    public List<CarePlan.Goal> goals(long planId) {
        return dsl.selectFrom(CARE_PLAN_GOAL)
                .where(CARE_PLAN_GOAL.PLAN_ID.eq(planId))
                .orderBy(CARE_PLAN_GOAL.ID)
                .fetch(CarePlanRepository::goal);
    }

    public boolean setGoalStatus(long id, int version, CarePlan.GoalStatus status, String actor, LocalDateTime now) {
        var g = CARE_PLAN_GOAL;
        return Versioned.update(dsl.update(g).set(g.STATUS, status.name()), g, id, version, actor, now);
    }

    /** An entry's rows to void, named for the audit log by their table, marked by {@code actor} at {@code now}. */
    public Voidable voidable(CarePlanService.Entry entry, String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, table(entry), actor, now);
    }

    private static Table<?> table(CarePlanService.Entry entry) {
        return switch (entry) {
            case PLAN -> CARE_PLAN;
            case GOAL -> CARE_PLAN_GOAL;
        };
    }

    /** A plan that needs something: approval (drafts) or a review due on or before a date (approved ones). */
    public record Pending(CarePlan plan, String residentName) {}

    public List<Pending> pending(String status, LocalDate reviewBy) {
        var p = CARE_PLAN;
        return dsl.select(p.fields())
                .select(RESIDENT.NAME)
                .from(p)
                .join(RESIDENT)
                .on(RESIDENT.ID.eq(p.RESIDENT_ID))
                .join(RESIDENT_CURRENT_STATUS)
                .on(RESIDENT_CURRENT_STATUS.RESIDENT_ID.eq(p.RESIDENT_ID))
                .where(p.STATUS.eq(status))
                .and(p.VOIDED_AT.isNull())
                .and(reviewBy == null ? DSL.noCondition() : p.REVIEW_DUE.le(reviewBy))
                .and(RESIDENT_CURRENT_STATUS.STATUS.in(InCare.CODES))
                .orderBy(p.REVIEW_DUE)
                .fetch(r -> new Pending(plan(r.into(p)), r.get(RESIDENT.NAME)));
    }

    /** Open goals of approved plans owned by someone, due on or before a date. */
    public record OwnedGoal(CarePlan.Goal goal, long residentId, String residentName) {}

    public List<OwnedGoal> openGoalsOf(String owner, LocalDate dueBy) {
        var g = CARE_PLAN_GOAL;
        var p = CARE_PLAN;
        return dsl.select(g.fields())
                .select(p.RESIDENT_ID, RESIDENT.NAME)
                .from(g)
                .join(p)
                .on(p.ID.eq(g.PLAN_ID))
                .join(RESIDENT)
                .on(RESIDENT.ID.eq(p.RESIDENT_ID))
                .where(g.OWNER.eq(owner))
                .and(g.VOIDED_AT.isNull())
                .and(g.DUE_DATE.le(dueBy))
                .and(g.STATUS.in("NOT_STARTED", "IN_PROGRESS"))
                .and(p.STATUS.eq("APPROVED"))
                .and(p.VOIDED_AT.isNull())
                .orderBy(g.DUE_DATE)
                .fetch(r -> new OwnedGoal(goal(r.into(g)), r.get(p.RESIDENT_ID), r.get(RESIDENT.NAME)));
    }

    private static CarePlan plan(CarePlanRecord r) {
        return new CarePlan(
                r.getId(),
                r.getResidentId(),
                r.getStartDate(),
                r.getSummary(),
                r.getReviewMonths(),
                r.getReviewDue(),
                CarePlan.Status.valueOf(r.getStatus()),
                r.getApprovedBy(),
                r.getApprovedAt(),
                Boolean.TRUE.equals(r.getSelfApproved()),
                r.getCreatedBy(),
                r.getVersion(),
                r.getVoidedAt() != null,
                r.getVoidedReason());
    }

    private static CarePlan.Goal goal(CarePlanGoalRecord r) {
        return new CarePlan.Goal(
                r.getId(),
                r.getPlanId(),
                CarePlan.Domain.valueOf(r.getDomain()),
                r.getGoal(),
                r.getOwner(),
                r.getDueDate(),
                CarePlan.GoalStatus.valueOf(r.getStatus()),
                r.getVersion(),
                r.getVoidedAt() != null,
                r.getVoidedReason());
    }
}
