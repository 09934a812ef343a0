package org.huyou.transition;

import static org.huyou.db.generated.Tables.CAPABILITY_ASSESSMENT;
import static org.huyou.db.generated.Tables.EDUCATION_PLACEMENT;
import static org.huyou.db.generated.Tables.GROWTH_MEASUREMENT;
import static org.huyou.db.generated.Tables.RESIDENT;
import static org.huyou.db.generated.Tables.RESIDENT_CURRENT_STATUS;
import static org.huyou.db.generated.Tables.RESIDENT_PHOTO;
import static org.huyou.db.generated.Tables.TRANSITION_FOLLOW_UP;
import static org.huyou.db.generated.Tables.TRANSITION_PAYMENT;
import static org.huyou.db.generated.Tables.TRANSITION_PLAN;
import static org.huyou.db.generated.Tables.TRANSITION_TASK;
import static org.huyou.db.generated.Tables.TRANSITION_TASK_TEMPLATE;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huyou.db.Voidable;
import org.huyou.db.Voiding;
import org.huyou.db.generated.tables.records.CapabilityAssessmentRecord;
import org.huyou.db.generated.tables.records.TransitionPlanRecord;
import org.huyou.db.generated.tables.records.TransitionTaskTemplateRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Capability assessments, transition plans with their tasks, payments and follow-up visits, and the task templates. */
public final class TransitionRepository {

    private final DSLContext dsl;

    public TransitionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A resident of dashboard age: who, born when (estimated or not), in care or not. */
    public record Candidate(
            long residentId, String name, String recordNo, LocalDate birthDate, boolean estimated, String status) {}

    /** Residents born on or before a day (16 and over), still in the home's records as in care. */
    public List<Candidate> bornBy(LocalDate day, Collection<String> statuses) {
        var r = RESIDENT;
        var s = RESIDENT_CURRENT_STATUS;
        return dsl.select(r.ID, r.NAME, r.RECORD_NO, r.BIRTH_DATE, r.BIRTH_DATE_ESTIMATED, s.STATUS)
                .from(r)
                .join(s)
                .on(s.RESIDENT_ID.eq(r.ID))
                .where(r.BIRTH_DATE.le(day))
                .and(r.VOIDED_AT.isNull())
                .and(s.STATUS.in(statuses))
                .orderBy(r.BIRTH_DATE, r.ID)
                .fetch(x -> new Candidate(x.value1(), x.value2(), x.value3(), x.value4(), x.value5(), x.value6()));
    }

    /** One resident as the plan names them. */
    public Candidate person(long residentId) {
        var r = RESIDENT;
        return dsl.select(r.ID, r.NAME, r.RECORD_NO, r.BIRTH_DATE, r.BIRTH_DATE_ESTIMATED)
                .from(r)
                .where(r.ID.eq(residentId))
                .fetchOne(x -> new Candidate(x.value1(), x.value2(), x.value3(), x.value4(), x.value5(), null));
    }

    public LocalDate birthDate(long residentId) {
        return dsl.select(RESIDENT.BIRTH_DATE)
                .from(RESIDENT)
                .where(RESIDENT.ID.eq(residentId))
                .fetchOne(RESIDENT.BIRTH_DATE);
    }

    /** A young person who has left: who, and the next visit still to make (null when all are done). */
    /** One who left under a plan: the pathway carried out, the day, and the next visit not yet made. */
    public record Left(Candidate person, Pathway pathway, LocalDate leftOn, LocalDate nextVisit) {}

    public List<Left> leftWithVisits() {
        var p = TRANSITION_PLAN;
        var r = RESIDENT;
        var f = TRANSITION_FOLLOW_UP;
        var next = DSL.field(
                DSL.select(DSL.min(f.DUE_ON)).from(f).where(f.PLAN_ID.eq(p.ID)).and(f.VISITED_ON.isNull()));
        return dsl.select(r.ID, r.NAME, r.RECORD_NO, r.BIRTH_DATE, r.BIRTH_DATE_ESTIMATED, p.LEFT_ON, next, p.PATHWAY)
                .from(p)
                .join(r)
                .on(r.ID.eq(p.RESIDENT_ID))
                .where(p.STATUS.eq(TransitionPlan.Status.LEFT.name()))
                .orderBy(next.asc().nullsLast(), r.ID)
                .fetch(x -> new Left(
                        new Candidate(x.value1(), x.value2(), x.value3(), x.value4(), x.value5(), null),
                        Pathway.valueOf(x.value8()),
                        x.value6(),
                        x.value7()));
    }

    public long insertAssessment(Capability c, String actor, LocalDateTime now) {
        var t = CAPABILITY_ASSESSMENT;
        return dsl.insertInto(t)
                .set(t.RESIDENT_ID, c.residentId())
                .set(t.ASSESSED_ON, c.assessedOn())
                .set(t.SELF_CARE, c.selfCare())
                .set(t.DAILY_LIVING, c.dailyLiving())
                .set(t.HEALTH, c.health())
                .set(t.WORK_ABILITY, c.workAbility())
                .set(t.SOCIAL_SKILLS, c.socialSkills())
                .set(t.EDUCATION, c.education())
                .set(t.NOTES, c.notes())
                .set(t.CONCLUSION, c.conclusion().name())
                .set(t.CREATED_AT, now)
                .set(t.CREATED_BY, actor)
                .returning(t.ID)
                .fetchOne(t.ID);
    }

    /** A resident's assessments, latest first, voided ones included (marked). */
    public List<Capability> assessments(long residentId) {
        var t = CAPABILITY_ASSESSMENT;
        return dsl.selectFrom(t)
                .where(t.RESIDENT_ID.eq(residentId))
                .orderBy(t.ASSESSED_ON.desc(), t.ID.desc())
                .fetch(TransitionRepository::capability);
    }

    /** The capability assessments to void by {@code actor} at {@code now}. */
    public Voidable assessments(String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, CAPABILITY_ASSESSMENT, actor, now);
    }

    public Optional<TransitionPlan> planOf(long residentId) {
        return dsl.selectFrom(TRANSITION_PLAN)
                .where(TRANSITION_PLAN.RESIDENT_ID.eq(residentId))
                .fetchOptional(TransitionRepository::plan);
    }

    public Optional<TransitionPlan> plan(long id) {
        return dsl.selectFrom(TRANSITION_PLAN)
                .where(TRANSITION_PLAN.ID.eq(id))
                .fetchOptional(TransitionRepository::plan);
    }

    /** Plans of several residents in one query. */
    public Map<Long, TransitionPlan> plansOf(Collection<Long> residentIds) {
        return dsl.selectFrom(TRANSITION_PLAN)
                .where(TRANSITION_PLAN.RESIDENT_ID.in(residentIds))
                .fetchMap(TRANSITION_PLAN.RESIDENT_ID, TransitionRepository::plan);
    }

    public long insertPlan(TransitionPlan p) {
        var t = TRANSITION_PLAN;
        return dsl.insertInto(t)
                .set(t.RESIDENT_ID, p.residentId())
                .set(t.PATHWAY, p.pathway().name())
                .set(t.BASIS, p.basis())
                .set(t.STATUS, p.status().name())
                .set(t.EXPECTED_GRADUATION, p.expectedGraduation())
                .set(t.CITY_TOP_UP, p.cityTopUp())
                .set(t.DECIDED_BY, p.decidedBy())
                .set(t.DECIDED_AT, p.decidedAt())
                .returning(t.ID)
                .fetchOne(t.ID);
    }

    /** A new decision on a plan not yet approved, if its version is still the one the user saw. */
    public boolean redecide(TransitionPlan p, int seenVersion) {
        var t = TRANSITION_PLAN;
        return dsl.update(t)
                        .set(t.PATHWAY, p.pathway().name())
                        .set(t.BASIS, p.basis())
                        .set(t.STATUS, TransitionPlan.Status.DRAFT.name())
                        .set(t.EXPECTED_GRADUATION, p.expectedGraduation())
                        .set(t.CITY_TOP_UP, p.cityTopUp())
                        .set(t.DECIDED_BY, p.decidedBy())
                        .set(t.DECIDED_AT, p.decidedAt())
                        .setNull(t.APPROVED_BY)
                        .setNull(t.APPROVED_AT)
                        .set(t.VERSION, t.VERSION.plus(1))
                        .where(t.ID.eq(p.id()))
                        .and(t.VERSION.eq(seenVersion))
                        .execute()
                == 1;
    }

    public boolean approve(long planId, int seenVersion, String actor, LocalDateTime now) {
        var t = TRANSITION_PLAN;
        return dsl.update(t)
                        .set(t.STATUS, TransitionPlan.Status.APPROVED.name())
                        .set(t.APPROVED_BY, actor)
                        .set(t.APPROVED_AT, now)
                        .set(t.VERSION, t.VERSION.plus(1))
                        .where(t.ID.eq(planId))
                        .and(t.VERSION.eq(seenVersion))
                        .and(t.STATUS.eq(TransitionPlan.Status.DRAFT.name()))
                        .execute()
                == 1;
    }

    /** The register's facts a leaving needs: whose plan it is, when they came, where the register has them now. */
    public record Leaver(long residentId, String recordNo, LocalDate admitted, String status, Pathway pathway) {}

    public Leaver leaver(long planId) {
        var p = TRANSITION_PLAN;
        var r = RESIDENT;
        var s = RESIDENT_CURRENT_STATUS;
        return dsl.select(r.ID, r.RECORD_NO, r.ADMISSION_DATE, s.STATUS, p.PATHWAY)
                .from(p)
                .join(r)
                .on(r.ID.eq(p.RESIDENT_ID))
                .leftJoin(s)
                .on(s.RESIDENT_ID.eq(r.ID))
                .where(p.ID.eq(planId))
                .fetchOne(x -> new Leaver(
                        x.value1(),
                        x.value2(),
                        x.value3(),
                        x.value4(),
                        x.value5() == null ? null : Pathway.valueOf(x.value5())));
    }

    public boolean markLeft(long planId, LocalDate day) {
        var t = TRANSITION_PLAN;
        return dsl.update(t)
                        .set(t.STATUS, TransitionPlan.Status.LEFT.name())
                        .set(t.LEFT_ON, day)
                        .set(t.VERSION, t.VERSION.plus(1))
                        .where(t.ID.eq(planId))
                        .and(t.STATUS.eq(TransitionPlan.Status.APPROVED.name()))
                        .execute()
                == 1;
    }

    /** A pathway's template as in force: lines taken off it (voided) are left out. */
    public List<Task.Template> templates(Pathway pathway) {
        var t = TRANSITION_TASK_TEMPLATE;
        return dsl.selectFrom(t)
                .where(t.PATHWAY.eq(pathway.name()))
                .and(t.VOIDED_AT.isNull())
                .orderBy(t.MONTHS_BEFORE.desc(), t.ID)
                .fetch(TransitionRepository::template);
    }

    /** One template line, in force or not. */
    public Optional<Task.Template> template(long id) {
        var t = TRANSITION_TASK_TEMPLATE;
        return dsl.selectFrom(t).where(t.ID.eq(id)).fetchOptional(TransitionRepository::template);
    }

    private static Task.Template template(TransitionTaskTemplateRecord r) {
        return new Task.Template(
                r.getId(),
                Pathway.valueOf(r.getPathway()),
                r.getTitle(),
                Department.valueOf(r.getDepartment()),
                r.getMonthsBefore(),
                r.getDocuments());
    }

    public long insertTemplate(Task.Template t) {
        var x = TRANSITION_TASK_TEMPLATE;
        return dsl.insertInto(x)
                .set(x.PATHWAY, t.pathway().name())
                .set(x.TITLE, t.title())
                .set(x.DEPARTMENT, t.department().name())
                .set(x.MONTHS_BEFORE, t.monthsBefore())
                .set(x.DOCUMENTS, t.documents())
                .returning(x.ID)
                .fetchOne(x.ID);
    }

    /** Template lines to take off by {@code actor} at {@code now}: voided, kept on record. */
    public Voidable voidableTemplates(String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, TRANSITION_TASK_TEMPLATE, actor, now);
    }

    public void insertTask(Task t) {
        var x = TRANSITION_TASK;
        dsl.insertInto(x)
                .set(x.PLAN_ID, t.planId())
                .set(x.TITLE, t.title())
                .set(x.DEPARTMENT, t.department().name())
                .set(x.DUE_ON, t.dueOn())
                .set(x.DOCUMENTS, t.documents())
                .set(x.STATUS, t.status().name())
                .execute();
    }

    public List<Task> tasks(long planId) {
        var x = TRANSITION_TASK;
        return dsl.selectFrom(x)
                .where(x.PLAN_ID.eq(planId))
                .orderBy(x.DUE_ON, x.ID)
                .fetch(r -> new Task(
                        r.getId(),
                        r.getPlanId(),
                        r.getTitle(),
                        Department.valueOf(r.getDepartment()),
                        r.getDueOn(),
                        r.getDocuments(),
                        Task.Status.valueOf(r.getStatus()),
                        r.getDoneOn(),
                        r.getNote()));
    }

    /** Open tasks past due per plan, in one query. */
    public Map<Long, Integer> overdueCounts(Collection<Long> planIds, LocalDate today) {
        var x = TRANSITION_TASK;
        return dsl.select(x.PLAN_ID, DSL.count())
                .from(x)
                .where(x.PLAN_ID.in(planIds))
                .and(x.STATUS.eq(Task.Status.OPEN.name()))
                .and(x.DUE_ON.lt(today))
                .groupBy(x.PLAN_ID)
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    public boolean setTaskStatus(
            long taskId, Task.Status status, LocalDate doneOn, String note, String actor, LocalDateTime now) {
        var x = TRANSITION_TASK;
        return dsl.update(x)
                        .set(x.STATUS, status.name())
                        .set(x.DONE_ON, doneOn)
                        .set(x.NOTE, note)
                        .set(x.UPDATED_BY, actor)
                        .set(x.UPDATED_AT, now)
                        .where(x.ID.eq(taskId))
                        .execute()
                == 1;
    }

    /** Open tasks of a plan no longer in force become cancelled (kept, not deleted). */
    public void cancelOpenTasks(long planId, String actor, LocalDateTime now) {
        var x = TRANSITION_TASK;
        dsl.update(x)
                .set(x.STATUS, Task.Status.CANCELLED.name())
                .set(x.UPDATED_BY, actor)
                .set(x.UPDATED_AT, now)
                .where(x.PLAN_ID.eq(planId))
                .and(x.STATUS.eq(Task.Status.OPEN.name()))
                .execute();
    }

    public void insertPayment(long planId, PaymentSchedule.Line l) {
        var x = TRANSITION_PAYMENT;
        dsl.insertInto(x)
                .set(x.PLAN_ID, planId)
                .set(x.KIND, l.kind().name())
                .set(x.LABEL, l.label())
                .set(x.DUE_ON, l.dueOn())
                .set(x.AMOUNT, l.amount())
                .execute();
    }

    public List<Payment> payments(long planId) {
        var x = TRANSITION_PAYMENT;
        return dsl.selectFrom(x)
                .where(x.PLAN_ID.eq(planId))
                .orderBy(x.DUE_ON, x.ID)
                .fetch(r -> new Payment(
                        r.getId(),
                        r.getPlanId(),
                        Payment.Kind.valueOf(r.getKind()),
                        r.getLabel(),
                        r.getDueOn(),
                        r.getAmount(),
                        r.getPaidOn(),
                        r.getReference(),
                        r.getVoidedAt() != null,
                        r.getVoidedReason()));
    }

    /** A plan's payments neither paid nor voided: the schedule still in force. */
    public List<Long> openPayments(long planId) {
        var x = TRANSITION_PAYMENT;
        return dsl.select(x.ID)
                .from(x)
                .where(x.PLAN_ID.eq(planId))
                .and(x.PAID_ON.isNull())
                .and(x.VOIDED_AT.isNull())
                .orderBy(x.DUE_ON, x.ID)
                .fetch(x.ID);
    }

    /** Payment lines to void by {@code actor} at {@code now} (a new decision takes the unpaid ones out of force). */
    public Voidable voidablePayments(String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, TRANSITION_PAYMENT, actor, now);
    }

    /** Whether the payment line was voided (a void line is never paid). */
    public boolean paymentVoided(long paymentId) {
        var x = TRANSITION_PAYMENT;
        return dsl.fetchExists(x, x.ID.eq(paymentId).and(x.VOIDED_AT.isNotNull()));
    }

    public boolean recordPaid(long paymentId, LocalDate paidOn, String reference, String actor) {
        var x = TRANSITION_PAYMENT;
        return dsl.update(x)
                        .set(x.PAID_ON, paidOn)
                        .set(x.REFERENCE, reference)
                        .set(x.RECORDED_BY, actor)
                        .where(x.ID.eq(paymentId))
                        .and(x.PAID_ON.isNull())
                        .and(x.VOIDED_AT.isNull())
                        .execute()
                == 1;
    }

    /** The birth date of whom a payment is for (null when there is no such payment). */
    public LocalDate birthDateOfPayment(long paymentId) {
        var x = TRANSITION_PAYMENT;
        var p = TRANSITION_PLAN;
        return dsl.select(RESIDENT.BIRTH_DATE)
                .from(x)
                .join(p)
                .on(p.ID.eq(x.PLAN_ID))
                .join(RESIDENT)
                .on(RESIDENT.ID.eq(p.RESIDENT_ID))
                .where(x.ID.eq(paymentId))
                .fetchOne(RESIDENT.BIRTH_DATE);
    }

    /** The day the young person left, which a visit comes after (null when there is no such visit). */
    public LocalDate leftOnOfVisit(long followUpId) {
        var x = TRANSITION_FOLLOW_UP;
        var p = TRANSITION_PLAN;
        return dsl.select(p.LEFT_ON)
                .from(x)
                .join(p)
                .on(p.ID.eq(x.PLAN_ID))
                .where(x.ID.eq(followUpId))
                .fetchOne(p.LEFT_ON);
    }

    public void insertFollowUp(long planId, LocalDate due) {
        var x = TRANSITION_FOLLOW_UP;
        dsl.insertInto(x).set(x.PLAN_ID, planId).set(x.DUE_ON, due).execute();
    }

    public List<FollowUp> followUps(long planId) {
        var x = TRANSITION_FOLLOW_UP;
        return dsl.selectFrom(x)
                .where(x.PLAN_ID.eq(planId))
                .orderBy(x.DUE_ON, x.ID)
                .fetch(r -> new FollowUp(
                        r.getId(),
                        r.getPlanId(),
                        r.getDueOn(),
                        r.getVisitedOn(),
                        r.getHousing(),
                        r.getWork(),
                        r.getStudy(),
                        r.getIncome(),
                        r.getNotes()));
    }

    public boolean recordVisit(FollowUp f, String actor) {
        var x = TRANSITION_FOLLOW_UP;
        return dsl.update(x)
                        .set(x.VISITED_ON, f.visitedOn())
                        .set(x.HOUSING, f.housing())
                        .set(x.WORK, f.work())
                        .set(x.STUDY, f.study())
                        .set(x.INCOME, f.income())
                        .set(x.NOTES, f.notes())
                        .set(x.RECORDED_BY, actor)
                        .where(x.ID.eq(f.id()))
                        .and(x.VISITED_ON.isNull())
                        .execute()
                == 1;
    }

    /** Whether the resident's current school placement (the latest, not voided) is a school or class: still studying. */
    public boolean studying(long residentId) {
        var e = EDUCATION_PLACEMENT;
        String kind = dsl.select(e.KIND)
                .from(e)
                .where(e.RESIDENT_ID.eq(residentId))
                .and(e.VOIDED_AT.isNull())
                .orderBy(e.START_DATE.desc(), e.ID.desc())
                .limit(1)
                .fetchOne(e.KIND);
        return kind != null
                && List.of("SPECIAL_SCHOOL", "REGULAR_SCHOOL", "IN_HOUSE_CLASS").contains(kind);
    }

    /** A photo's bytes and content type. */
    public record Photo(byte[] content, String contentType) {}

    public Optional<Photo> photo(long residentId) {
        var p = RESIDENT_PHOTO;
        return dsl.select(p.CONTENT, p.CONTENT_TYPE)
                .from(p)
                .where(p.RESIDENT_ID.eq(residentId))
                .fetchOptional(r -> new Photo(r.value1(), r.value2()));
    }

    /** School history: start date, kind, school and class, oldest first (voided ones left out). */
    public List<List<String>> schoolRecords(long residentId) {
        var e = EDUCATION_PLACEMENT;
        return dsl.select(e.START_DATE, e.KIND, e.SCHOOL, e.CLASS_NAME)
                .from(e)
                .where(e.RESIDENT_ID.eq(residentId))
                .and(e.VOIDED_AT.isNull())
                .orderBy(e.START_DATE, e.ID)
                .fetch(r -> Arrays.asList(r.value1().toString(), r.value2(), r.value3(), r.value4()));
    }

    /** One growth measurement per year (the first of each year), oldest first: milestones, not the whole series. */
    public List<List<String>> growthMilestones(long residentId) {
        var g = GROWTH_MEASUREMENT;
        var year = DSL.year(g.MEASURED_ON);
        var first = DSL.min(g.MEASURED_ON);
        var firsts = dsl.select(first)
                .from(g)
                .where(g.RESIDENT_ID.eq(residentId))
                .and(g.VOIDED_AT.isNull())
                .groupBy(year)
                .fetch(first);
        return dsl.select(g.MEASURED_ON, g.HEIGHT_CM, g.WEIGHT_KG)
                .from(g)
                .where(g.RESIDENT_ID.eq(residentId))
                .and(g.VOIDED_AT.isNull())
                .and(g.MEASURED_ON.in(firsts))
                .orderBy(g.MEASURED_ON)
                .fetch(r -> Arrays.asList(
                        r.value1().toString(),
                        r.value2() == null ? "" : r.value2().toPlainString(),
                        r.value3() == null ? "" : r.value3().toPlainString()));
    }

    private static Capability capability(CapabilityAssessmentRecord r) {
        return new Capability(
                r.getId(),
                r.getResidentId(),
                r.getAssessedOn(),
                r.getSelfCare(),
                r.getDailyLiving(),
                r.getHealth(),
                r.getWorkAbility(),
                r.getSocialSkills(),
                r.getEducation(),
                r.getNotes(),
                Capability.Conclusion.valueOf(r.getConclusion()),
                r.getCreatedBy(),
                r.getVoidedAt() != null);
    }

    private static TransitionPlan plan(TransitionPlanRecord r) {
        return new TransitionPlan(
                r.getId(),
                r.getResidentId(),
                Pathway.valueOf(r.getPathway()),
                r.getBasis(),
                TransitionPlan.Status.valueOf(r.getStatus()),
                r.getExpectedGraduation(),
                r.getCityTopUp(),
                r.getDecidedBy(),
                r.getDecidedAt(),
                r.getApprovedBy(),
                r.getApprovedAt(),
                r.getLeftOn(),
                r.getVersion());
    }
}
