package org.huyou.db;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * Inserts many records of a table as one JDBC batch with one statement rendered per table: jOOQ's
 * {@code batchInsert} renders the SQL once per record, which costs more than the insert itself at millions of rows.
 * The records of one table must have the same fields set (the first record's are used).
 */
public final class BulkInsert {

    private BulkInsert() {
    }

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
            BatchBindStep batch = dsl.batch(dsl.insertInto(entry.getKey(), fields)
                    .values(Collections.nCopies(fields.size(), null)));
            for (TableRecord<?> r : rows) {
                Object[] values = new Object[fields.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = r.get(fields.get(i));
                }
                batch.bind(values);
            }
            batch.execute();
        }
    }

    /** Bound values per multi-row statement: well under PostgreSQL's 32,767 parameters, and H2's statement sizes. */
    static final int VALUES_PER_STATEMENT = 12_000;

    /**
     * Inserts many records of a table as multi-row {@code INSERT ... VALUES (...), (...)} statements, every value
     * bound. H2 runs a JDBC batch as one statement per row; an import's thousands of search keys as a few multi-row
     * statements cost a fraction of that. Same rule as {@link #insert}: the first record's set fields are used.
     */
    public static void insertRows(DSLContext dsl, List<? extends TableRecord<?>> records) {
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
            int perStatement = Math.max(1, VALUES_PER_STATEMENT / fields.size());
            for (int from = 0; from < rows.size(); from += perStatement) {
                List<org.jooq.RowN> values = new ArrayList<>(Math.min(perStatement, rows.size() - from));
                for (TableRecord<?> r : rows.subList(from, Math.min(rows.size(), from + perStatement))) {
                    Object[] v = new Object[fields.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = r.get(fields.get(i));
                    }
                    values.add(org.jooq.impl.DSL.row(v));
                }
                dsl.insertInto(entry.getKey(), fields).valuesOfRows(values).execute();
            }
        }
    }
}
