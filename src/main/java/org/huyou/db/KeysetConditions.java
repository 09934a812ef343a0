package org.huyou.db;

import java.time.LocalDate;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Keyset paging over (date desc, group desc, id desc) where one query's rows all share one group: the condition
 * for rows strictly after the position (date, group, id). Used by timeline sources, one group per care domain.
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
        return date.lt(cursorDate).or(date.eq(cursorDate).and(id.lt(cursorId)));
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
