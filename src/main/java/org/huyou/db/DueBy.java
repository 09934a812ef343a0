package org.huyou.db;

import java.time.LocalDate;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * "Due on or before a day" on a date that is mostly empty (a follow-up, a paper's valid-until), written as a range
 * closed below. Open below, H2 priced the date's index like a scan and started from the residents instead, reading
 * every record of the home (issue 31); closed, it starts from the few dated rows. The bound is before any date the
 * app records (and late enough that JDBC's calendar conversions leave it alone).
 */
public final class DueBy {

    /** Earlier than any follow-up or validity a children's home enters. */
    public static final LocalDate EARLIEST = LocalDate.of(1600, 1, 1);

    private DueBy() {}

    public static Condition dueBy(Field<LocalDate> date, LocalDate until) {
        return date.between(EARLIEST, until);
    }
}
