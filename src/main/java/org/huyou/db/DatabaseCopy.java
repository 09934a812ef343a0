package org.huyou.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.huyou.common.UserFacingException;
import org.huyou.db.generated.DefaultSchema;
import org.jooq.BatchBindStep;
import org.jooq.Cursor;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Copies every table of one home's database into another freshly migrated one, row for row with the same keys:
 * accounts, audit log and ledger chain included. Parents before children (a table's rows in key order, so the ledger's
 * reversals follow what they reverse), in one transaction of the target, so a failed copy leaves no half-moved home.
 */
public final class DatabaseCopy {

    private static final int BATCH = 1000;

    private DatabaseCopy() {
    }

    /** One table's rows in both databases after the copy. */
    public record TableCount(String table, long source, long target) {
        public boolean matches() {
            return source == target;
        }
    }

    /** The home's tables (not its views), parents first. */
    static List<Table<?>> tablesInOrder() {
        List<Table<?>> tables = DefaultSchema.DEFAULT_SCHEMA.getTables().stream()
                .filter(t -> t.getTableType().isTable()).toList();
        Set<Table<?>> ordered = new LinkedHashSet<>();
        for (Table<?> t : tables) {
            addWithParents(t, ordered, new LinkedHashSet<>());
        }
        return new ArrayList<>(ordered);
    }

    private static void addWithParents(Table<?> t, Set<Table<?>> ordered, Set<Table<?>> visiting) {
        if (ordered.contains(t) || !visiting.add(t)) {
            return;
        }
        for (ForeignKey<?, ?> fk : t.getReferences()) {
            Table<?> parent = fk.getKey().getTable();
            if (!parent.equals(t)) {
                addWithParents(parent, ordered, visiting);
            }
        }
        ordered.add(t);
    }

    /**
     * Copies all rows from {@code from} into {@code to}, which must hold no home yet (only what the migrations put
     * there, replaced by the source's rows), and returns both sides' counts per table.
     */
    public static List<TableCount> copy(Database from, Database to, Consumer<String> progress) {
        List<Table<?>> tables = tablesInOrder();
        to.transactions().inTransaction(() -> {
            if (to.dsl().fetchCount(DSL.table(DSL.name(name(to, "account")))) > 0) {
                throw new UserFacingException("server.homeExists", to.url());
            }
            List<Table<?>> reversed = new ArrayList<>(tables);
            Collections.reverse(reversed);
            for (Table<?> t : reversed) { // the migrations' seed rows (roles, funds, the ledger head) come from the source
                to.dsl().deleteFrom(t).execute();
            }
            for (Table<?> t : tables) {
                long rows = copyTable(from, to, t);
                progress.accept(t.getName().toLowerCase() + ": " + rows);
            }
            if (to.dsl().dialect() == SQLDialect.POSTGRES) {
                for (Table<?> t : tables) {
                    restartIdentity(to, t);
                }
            }
        });
        if (to.dsl().dialect() == SQLDialect.POSTGRES) {
            // The planner's statistics still describe the empty tables until autovacuum comes round: the first
            // hours' searches would read whole tables (a keystroke took half a second at 5,000 residents). VACUUM
            // marks the copied pages all-visible, so that lookups are answered from the indexes alone.
            to.dsl().execute("VACUUM ANALYZE");
        }
        List<TableCount> counts = new ArrayList<>();
        for (Table<?> t : tables) {
            counts.add(new TableCount(t.getName().toLowerCase(), from.dsl().fetchCount(t), to.dsl().fetchCount(t)));
        }
        return counts;
    }

    private static long copyTable(Database from, Database to, Table<?> t) {
        List<Field<?>> fields = Arrays.asList(t.fields());
        List<SortField<?>> order = new ArrayList<>();
        if (t.getPrimaryKey() != null) {
            for (Field<?> f : t.getPrimaryKey().getFields()) {
                order.add(f.asc());
            }
        }
        long n = 0;
        BatchBindStep batch = null;
        int pending = 0;
        try (Cursor<? extends Record> rows = from.dsl().selectFrom(t).orderBy(order).fetchSize(BATCH).fetchLazy()) {
            for (Record r : rows) {
                if (batch == null) {
                    batch = to.dsl().batch(to.dsl().insertInto(t, fields)
                            .values(Collections.nCopies(fields.size(), null)));
                }
                Object[] values = new Object[fields.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = r.get(fields.get(i));
                }
                batch.bind(values);
                n++;
                if (++pending == BATCH) {
                    batch.execute();
                    batch = null;
                    pending = 0;
                }
            }
        }
        if (batch != null) {
            batch.execute();
        }
        return n;
    }

    /** Identity columns carry on after the highest copied key (explicit keys do not move PostgreSQL's sequence). */
    private static void restartIdentity(Database to, Table<?> t) {
        if (t.getIdentity() == null) {
            return;
        }
        String table = t.getName().toLowerCase();
        String column = t.getIdentity().getField().getName().toLowerCase();
        // Names from the generated schema, still bound or quoted by jOOQ rather than written into the text.
        to.dsl().fetch("SELECT setval(pg_get_serial_sequence({0}, {1}), COALESCE((SELECT MAX({2}) FROM {3}), 0) + 1, "
                + "false)", DSL.val(table), DSL.val(column), DSL.name(column), DSL.name(table));
    }

    private static String name(Database db, String table) {
        return db.dsl().dialect() == SQLDialect.POSTGRES ? table : table.toUpperCase();
    }
}
