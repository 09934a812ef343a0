package org.huyou.care.medical;

import static org.huyou.db.generated.Tables.ALLERGY;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.huyou.db.KeysetConditions;
import org.huyou.db.Voidable;
import org.huyou.db.Voiding;
import org.huyou.db.generated.tables.records.AllergyRecord;
import org.jooq.DSLContext;

/** Allergies of residents. */
public final class AllergyRepository {

    private final DSLContext dsl;

    public AllergyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(
            long residentId,
            String substance,
            String drugClass,
            String reaction,
            Allergy.Severity severity,
            LocalDate noted,
            String actor,
            LocalDateTime now) {
        var a = ALLERGY;
        return dsl.insertInto(a)
                .set(a.RESIDENT_ID, residentId)
                .set(a.SUBSTANCE, substance)
                .set(a.DRUG_CLASS, drugClass)
                .set(a.REACTION, reaction)
                .set(a.SEVERITY, severity.name())
                .set(a.NOTED_ON, noted)
                .set(a.CREATED_AT, now)
                .set(a.CREATED_BY, actor)
                .returning(a.ID)
                .fetchOne(a.ID);
    }

    public Voidable voidable(String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, ALLERGY, actor, now);
    }

    public List<Allergy> current(long residentId) {
        var a = ALLERGY;
        return dsl.selectFrom(a)
                .where(a.RESIDENT_ID.eq(residentId))
                .and(a.VOIDED_AT.isNull())
                .orderBy(a.NOTED_ON)
                .fetch(AllergyRepository::allergy);
    }

    /** The current allergies of several residents at once (the dose round), by resident. */
    public Map<Long, List<Allergy>> current(Collection<Long> residentIds) {
        var a = ALLERGY;
        if (residentIds.isEmpty()) {
            return Map.of();
        }
        return dsl.selectFrom(a)
                .where(a.RESIDENT_ID.in(residentIds))
                .and(a.VOIDED_AT.isNull())
                .orderBy(a.NOTED_ON, a.ID)
                .fetchGroups(a.RESIDENT_ID, AllergyRepository::allergy);
    }

    private static Allergy allergy(AllergyRecord r) {
        return new Allergy(
                r.getId(),
                r.getResidentId(),
                r.getSubstance(),
                r.getDrugClass(),
                r.getReaction(),
                Allergy.Severity.valueOf(r.getSeverity()),
                r.getNotedOn(),
                r.getCreatedBy(),
                r.getVoidedAt() != null);
    }

    public List<Allergy> page(
            long residentId, LocalDate cDate, int sourceComparison, long cId, LocalDate from, LocalDate to, int limit) {
        var a = ALLERGY;
        return dsl.selectFrom(a)
                .where(a.RESIDENT_ID.eq(residentId))
                .and(KeysetConditions.after(a.NOTED_ON, a.ID, cDate, sourceComparison, cId))
                .and(KeysetConditions.between(a.NOTED_ON, from, to))
                .orderBy(KeysetConditions.newestFirst(a.RESIDENT_ID, a.NOTED_ON, a.ID))
                .limit(limit)
                .fetch(AllergyRepository::allergy);
    }
}
