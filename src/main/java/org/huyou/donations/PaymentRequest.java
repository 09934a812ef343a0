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
        Payment payment,
        Status status,
        String requestedBy,
        int version,
        String decidedBy,
        String decisionReason) {

    // The payment's fields read as the request's own: the approval list and its checks read a request as a payment.

    public long fundId() {
        return payment.fundId();
    }

    public LocalDate date() {
        return payment.date();
    }

    public BigDecimal amount() {
        return payment.amount();
    }

    public Fund.Purpose purpose() {
        return payment.purpose();
    }

    public String description() {
        return payment.description();
    }

    public String payee() {
        return payment.payee();
    }

    public String voucherNo() {
        return payment.voucherNo();
    }

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
