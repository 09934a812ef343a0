package org.huyou.care.medical;

import static org.huyou.db.generated.Tables.GROWTH_MEASUREMENT;
import static org.huyou.db.generated.Tables.MEDICATION_ADMINISTRATION;
import static org.huyou.db.generated.Tables.MEDICATION_ORDER;
import static org.huyou.db.generated.Tables.MEDICATION_ORDER_OVERRIDE_ALLERGY;
import static org.huyou.db.generated.Tables.RESIDENT;
import static org.huyou.db.generated.Tables.RESIDENT_CURRENT_STATUS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.huyou.db.ResidentNames;
import org.huyou.db.Voidable;
import org.huyou.db.Voiding;
import org.huyou.db.generated.tables.records.MedicationOrderRecord;
import org.huyou.residents.InCare;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record12;
import org.jooq.SelectOnConditionStep;

/** Medication orders and administrations. */
public final class MedicationRepository {

    private final DSLContext dsl;

    public MedicationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The child's latest valid weight from the growth records, for the dose limits per kg. */
    public Optional<BigDecimal> latestWeightKg(long residentId) {
        var g = GROWTH_MEASUREMENT;
        return dsl.select(g.WEIGHT_KG)
                .from(g)
                .where(g.RESIDENT_ID.eq(residentId))
                .and(g.VOIDED_AT.isNull())
                .and(g.WEIGHT_KG.isNotNull())
                .orderBy(g.MEASURED_ON.desc(), g.ID.desc())
                .limit(1)
                .fetchOptional(g.WEIGHT_KG);
    }

    /** Inserts the order and the allergies its override covers (call inside a transaction). */
    public long insertOrder(Medication.Order o, String actor, LocalDateTime now) {
        var m = MEDICATION_ORDER;
        long id = dsl.insertInto(m)
                .set(m.RESIDENT_ID, o.residentId())
                .set(m.DRUG, o.drug())
                .set(m.DOSE, o.dose())
                .set(m.TIMES_OF_DAY, Medication.formatTimes(o.times()))
                .set(m.START_DATE, o.start())
                .set(m.END_DATE, o.end())
                .set(m.NOTE, o.note())
                .set(m.INGREDIENT, o.ingredient())
                .set(m.DRUG_CLASS, o.drugClass())
                .set(m.ALLERGY_OVERRIDE, o.allergyOverride())
                .set(m.DOSE_OVERRIDE, o.doseOverride())
                .set(m.CREATED_AT, now)
                .set(m.CREATED_BY, actor)
                .returning(m.ID)
                .fetchOne(m.ID);
        var c = MEDICATION_ORDER_OVERRIDE_ALLERGY;
        for (long allergyId : o.overrideCovers()) {
            dsl.insertInto(c).set(c.ORDER_ID, id).set(c.ALLERGY_ID, allergyId).execute();
        }
        return id;
    }

    public Voidable voidableOrder(String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, MEDICATION_ORDER, actor, now);
    }

    /** Locks the order's row until the transaction ends, so that two PCs cannot both record one of its doses. */
    public void lockOrder(long id) {
        dsl.select(MEDICATION_ORDER.ID)
                .from(MEDICATION_ORDER)
                .where(MEDICATION_ORDER.ID.eq(id))
                .forUpdate()
                .fetch();
    }

    public Optional<Medication.Order> order(long id) {
        var m = MEDICATION_ORDER;
        return withCovers(dsl.selectFrom(m).where(m.ID.eq(id)).fetch()).stream().findFirst();
    }

    public List<Medication.Order> orders(long residentId) {
        var m = MEDICATION_ORDER;
        return withCovers(dsl.selectFrom(m)
                .where(m.RESIDENT_ID.eq(residentId))
                .orderBy(m.START_DATE.desc(), m.ID.desc())
                .fetch());
    }

    /** Valid orders active on any day of [from, to], for residents in care, with the residents' names. */
    public Map<Medication.Order, String> activeOrders(LocalDate from, LocalDate to) {
        var m = MEDICATION_ORDER;
        var rows = ResidentNames.selectWithStatus(dsl, m, m.RESIDENT_ID)
                .where(m.VOIDED_AT.isNull())
                .and(m.START_DATE.le(to))
                .and(m.END_DATE.isNull().or(m.END_DATE.ge(from)))
                .and(RESIDENT_CURRENT_STATUS.STATUS.in(InCare.CODES))
                .fetch();
        Map<Long, Set<Long>> covers = covers(rows.stream()
                .filter(r -> r.get(m.ALLERGY_OVERRIDE) != null)
                .map(r -> r.get(m.ID))
                .toList());
        Map<Medication.Order, String> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(order(r.into(m), covers), r.get(RESIDENT.NAME)));
        return out;
    }

    private List<Medication.Order> withCovers(List<MedicationOrderRecord> rows) {
        Map<Long, Set<Long>> covers = covers(rows.stream()
                .filter(r -> r.getAllergyOverride() != null)
                .map(MedicationOrderRecord::getId)
                .toList());
        return rows.stream().map(r -> order(r, covers)).toList();
    }

    /** The allergy ids each of these orders' overrides covers (only overridden orders have any). */
    private Map<Long, Set<Long>> covers(List<Long> orderIds) {
        Map<Long, Set<Long>> out = new HashMap<>();
        if (!orderIds.isEmpty()) {
            var c = MEDICATION_ORDER_OVERRIDE_ALLERGY;
            dsl.select(c.ORDER_ID, c.ALLERGY_ID)
                    .from(c)
                    .where(c.ORDER_ID.in(orderIds))
                    .forEach(r -> out.computeIfAbsent(r.value1(), k -> new HashSet<>())
                            .add(r.value2()));
        }
        return out;
    }

    public long insertAdministration(
            long orderId,
            LocalDateTime scheduledFor,
            Medication.Outcome outcome,
            String note,
            String actor,
            LocalDateTime now) {
        var a = MEDICATION_ADMINISTRATION;
        return dsl.insertInto(a)
                .set(a.ORDER_ID, orderId)
                .set(a.SCHEDULED_FOR, scheduledFor)
                .set(a.OUTCOME, outcome.name())
                .set(a.NOTE, note)
                .set(a.RECORDED_AT, now)
                .set(a.RECORDED_BY, actor)
                .returning(a.ID)
                .fetchOne(a.ID);
    }

    /** The (order, scheduled time) pairs already dealt with in a period. */
    public Set<String> recordedSlots(LocalDateTime from, LocalDateTime to) {
        var a = MEDICATION_ADMINISTRATION;
        Set<String> out = new HashSet<>();
        dsl.select(a.ORDER_ID, a.SCHEDULED_FOR)
                .from(a)
                .where(a.VOIDED_AT.isNull())
                .and(a.SCHEDULED_FOR.between(from, to))
                .forEach(r -> out.add(slot(r.value1(), r.value2())));
        return out;
    }

    /** One administration row, voided or not. */
    public Optional<Medication.Administration> administration(long id) {
        var a = MEDICATION_ADMINISTRATION;
        return administrationQuery().where(a.ID.eq(id)).fetchOptional(MedicationRepository::administration);
    }

    public Voidable voidableAdministration(String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, MEDICATION_ADMINISTRATION, actor, now);
    }

    public static String slot(long orderId, LocalDateTime when) {
        return orderId + "@" + when;
    }

    /** A resident's administration record, newest first, voided entries included (marked). */
    public List<Medication.Administration> administrations(long residentId, int limit) {
        var a = MEDICATION_ADMINISTRATION;
        var m = MEDICATION_ORDER;
        return administrationQuery()
                .where(m.RESIDENT_ID.eq(residentId))
                .orderBy(a.SCHEDULED_FOR.desc(), a.ID.desc())
                .limit(limit)
                .fetch(MedicationRepository::administration);
    }

    private SelectOnConditionStep<
                    Record12<
                            Long,
                            Long,
                            String,
                            String,
                            LocalDateTime,
                            String,
                            String,
                            LocalDateTime,
                            String,
                            LocalDateTime,
                            String,
                            String>>
            administrationQuery() {
        var a = MEDICATION_ADMINISTRATION;
        var m = MEDICATION_ORDER;
        return dsl.select(
                        a.ID,
                        a.ORDER_ID,
                        m.DRUG,
                        m.DOSE,
                        a.SCHEDULED_FOR,
                        a.OUTCOME,
                        a.NOTE,
                        a.RECORDED_AT,
                        a.RECORDED_BY,
                        a.VOIDED_AT,
                        a.VOIDED_REASON,
                        m.DOSE_OVERRIDE)
                .from(a)
                .join(m)
                .on(m.ID.eq(a.ORDER_ID));
    }

    private static Medication.Administration administration(Record r) {
        var a = MEDICATION_ADMINISTRATION;
        var m = MEDICATION_ORDER;
        return new Medication.Administration(
                r.get(a.ID),
                r.get(a.ORDER_ID),
                r.get(m.DRUG),
                r.get(m.DOSE),
                r.get(a.SCHEDULED_FOR),
                Medication.Outcome.valueOf(r.get(a.OUTCOME)),
                r.get(a.NOTE),
                r.get(a.RECORDED_AT),
                r.get(a.RECORDED_BY),
                r.get(a.VOIDED_AT) != null,
                r.get(a.VOIDED_REASON),
                r.get(m.DOSE_OVERRIDE));
    }

    private static Medication.Order order(MedicationOrderRecord r, Map<Long, Set<Long>> covers) {
        return new Medication.Order(
                r.getId(),
                r.getResidentId(),
                r.getDrug(),
                r.getDose(),
                Medication.parseTimes(r.getTimesOfDay()),
                r.getStartDate(),
                r.getEndDate(),
                r.getNote(),
                r.getCreatedBy(),
                r.getVoidedAt() != null,
                r.getIngredient(),
                r.getDrugClass(),
                r.getAllergyOverride(),
                covers.getOrDefault(r.getId(), Set.of()),
                r.getDoseOverride());
    }
}
