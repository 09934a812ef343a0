package org.huyou.db;

import java.time.LocalDateTime;
import java.util.Locale;
import org.huyou.common.EntryTrail;
import org.huyou.common.HiddenCharacters;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The one void statement of every table that voids (voided_at, voided_by, voided_reason, and version where the table
 * has one): a row is marked, never deleted, and a row already void stays as it was. Repositories pass the generated
 * table itself, never its name; a source-scan test keeps them from writing the statement by hand.
 */
public final class Voiding {

    private Voiding() {}

    /** True when the row was marked now; false when it does not exist or was already void. */
    public static boolean voidRow(
            DSLContext dsl, Table<?> table, long id, String reason, String actor, LocalDateTime now) {
        // every void's reason passes here, whichever service took it: none is stored to show spoofed
        HiddenCharacters.checkReason(reason);
        Field<Long> idField = column(table, "ID", Long.class);
        Field<LocalDateTime> voidedAt = column(table, "VOIDED_AT", LocalDateTime.class);
        var update = dsl.update(table)
                .set(voidedAt, now)
                .set(column(table, "VOIDED_BY", String.class), actor)
                .set(column(table, "VOIDED_REASON", String.class), reason);
        Field<Integer> version = table.field("VERSION", Integer.class);
        if (version != null) {
            update = update.set(version, version.plus(1));
        }
        return update.where(idField.eq(id)).and(voidedAt.isNull()).execute() == 1;
    }

    /** The table's rows to void by {@code actor} at {@code now}, for a service to void and audit as one. */
    public static Voidable voidable(DSLContext dsl, Table<?> table, String actor, LocalDateTime now) {
        return new Voidable(auditName(table), (id, reason) -> voidRow(dsl, table, id, reason, actor, now));
    }

    /** The name the audit log gives the table's rows: its SQL name in lower case, as the migrations spell it. */
    public static String auditName(Table<?> table) {
        return table.getName().toLowerCase(Locale.ROOT);
    }

    /** The row's trail as the void columns and the created_by/created_at beside them record it. */
    public static EntryTrail trail(Table<?> table, Record row) {
        return new EntryTrail(
                row.get(column(table, "CREATED_BY", String.class)),
                row.get(column(table, "CREATED_AT", LocalDateTime.class)),
                row.get(column(table, "VOIDED_BY", String.class)),
                row.get(column(table, "VOIDED_AT", LocalDateTime.class)),
                row.get(column(table, "VOIDED_REASON", String.class)));
    }

    /** True when the table has the columns a void needs (a schema test checks every table with voided_at). */
    public static boolean canVoid(Table<?> table) {
        return table.field("ID") != null
                && table.field("VOIDED_AT") != null
                && table.field("VOIDED_BY") != null
                && table.field("VOIDED_REASON") != null;
    }

    /** The table's column of that name, which a void (or a versioned update) needs it to have. */
    static <T> Field<T> column(Table<?> table, String name, Class<T> type) {
        Field<T> field = table.field(name, type);
        if (field == null) {
            // A programming error (a table without the void columns), found by the first test that voids it.
            throw new IllegalArgumentException(table.getName() + " has no column " + name);
        }
        return field;
    }
}
