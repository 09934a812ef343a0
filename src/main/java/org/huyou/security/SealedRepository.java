package org.huyou.security;

import static org.huyou.db.generated.Tables.COUNSELLING_SESSION;
import static org.huyou.db.generated.Tables.INCIDENT;

import java.util.List;
import java.util.function.BiConsumer;
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
                + dsl.fetchCount(
                        INCIDENT,
                        INCIDENT.DESCRIPTION
                                .like(SealedText.PREFIX + "%")
                                .or(INCIDENT.ACTION_TAKEN.like(SealedText.PREFIX + "%")));
    }

    /** Hands each sealed text to {@code visit(field, sealedText)}, without changing anything. */
    public void eachSealedText(BiConsumer<String, String> visit) {
        rewrite(
                true,
                (field, stored) -> {
                    visit.accept(field, stored);
                    return stored;
                },
                false);
    }

    /** A column that holds sealed text, with the name sealed into its texts. */
    private record SealedColumn(Table<?> table, Field<Long> id, Field<String> text, String name) {}

    // The one list of sealed columns: reading, rotating and rewriting all go by it.
    private static final List<SealedColumn> SEALED = List.of(
            new SealedColumn(
                    COUNSELLING_SESSION, COUNSELLING_SESSION.ID, COUNSELLING_SESSION.NOTE, SealedKey.COUNSELLING_NOTE),
            new SealedColumn(INCIDENT, INCIDENT.ID, INCIDENT.DESCRIPTION, SealedKey.INCIDENT_DESCRIPTION),
            new SealedColumn(INCIDENT, INCIDENT.ID, INCIDENT.ACTION_TAKEN, SealedKey.INCIDENT_ACTION));

    /** One sealed column, by the name sealed into its texts. */
    public static final List<String> COLUMNS =
            SEALED.stream().map(SealedColumn::name).toList();

    private static SealedColumn column(String name) {
        return SEALED.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a sealed column: " + name));
    }

    /** A sealed text and the row it is in. */
    public record Stored(long id, String text) {}

    /** Up to {@code limit} sealed texts of a column after row {@code afterId}, in row order (a rotation's page). */
    public List<Stored> sealedPage(String column, long afterId, int limit) {
        SealedColumn c = column(column);
        return page(c.table(), c.id(), c.text(), afterId, limit);
    }

    /** Replaces one text, unless it changed meanwhile (then it is left for the next run); whether it did. */
    public boolean replace(String column, long id, String before, String now) {
        SealedColumn c = column(column);
        return replace(c.table(), c.id(), c.text(), id, before, now);
    }

    private List<Stored> page(Table<?> table, Field<Long> id, Field<String> text, long afterId, int limit) {
        return dsl.select(id, text)
                .from(table)
                .where(id.gt(afterId))
                .and(text.like(SealedText.PREFIX + "%"))
                .orderBy(id)
                .limit(limit)
                .fetch()
                .map(r -> new Stored(r.value1(), r.value2()));
    }

    private boolean replace(Table<?> table, Field<Long> id, Field<String> text, long rowId, String before, String now) {
        return dsl.update(table)
                        .set(text, now)
                        .where(id.eq(rowId))
                        .and(text.eq(before))
                        .execute()
                == 1;
    }

    private int rewrite(boolean sealedOnes, BinaryOperator<String> change) {
        return rewrite(sealedOnes, change, true);
    }

    private int rewrite(boolean sealedOnes, BinaryOperator<String> change, boolean write) {
        int changed = 0;
        for (SealedColumn c : SEALED) {
            changed += rewriteColumn(c.table(), c.id(), c.text(), c.name(), sealedOnes, change, write);
        }
        return changed;
    }

    private int rewriteColumn(
            Table<?> table,
            Field<Long> id,
            Field<String> text,
            String name,
            boolean sealedOnes,
            BinaryOperator<String> change,
            boolean write) {
        int changed = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            var rows = dsl.select(id, text)
                    .from(table)
                    .where(id.gt(after))
                    .and(text.isNotNull())
                    .and(sealedOnes ? text.like(SealedText.PREFIX + "%") : text.notLike(SealedText.PREFIX + "%"))
                    .orderBy(id)
                    .limit(PAGE)
                    .fetch();
            for (var r : rows) {
                String before = r.get(text);
                String now = change.apply(name, before);
                if (write) {
                    changed += dsl.update(table)
                            .set(text, now)
                            .where(id.eq(r.get(id)))
                            .and(text.eq(before))
                            .execute();
                }
                after = r.get(id);
            }
            if (rows.size() < PAGE) {
                return changed;
            }
        }
    }
}
