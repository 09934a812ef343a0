package org.huyou.care.medical;

import static org.huyou.db.generated.Tables.FUND;
import static org.huyou.db.generated.Tables.LEDGER_ENTRY;
import static org.huyou.db.generated.Tables.MEDICAL_FUNDING;
import static org.huyou.db.generated.Tables.MEDICAL_RECORD;
import static org.huyou.db.generated.Tables.RESIDENT;
import static org.huyou.db.generated.Tables.RESIDENT_CURRENT_STATUS;
import static org.huyou.db.generated.Tables.TOMORROW_PLAN_APPLICATION;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huyou.db.DueBy;
import org.huyou.db.KeysetConditions;
import org.huyou.db.ResidentNames;
import org.huyou.db.Versioned;
import org.huyou.db.Voidable;
import org.huyou.db.Voiding;
import org.huyou.db.generated.tables.records.MedicalFundingRecord;
import org.huyou.db.generated.tables.records.MedicalRecordRecord;
import org.huyou.db.generated.tables.records.TomorrowPlanApplicationRecord;
import org.huyou.residents.InCare;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Medical records of every kind. */
public final class MedicalRecordRepository {

    private final DSLContext dsl;

    public MedicalRecordRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(MedicalRecord r, String actor, LocalDateTime now) {
        var m = MEDICAL_RECORD;
        return dsl.insertInto(m)
                .set(m.RESIDENT_ID, r.residentId())
                .set(m.KIND, r.kind().name())
                .set(m.EVENT_DATE, r.date())
                .set(m.TITLE, r.title())
                .set(m.DETAIL, r.detail())
                .set(m.FUNDING, r.funding() == null ? null : r.funding().name())
                .set(m.NEXT_DUE, r.nextDue())
                .set(m.CREATED_AT, now)
                .set(m.CREATED_BY, actor)
                .returning(m.ID)
                .fetchOne(m.ID);
    }

    public Voidable voidableRecord(String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, MEDICAL_RECORD, actor, now);
    }

    public List<MedicalRecord> forResident(long residentId) {
        var m = MEDICAL_RECORD;
        return dsl.selectFrom(m)
                .where(m.RESIDENT_ID.eq(residentId))
                .orderBy(m.EVENT_DATE.desc(), m.ID.desc())
                .fetch(MedicalRecordRepository::record);
    }

    public List<MedicalRecord> page(
            long residentId, LocalDate cDate, int sourceComparison, long cId, LocalDate from, LocalDate to, int limit) {
        var m = MEDICAL_RECORD;
        return dsl.selectFrom(m)
                .where(m.RESIDENT_ID.eq(residentId))
                .and(KeysetConditions.after(m.EVENT_DATE, m.ID, cDate, sourceComparison, cId))
                .and(KeysetConditions.between(m.EVENT_DATE, from, to))
                .orderBy(KeysetConditions.newestFirst(m.RESIDENT_ID, m.EVENT_DATE, m.ID))
                .limit(limit)
                .fetch(MedicalRecordRepository::record);
    }

    /** A follow-up still open: due on or before {@code until}, with no later record of the same kind and title. */
    public record OpenFollowUp(MedicalRecord record, String residentName) {}

    public List<OpenFollowUp> openFollowUps(LocalDate until) {
        var m = MEDICAL_RECORD;
        var later = MEDICAL_RECORD.as("later");
        return ResidentNames.selectWithStatus(dsl, m, m.RESIDENT_ID)
                .where(DueBy.dueBy(m.NEXT_DUE, until))
                .and(m.VOIDED_AT.isNull())
                .and(RESIDENT_CURRENT_STATUS.STATUS.in(InCare.CODES))
                .andNotExists(DSL.selectOne()
                        .from(later)
                        .where(later.RESIDENT_ID.eq(m.RESIDENT_ID))
                        .and(later.KIND.eq(m.KIND))
                        .and(later.TITLE.eq(m.TITLE))
                        .and(later.VOIDED_AT.isNull())
                        .and(later.EVENT_DATE.gt(m.EVENT_DATE)))
                .fetch(r -> new OpenFollowUp(record(r.into(m)), r.get(RESIDENT.NAME)));
    }

    private static MedicalRecord record(MedicalRecordRecord r) {
        return new MedicalRecord(
                r.getId(),
                r.getResidentId(),
                MedicalRecord.Kind.valueOf(r.getKind()),
                r.getEventDate(),
                r.getTitle(),
                r.getDetail(),
                r.getFunding() == null ? null : MedicalRecord.Funding.valueOf(r.getFunding()),
                r.getNextDue(),
                r.getCreatedBy(),
                r.getVoidedAt() != null,
                r.getVoidedReason());
    }

    // ---- funding (issue 33)

    /** The kind of a record that is not voided. */
    public Optional<MedicalRecord.Kind> liveKind(long recordId) {
        var m = MEDICAL_RECORD;
        return dsl.select(m.KIND)
                .from(m)
                .where(m.ID.eq(recordId))
                .and(m.VOIDED_AT.isNull())
                .fetchOptional(x -> MedicalRecord.Kind.valueOf(x.value1()));
    }

    public Optional<MedicalFunding> funding(long recordId) {
        var f = MEDICAL_FUNDING;
        return dsl.selectFrom(f)
                .where(f.MEDICAL_RECORD_ID.eq(recordId))
                .fetchOptional(MedicalRecordRepository::funding);
    }

    private static MedicalFunding funding(MedicalFundingRecord r) {
        return new MedicalFunding(
                r.getMedicalRecordId(),
                r.getCost(),
                r.getTomorrowPlan(),
                r.getInsurance(),
                r.getDonation(),
                r.getInstitution(),
                r.getLedgerSeq(),
                r.getVersion());
    }

    /** Inserts the funding, or updates it at the version the user saw; false when someone changed it meanwhile. */
    public boolean saveFunding(MedicalFunding m, String actor, LocalDateTime now) {
        var f = MEDICAL_FUNDING;
        if (m.version() < 0) {
            return dsl.insertInto(f)
                            .set(f.MEDICAL_RECORD_ID, m.medicalRecordId())
                            .set(fundingValues(m))
                            .set(f.CREATED_AT, now)
                            .set(f.CREATED_BY, actor)
                            .execute()
                    == 1;
        }
        return dsl.update(f)
                        .set(fundingValues(m))
                        .set(f.UPDATED_AT, now)
                        .set(f.UPDATED_BY, actor)
                        .set(f.VERSION, f.VERSION.plus(1))
                        .where(f.MEDICAL_RECORD_ID.eq(m.medicalRecordId()))
                        .and(f.VERSION.eq(m.version()))
                        .execute()
                == 1;
    }

    /** What the user enters of a funding, as an insert and an update both set it. */
    private static Map<Field<?>, Object> fundingValues(MedicalFunding m) {
        var f = MEDICAL_FUNDING;
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(f.COST, m.cost());
        values.put(f.TOMORROW_PLAN, m.tomorrowPlan());
        values.put(f.INSURANCE, m.insurance());
        values.put(f.DONATION, m.donation());
        values.put(f.INSTITUTION, m.institution());
        values.put(f.LEDGER_SEQ, m.ledgerSeq());
        return values;
    }

    /** A ledger payment a donation share may name: a USE from a medical (医疗救助) fund, not reversed. */
    public record MedicalPayment(long seq, BigDecimal paid, boolean medicalFund, boolean reversed, Long fundedRecord) {}

    public Optional<MedicalPayment> medicalPayment(long seq) {
        var l = LEDGER_ENTRY;
        var rev = LEDGER_ENTRY.as("rev");
        var f = MEDICAL_FUNDING;
        return dsl.select(
                        l.SEQ,
                        l.AMOUNT,
                        FUND.PURPOSE,
                        DSL.field(DSL.exists(DSL.selectOne().from(rev).where(rev.REVERSES_SEQ.eq(l.SEQ)))),
                        f.MEDICAL_RECORD_ID)
                .from(l)
                .join(FUND)
                .on(FUND.ID.eq(l.FUND_ID))
                .leftJoin(f)
                .on(f.LEDGER_SEQ.eq(l.SEQ))
                .where(l.SEQ.eq(seq))
                .and(l.KIND.eq("USE"))
                .fetchOptional(x -> new MedicalPayment(
                        x.value1(),
                        x.value2().negate(),
                        "MEDICAL".equals(x.value3()),
                        Boolean.TRUE.equals(x.value4()),
                        x.value5()));
    }

    /**
     * Per year, kind (surgery, treatment) and paying source: how many of the records that are not voided that source
     * paid a share of, and the sum of its shares.
     */
    public List<MedicalFunding.YearTotal> fundingByYear(int fromYear, int toYear) {
        var m = MEDICAL_RECORD;
        var f = MEDICAL_FUNDING;
        var year = DSL.extract(m.EVENT_DATE, DatePart.YEAR);
        List<MedicalFunding.YearTotal> out = new ArrayList<>();
        for (MedicalRecord.Funding source : List.of(
                MedicalRecord.Funding.TOMORROW_PLAN,
                MedicalRecord.Funding.MEDICAL_INSURANCE,
                MedicalRecord.Funding.DONATION,
                MedicalRecord.Funding.INSTITUTION)) {
            var share = switch (source) {
                case TOMORROW_PLAN -> f.TOMORROW_PLAN;
                case MEDICAL_INSURANCE -> f.INSURANCE;
                case DONATION -> f.DONATION;
                default -> f.INSTITUTION;
            };
            dsl.select(year, m.KIND, DSL.count(), DSL.sum(share))
                    .from(f)
                    .join(m)
                    .on(m.ID.eq(f.MEDICAL_RECORD_ID))
                    .where(m.VOIDED_AT.isNull())
                    .and(share.gt(BigDecimal.ZERO))
                    .and(year.between(fromYear, toYear))
                    .groupBy(year, m.KIND)
                    .orderBy(year, m.KIND)
                    .forEach(x -> out.add(new MedicalFunding.YearTotal(
                            x.value1(), MedicalRecord.Kind.valueOf(x.value2()), source, x.value3(), x.value4())));
        }
        return out;
    }

    // ---- 明天计划 applications

    public long insertApplication(
            long residentId, String condition, LocalDate appliedOn, String actor, LocalDateTime now) {
        var t = TOMORROW_PLAN_APPLICATION;
        return dsl.insertInto(t)
                .set(t.RESIDENT_ID, residentId)
                .set(t.CONDITION_TEXT, condition)
                .set(t.APPLIED_ON, appliedOn)
                .set(t.CREATED_AT, now)
                .set(t.CREATED_BY, actor)
                .returning(t.ID)
                .fetchOne(t.ID);
    }

    /** Records the approval at the version read; false when it changed meanwhile or is voided. */
    public boolean approveApplication(
            long id,
            int version,
            LocalDate approvedOn,
            String hospital,
            LocalDate operationDate,
            BigDecimal amount,
            String actor,
            LocalDateTime now) {
        var t = TOMORROW_PLAN_APPLICATION;
        return Versioned.update(
                dsl.update(t)
                        .set(t.APPROVED_ON, approvedOn)
                        .set(t.HOSPITAL, hospital)
                        .set(t.OPERATION_DATE, operationDate)
                        .set(t.AMOUNT, amount),
                t,
                id,
                version,
                actor,
                now);
    }

    /** Fixes the operation date of an approved application that had none, at the version read. */
    public boolean fixOperationDate(long id, int version, LocalDate operationDate, String actor, LocalDateTime now) {
        var t = TOMORROW_PLAN_APPLICATION;
        return dsl.update(t)
                        .set(t.OPERATION_DATE, operationDate)
                        .set(t.UPDATED_AT, now)
                        .set(t.UPDATED_BY, actor)
                        .set(t.VERSION, t.VERSION.plus(1))
                        .where(t.ID.eq(id))
                        .and(t.VERSION.eq(version))
                        .and(t.APPROVED_ON.isNotNull())
                        .and(t.OPERATION_DATE.isNull())
                        .and(t.VOIDED_AT.isNull())
                        .execute()
                == 1;
    }

    public Optional<TomorrowPlanApplication> application(long id) {
        var t = TOMORROW_PLAN_APPLICATION;
        return dsl.selectFrom(t).where(t.ID.eq(id)).fetchOptional(MedicalRecordRepository::application);
    }

    public List<TomorrowPlanApplication> applications(long residentId) {
        var t = TOMORROW_PLAN_APPLICATION;
        return dsl.selectFrom(t)
                .where(t.RESIDENT_ID.eq(residentId))
                .orderBy(t.VOIDED_AT.isNull().desc(), t.APPLIED_ON.desc(), t.ID.desc())
                .fetch(MedicalRecordRepository::application);
    }

    /** Applications not yet approved, of children in care, with the child's name. */
    public record PendingApplication(TomorrowPlanApplication application, String residentName) {}

    public List<PendingApplication> pendingApplications() {
        var t = TOMORROW_PLAN_APPLICATION;
        return ResidentNames.selectWithStatus(dsl, t, t.RESIDENT_ID)
                .where(t.APPROVED_ON.isNull())
                .and(t.VOIDED_AT.isNull())
                .and(RESIDENT_CURRENT_STATUS.STATUS.in(InCare.CODES))
                .orderBy(t.APPLIED_ON, t.ID)
                .fetch(r -> new PendingApplication(application(r.into(t)), r.get(RESIDENT.NAME)));
    }

    private static TomorrowPlanApplication application(TomorrowPlanApplicationRecord r) {
        return new TomorrowPlanApplication(
                r.getId(),
                r.getResidentId(),
                r.getConditionText(),
                r.getAppliedOn(),
                r.getApprovedOn(),
                r.getHospital(),
                r.getOperationDate(),
                r.getAmount(),
                r.getVersion(),
                r.getVoidedAt() != null,
                r.getVoidedReason());
    }

    // ---- funding on the screen (issue 33)

    /** The funding of each of a resident's records that has one, by record id. */
    public Map<Long, MedicalFunding> fundings(long residentId) {
        var f = MEDICAL_FUNDING;
        var m = MEDICAL_RECORD;
        Map<Long, MedicalFunding> out = new LinkedHashMap<>();
        dsl.select(f.fields())
                .from(f)
                .join(m)
                .on(m.ID.eq(f.MEDICAL_RECORD_ID))
                .where(m.RESIDENT_ID.eq(residentId))
                .fetch(r -> r.into(f))
                .forEach(r -> out.put(r.getMedicalRecordId(), funding(r)));
        return out;
    }

    /**
     * Payments from a medical fund that are not reversed and pay for no record yet, or for {@code recordId}
     * (the one being corrected keeps its own), newest first.
     */
    public List<PaymentChoice> openMedicalPayments(long recordId, int limit) {
        var l = LEDGER_ENTRY;
        var rev = LEDGER_ENTRY.as("rev");
        var f = MEDICAL_FUNDING;
        return dsl.select(l.SEQ, l.ENTRY_DATE, l.AMOUNT, l.PAYEE, l.DESCRIPTION)
                .from(l)
                .join(FUND)
                .on(FUND.ID.eq(l.FUND_ID))
                .leftJoin(f)
                .on(f.LEDGER_SEQ.eq(l.SEQ))
                .where(l.KIND.eq("USE"))
                .and(FUND.PURPOSE.eq("MEDICAL"))
                .and(DSL.notExists(DSL.selectOne().from(rev).where(rev.REVERSES_SEQ.eq(l.SEQ))))
                .and(f.MEDICAL_RECORD_ID.isNull().or(f.MEDICAL_RECORD_ID.eq(recordId)))
                .orderBy(l.SEQ.desc())
                .limit(limit)
                .fetch(x -> new PaymentChoice(x.value1(), x.value2(), x.value3().negate(), x.value4(), x.value5()));
    }

    /** Withdrawn or refused: the application stays, marked, with the reason. */
    public Voidable voidableApplication(String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, TOMORROW_PLAN_APPLICATION, actor, now);
    }
}
