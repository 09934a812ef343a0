package org.huyou.care.medical;

import org.huyou.common.Coded;
import org.huyou.common.Messages;

/**
 * Why a drug must not be given to a child without a second thought: it contains an ingredient the child is allergic
 * to, belongs to a class the child is allergic to, or belongs to a class known to cross-react with the allergy.
 */
public record AllergyConflict(
        Allergy allergy, Kind kind, String drugName, String ingredient, String drugClass, String allergyClass) {

    public enum Kind implements Coded {
        INGREDIENT,
        CLASS,
        CROSS;

        @Override
        public String labelPrefix() {
            return "allergyConflict.kind";
        }
    }

    /** One translated sentence naming the allergy and the drug. */
    public String message() {
        return switch (kind) {
            case INGREDIENT ->
                Messages.t(
                        "allergyConflict.INGREDIENT",
                        allergy.substance(),
                        allergy.severity().label(),
                        drugName,
                        ingredient);
            case CLASS ->
                Messages.t(
                        "allergyConflict.CLASS",
                        allergy.substance(),
                        allergy.severity().label(),
                        drugName,
                        DrugClass.label(drugClass));
            case CROSS ->
                Messages.t(
                        "allergyConflict.CROSS",
                        allergy.substance(),
                        allergy.severity().label(),
                        drugName,
                        DrugClass.label(drugClass),
                        DrugClass.label(allergyClass));
        };
    }
}
