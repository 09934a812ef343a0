package org.huyou.common;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Amounts as people type them: {@code 1,234.50}, {@code 1234.5}, full-width digits from a Chinese input method
 * ({@code １２３４．５}), a leading {@code ¥} or {@code ￥} and a trailing {@code 元}. The one parser behind every
 * amount field, so each accepts the same things and refuses the same things.
 */
public final class Money {

    /** Digits, optionally grouped by thousands with commas, then optionally a decimal point and digits. */
    private static final Pattern AMOUNT = Pattern.compile("-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");

    private Money() {}

    /** What was typed is not an amount (the caller names the field). */
    public static final class NotAnAmount extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NotAnAmount(String typed) {
            super("not an amount: " + typed);
        }
    }

    /**
     * The amount typed, or null when nothing was typed (a required amount is then the caller's rule).
     *
     * @throws NotAnAmount for anything else that is not a number, such as {@code 12,3a} or {@code 1,23.4}
     */
    public static BigDecimal parse(String typed) {
        if (typed == null) {
            return null;
        }
        // NFKC turns full-width digits, point, comma and yen sign into their ASCII forms.
        String s = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().replace(" ", "");
        s = s.replace('。', '.'); // an input method's full stop typed for the decimal point
        if (s.startsWith("¥")) {
            s = s.substring(1);
        }
        if (s.endsWith("元")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            return typed.isBlank() ? null : fail(typed);
        }
        if (!AMOUNT.matcher(s).matches()) {
            return fail(typed);
        }
        return new BigDecimal(s.replace(",", ""));
    }

    private static BigDecimal fail(String typed) {
        throw new NotAnAmount(typed);
    }

    /**
     * The one way an amount is written for people, in documents and on screens: thousands grouped, two decimals,
     * rounded half-up, {@code 509,234.50}. ROOT locale so no system setting turns the comma into a point.
     */
    public static String amount(BigDecimal amount) {
        return amount == null ? "" : String.format(Locale.ROOT, "%,.2f", amount);
    }

    /** An amount in running text: {@code 509,234.50 元}. */
    public static String yuan(BigDecimal amount) {
        return amount == null ? "" : Messages.t("money.yuan", amount(amount));
    }

    /** An amount as people read it in a field or table: {@code ¥1,234.50}. */
    public static String format(BigDecimal amount) {
        return amount == null ? "" : "¥" + amount(amount);
    }
}
