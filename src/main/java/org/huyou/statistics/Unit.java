package org.huyou.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.huyou.common.Money;

/**
 * What a series counts, so a total is only made of like with like and each value is written the way its unit reads:
 * counts and people as whole numbers, hours to two places at most, money through {@link Money#amount}.
 */
public enum Unit {
    /** Things that happened (entries, sessions, visits, residents counted once each): add up over any axis. */
    COUNT,
    /** Distinct people over a period: a month's people do not add up to the year's (one person serves many months). */
    PEOPLE,
    HOURS,
    YUAN;

    /** Whether the values of one series add up over months into the period's figure. */
    public boolean addsUpOverTime() {
        return this != PEOPLE;
    }

    public boolean whole() {
        return this == COUNT || this == PEOPLE;
    }

    public String format(BigDecimal v) {
        if (v == null) {
            return "";
        }
        return switch (this) {
            case COUNT, PEOPLE ->
                String.format(
                        Locale.ROOT, "%,d", v.setScale(0, RoundingMode.HALF_UP).longValueExact());
            case HOURS -> hours(v);
            case YUAN -> Money.amount(v);
        };
    }

    private static String hours(BigDecimal v) {
        BigDecimal r = v.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return String.format(Locale.ROOT, "%,." + Math.max(0, r.scale()) + "f", r);
    }
}
