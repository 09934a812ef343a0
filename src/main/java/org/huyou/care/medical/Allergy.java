package org.huyou.care.medical;

import java.time.LocalDate;
import org.huyou.common.Coded;

/**
 * An allergy: shown as a warning on every screen of the resident, and checked against every medication order and
 * dose. {@code drugClass} is the code of the drug class it names (see {@link Formulary}), or null for a substance
 * in free text, which is matched against ingredients and class synonyms when checked.
 */
public record Allergy(
        long id,
        long residentId,
        String substance,
        String drugClass,
        String reaction,
        Severity severity,
        LocalDate notedOn,
        String recordedBy,
        boolean voided) {

    public enum Severity implements Coded {
        MILD,
        MODERATE,
        SEVERE;

        @Override
        public String labelPrefix() {
            return "allergySeverity";
        }
    }
}
