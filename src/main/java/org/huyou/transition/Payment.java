package org.huyou.transition;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.huyou.common.Coded;

/**
 * A scheduled payment to the young person: the resettlement subsidy, a city top-up, or a year's education grant. A
 * line a new decision took out of force is voided (with the decision as its reason), kept and never paid.
 */
public record Payment(
        long id,
        long planId,
        Kind kind,
        String label,
        LocalDate dueOn,
        BigDecimal amount,
        LocalDate paidOn,
        String reference,
        boolean voided,
        String voidReason) {

    /** Still to pay: neither paid nor voided. */
    public boolean open() {
        return paidOn == null && !voided;
    }

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
