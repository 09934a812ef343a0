package org.huyou.care.medical;

import java.math.BigDecimal;
import java.util.List;

/**
 * An active ingredient the app knows (a line of {@code ingredients.tsv}, or of {@code formulary.tsv} with one
 * ingredient): its class, whatever a drug's entry says, the other names people write for it, and its dose limits.
 */
public record Ingredient(String name, String drugClass, List<String> aliases, DoseLimit limit) {

    public Ingredient {
        aliases = List.copyOf(aliases);
        limit = limit == null ? DoseLimit.NONE : limit;
    }

    /** "阿莫西林 · 青霉素类". */
    public String description() {
        return name + " · " + DrugClass.label(drugClass);
    }

    /**
     * Conservative maxima in mg (null: none known): per kg and for an adult, per dose and per day. With the child's
     * weight the lower of the per-kg figure and the adult one applies; without, the adult one.
     */
    public record DoseLimit(BigDecimal doseKg, BigDecimal doseMax, BigDecimal dayKg, BigDecimal dayMax) {

        public static final DoseLimit NONE = new DoseLimit(null, null, null, null);

        /** Whether any maximum is known. */
        public boolean known() {
            return doseKg != null || doseMax != null || dayKg != null || dayMax != null;
        }

        public BigDecimal perDose(BigDecimal weightKg) {
            return limit(doseKg, doseMax, weightKg);
        }

        public BigDecimal perDay(BigDecimal weightKg) {
            return limit(dayKg, dayMax, weightKg);
        }

        private static BigDecimal limit(BigDecimal perKg, BigDecimal max, BigDecimal weightKg) {
            if (perKg == null || weightKg == null) {
                return max;
            }
            BigDecimal byWeight = perKg.multiply(weightKg);
            return max == null ? byWeight : byWeight.min(max);
        }
    }
}
