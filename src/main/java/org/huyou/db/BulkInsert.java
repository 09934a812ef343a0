package org.huyou.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * Inserts many records of a table as JDBC batches of one statement per table, in the caller's transaction. The
 * statement is rendered once by jOOQ (the generated table's and fields' names, a bind marker per value) and the values
 * are bound over plain JDBC: jOOQ's {@code batchInsert} renders the SQL once per record, and its {@code batch().bind()}
 * binds each value through its own binding contexts: a sixth of the demo home's load's CPU samples, a fifth of its
 * first load's in a JVM, nearly all of it binding (issue 31, JFR). The records of one table must have the same fields set (the first record's are used).
 */
public final class BulkInsert {

    /** Rows per JDBC batch: bounds what the driver holds. */
    private static final int CHUNK = 1000;

    private BulkInsert() {}

    public static void insert(DSLContext dsl, List<? extends TableRecord<?>> records) {
        Map<Table<?>, List<TableRecord<?>>> byTable = new LinkedHashMap<>();
        for (TableRecord<?> r : records) {
            byTable.computeIfAbsent(r.getTable(), t -> new ArrayList<>()).add(r);
        }
        for (var entry : byTable.entrySet()) {
            List<TableRecord<?>> rows = entry.getValue();
            List<Field<?>> fields = new ArrayList<>();
            for (Field<?> f : rows.get(0).fields()) {
                if (rows.get(0).changed(f)) {
                    fields.add(f);
                }
            }
            String sql =
                    dsl.render(dsl.insertInto(entry.getKey(), fields).values(Collections.nCopies(fields.size(), null)));
            if (sql.chars().filter(ch -> ch == '?').count() != fields.size()) {
                throw new IllegalStateException("not one bind marker per value: " + sql);
            }
            dsl.connection(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int pending = 0;
                    for (TableRecord<?> r : rows) {
                        for (int i = 0; i < fields.size(); i++) {
                            bind(ps, i + 1, fields.get(i), r.get(fields.get(i)));
                        }
                        ps.addBatch();
                        if (++pending == CHUNK) {
                            ps.executeBatch();
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        ps.executeBatch();
                    }
                }
            });
        }
    }

    /** A record's value as its column takes it (the generated fields carry no converters: the value is the column's). */
    private static void bind(PreparedStatement ps, int index, Field<?> field, Object value) throws SQLException {
        if (value == null) {
            int type = field.getDataType().getSQLType();
            // a large object's null as its plain kind: PostgreSQL's driver maps CLOB and BLOB to its own object ids
            ps.setNull(index, type == Types.CLOB ? Types.VARCHAR : type == Types.BLOB ? Types.VARBINARY : type);
        } else if (value instanceof byte[] bytes) {
            ps.setBytes(index, bytes);
        } else {
            ps.setObject(index, value);
        }
    }
}
