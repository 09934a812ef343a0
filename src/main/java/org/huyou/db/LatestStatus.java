package org.huyou.db;

import static org.huyou.db.generated.Tables.RESIDENT_STATUS_EVENT;

import java.time.LocalDate;
import org.huyou.db.generated.tables.ResidentStatusEvent;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * A resident's status on a day as a column of a query over residents or their records: their latest status entry by
 * then that is not voided (same date: the later entry), looked up through the entries' index (resident, date, id) for
 * each resident the query reaches. The {@code resident_current_status} view instead works out every resident's status
 * (each entry checked for a later one): on 20 years of a home's register it read tens of thousands of entries for a
 * list of a few hundred (issue 31).
 */
public final class LatestStatus {

    private LatestStatus() {}

    /** The status by {@code day} (null: every entry counts), null for one with no entry by then. */
    public static Field<String> of(Field<Long> residentId, LocalDate day) {
        ResidentStatusEvent e = RESIDENT_STATUS_EVENT.as("latest_status");
        return DSL.field(DSL.select(e.STATUS)
                .from(e)
                .where(e.RESIDENT_ID.eq(residentId))
                .and(e.VOIDED_AT.isNull())
                .and(day == null ? DSL.noCondition() : e.EVENT_DATE.le(day))
                .orderBy(e.EVENT_DATE.desc(), e.ID.desc())
                .limit(1));
    }
}
