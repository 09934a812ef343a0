package org.huyou.db;

import java.time.LocalDateTime;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The void statement every care table shares (voided_at, voided_by, voided_reason, and version where the table has
 * one): a row is marked, never deleted, and a row already void stays as it was.
 */
public final class Voiding {

    private Voiding() {
    }

    /** True when the row was marked now; false when it does not exist or was already void. */
    public static boolean voidRow(DSLContext dsl, Table<?> table, long id, String reason, String actor,
                                  LocalDateTime now) {
        Field<Long> idField = table.field("ID", Long.class);
        Field<LocalDateTime> voidedAt = table.field("VOIDED_AT", LocalDateTime.class);
        var update = dsl.update(table).set(voidedAt, now).set(table.field("VOIDED_BY", String.class), actor)
                .set(table.field("VOIDED_REASON", String.class), reason);
        Field<Integer> version = table.field("VERSION", Integer.class);
        if (version != null) {
            update = update.set(version, version.plus(1));
        }
        return update.where(idField.eq(id)).and(voidedAt.isNull()).execute() == 1;
    }
}
