package org.huyou.care.medical;

import org.huyou.common.UserFacingException;

/**
 * An allergy refused until the user confirms it: its text names no drug, ingredient or class the app knows (also not
 * by pinyin), so the allergy check can only find it by the same name, letter for letter. A food is recorded so; a
 * slip of the input method is seen before it silently never matches.
 */
public class UnmatchedAllergenException extends UserFacingException {

    private final String substance;

    public UnmatchedAllergenException(String substance) {
        super("allergy.unmatched", substance);
        this.substance = substance;
    }

    public String substance() {
        return substance;
    }
}
