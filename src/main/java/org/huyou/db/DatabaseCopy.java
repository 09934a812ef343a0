package org.huyou.db;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.huyou.common.UserFacingException;
import org.huyou.db.generated.DefaultSchema;
import org.jooq.BatchBindStep;
import org.jooq.Binding;
import org.jooq.Condition;
import org.jooq.Converter;
import org.jooq.Cursor;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Copies every table of one home's database into another freshly migrated one, row for row with the same keys:
 * accounts, audit log and ledger chain included. Parents before children (a table's rows in key order, so the ledger's
 * reversals follow what they reverse), in one transaction of the target, so a failed copy leaves no half-moved home.
 */
public final class DatabaseCopy {

    private static final int BATCH = 1000;

    private DatabaseCopy() {}

    /** One table's rows in both databases after the copy. */
    public record TableCount(String table, long source, long target) {
        public boolean matches() {
            return source == target;
        }
    }

    /** The home's tables (not its views), parents first. */
    static List<Table<?>> tablesInOrder() {
        List<Table<?>> tables = DefaultSchema.DEFAULT_SCHEMA.getTables().stream()
                .filter(t -> t.getTableType().isTable())
                .toList();
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
            for (Table<?> t :
                    reversed) { // the migrations' seed rows (roles, funds, the ledger head) come from the source
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
            counts.add(new TableCount(
                    t.getName().toLowerCase(),
                    from.dsl().fetchCount(t),
                    to.dsl().fetchCount(t)));
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
        if (t.getPrimaryKey() != null && fields.stream().anyMatch(DatabaseCopy::binaryLob)) {
            return copyStreaming(from, to, t, fields, order);
        }
        long n = 0;
        BatchBindStep batch = null;
        int pending = 0;
        try (Cursor<? extends Record> rows =
                from.dsl().selectFrom(t).orderBy(order).fetchSize(BATCH).fetchLazy()) {
            for (Record r : rows) {
                if (batch == null) {
                    batch = to.dsl()
                            .batch(to.dsl().insertInto(t, fields).values(Collections.nCopies(fields.size(), null)));
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

    /** A column of bytes kept as a LOB (a document's content, a photo): BLOB on H2, bytea on PostgreSQL. */
    private static boolean binaryLob(Field<?> f) {
        return f.getType() == byte[].class && f.getDataType().isLob();
    }

    /** A LOB's bytes as a stream of known length: bound with setBinaryStream, so no driver holds it whole. */
    private record LobStream(InputStream in, long length) {}

    /** The bind of a {@link LobStream}: a plain parameter, its stream handed to the driver with its length. */
    private static final DataType<LobStream> LOB_STREAM = SQLDataType.BLOB.asConvertedDataType(Binding.of(
            Converter.ofNullable(
                    byte[].class,
                    LobStream.class,
                    bytes -> {
                        throw new UnsupportedOperationException("a LOB stream is only bound, never read back");
                    },
                    stream -> {
                        throw new UnsupportedOperationException("a LOB stream is bound as a stream");
                    }),
            sql -> sql.render().sql("?"),
            get -> {
                throw new UnsupportedOperationException("a LOB stream is only bound, never read back");
            },
            set -> {
                try {
                    set.statement()
                            .setBinaryStream(
                                    set.index(), set.value().in(), set.value().length());
                } catch (SQLException e) {
                    throw new DataAccessException(e.getMessage(), e);
                }
            }));

    /**
     * A table holding LOBs (a child's documents, up to 50 MB each), row by row: its other columns and each LOB's
     * length are read through a cursor, then each LOB is read as a stream from the source and written as a stream
     * into the target's insert (JDBC getBinaryStream / setBinaryStream), so no content is ever whole in memory, nor
     * a batch of them. PostgreSQL's driver sends a stream of known length as it reads it.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static long copyStreaming(
            Database from, Database to, Table<?> t, List<Field<?>> fields, List<SortField<?>> order) {
        List<Field<?>> keys =
                t.getPrimaryKey().getFields().stream().<Field<?>>map(f -> f).toList();
        List<Field<?>> selected = new ArrayList<>();
        Map<Field<?>, Field<Integer>> lengths = new HashMap<>();
        for (Field<?> f : fields) {
            if (binaryLob(f)) {
                Field<Integer> length = DSL.octetLength((Field) f).as(f.getName() + "_length");
                lengths.put(f, length);
                selected.add(length);
            } else {
                selected.add(f);
            }
        }
        long n = 0;
        try (Cursor<Record> rows = from.dsl()
                .select(selected)
                .from(t)
                .orderBy(order)
                .fetchSize(BATCH)
                .fetchLazy()) {
            for (Record r : rows) {
                Condition row = DSL.and(
                        keys.stream().map(k -> ((Field<Object>) k).eq(r.get(k))).toList());
                List<ResultSet> open = new ArrayList<>();
                try {
                    List<Field<?>> values = new ArrayList<>(fields.size());
                    for (Field<?> f : fields) {
                        if (!binaryLob(f)) {
                            values.add(DSL.val(r.get(f), (Field<Object>) f));
                            continue;
                        }
                        Number length = r.get(lengths.get(f));
                        if (length == null) {
                            values.add(DSL.val(null, (Field<Object>) f));
                            continue;
                        }
                        ResultSet lob = from.dsl().select(f).from(t).where(row).fetchResultSet();
                        open.add(lob);
                        if (!lob.next()) {
                            throw new IllegalStateException(t.getName() + ": a row went away during the copy");
                        }
                        values.add(DSL.val(new LobStream(lob.getBinaryStream(1), length.longValue()), LOB_STREAM));
                    }
                    to.dsl().insertInto(t, fields).values(values).execute();
                } catch (SQLException e) {
                    throw new DataAccessException(t.getName() + ": " + e.getMessage(), e);
                } finally {
                    for (ResultSet lob : open) {
                        try {
                            lob.close();
                        } catch (SQLException ignored) {
                            // the read is over; closing the cursor releases the rest
                        }
                    }
                }
                n++;
            }
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
        to.dsl()
                .fetch(
                        "SELECT setval(pg_get_serial_sequence({0}, {1}), COALESCE((SELECT MAX({2}) FROM {3}), 0) + 1, "
                                + "false)",
                        DSL.val(table), DSL.val(column), DSL.name(column), DSL.name(table));
    }

    private static String name(Database db, String table) {
        return db.dsl().dialect() == SQLDialect.POSTGRES ? table : table.toUpperCase();
    }
}
