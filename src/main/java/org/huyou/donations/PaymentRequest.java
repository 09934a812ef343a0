package org.huyou.donations;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.huyou.common.Coded;

/**
 * A payment above the approval limit, waiting for the director; once decided, who decided and, for a rejection, why
 * (shown to whoever asked).
 */
public record PaymentRequest(
        long id,
        long fundId,
        LocalDate date,
        BigDecimal amount,
        Fund.Purpose purpose,
        String description,
        String payee,
        String voucherNo,
        Status status,
        String requestedBy,
        int version,
        String decidedBy,
        String decisionReason) {

    public enum Status implements Coded {
        PENDING,
        APPROVED,
        REJECTED;

        @Override
        public String labelPrefix() {
            return "requestStatus";
        }
    }
}
