package org.huyou.allowance;

import static org.huyou.db.generated.Tables.ALLOWANCE_CATEGORY_CHANGE;
import static org.huyou.db.generated.Tables.ALLOWANCE_STANDARD;
import static org.huyou.db.generated.Tables.RESIDENT;
import static org.huyou.db.generated.Tables.RESIDENT_STATUS_EVENT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huyou.db.Voidable;
import org.huyou.db.Voiding;
import org.huyou.residents.Category;
import org.huyou.residents.ResidentStatus;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Allowance standards, residents' category changes, and what the roll needs of the register. */
public final class AllowanceRepository {

    private final DSLContext dsl;

    public AllowanceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<StandardEntry> standards(boolean withVoided) {
        var s = ALLOWANCE_STANDARD;
        return dsl.selectFrom(s)
                .where(withVoided ? DSL.noCondition() : s.VOIDED_AT.isNull())
                .orderBy(s.REGION, s.CATEGORY, s.EFFECTIVE_FROM.desc())
                .fetch(r -> new StandardEntry(
                        r.getId(),
                        new Proration.Standard(
                                AllowanceCategory.valueOf(r.getCategory()),
                                r.getRegion(),
                                r.getEffectiveFrom(),
                                r.getMonthlyAmount()),
                        r.getSource(),
                        Voiding.trail(s, r)));
    }

    public long insertStandard(Proration.Standard st, String source, String actor, LocalDateTime now) {
        var s = ALLOWANCE_STANDARD;
        return dsl.insertInto(s)
                .set(s.CATEGORY, st.category().name())
                .set(s.REGION, st.region())
                .set(s.EFFECTIVE_FROM, st.effectiveFrom())
                .set(s.MONTHLY_AMOUNT, st.monthly())
                .set(s.SOURCE, source)
                .set(s.CREATED_AT, now)
                .set(s.CREATED_BY, actor)
                .returning(s.ID)
                .fetchOne(s.ID);
    }

    public Voidable voidableStandard(String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, ALLOWANCE_STANDARD, actor, now);
    }

    public long insertCategoryChange(
            long residentId, AllowanceCategory category, LocalDate from, String note, String actor, LocalDateTime now) {
        var c = ALLOWANCE_CATEGORY_CHANGE;
        return dsl.insertInto(c)
                .set(c.RESIDENT_ID, residentId)
                .set(c.CATEGORY, category.name())
                .set(c.EFFECTIVE_FROM, from)
                .set(c.NOTE, note)
                .set(c.CREATED_AT, now)
                .set(c.CREATED_BY, actor)
                .returning(c.ID)
                .fetchOne(c.ID);
    }

    public Voidable voidableCategoryChange(String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, ALLOWANCE_CATEGORY_CHANGE, actor, now);
    }

    public List<CategoryChange> categoryChanges(long residentId) {
        var c = ALLOWANCE_CATEGORY_CHANGE;
        return dsl.selectFrom(c)
                .where(c.RESIDENT_ID.eq(residentId))
                .orderBy(c.EFFECTIVE_FROM, c.ID)
                .fetch(r -> new CategoryChange(
                        r.getId(),
                        r.getResidentId(),
                        AllowanceCategory.valueOf(r.getCategory()),
                        r.getEffectiveFrom(),
                        r.getNote(),
                        Voiding.trail(c, r)));
    }

    public boolean residentExists(long residentId) {
        return dsl.fetchExists(RESIDENT, RESIDENT.ID.eq(residentId).and(RESIDENT.VOIDED_AT.isNull()));
    }

    /**
     * Everyone with a status history that starts by the month's last day, with that history (not voided, in order)
     * and their category changes: the roll works out the days in care from it. One query per table, not per resident.
     */
    public List<RollInput> rollInputs(LocalDate until) {
        var r = RESIDENT;
        var e = RESIDENT_STATUS_EVENT;
        Map<Long, RollInput> byResident = new LinkedHashMap<>();
        dsl.select(r.ID, r.RECORD_NO, r.NAME, r.ID_NUMBER, r.BIRTH_DATE, r.CATEGORY, e.STATUS, e.EVENT_DATE)
                .from(r)
                .join(e)
                .on(e.RESIDENT_ID.eq(r.ID))
                .where(r.VOIDED_AT.isNull())
                .and(e.VOIDED_AT.isNull())
                .and(e.EVENT_DATE.le(until))
                .orderBy(r.RECORD_NO, r.ID, e.EVENT_DATE, e.ID)
                .forEach(row -> byResident
                        .computeIfAbsent(
                                row.get(r.ID),
                                id -> new RollInput(
                                        id,
                                        row.get(r.RECORD_NO),
                                        row.get(r.NAME),
                                        row.get(r.ID_NUMBER),
                                        row.get(r.BIRTH_DATE),
                                        Category.valueOf(row.get(r.CATEGORY)),
                                        new ArrayList<>(),
                                        new ArrayList<>()))
                        .statuses()
                        .add(new RollInput.StatusOn(ResidentStatus.valueOf(row.get(e.STATUS)), row.get(e.EVENT_DATE))));
        var c = ALLOWANCE_CATEGORY_CHANGE;
        dsl.selectFrom(c)
                .where(c.VOIDED_AT.isNull())
                .and(c.EFFECTIVE_FROM.le(until))
                .orderBy(c.RESIDENT_ID, c.EFFECTIVE_FROM, c.ID)
                .forEach(row -> {
                    RollInput in = byResident.get(row.getResidentId());
                    if (in != null) {
                        in.changes()
                                .add(new RollInput.CategoryFrom(
                                        AllowanceCategory.valueOf(row.getCategory()), row.getEffectiveFrom()));
                    }
                });
        return new ArrayList<>(byResident.values());
    }
}
