package org.huyou.care.education;

import static org.huyou.db.generated.Tables.EDUCATION_GOAL;
import static org.huyou.db.generated.Tables.EDUCATION_PLACEMENT;
import static org.huyou.db.generated.Tables.EDUCATION_PLAN;
import static org.huyou.db.generated.Tables.EDUCATION_PROGRESS;
import static org.huyou.db.generated.Tables.RESIDENT;
import static org.huyou.db.generated.Tables.RESIDENT_CURRENT_STATUS;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.huyou.care.TimelineCursor;
import org.huyou.db.KeysetConditions;
import org.huyou.db.Voidable;
import org.huyou.db.Voiding;
import org.huyou.db.generated.tables.records.EducationPlacementRecord;
import org.huyou.db.generated.tables.records.EducationPlanRecord;
import org.huyou.residents.InCare;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Education placements, plans, goals and progress. */
public final class EducationRepository {

    private final DSLContext dsl;

    public EducationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insertPlacement(Education.Placement p, String actor, LocalDateTime now) {
        var t = EDUCATION_PLACEMENT;
        return dsl.insertInto(t)
                .set(t.RESIDENT_ID, p.residentId())
                .set(t.START_DATE, p.start())
                .set(t.KIND, p.kind().name())
                .set(t.SCHOOL, p.school())
                .set(t.CLASS_NAME, p.className())
                .set(t.TEACHER, p.teacher())
                .set(t.CREATED_AT, now)
                .set(t.CREATED_BY, actor)
                .returning(t.ID)
                .fetchOne(t.ID);
    }

    public List<Education.Placement> placements(long residentId) {
        var t = EDUCATION_PLACEMENT;
        return dsl.selectFrom(t)
                .where(t.RESIDENT_ID.eq(residentId))
                .orderBy(t.START_DATE.desc(), t.ID.desc())
                .fetch(EducationRepository::placement);
    }

    public List<Education.Placement> placementPage(
            long residentId, TimelineCursor.Position c, LocalDate from, LocalDate to, int limit) {
        var t = EDUCATION_PLACEMENT;
        return dsl.selectFrom(t)
                .where(t.RESIDENT_ID.eq(residentId))
                .and(KeysetConditions.after(t.START_DATE, t.ID, c.date(), c.sourceComparison(), c.id()))
                .and(KeysetConditions.between(t.START_DATE, from, to))
                .orderBy(KeysetConditions.newestFirst(t.RESIDENT_ID, t.START_DATE, t.ID))
                .limit(limit)
                .fetch(EducationRepository::placement);
    }

    public long insertPlan(
            long residentId,
            String title,
            LocalDate start,
            LocalDate reviewDue,
            String teacher,
            String actor,
            LocalDateTime now) {
        var t = EDUCATION_PLAN;
        return dsl.insertInto(t)
                .set(t.RESIDENT_ID, residentId)
                .set(t.TITLE, title)
                .set(t.START_DATE, start)
                .set(t.REVIEW_DUE, reviewDue)
                .set(t.TEACHER, teacher)
                .set(t.CREATED_AT, now)
                .set(t.CREATED_BY, actor)
                .returning(t.ID)
                .fetchOne(t.ID);
    }

    public Optional<Education.Plan> plan(long id) {
        return dsl.selectFrom(EDUCATION_PLAN).where(EDUCATION_PLAN.ID.eq(id)).fetchOptional(EducationRepository::plan);
    }

    public List<Education.Plan> plans(long residentId) {
        var t = EDUCATION_PLAN;
        return dsl.selectFrom(t)
                .where(t.RESIDENT_ID.eq(residentId))
                .orderBy(t.START_DATE.desc(), t.ID.desc())
                .fetch(EducationRepository::plan);
    }

    public boolean setReviewDue(long planId, LocalDate next, String actor, LocalDateTime now) {
        var t = EDUCATION_PLAN;
        return dsl.update(t)
                        .set(t.REVIEW_DUE, next)
                        .set(t.UPDATED_AT, now)
                        .set(t.UPDATED_BY, actor)
                        .set(t.VERSION, t.VERSION.plus(1))
                        .where(t.ID.eq(planId))
                        .and(t.VOIDED_AT.isNull())
                        .execute()
                == 1;
    }

    public long insertGoal(long planId, Education.Area area, String description, String actor, LocalDateTime now) {
        var t = EDUCATION_GOAL;
        return dsl.insertInto(t)
                .set(t.PLAN_ID, planId)
                .set(t.AREA, area.name())
                .set(t.DESCRIPTION, description)
                .set(t.CREATED_AT, now)
                .set(t.CREATED_BY, actor)
                .returning(t.ID)
                .fetchOne(t.ID);
    }

    /** Goals with their latest valid progress level. */
    public List<Education.Goal> goals(long planId) {
        var g = EDUCATION_GOAL;
        var p = EDUCATION_PROGRESS;
        var later = EDUCATION_PROGRESS.as("later");
        var latest = DSL.select(p.LEVEL)
                .from(p)
                .where(p.GOAL_ID.eq(g.ID))
                .and(p.VOIDED_AT.isNull())
                .andNotExists(DSL.selectOne()
                        .from(later)
                        .where(later.GOAL_ID.eq(p.GOAL_ID))
                        .and(later.VOIDED_AT.isNull())
                        .and(later.RECORD_DATE
                                .gt(p.RECORD_DATE)
                                .or(later.RECORD_DATE.eq(p.RECORD_DATE).and(later.ID.gt(p.ID)))))
                .asField("latest");
        return dsl.select(g.fields())
                .select(latest)
                .from(g)
                .where(g.PLAN_ID.eq(planId))
                .orderBy(g.ID)
                .fetch(r -> new Education.Goal(
                        r.get(g.ID),
                        r.get(g.PLAN_ID),
                        Education.Area.valueOf(r.get(g.AREA)),
                        r.get(g.DESCRIPTION),
                        r.get(latest) == null ? null : Education.Level.valueOf((String) r.get(latest)),
                        r.get(g.VOIDED_AT) != null,
                        r.get(g.VOIDED_REASON)));
    }

    public Optional<Long> planOfGoal(long goalId) {
        var g = EDUCATION_GOAL;
        return dsl.select(g.PLAN_ID)
                .from(g)
                .where(g.ID.eq(goalId))
                .and(g.VOIDED_AT.isNull())
                .fetchOptional(g.PLAN_ID);
    }

    public long insertProgress(
            long residentId,
            long goalId,
            LocalDate date,
            Education.Level level,
            String note,
            String actor,
            LocalDateTime now) {
        var t = EDUCATION_PROGRESS;
        return dsl.insertInto(t)
                .set(t.RESIDENT_ID, residentId)
                .set(t.GOAL_ID, goalId)
                .set(t.RECORD_DATE, date)
                .set(t.LEVEL, level.name())
                .set(t.NOTE, note)
                .set(t.CREATED_AT, now)
                .set(t.CREATED_BY, actor)
                .returning(t.ID)
                .fetchOne(t.ID);
    }

    public List<Education.Progress> progress(long residentId, int limit) {
        var t = EDUCATION_PROGRESS;
        return progressQuery()
                .where(t.RESIDENT_ID.eq(residentId))
                .orderBy(t.RECORD_DATE.desc(), t.ID.desc())
                .limit(limit)
                .fetch(EducationRepository::progress);
    }

    public List<Education.Progress> progressPage(
            long residentId, TimelineCursor.Position c, LocalDate from, LocalDate to, int limit) {
        var t = EDUCATION_PROGRESS;
        return progressQuery()
                .where(t.RESIDENT_ID.eq(residentId))
                .and(KeysetConditions.after(t.RECORD_DATE, t.ID, c.date(), c.sourceComparison(), c.id()))
                .and(KeysetConditions.between(t.RECORD_DATE, from, to))
                .orderBy(KeysetConditions.newestFirst(t.RESIDENT_ID, t.RECORD_DATE, t.ID))
                .limit(limit)
                .fetch(EducationRepository::progress);
    }

    private SelectJoinStep<Record> progressQuery() {
        return dsl.select(EDUCATION_PROGRESS.fields())
                .select(EDUCATION_GOAL.DESCRIPTION)
                .from(EDUCATION_PROGRESS)
                .join(EDUCATION_GOAL)
                .on(EDUCATION_GOAL.ID.eq(EDUCATION_PROGRESS.GOAL_ID));
    }

    /** An entry's rows to void, named for the audit log by their table, marked by {@code actor} at {@code now}. */
    public Voidable voidable(EducationService.Entry entry, String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, table(entry), actor, now);
    }

    private static Table<?> table(EducationService.Entry entry) {
        return switch (entry) {
            case PLACEMENT -> EDUCATION_PLACEMENT;
            case PLAN -> EDUCATION_PLAN;
            case GOAL -> EDUCATION_GOAL;
            case PROGRESS -> EDUCATION_PROGRESS;
        };
    }

    /**
     * Residents in care with their current placement (latest valid) and latest valid plan; one teacher's class or
     * everyone's.
     */
    public List<Education.Case> caseload(String teacher) {
        var pl = EDUCATION_PLACEMENT;
        var laterPl = EDUCATION_PLACEMENT.as("later_pl");
        var plan = EDUCATION_PLAN;
        var laterPlan = EDUCATION_PLAN.as("later_plan");
        return dsl.select(
                        pl.RESIDENT_ID,
                        RESIDENT.NAME,
                        pl.KIND,
                        pl.SCHOOL,
                        pl.CLASS_NAME,
                        pl.TEACHER,
                        plan.ID,
                        plan.TITLE,
                        plan.REVIEW_DUE)
                .from(pl)
                .join(RESIDENT)
                .on(RESIDENT.ID.eq(pl.RESIDENT_ID))
                .join(RESIDENT_CURRENT_STATUS)
                .on(RESIDENT_CURRENT_STATUS.RESIDENT_ID.eq(pl.RESIDENT_ID))
                .leftJoin(plan)
                .on(plan.RESIDENT_ID
                        .eq(pl.RESIDENT_ID)
                        .and(plan.VOIDED_AT.isNull())
                        .andNotExists(DSL.selectOne()
                                .from(laterPlan)
                                .where(laterPlan.RESIDENT_ID.eq(plan.RESIDENT_ID))
                                .and(laterPlan.VOIDED_AT.isNull())
                                .and(laterPlan
                                        .START_DATE
                                        .gt(plan.START_DATE)
                                        .or(laterPlan
                                                .START_DATE
                                                .eq(plan.START_DATE)
                                                .and(laterPlan.ID.gt(plan.ID))))))
                .where(pl.VOIDED_AT.isNull())
                .and(RESIDENT_CURRENT_STATUS.STATUS.in(InCare.CODES))
                .andNotExists(DSL.selectOne()
                        .from(laterPl)
                        .where(laterPl.RESIDENT_ID.eq(pl.RESIDENT_ID))
                        .and(laterPl.VOIDED_AT.isNull())
                        .and(laterPl.START_DATE
                                .gt(pl.START_DATE)
                                .or(laterPl.START_DATE.eq(pl.START_DATE).and(laterPl.ID.gt(pl.ID)))))
                .and(
                        teacher == null
                                ? DSL.noCondition()
                                : pl.TEACHER.eq(teacher).or(plan.TEACHER.eq(teacher)))
                .orderBy(pl.CLASS_NAME, RESIDENT.NAME)
                .fetch(r -> new Education.Case(
                        r.get(pl.RESIDENT_ID),
                        r.get(RESIDENT.NAME),
                        Education.PlacementKind.valueOf(r.get(pl.KIND)),
                        r.get(pl.SCHOOL),
                        r.get(pl.CLASS_NAME),
                        r.get(pl.TEACHER),
                        r.get(plan.ID),
                        r.get(plan.TITLE),
                        r.get(plan.REVIEW_DUE)));
    }

    /** Valid plans of residents in care with a review due on or before {@code until}. */
    public record DueReview(long residentId, String residentName, String title, LocalDate reviewDue) {}

    public List<DueReview> reviewsDue(LocalDate until) {
        var t = EDUCATION_PLAN;
        var later = EDUCATION_PLAN.as("later");
        return dsl.select(t.RESIDENT_ID, RESIDENT.NAME, t.TITLE, t.REVIEW_DUE)
                .from(t)
                .join(RESIDENT)
                .on(RESIDENT.ID.eq(t.RESIDENT_ID))
                .join(RESIDENT_CURRENT_STATUS)
                .on(RESIDENT_CURRENT_STATUS.RESIDENT_ID.eq(t.RESIDENT_ID))
                .where(t.VOIDED_AT.isNull())
                .and(t.REVIEW_DUE.le(until))
                .and(RESIDENT_CURRENT_STATUS.STATUS.in(InCare.CODES))
                .andNotExists(DSL.selectOne()
                        .from(later)
                        .where(later.RESIDENT_ID.eq(t.RESIDENT_ID))
                        .and(later.VOIDED_AT.isNull())
                        .and(later.START_DATE.gt(t.START_DATE)))
                .fetch(r ->
                        new DueReview(r.get(t.RESIDENT_ID), r.get(RESIDENT.NAME), r.get(t.TITLE), r.get(t.REVIEW_DUE)));
    }

    private static Education.Placement placement(EducationPlacementRecord r) {
        return new Education.Placement(
                r.getId(),
                r.getResidentId(),
                r.getStartDate(),
                Education.PlacementKind.valueOf(r.getKind()),
                r.getSchool(),
                r.getClassName(),
                r.getTeacher(),
                r.getCreatedBy(),
                r.getVoidedAt() != null,
                r.getVoidedReason());
    }

    private static Education.Plan plan(EducationPlanRecord r) {
        return new Education.Plan(
                r.getId(),
                r.getResidentId(),
                r.getTitle(),
                r.getStartDate(),
                r.getReviewDue(),
                r.getTeacher(),
                r.getVoidedAt() != null,
                r.getVoidedReason());
    }

    private static Education.Progress progress(Record r) {
        var t = EDUCATION_PROGRESS;
        return new Education.Progress(
                r.get(t.ID),
                r.get(t.RESIDENT_ID),
                r.get(t.GOAL_ID),
                r.get(EDUCATION_GOAL.DESCRIPTION),
                r.get(t.RECORD_DATE),
                Education.Level.valueOf(r.get(t.LEVEL)),
                r.get(t.NOTE),
                r.get(t.CREATED_BY),
                r.get(t.VOIDED_AT) != null,
                r.get(t.VOIDED_REASON));
    }
}
