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
        return rewrite(false, seal);
    }

    /**
     * Replaces every sealed text with {@code open(field, sealedText)}: for a copy of the home moving to a server,
     * which has no sealed key. Call inside a transaction on that copy.
     */
    public int openSealedTexts(BinaryOperator<String> open) {
        return rewrite(true, open);
    }

    /** How many sealed texts there are. */
    public int countSealedTexts() {
        return dsl.fetchCount(COUNSELLING_SESSION, COUNSELLING_SESSION.NOTE.like(SealedText.PREFIX + "%"))
                + dsl.fetchCount(INCIDENT, INCIDENT.DESCRIPTION.like(SealedText.PREFIX + "%")
                .or(INCIDENT.ACTION_TAKEN.like(SealedText.PREFIX + "%")));
    }

    /** Hands each sealed text to {@code visit(field, sealedText)}, without changing anything. */
    public void eachSealedText(java.util.function.BiConsumer<String, String> visit) {
        rewrite(true, (field, stored) -> {
            visit.accept(field, stored);
            return stored;
        }, false);
    }

    private int rewrite(boolean sealedOnes, BinaryOperator<String> change) {
        return rewrite(sealedOnes, change, true);
    }

    private int rewrite(boolean sealedOnes, BinaryOperator<String> change, boolean write) {
        return rewriteColumn(COUNSELLING_SESSION, COUNSELLING_SESSION.ID, COUNSELLING_SESSION.NOTE,
                SealedKey.COUNSELLING_NOTE, sealedOnes, change, write)
                + rewriteColumn(INCIDENT, INCIDENT.ID, INCIDENT.DESCRIPTION, SealedKey.INCIDENT_DESCRIPTION,
                sealedOnes, change, write)
                + rewriteColumn(INCIDENT, INCIDENT.ID, INCIDENT.ACTION_TAKEN, SealedKey.INCIDENT_ACTION, sealedOnes,
                change, write);
    }

    private int rewriteColumn(Table<?> table, Field<Long> id, Field<String> text, String name, boolean sealedOnes,
                              BinaryOperator<String> change, boolean write) {
        int changed = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            var rows = dsl.select(id, text).from(table).where(id.gt(after)).and(text.isNotNull())
                    .and(sealedOnes ? text.like(SealedText.PREFIX + "%") : text.notLike(SealedText.PREFIX + "%"))
                    .orderBy(id).limit(PAGE).fetch();
            for (var r : rows) {
                String before = r.get(text);
                String now = change.apply(name, before);
                if (write) {
                    changed += dsl.update(table).set(text, now).where(id.eq(r.get(id))).and(text.eq(before)).execute();
                }
                after = r.get(id);
            }
            if (rows.size() < PAGE) {
                return changed;
            }
        }
    }
}
