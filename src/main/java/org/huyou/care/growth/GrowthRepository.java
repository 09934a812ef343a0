package org.huyou.care.growth;

import static org.huyou.db.generated.Tables.GROWTH_MEASUREMENT;
import static org.huyou.db.generated.Tables.RESIDENT;
import static org.huyou.db.generated.Tables.RESIDENT_CURRENT_STATUS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.huyou.db.BulkInsert;
import org.huyou.db.KeysetConditions;
import org.huyou.db.Voidable;
import org.huyou.db.Voiding;
import org.huyou.db.generated.tables.records.GrowthMeasurementRecord;
import org.huyou.residents.InCare;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Growth measurements: insert, void, a resident's series, the latest of everyone in care. */
public final class GrowthRepository {

    private final DSLContext dsl;

    public GrowthRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A stored measurement, before z-scores. */
    public record Row(
            long id,
            long residentId,
            LocalDate date,
            BigDecimal heightCm,
            BigDecimal weightKg,
            BigDecimal headCm,
            String note,
            String createdBy,
            LocalDateTime voidedAt,
            String voidedBy,
            String voidReason) {}

    public long insert(
            long residentId,
            LocalDate date,
            BigDecimal height,
            BigDecimal weight,
            BigDecimal head,
            String note,
            String actor,
            LocalDateTime now) {
        var g = GROWTH_MEASUREMENT;
        return dsl.insertInto(g)
                .set(record(new Row(0, residentId, date, height, weight, head, note, actor, null, null, null), now))
                .returning(g.ID)
                .fetchOne(g.ID);
    }

    /** Many measurements as one batch (the demo's two years of quarterly ones), each by its {@code createdBy}. */
    public void insertAll(List<Row> rows, LocalDateTime now) {
        BulkInsert.insert(dsl, rows.stream().map(r -> record(r, now)).toList());
    }

    private GrowthMeasurementRecord record(Row m, LocalDateTime now) {
        GrowthMeasurementRecord r = dsl.newRecord(GROWTH_MEASUREMENT);
        r.setResidentId(m.residentId());
        r.setMeasuredOn(m.date());
        r.setHeightCm(m.heightCm());
        r.setWeightKg(m.weightKg());
        r.setHeadCm(m.headCm());
        r.setNote(m.note());
        r.setCreatedAt(now);
        r.setCreatedBy(m.createdBy());
        return r;
    }

    public Voidable voidable(String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, GROWTH_MEASUREMENT, actor, now);
    }

    public Optional<Row> find(long id) {
        return dsl.selectFrom(GROWTH_MEASUREMENT)
                .where(GROWTH_MEASUREMENT.ID.eq(id))
                .fetchOptional(GrowthRepository::row);
    }

    /** A resident's measurements, oldest first, voided included (a child's series is a few hundred rows at most). */
    public List<Row> series(long residentId) {
        var g = GROWTH_MEASUREMENT;
        return dsl.selectFrom(g)
                .where(g.RESIDENT_ID.eq(residentId))
                .orderBy(g.MEASURED_ON, g.ID)
                .fetch(GrowthRepository::row);
    }

    /** For the timeline: a page after the cursor. */
    public List<Row> page(
            long residentId, LocalDate cDate, int sourceComparison, long cId, LocalDate from, LocalDate to, int limit) {
        var g = GROWTH_MEASUREMENT;
        return dsl.selectFrom(g)
                .where(g.RESIDENT_ID.eq(residentId))
                .and(KeysetConditions.after(g.MEASURED_ON, g.ID, cDate, sourceComparison, cId))
                .and(KeysetConditions.between(g.MEASURED_ON, from, to))
                .orderBy(KeysetConditions.newestFirst(g.RESIDENT_ID, g.MEASURED_ON, g.ID))
                .limit(limit)
                .fetch(GrowthRepository::row);
    }

    /** The latest valid measurement of every resident now in care, with name, sex and birth date. */
    public List<Latest> latestOfResidentsInCare() {
        var g = GROWTH_MEASUREMENT;
        var n = GROWTH_MEASUREMENT.as("n");
        // Each resident in care, then their newest measurement's key from ix_growth_latest (migration 45): one index
        // entry each, where a NOT EXISTS over the newer ones read every measurement of the home. The ORDER BY names
        // the index's leading columns too (constant here) so that H2 sees the index as sorted and stops at the first.
        Field<Long> latestId = DSL.field(DSL.select(n.ID)
                        .from(n)
                        .where(n.RESIDENT_ID.eq(RESIDENT.ID))
                        .and(n.VOIDED_AT.isNull())
                        .orderBy(n.RESIDENT_ID, n.VOIDED_AT, n.MEASURED_ON.desc(), n.ID.desc())
                        .limit(1))
                .as("latest_id");
        Table<?> inCare = DSL.select(RESIDENT.NAME, RESIDENT.GENDER, RESIDENT.BIRTH_DATE, latestId)
                .from(RESIDENT)
                .join(RESIDENT_CURRENT_STATUS)
                .on(RESIDENT_CURRENT_STATUS.RESIDENT_ID.eq(RESIDENT.ID))
                .where(RESIDENT.VOIDED_AT.isNull())
                .and(RESIDENT_CURRENT_STATUS.STATUS.in(InCare.CODES))
                .asTable("in_care");
        var name = inCare.field(RESIDENT.NAME);
        var gender = inCare.field(RESIDENT.GENDER);
        var birth = inCare.field(RESIDENT.BIRTH_DATE);
        return dsl.select(g.RESIDENT_ID, name, gender, birth, g.MEASURED_ON, g.HEIGHT_CM, g.WEIGHT_KG, g.HEAD_CM)
                .from(inCare)
                .join(g)
                .on(g.ID.eq(inCare.field(latestId)))
                .fetch(Records.mapping(Latest::new));
    }

    /** A resident's latest measurement with what the z-scores need. */
    public record Latest(
            long residentId,
            String name,
            String gender,
            LocalDate birthDate,
            LocalDate date,
            BigDecimal heightCm,
            BigDecimal weightKg,
            BigDecimal headCm) {}

    private static Row row(GrowthMeasurementRecord r) {
        return new Row(
                r.getId(),
                r.getResidentId(),
                r.getMeasuredOn(),
                r.getHeightCm(),
                r.getWeightKg(),
                r.getHeadCm(),
                r.getNote(),
                r.getCreatedBy(),
                r.getVoidedAt(),
                r.getVoidedBy(),
                r.getVoidedReason());
    }
}
