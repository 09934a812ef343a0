package org.huyou.transition;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.huyou.common.Coded;

/** A scheduled payment to the young person: the resettlement subsidy, a city top-up, or a year's education grant. */
public record Payment(
        long id,
        long planId,
        Kind kind,
        String label,
        LocalDate dueOn,
        BigDecimal amount,
        LocalDate paidOn,
        String reference) {

    public enum Kind implements Coded {
        SUBSIDY,
        TOP_UP,
        GRANT;

        @Override
        public String labelPrefix() {
            return "paymentKind";
        }
    }
}
