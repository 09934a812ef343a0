package org.huyou.security;

import static org.huyou.db.generated.Tables.COUNSELLING_SESSION;
import static org.huyou.db.generated.Tables.INCIDENT;

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

    private final DSLContext dsl;

    public SealedRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Replaces every plain text in the sealed columns with {@code seal(field, text)}; call inside a transaction.
     * Returns how many were sealed. A row whose text changed meanwhile is left for the next run.
     */
    public int sealPlainTexts(BinaryOperator<String> seal) {
        return sealColumn(COUNSELLING_SESSION, COUNSELLING_SESSION.ID, COUNSELLING_SESSION.NOTE,
                SealedKey.COUNSELLING_NOTE, seal)
                + sealColumn(INCIDENT, INCIDENT.ID, INCIDENT.DESCRIPTION, SealedKey.INCIDENT_DESCRIPTION, seal)
                + sealColumn(INCIDENT, INCIDENT.ID, INCIDENT.ACTION_TAKEN, SealedKey.INCIDENT_ACTION, seal);
    }

    private int sealColumn(Table<?> table, Field<Long> id, Field<String> text, String name,
                           BinaryOperator<String> seal) {
        int sealed = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            var rows = dsl.select(id, text).from(table).where(id.gt(after)).and(text.isNotNull())
                    .and(text.notLike(SealedText.PREFIX + "%")).orderBy(id).limit(PAGE).fetch();
            for (var r : rows) {
                String plain = r.get(text);
                sealed += dsl.update(table).set(text, seal.apply(name, plain))
                        .where(id.eq(r.get(id))).and(text.eq(plain)).execute();
                after = r.get(id);
            }
            if (rows.size() < PAGE) {
                return sealed;
            }
        }
    }
}
