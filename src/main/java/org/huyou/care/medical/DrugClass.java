package org.huyou.care.medical;

import java.util.List;
import java.util.Set;
import org.huyou.common.Messages;

/**
 * A drug class of the formulary (a line of {@code drug-classes.tsv}): the broader class an allergy to it covers,
 * whether an allergy to one of its drugs warns for the others, the classes it cross-reacts with, and the words
 * people write for it.
 */
public record DrugClass(
        String code, String parent, boolean withinClassCross, Set<String> crossReacts, List<String> synonyms) {

    public String label() {
        return label(code);
    }

    /** The translated name of a class code; the code itself for one this version does not know. */
    public static String label(String code) {
        if (code == null) {
            return "";
        }
        return Messages.has("drugClass." + code) ? Messages.t("drugClass." + code) : code;
    }
}
