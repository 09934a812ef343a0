package org.huyou.residents;

import java.time.LocalDate;
import org.huyou.common.Coded;

/** Age bands for filtering the register, in whole years: [from, to]. */
public enum AgeBand implements Coded {
    INFANT(0, 2),
    PRESCHOOL(3, 5),
    PRIMARY(6, 11),
    TEEN(12, 15),
    NEAR_ADULT(16, 17),
    ADULT(18, 200);

    private final int fromYears;
    private final int toYears;

    AgeBand(int fromYears, int toYears) {
        this.fromYears = fromYears;
        this.toYears = toYears;
    }

    /** Born on or after this date: younger than {@code toYears + 1}. */
    public LocalDate bornOnOrAfter(LocalDate today) {
        return today.minusYears(toYears + 1L).plusDays(1);
    }

    /** Born on or before this date: at least {@code fromYears} old. */
    public LocalDate bornOnOrBefore(LocalDate today) {
        return today.minusYears(fromYears);
    }

    @Override
    public String labelPrefix() {
        return "ageBand";
    }
}
