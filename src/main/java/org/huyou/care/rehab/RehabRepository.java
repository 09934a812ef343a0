package org.huyou.care.rehab;

import static org.huyou.db.generated.Tables.REHAB_GOAL;
import static org.huyou.db.generated.Tables.REHAB_PLAN;
import static org.huyou.db.generated.Tables.REHAB_SCORE;
import static org.huyou.db.generated.Tables.REHAB_SESSION;
import static org.huyou.db.generated.Tables.RESIDENT;
import static org.huyou.db.generated.Tables.RESIDENT_CURRENT_STATUS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.huyou.care.TimelineCursor;
import org.huyou.db.BulkInsert;
import org.huyou.db.KeysetConditions;
import org.huyou.db.Voidable;
import org.huyou.db.Voiding;
import org.huyou.db.generated.tables.records.RehabGoalRecord;
import org.huyou.db.generated.tables.records.RehabPlanRecord;
import org.huyou.db.generated.tables.records.RehabScoreRecord;
import org.huyou.db.generated.tables.records.RehabSessionRecord;
import org.huyou.residents.InCare;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Rehabilitation plans, goals, sessions and scores. */
public final class RehabRepository {

    private final DSLContext dsl;

    public RehabRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insertPlan(
            long residentId,
            String title,
            LocalDate start,
            LocalDate reviewDue,
            String therapist,
            String actor,
            LocalDateTime now) {
        var p = REHAB_PLAN;
        return dsl.insertInto(p)
                .set(p.RESIDENT_ID, residentId)
                .set(p.TITLE, title)
                .set(p.START_DATE, start)
                .set(p.REVIEW_DUE, reviewDue)
                .set(p.THERAPIST, therapist)
                .set(p.CREATED_AT, now)
                .set(p.CREATED_BY, actor)
                .returning(p.ID)
                .fetchOne(p.ID);
    }

    public long insertGoal(
            long planId,
            Rehab.Area area,
            String description,
            String measure,
            BigDecimal baseline,
            BigDecimal target,
            String actor,
            LocalDateTime now) {
        var g = REHAB_GOAL;
        return dsl.insertInto(g)
                .set(g.PLAN_ID, planId)
                .set(g.AREA, area.name())
                .set(g.DESCRIPTION, description)
                .set(g.MEASURE, measure)
                .set(g.BASELINE, baseline)
                .set(g.TARGET, target)
                .set(g.CREATED_AT, now)
                .set(g.CREATED_BY, actor)
                .returning(g.ID)
                .fetchOne(g.ID);
    }

    public long insertSession(Rehab.Session s, String actor, LocalDateTime now) {
        var x = REHAB_SESSION;
        return dsl.insertInto(x)
                .set(sessionRecord(s, actor, now))
                .returning(x.ID)
                .fetchOne(x.ID);
    }

    public long insertScore(Rehab.Score s, String actor, LocalDateTime now) {
        var x = REHAB_SCORE;
        return dsl.insertInto(x).set(scoreRecord(s, actor, now)).returning(x.ID).fetchOne(x.ID);
    }

    /** Many sessions and scores as one batch per table (the demo's months of weekly sessions). */
    public void insertAll(List<Rehab.Session> sessions, List<Rehab.Score> scores, String actor, LocalDateTime now) {
        BulkInsert.insert(
                dsl, sessions.stream().map(s -> sessionRecord(s, actor, now)).toList());
        BulkInsert.insert(
                dsl, scores.stream().map(s -> scoreRecord(s, actor, now)).toList());
    }

    private RehabSessionRecord sessionRecord(Rehab.Session s, String actor, LocalDateTime now) {
        RehabSessionRecord r = dsl.newRecord(REHAB_SESSION);
        r.setResidentId(s.residentId());
        r.setPlanId(s.planId());
        r.setSessionDate(s.date());
        r.setArea(s.area().name());
        r.setAttendance(s.attendance().name());
        r.setMinutes(s.minutes());
        r.setNote(s.note());
        r.setNextSession(s.nextSession());
        r.setCreatedAt(now);
        r.setCreatedBy(actor);
        return r;
    }

    private RehabScoreRecord scoreRecord(Rehab.Score s, String actor, LocalDateTime now) {
        RehabScoreRecord r = dsl.newRecord(REHAB_SCORE);
        r.setResidentId(s.residentId());
        r.setGoalId(s.goalId());
        r.setAssessedOn(s.date());
        r.setScore(s.score());
        r.setNote(s.note());
        r.setCreatedAt(now);
        r.setCreatedBy(actor);
        return r;
    }

    public boolean setReviewDue(long planId, LocalDate next, String actor, LocalDateTime now) {
        var p = REHAB_PLAN;
        return dsl.update(p)
                        .set(p.REVIEW_DUE, next)
                        .set(p.UPDATED_AT, now)
                        .set(p.UPDATED_BY, actor)
                        .set(p.VERSION, p.VERSION.plus(1))
                        .where(p.ID.eq(planId))
                        .and(p.VOIDED_AT.isNull())
                        .execute()
                == 1;
    }

    public Optional<Rehab.Plan> plan(long id) {
        return dsl.selectFrom(REHAB_PLAN).where(REHAB_PLAN.ID.eq(id)).fetchOptional(RehabRepository::plan);
    }

    public List<Rehab.Plan> plans(long residentId) {
        var p = REHAB_PLAN;
        return dsl.selectFrom(p)
                .where(p.RESIDENT_ID.eq(residentId))
                .orderBy(p.START_DATE.desc(), p.ID.desc())
                .fetch(RehabRepository::plan);
    }

    public Optional<Rehab.Goal> goal(long id) {
        return dsl.selectFrom(REHAB_GOAL).where(REHAB_GOAL.ID.eq(id)).fetchOptional(RehabRepository::goal);
    }

    public List<Rehab.Goal> goals(long planId) {
        return dsl.selectFrom(REHAB_GOAL)
                .where(REHAB_GOAL.PLAN_ID.eq(planId))
                .orderBy(REHAB_GOAL.ID)
                .fetch(RehabRepository::goal);
    }

    public List<Rehab.Score> scores(long goalId) {
        var s = REHAB_SCORE;
        return dsl.selectFrom(s)
                .where(s.GOAL_ID.eq(goalId))
                .orderBy(s.ASSESSED_ON, s.ID)
                .fetch(RehabRepository::score);
    }

    public List<Rehab.Session> sessions(long residentId, int limit) {
        var s = REHAB_SESSION;
        return dsl.selectFrom(s)
                .where(s.RESIDENT_ID.eq(residentId))
                .orderBy(s.SESSION_DATE.desc(), s.ID.desc())
                .limit(limit)
                .fetch(RehabRepository::session);
    }

    public List<Rehab.Session> sessionPage(
            long residentId, TimelineCursor.Position c, LocalDate from, LocalDate to, int limit) {
        var s = REHAB_SESSION;
        return dsl.selectFrom(s)
                .where(s.RESIDENT_ID.eq(residentId))
                .and(KeysetConditions.after(s.SESSION_DATE, s.ID, c.date(), c.sourceComparison(), c.id()))
                .and(KeysetConditions.between(s.SESSION_DATE, from, to))
                .orderBy(KeysetConditions.newestFirst(s.RESIDENT_ID, s.SESSION_DATE, s.ID))
                .limit(limit)
                .fetch(RehabRepository::session);
    }

    /** Scores with their goal's description, for the timeline. */
    public record ScoreLine(Rehab.Score score, Rehab.Goal goal) {}

    public List<ScoreLine> scorePage(
            long residentId, TimelineCursor.Position c, LocalDate from, LocalDate to, int limit) {
        var s = REHAB_SCORE;
        return dsl.select(s.fields())
                .select(REHAB_GOAL.fields())
                .from(s)
                .join(REHAB_GOAL)
                .on(REHAB_GOAL.ID.eq(s.GOAL_ID))
                .where(s.RESIDENT_ID.eq(residentId))
                .and(KeysetConditions.after(s.ASSESSED_ON, s.ID, c.date(), c.sourceComparison(), c.id()))
                .and(KeysetConditions.between(s.ASSESSED_ON, from, to))
                .orderBy(KeysetConditions.newestFirst(s.RESIDENT_ID, s.ASSESSED_ON, s.ID))
                .limit(limit)
                .fetch(r -> new ScoreLine(score(r.into(s)), goal(r.into(REHAB_GOAL))));
    }

    /** An entry's rows to void, named for the audit log by their table, marked by {@code actor} at {@code now}. */
    public Voidable voidable(RehabService.Entry entry, String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, table(entry), actor, now);
    }

    private static Table<?> table(RehabService.Entry entry) {
        return switch (entry) {
            case PLAN -> REHAB_PLAN;
            case GOAL -> REHAB_GOAL;
            case SESSION -> REHAB_SESSION;
            case SCORE -> REHAB_SCORE;
        };
    }

    /** Active plans (not voided) of residents in care, with goal count and session dates; one therapist or all. */
    public List<Rehab.Case> caseload(String therapist) {
        var p = REHAB_PLAN;
        var s = REHAB_SESSION;
        var g = REHAB_GOAL;
        var goals =
                DSL.field(DSL.selectCount().from(g).where(g.PLAN_ID.eq(p.ID)).and(g.VOIDED_AT.isNull()));
        var last = DSL.select(DSL.max(s.SESSION_DATE))
                .from(s)
                .where(s.PLAN_ID.eq(p.ID))
                .and(s.VOIDED_AT.isNull())
                .asField("last_session");
        var next = DSL.select(DSL.max(s.NEXT_SESSION))
                .from(s)
                .where(s.PLAN_ID.eq(p.ID))
                .and(s.VOIDED_AT.isNull())
                .asField("next_session");
        return dsl.select(p.RESIDENT_ID, RESIDENT.NAME, p.ID, p.TITLE, p.THERAPIST, goals, last, next, p.REVIEW_DUE)
                .from(p)
                .join(RESIDENT)
                .on(RESIDENT.ID.eq(p.RESIDENT_ID))
                .join(RESIDENT_CURRENT_STATUS)
                .on(RESIDENT_CURRENT_STATUS.RESIDENT_ID.eq(p.RESIDENT_ID))
                .where(p.VOIDED_AT.isNull())
                .and(RESIDENT_CURRENT_STATUS.STATUS.in(InCare.CODES))
                .and(therapist == null ? DSL.noCondition() : p.THERAPIST.eq(therapist))
                .orderBy(RESIDENT.NAME, p.START_DATE.desc())
                .fetch(r -> new Rehab.Case(
                        r.get(p.RESIDENT_ID),
                        r.get(RESIDENT.NAME),
                        r.get(p.ID),
                        r.get(p.TITLE),
                        r.get(p.THERAPIST),
                        r.get(goals),
                        (LocalDate) r.get(last),
                        (LocalDate) r.get(next),
                        r.get(p.REVIEW_DUE)));
    }

    private static Rehab.Plan plan(RehabPlanRecord r) {
        return new Rehab.Plan(
                r.getId(),
                r.getResidentId(),
                r.getTitle(),
                r.getStartDate(),
                r.getReviewDue(),
                r.getTherapist(),
                r.getVersion(),
                r.getVoidedAt() != null,
                r.getVoidedReason());
    }

    private static Rehab.Goal goal(RehabGoalRecord r) {
        return new Rehab.Goal(
                r.getId(),
                r.getPlanId(),
                Rehab.Area.valueOf(r.getArea()),
                r.getDescription(),
                r.getMeasure(),
                r.getBaseline(),
                r.getTarget(),
                r.getVoidedAt() != null,
                r.getVoidedReason());
    }

    private static Rehab.Session session(RehabSessionRecord r) {
        return new Rehab.Session(
                r.getId(),
                r.getResidentId(),
                r.getPlanId(),
                r.getSessionDate(),
                Rehab.Area.valueOf(r.getArea()),
                Rehab.Attendance.valueOf(r.getAttendance()),
                r.getMinutes(),
                r.getNote(),
                r.getNextSession(),
                r.getCreatedBy(),
                r.getVoidedAt() != null,
                r.getVoidedReason());
    }

    private static Rehab.Score score(RehabScoreRecord r) {
        return new Rehab.Score(
                r.getId(),
                r.getResidentId(),
                r.getGoalId(),
                r.getAssessedOn(),
                r.getScore(),
                r.getNote(),
                r.getCreatedBy(),
                r.getVoidedAt() != null,
                r.getVoidedReason());
    }
}
