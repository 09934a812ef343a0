package org.huyou.care.medical;

import static org.huyou.db.generated.Tables.MEDICAL_RECORD;
import static org.huyou.db.generated.Tables.RESIDENT;
import static org.huyou.db.generated.Tables.RESIDENT_CURRENT_STATUS;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.huyou.db.KeysetConditions;
import org.huyou.db.generated.tables.records.MedicalRecordRecord;
import org.huyou.residents.InCare;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Medical records of every kind. */
public final class MedicalRecordRepository {

    private final DSLContext dsl;

    public MedicalRecordRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(MedicalRecord r, String actor, LocalDateTime now) {
        var m = MEDICAL_RECORD;
        return dsl.insertInto(m).set(m.RESIDENT_ID, r.residentId()).set(m.KIND, r.kind().name())
                .set(m.EVENT_DATE, r.date()).set(m.TITLE, r.title()).set(m.DETAIL, r.detail())
                .set(m.FUNDING, r.funding() == null ? null : r.funding().name()).set(m.NEXT_DUE, r.nextDue())
                .set(m.CREATED_AT, now).set(m.CREATED_BY, actor).returning(m.ID).fetchOne(m.ID);
    }

    public boolean voidRecord(long id, String reason, String actor, LocalDateTime now) {
        var m = MEDICAL_RECORD;
        return dsl.update(m).set(m.VOIDED_AT, now).set(m.VOIDED_BY, actor).set(m.VOIDED_REASON, reason)
                .set(m.VERSION, m.VERSION.plus(1)).where(m.ID.eq(id).and(m.VOIDED_AT.isNull())).execute() == 1;
    }

    public List<MedicalRecord> forResident(long residentId) {
        var m = MEDICAL_RECORD;
        return dsl.selectFrom(m).where(m.RESIDENT_ID.eq(residentId)).orderBy(m.EVENT_DATE.desc(), m.ID.desc())
                .fetch(MedicalRecordRepository::record);
    }

    public List<MedicalRecord> page(long residentId, LocalDate cDate, int sourceComparison, long cId,
                                    LocalDate from, LocalDate to, int limit) {
        var m = MEDICAL_RECORD;
        return dsl.selectFrom(m).where(m.RESIDENT_ID.eq(residentId))
                .and(KeysetConditions.after(m.EVENT_DATE, m.ID, cDate, sourceComparison, cId))
                .and(KeysetConditions.between(m.EVENT_DATE, from, to))
                .orderBy(m.EVENT_DATE.desc(), m.ID.desc()).limit(limit).fetch(MedicalRecordRepository::record);
    }

    /** A follow-up still open: due on or before {@code until}, with no later record of the same kind and title. */
    public record OpenFollowUp(MedicalRecord record, String residentName) {
    }

    public List<OpenFollowUp> openFollowUps(LocalDate until) {
        var m = MEDICAL_RECORD;
        var later = MEDICAL_RECORD.as("later");
        return dsl.select(m.fields()).select(RESIDENT.NAME).from(m)
                .join(RESIDENT).on(RESIDENT.ID.eq(m.RESIDENT_ID))
                .join(RESIDENT_CURRENT_STATUS).on(RESIDENT_CURRENT_STATUS.RESIDENT_ID.eq(RESIDENT.ID))
                .where(m.NEXT_DUE.le(until)).and(m.VOIDED_AT.isNull())
                .and(RESIDENT_CURRENT_STATUS.STATUS.in(InCare.CODES))
                .andNotExists(DSL.selectOne().from(later).where(later.RESIDENT_ID.eq(m.RESIDENT_ID))
                        .and(later.KIND.eq(m.KIND)).and(later.TITLE.eq(m.TITLE)).and(later.VOIDED_AT.isNull())
                        .and(later.EVENT_DATE.gt(m.EVENT_DATE)))
                .fetch(r -> new OpenFollowUp(record(r.into(m)), r.get(RESIDENT.NAME)));
    }

    private static MedicalRecord record(MedicalRecordRecord r) {
        return new MedicalRecord(r.getId(), r.getResidentId(), MedicalRecord.Kind.valueOf(r.getKind()),
                r.getEventDate(), r.getTitle(), r.getDetail(),
                r.getFunding() == null ? null : MedicalRecord.Funding.valueOf(r.getFunding()), r.getNextDue(),
                r.getCreatedBy(), r.getVoidedAt() != null, r.getVoidedReason());
    }
}
