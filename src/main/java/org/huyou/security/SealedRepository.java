package org.huyou.security;

import static org.huyou.db.generated.Tables.COUNSELLING_SESSION;
import static org.huyou.db.generated.Tables.INCIDENT;

import java.util.List;
import java.util.function.BinaryOperator;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The columns that hold sealed texts, for the one step that seals what was written before sealing existed (or
 * restored from an older backup, or written while the home had no sealed key yet). Reading and writing them is done
 * by their own repositories.
 */
public final class SealedRepository {

    private static final int PAGE = 500;

    private record Column(Table<?> table, Field<Long> id, Field<String> text, String name) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column(COUNSELLING_SESSION, COUNSELLING_SESSION.ID, COUNSELLING_SESSION.NOTE, SealedKey.COUNSELLING_NOTE),
            new Column(INCIDENT, INCIDENT.ID, INCIDENT.DESCRIPTION, SealedKey.INCIDENT_DESCRIPTION),
            new Column(INCIDENT, INCIDENT.ID, INCIDENT.ACTION_TAKEN, SealedKey.INCIDENT_ACTION));

    private final DSLContext dsl;

    public SealedRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Replaces every plain text in the sealed columns with {@code seal(field, text)}; call inside a transaction.
     * Returns how many were sealed. A row whose text changed meanwhile is left for the next run.
     */
    public int sealPlainTexts(BinaryOperator<String> seal) {
        int sealed = 0;
        for (Column c : COLUMNS) {
            long after = Long.MIN_VALUE;
            while (true) {
                var rows = dsl.select(c.id(), c.text()).from(c.table())
                        .where(c.id().gt(after)).and(c.text().isNotNull())
                        .and(c.text().notLike(SealedText.PREFIX + "%"))
                        .orderBy(c.id()).limit(PAGE).fetch();
                for (var r : rows) {
                    String plain = r.get(c.text());
                    sealed += dsl.update(c.table()).set(c.text(), seal.apply(c.name(), plain))
                            .where(c.id().eq(r.get(c.id()))).and(c.text().eq(plain)).execute();
                    after = r.get(c.id());
                }
                if (rows.size() < PAGE) {
                    break;
                }
            }
        }
        return sealed;
    }

    /** How many texts in the sealed columns are still plain (for tests and the log). */
    public int countPlainTexts() {
        int n = 0;
        for (Column c : COLUMNS) {
            n += dsl.fetchCount(c.table(), c.text().isNotNull().and(c.text().notLike(SealedText.PREFIX + "%")));
        }
        return n;
    }
}
