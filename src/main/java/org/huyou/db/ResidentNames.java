package org.huyou.db;

import static org.huyou.db.generated.Tables.RESIDENT;
import static org.huyou.db.generated.Tables.RESIDENT_CURRENT_STATUS;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.Table;

/**
 * A table's rows with the name of the resident each is of beside them ({@code RESIDENT.NAME}), the join the lists
 * across residents share (reminders, outstanding reports, applications to approve, papers running out).
 */
public final class ResidentNames {

    private ResidentNames() {}

    /** All of the table's columns and the resident's name, joined on the row's resident. */
    public static SelectOnConditionStep<Record> select(DSLContext dsl, Table<?> table, Field<Long> residentId) {
        return dsl.select(table.fields())
                .select(RESIDENT.NAME)
                .from(table)
                .join(RESIDENT)
                .on(RESIDENT.ID.eq(residentId));
    }

    /** As {@link #select}, joined to the resident's current status as well, for a condition on it (in care). */
    public static SelectOnConditionStep<Record> selectWithStatus(
            DSLContext dsl, Table<?> table, Field<Long> residentId) {
        return select(dsl, table, residentId)
                .join(RESIDENT_CURRENT_STATUS)
                .on(RESIDENT_CURRENT_STATUS.RESIDENT_ID.eq(RESIDENT.ID));
    }
}
