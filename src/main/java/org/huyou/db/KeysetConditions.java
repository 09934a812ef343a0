package org.huyou.db;

import java.time.LocalDate;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * Keyset paging over (date desc, group desc, id desc) where one query's rows all share one group: the condition
 * for rows strictly after the position (date, group, id). Used by timeline sources, one group per care domain.
 *
 * <p>Each source's table has an index (resident, date), and its page is ordered by {@link #newestFirst}: H2 reads a
 * page from that index backwards only when the ORDER BY names the index's columns from the first, the resident
 * included though it is fixed; ordered by date and id alone, it read and sorted every entry of the resident (17,001
 * for the long-stay child's daily log) to return a hundred. The cursor's date is a range on the same index
 * ({@code date <= d}), so a later page starts where the one before ended.
 */
public final class KeysetConditions {

    private KeysetConditions() {}

    /**
     * {@code groupComparison} is the rows' group compared with the position's group: below it, rows of the same date
     * come after the position; above it, only earlier dates do; the same group continues by id.
     */
    public static Condition after(
            Field<LocalDate> date, Field<Long> id, LocalDate cursorDate, int groupComparison, long cursorId) {
        if (groupComparison < 0) {
            return date.le(cursorDate);
        }
        if (groupComparison > 0) {
            return date.lt(cursorDate);
        }
        // (date < d) or (date = d and id < i), written so that date <= d bounds the index range
        return date.le(cursorDate).and(date.lt(cursorDate).or(id.lt(cursorId)));
    }

    /** The order of a resident's page, newest first, led by the resident so that its (resident, date) index serves it. */
    public static SortField<?>[] newestFirst(Field<Long> resident, Field<LocalDate> date, Field<Long> id) {
        return new SortField<?>[] {resident.desc(), date.desc(), id.desc()};
    }

    /** Rows within [from, to] when given. */
    public static Condition between(Field<LocalDate> date, LocalDate from, LocalDate to) {
        Condition c = DSL.noCondition();
        if (from != null) {
            c = c.and(date.ge(from));
        }
        if (to != null) {
            c = c.and(date.le(to));
        }
        return c;
    }
}
