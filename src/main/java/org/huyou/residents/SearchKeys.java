package org.huyou.residents;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.huyou.common.Pinyin;

/**
 * The ways a resident is found as typed, as keys looked up by prefix (the same as migration V11 writes for residents
 * registered before it): every suffix of the name and former name, so that "contains" is a prefix; the name's pinyin
 * and initials; the ID number; every suffix of the record number. And, for a query, the key prefixes to look up.
 */
public final class SearchKeys {

    static final String NAME = "N:";
    static final String PINYIN = "P:";
    static final String ID_NUMBER = "I:";
    static final String RECORD_NO = "R:";

    private SearchKeys() {}

    /** The keys of one resident (no duplicates). */
    public static Set<String> of(Resident r) {
        Set<String> keys = new LinkedHashSet<>();
        suffixes(NAME, r.name(), keys);
        suffixes(NAME, r.formerName(), keys);
        add(PINYIN, Pinyin.full(r.name()), keys);
        add(PINYIN, Pinyin.initials(r.name()), keys);
        if (r.idNumber() != null) {
            add(ID_NUMBER, r.idNumber().toUpperCase(Locale.ROOT), keys);
        }
        if (r.recordNo() != null) {
            suffixes(RECORD_NO, r.recordNo().toUpperCase(Locale.ROOT), keys);
        }
        return keys;
    }

    /**
     * The prefixes a typed query looks up: Latin letters are pinyin (full or initials; Latin names are their own
     * pinyin); anything else is part of a name; with a digit also the start of an ID number and part of a record
     * number.
     */
    public static List<String> forQuery(String q) {
        return forQuery(q, true);
    }

    /** As {@link #forQuery(String)}; without the ID number's prefix unless {@code byIdNumber}. */
    public static List<String> forQuery(String q, boolean byIdNumber) {
        if (Pinyin.looksLikePinyin(q)) {
            return List.of(PINYIN + q.toLowerCase(Locale.ROOT));
        }
        if (q.chars().anyMatch(Character::isDigit)) {
            String upper = q.toUpperCase(Locale.ROOT);
            return byIdNumber
                    ? List.of(NAME + q, ID_NUMBER + upper, RECORD_NO + upper)
                    : List.of(NAME + q, RECORD_NO + upper);
        }
        return List.of(NAME + q);
    }

    private static void suffixes(String kind, String text, Set<String> keys) {
        if (text == null) {
            return;
        }
        // By code point, as PostgreSQL's SUBSTRING counts: a suffix never starts inside a surrogate pair.
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            keys.add(kind + text.substring(i));
        }
    }

    private static void add(String kind, String text, Set<String> keys) {
        if (text != null && !text.isEmpty()) {
            keys.add(kind + text);
        }
    }
}
