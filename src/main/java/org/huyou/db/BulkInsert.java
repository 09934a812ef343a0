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
            BatchBindStep batch =
                    dsl.batch(dsl.insertInto(entry.getKey(), fields).values(Collections.nCopies(fields.size(), null)));
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
}
