package org.huyou.care.psych;

import static org.huyou.db.generated.Tables.COUNSELLING_SESSION;
import static org.huyou.db.generated.Tables.PSYCH_SCREENING;
import static org.huyou.db.generated.Tables.RESIDENT;
import static org.huyou.db.generated.Tables.RESIDENT_CURRENT_STATUS;
import static org.huyou.db.generated.Tables.RISK_ASSESSMENT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.huyou.care.TimelineCursor;
import org.huyou.db.KeysetConditions;
import org.huyou.db.Voidable;
import org.huyou.db.Voiding;
import org.huyou.db.generated.tables.records.CounsellingSessionRecord;
import org.huyou.db.generated.tables.records.PsychScreeningRecord;
import org.huyou.db.generated.tables.records.RiskAssessmentRecord;
import org.huyou.residents.InCare;
import org.huyou.security.SealedKey;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Screenings, double assessments and counselling sessions. */
public final class PsychRepository {

    /** A session's columns but its note: lists of sessions do not even read the note. */
    private static final List<Field<?>> SESSION_WITHOUT_NOTE = List.of(
            COUNSELLING_SESSION.ID,
            COUNSELLING_SESSION.RESIDENT_ID,
            COUNSELLING_SESSION.SESSION_DATE,
            COUNSELLING_SESSION.KIND,
            COUNSELLING_SESSION.MINUTES,
            COUNSELLING_SESSION.CREATED_BY,
            COUNSELLING_SESSION.VOIDED_AT,
            COUNSELLING_SESSION.VOIDED_REASON);

    private final DSLContext dsl;
    /** Counselling notes are stored sealed (issue 24): sealed here on the way in, opened here on the way out. */
    private final SealedKey sealed;

    public PsychRepository(DSLContext dsl, SealedKey sealed) {
        this.dsl = dsl;
        this.sealed = sealed;
    }

    public long insertScreening(Screening s, String actor, LocalDateTime now) {
        var p = PSYCH_SCREENING;
        return dsl.insertInto(p)
                .set(p.RESIDENT_ID, s.residentId())
                .set(p.INSTRUMENT, s.instrument())
                .set(p.ASSESSED_ON, s.assessedOn())
                .set(p.ANSWERS, s.answers().stream().map(String::valueOf).collect(Collectors.joining(",")))
                .set(p.TOTAL, s.total())
                .set(p.RESULT, s.resultCode())
                .set(p.SUGGESTED_RISK, s.suggested().name())
                .set(p.CREATED_AT, now)
                .set(p.CREATED_BY, actor)
                .returning(p.ID)
                .fetchOne(p.ID);
    }

    public List<Screening> screenings(long residentId) {
        var p = PSYCH_SCREENING;
        return dsl.selectFrom(p)
                .where(p.RESIDENT_ID.eq(residentId))
                .orderBy(p.ASSESSED_ON.desc(), p.ID.desc())
                .fetch(PsychRepository::screening);
    }

    public Optional<Screening> screening(long id) {
        var p = PSYCH_SCREENING;
        return dsl.selectFrom(p).where(p.ID.eq(id)).fetchOptional(PsychRepository::screening);
    }

    public List<Screening> screeningPage(
            long residentId, TimelineCursor.Position c, LocalDate from, LocalDate to, int limit) {
        var p = PSYCH_SCREENING;
        return dsl.selectFrom(p)
                .where(p.RESIDENT_ID.eq(residentId))
                .and(KeysetConditions.after(p.ASSESSED_ON, p.ID, c.date(), c.sourceComparison(), c.id()))
                .and(KeysetConditions.between(p.ASSESSED_ON, from, to))
                .orderBy(KeysetConditions.newestFirst(p.RESIDENT_ID, p.ASSESSED_ON, p.ID))
                .limit(limit)
                .fetch(PsychRepository::screening);
    }

    public Voidable voidableScreening(String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, PSYCH_SCREENING, actor, now);
    }

    public long insertAssessment(RiskAssessment a, String actor, LocalDateTime now) {
        var r = RISK_ASSESSMENT;
        return dsl.insertInto(r)
                .set(r.RESIDENT_ID, a.residentId())
                .set(r.ASSESSED_ON, a.assessedOn())
                .set(r.GUARDIANSHIP_RISK, a.guardianshipRisk().name())
                .set(r.PSYCHOLOGICAL_RISK, a.psychologicalRisk().name())
                .set(r.GRADE, a.grade().name())
                .set(r.SCREENING_ID, a.screeningId())
                .set(r.BASIS, a.basis())
                .set(r.PSYCHOLOGIST, a.psychologist())
                .set(r.CREATED_AT, now)
                .set(r.CREATED_BY, actor)
                .returning(r.ID)
                .fetchOne(r.ID);
    }

    /** Oldest first: the order of a trend. */
    public List<RiskAssessment> assessments(long residentId) {
        var r = RISK_ASSESSMENT;
        return dsl.selectFrom(r)
                .where(r.RESIDENT_ID.eq(residentId))
                .orderBy(r.ASSESSED_ON, r.ID)
                .fetch(PsychRepository::assessment);
    }

    public List<RiskAssessment> assessmentPage(
            long residentId, TimelineCursor.Position c, LocalDate from, LocalDate to, int limit) {
        var r = RISK_ASSESSMENT;
        return dsl.selectFrom(r)
                .where(r.RESIDENT_ID.eq(residentId))
                .and(KeysetConditions.after(r.ASSESSED_ON, r.ID, c.date(), c.sourceComparison(), c.id()))
                .and(KeysetConditions.between(r.ASSESSED_ON, from, to))
                .orderBy(KeysetConditions.newestFirst(r.RESIDENT_ID, r.ASSESSED_ON, r.ID))
                .limit(limit)
                .fetch(PsychRepository::assessment);
    }

    public Voidable voidableAssessment(String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, RISK_ASSESSMENT, actor, now);
    }

    public long insertSession(
            long residentId,
            LocalDate date,
            CounsellingSession.Kind kind,
            int minutes,
            String note,
            String actor,
            LocalDateTime now) {
        var c = COUNSELLING_SESSION;
        return dsl.insertInto(c)
                .set(c.RESIDENT_ID, residentId)
                .set(c.SESSION_DATE, date)
                .set(c.KIND, kind.name())
                .set(c.MINUTES, minutes)
                .set(c.NOTE, sealed.seal(SealedKey.COUNSELLING_NOTE, note))
                .set(c.CREATED_AT, now)
                .set(c.CREATED_BY, actor)
                .returning(c.ID)
                .fetchOne(c.ID);
    }

    /** Sessions without their notes: the note column is not even read. */
    public List<CounsellingSession> sessions(long residentId) {
        var c = COUNSELLING_SESSION;
        return dsl.select(SESSION_WITHOUT_NOTE)
                .from(c)
                .where(c.RESIDENT_ID.eq(residentId))
                .orderBy(c.SESSION_DATE.desc(), c.ID.desc())
                .fetch(r -> session(r.into(c)));
    }

    public List<CounsellingSession> sessionPage(
            long residentId, TimelineCursor.Position p, LocalDate from, LocalDate to, int limit) {
        var c = COUNSELLING_SESSION;
        return dsl.select(SESSION_WITHOUT_NOTE)
                .from(c)
                .where(c.RESIDENT_ID.eq(residentId))
                .and(KeysetConditions.after(c.SESSION_DATE, c.ID, p.date(), p.sourceComparison(), p.id()))
                .and(KeysetConditions.between(c.SESSION_DATE, from, to))
                .orderBy(KeysetConditions.newestFirst(c.RESIDENT_ID, c.SESSION_DATE, c.ID))
                .limit(limit)
                .fetch(r -> session(r.into(c)));
    }

    public Optional<String> note(long sessionId) {
        var c = COUNSELLING_SESSION;
        return dsl.select(c.NOTE)
                .from(c)
                .where(c.ID.eq(sessionId))
                .fetchOptional(c.NOTE)
                .map(n -> sealed.read(SealedKey.COUNSELLING_NOTE, n));
    }

    public Voidable voidableSession(String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, COUNSELLING_SESSION, actor, now);
    }

    /** A resident's current grade (their latest valid assessment) and last contact, for the residents in care. */
    public record CaseRow(
            long residentId,
            String name,
            RiskGrade grade,
            LocalDate assessedOn,
            String psychologist,
            LocalDate lastSession) {}

    public List<CaseRow> currentCases(String psychologist) {
        var r = RISK_ASSESSMENT;
        var later = RISK_ASSESSMENT.as("later");
        var c = COUNSELLING_SESSION;
        var lastSession = DSL.select(DSL.max(c.SESSION_DATE))
                .from(c)
                .where(c.RESIDENT_ID.eq(r.RESIDENT_ID))
                .and(c.VOIDED_AT.isNull())
                .asField("last_session");
        return dsl.select(r.RESIDENT_ID, RESIDENT.NAME, r.GRADE, r.ASSESSED_ON, r.PSYCHOLOGIST, lastSession)
                .from(r)
                .join(RESIDENT)
                .on(RESIDENT.ID.eq(r.RESIDENT_ID))
                .join(RESIDENT_CURRENT_STATUS)
                .on(RESIDENT_CURRENT_STATUS.RESIDENT_ID.eq(r.RESIDENT_ID))
                .where(r.VOIDED_AT.isNull())
                .and(RESIDENT_CURRENT_STATUS.STATUS.in(InCare.CODES))
                .and(psychologist == null ? DSL.noCondition() : r.PSYCHOLOGIST.eq(psychologist))
                .andNotExists(DSL.selectOne()
                        .from(later)
                        .where(later.RESIDENT_ID.eq(r.RESIDENT_ID))
                        .and(later.VOIDED_AT.isNull())
                        .and(later.ASSESSED_ON
                                .gt(r.ASSESSED_ON)
                                .or(later.ASSESSED_ON.eq(r.ASSESSED_ON).and(later.ID.gt(r.ID)))))
                .fetch(x -> new CaseRow(
                        x.get(r.RESIDENT_ID),
                        x.get(RESIDENT.NAME),
                        RiskGrade.valueOf(x.get(r.GRADE)),
                        x.get(r.ASSESSED_ON),
                        x.get(r.PSYCHOLOGIST),
                        (LocalDate) x.get("last_session")));
    }

    private static Screening screening(PsychScreeningRecord r) {
        return new Screening(
                r.getId(),
                r.getResidentId(),
                r.getInstrument(),
                r.getAssessedOn(),
                Arrays.stream(r.getAnswers().split(",")).map(Integer::valueOf).toList(),
                r.getTotal(),
                r.getResult(),
                RiskGrade.valueOf(r.getSuggestedRisk()),
                r.getCreatedBy(),
                r.getVoidedAt() != null,
                r.getVoidedReason());
    }

    private static RiskAssessment assessment(RiskAssessmentRecord r) {
        return new RiskAssessment(
                r.getId(),
                r.getResidentId(),
                r.getAssessedOn(),
                RiskGrade.valueOf(r.getGuardianshipRisk()),
                RiskGrade.valueOf(r.getPsychologicalRisk()),
                RiskGrade.valueOf(r.getGrade()),
                r.getScreeningId(),
                r.getBasis(),
                r.getPsychologist(),
                r.getVoidedAt() != null,
                r.getVoidedReason());
    }

    private static CounsellingSession session(CounsellingSessionRecord r) {
        return new CounsellingSession(
                r.getId(),
                r.getResidentId(),
                r.getSessionDate(),
                CounsellingSession.Kind.valueOf(r.getKind()),
                r.getMinutes(),
                r.getCreatedBy(),
                r.getVoidedAt() != null,
                r.getVoidedReason());
    }
}
