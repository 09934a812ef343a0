package org.huyou.db;

import java.time.LocalDateTime;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.UpdateSetMoreStep;

/**
 * The end of an update made at the version the user saw (updated_at, updated_by, version and the row not voided), for
 * the tables that carry those columns: the row changes only if nobody changed or voided it meanwhile.
 */
public final class Versioned {

    private Versioned() {}

    /**
     * Stamps who changed the row and when, moves its version on and runs {@code update} on the row {@code id} at
     * {@code version}; false when someone changed or voided it meanwhile (or it does not exist).
     */
    public static <R extends Record> boolean update(
            UpdateSetMoreStep<R> update, Table<R> table, long id, int version, String actor, LocalDateTime now) {
        Field<Integer> v = Voiding.column(table, "VERSION", Integer.class);
        return update.set(Voiding.column(table, "UPDATED_AT", LocalDateTime.class), now)
                        .set(Voiding.column(table, "UPDATED_BY", String.class), actor)
                        .set(v, v.plus(1))
                        .where(Voiding.column(table, "ID", Long.class).eq(id))
                        .and(v.eq(version))
                        .and(Voiding.column(table, "VOIDED_AT", LocalDateTime.class)
                                .isNull())
                        .execute()
                == 1;
    }
}
