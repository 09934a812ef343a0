package org.huyou.care.medical;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huyou.common.Messages;

/**
 * A dose against the known maxima of its drug's ingredients ({@code ingredients.tsv}): one translated sentence per
 * limit passed, with the figures. Plain logic; the weight comes from the growth records, null when none.
 */
final class DoseLimits {

    private DoseLimits() {}

    static List<String> problems(
            Formulary formulary, FormularyDrug drug, Dose dose, int timesPerDay, BigDecimal weightKg) {
        Optional<BigDecimal> mg = dose.milligrams();
        if (mg.isEmpty()) {
            return List.of(); // a volume or a count: the product's strength is not known
        }
        List<String> out = new ArrayList<>();
        for (String ing : drug.ingredients()) {
            Optional<Ingredient> known = formulary.ingredient(ing);
            if (known.isEmpty()) {
                continue;
            }
            Ingredient.DoseLimit limit = known.get().limit();
            BigDecimal perDose = limit.perDose(weightKg);
            if (perDose != null && mg.get().compareTo(perDose) > 0) {
                out.add(Messages.t(
                        "medication.doseAboveSingle",
                        known.get().name(),
                        figure(mg.get()),
                        figure(perDose),
                        basis(limit.doseKg(), limit.doseMax(), weightKg)));
            }
            BigDecimal perDay = limit.perDay(weightKg);
            BigDecimal daily = mg.get().multiply(BigDecimal.valueOf(timesPerDay));
            if (perDay != null && daily.compareTo(perDay) > 0) {
                out.add(Messages.t(
                        "medication.doseAboveDaily",
                        known.get().name(),
                        figure(daily),
                        timesPerDay,
                        figure(perDay),
                        basis(limit.dayKg(), limit.dayMax(), weightKg)));
            }
        }
        return out;
    }

    /** Where a limit comes from: the child's weight, or the adult maximum (and why). */
    private static String basis(BigDecimal perKg, BigDecimal max, BigDecimal weightKg) {
        if (perKg != null
                && weightKg != null
                && (max == null || perKg.multiply(weightKg).compareTo(max) < 0)) {
            return Messages.t("medication.limitByWeight", figure(perKg), figure(weightKg));
        }
        return perKg != null && weightKg == null
                ? Messages.t("medication.limitAdultNoWeight")
                : Messages.t("medication.limitAdult");
    }

    static String figure(BigDecimal n) {
        return n.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
