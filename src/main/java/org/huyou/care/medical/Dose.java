package org.huyou.care.medical;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dose as ordered, "250 mg", "5ml", "1/2片", "半片": an amount and its unit. Only a weight (g, mg, µg) can be
 * compared with an ingredient's limits; a volume or a count depends on the product's strength, which the order lacks.
 */
public record Dose(BigDecimal amount, String unit) {

    private static final Pattern AMOUNT =
            Pattern.compile("^([+\\-−－]?\\s*\\d+(?:\\.\\d+)?)(?:\\s*/\\s*(\\d+))?\\s*(.*)$");
    private static final Map<String, BigDecimal> TO_MG = Map.of(
            "g", BigDecimal.valueOf(1000),
            "克", BigDecimal.valueOf(1000),
            "mg", BigDecimal.ONE,
            "毫克", BigDecimal.ONE,
            "µg", new BigDecimal("0.001"),
            "μg", new BigDecimal("0.001"),
            "ug", new BigDecimal("0.001"),
            "mcg", new BigDecimal("0.001"),
            "微克", new BigDecimal("0.001"));

    /** The dose in a text, or empty when it does not start with a number (半 counts as ½). */
    public static Optional<Dose> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFKC);
        if (t.startsWith("半")) {
            return Optional.of(new Dose(new BigDecimal("0.5"), t.substring(1).strip()));
        }
        Matcher m = AMOUNT.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        String number = m.group(1).replaceAll("\\s", "").replace('−', '-').replace('－', '-');
        BigDecimal amount = new BigDecimal(number);
        if (m.group(2) != null) {
            BigDecimal over = new BigDecimal(m.group(2));
            if (over.signum() == 0) {
                return Optional.empty();
            }
            amount = amount.divide(over, 4, RoundingMode.HALF_UP);
        }
        return Optional.of(new Dose(amount, m.group(3).strip()));
    }

    public boolean positive() {
        return amount.signum() > 0;
    }

    /** The dose in mg when its unit is a weight. */
    public Optional<BigDecimal> milligrams() {
        BigDecimal factor = TO_MG.get(unit.toLowerCase(Locale.ROOT));
        return factor == null ? Optional.empty() : Optional.of(amount.multiply(factor));
    }
}
