package org.huyou.db;

import java.util.Locale;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Conditions for what users type into search boxes. The typed text is always a bound parameter, never SQL text (a
 * literal written into the statement was open to injection on a PostgreSQL server with
 * {@code standard_conforming_strings=off}); typed {@code %}, {@code _} and {@code !} are matched as characters.
 * A prefix that must use an index is a range instead ({@link #upperBound}): H2 derives an index range from
 * {@code LIKE} only when the pattern is known when the statement is prepared, but from a comparison with a parameter
 * always.
 */
public final class Like {

    /** The escape character of every pattern made here. */
    public static final char ESCAPE = '!';

    private Like() {}

    public static Condition prefix(Field<String> field, String text) {
        return field.like(DSL.val(prefixPattern(text)), ESCAPE);
    }

    public static Condition contains(Field<String> field, String text) {
        return field.like(DSL.val("%" + escape(text) + "%"), ESCAPE);
    }

    public static Condition containsIgnoreCase(Field<String> field, String text) {
        return DSL.lower(field).like(DSL.val("%" + escape(text.toLowerCase(Locale.ROOT)) + "%"), ESCAPE);
    }

    /** The pattern for values starting with {@code text}, to bind with {@code LIKE ? ESCAPE '!'}. */
    public static String prefixPattern(String text) {
        return escape(text) + "%";
    }

    /**
     * The least string above every string starting with {@code prefix}, so that {@code key >= prefix AND key < bound}
     * holds exactly the keys starting with it, in binary order (H2's default; PostgreSQL's {@code ~<~} operators and
     * the C collation): the last character, one higher. Empty when that character is a surrogate or above (the range
     * could then cut a character in two under UTF-16 or UTF-8 order): such a prefix takes {@code LIKE}.
     */
    public static Optional<String> upperBound(String prefix) {
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        char last = prefix.charAt(prefix.length() - 1);
        if (last >= Character.MIN_SURROGATE - 1) {
            return Optional.empty();
        }
        return Optional.of(prefix.substring(0, prefix.length() - 1) + (char) (last + 1));
    }

    private static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
