package org.huyou.care.daily;

import static org.huyou.db.generated.Tables.DAILY_CARE_LOG;
import static org.huyou.db.generated.Tables.RESIDENT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.huyou.care.daily.DailyCareChoices.Hygiene;
import org.huyou.care.daily.DailyCareChoices.Meals;
import org.huyou.care.daily.DailyCareChoices.Mood;
import org.huyou.care.daily.DailyCareChoices.Shift;
import org.huyou.care.daily.DailyCareChoices.Sleep;
import org.huyou.db.BulkInsert;
import org.huyou.db.KeysetConditions;
import org.huyou.db.Voidable;
import org.huyou.db.Voiding;
import org.huyou.db.generated.tables.records.DailyCareLogRecord;
import org.jooq.DSLContext;

/** Daily care log entries. */
public final class DailyCareRepository {

    private final DSLContext dsl;

    public DailyCareRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(DailyLogEntry e, String actor, LocalDateTime now) {
        var d = DAILY_CARE_LOG;
        return dsl.insertInto(d).set(record(e, actor, now)).returning(d.ID).fetchOne(d.ID);
    }

    /**
     * Many entries in one batch (the demo's two months of shifts): one statement sent once, not a round trip per
     * row. {@code savedAt} gives each entry its own saving time.
     */
    public void insertAll(List<DailyLogEntry> entries, String actor, Function<DailyLogEntry, LocalDateTime> savedAt) {
        // record() sets every column, so each row has the same fields and one statement serves the batch
        BulkInsert.insert(
                dsl,
                entries.stream().map(e -> record(e, actor, savedAt.apply(e))).toList());
    }

    private DailyCareLogRecord record(DailyLogEntry e, String actor, LocalDateTime now) {
        DailyCareLogRecord r = dsl.newRecord(DAILY_CARE_LOG);
        r.setResidentId(e.residentId());
        r.setLogDate(e.date());
        r.setShift(e.shift().name());
        r.setMeals(name(e.meals()));
        r.setSleep(name(e.sleep()));
        r.setHygiene(name(e.hygiene()));
        r.setMood(name(e.mood()));
        r.setEvents(e.events());
        r.setNote(e.note());
        r.setCreatedAt(now);
        r.setCreatedBy(actor);
        return r;
    }

    public Voidable voidable(String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, DAILY_CARE_LOG, actor, now);
    }

    /** The valid entries of some residents for one date and shift. */
    /**
     * Locks these children's rows until the transaction ends, in id order (two saves of overlapping groups take them
     * in the same order): a second save of the same shift waits, then sees the first one's entries and corrects them.
     */
    public void lockChildren(Collection<Long> residentIds) {
        if (!residentIds.isEmpty()) {
            dsl.select(RESIDENT.ID)
                    .from(RESIDENT)
                    .where(RESIDENT.ID.in(residentIds))
                    .orderBy(RESIDENT.ID)
                    .forUpdate()
                    .fetch();
        }
    }

    public List<DailyLogEntry> forShift(Collection<Long> residentIds, LocalDate date, Shift shift) {
        var d = DAILY_CARE_LOG;
        return dsl.selectFrom(d)
                .where(d.RESIDENT_ID.in(residentIds))
                .and(d.LOG_DATE.eq(date))
                .and(d.SHIFT.eq(shift.name()))
                .and(d.VOIDED_AT.isNull())
                .fetch(DailyCareRepository::entry);
    }

    /** Who last saved each of these children's entries of a shift, and when. */
    public Map<Long, DailyCareService.SavedStamp> savedStamps(
            Collection<Long> residentIds, LocalDate date, Shift shift) {
        var d = DAILY_CARE_LOG;
        Map<Long, DailyCareService.SavedStamp> out = new HashMap<>();
        dsl.select(d.RESIDENT_ID, d.CREATED_BY, d.CREATED_AT)
                .from(d)
                .where(d.RESIDENT_ID.in(residentIds))
                .and(d.LOG_DATE.eq(date))
                .and(d.SHIFT.eq(shift.name()))
                .and(d.VOIDED_AT.isNull())
                .forEach(r -> out.merge(
                        r.value1(),
                        new DailyCareService.SavedStamp(r.value2(), r.value3()),
                        (a, b) -> a.at().isAfter(b.at()) ? a : b));
        return out;
    }

    public List<DailyLogEntry> page(
            long residentId, LocalDate cDate, int sourceComparison, long cId, LocalDate from, LocalDate to, int limit) {
        var d = DAILY_CARE_LOG;
        return dsl.selectFrom(d)
                .where(d.RESIDENT_ID.eq(residentId))
                .and(KeysetConditions.after(d.LOG_DATE, d.ID, cDate, sourceComparison, cId))
                .and(KeysetConditions.between(d.LOG_DATE, from, to))
                .orderBy(KeysetConditions.newestFirst(d.RESIDENT_ID, d.LOG_DATE, d.ID))
                .limit(limit)
                .fetch(DailyCareRepository::entry);
    }

    /** Why an entry was voided, for the timeline. */
    public String voidReason(long id) {
        return dsl.select(DAILY_CARE_LOG.VOIDED_REASON)
                .from(DAILY_CARE_LOG)
                .where(DAILY_CARE_LOG.ID.eq(id))
                .fetchOne(DAILY_CARE_LOG.VOIDED_REASON);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String s) {
        return s == null ? null : Enum.valueOf(type, s);
    }

    private static DailyLogEntry entry(DailyCareLogRecord r) {
        return new DailyLogEntry(
                r.getId(),
                r.getResidentId(),
                r.getLogDate(),
                Shift.valueOf(r.getShift()),
                parse(Meals.class, r.getMeals()),
                parse(Sleep.class, r.getSleep()),
                parse(Hygiene.class, r.getHygiene()),
                parse(Mood.class, r.getMood()),
                r.getEvents(),
                r.getNote(),
                r.getCreatedBy(),
                r.getVoidedAt() != null);
    }
}
