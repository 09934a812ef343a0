package org.huyou.care.medical;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.huyou.common.Coded;

/**
 * An application to 明天计划 (the Tomorrow Plan) for a child's surgery or treatment: applied, then approved with the
 * hospital, the operation date and the amount granted. Pending until approved (a reminder meanwhile); withdrawn or
 * refused, it is voided with the reason and stays in the list, marked.
 */
public record TomorrowPlanApplication(
        long id,
        long residentId,
        String condition,
        LocalDate appliedOn,
        LocalDate approvedOn,
        String hospital,
        LocalDate operationDate,
        BigDecimal amount,
        int version,
        boolean voided,
        String voidReason) {

    public boolean pending() {
        return approvedOn == null && !voided;
    }

    /** Where the application stands: pending, approved, or withdrawn/refused (voided). */
    public Status status() {
        return voided ? Status.WITHDRAWN : approvedOn == null ? Status.PENDING : Status.APPROVED;
    }

    public enum Status implements Coded {
        PENDING,
        APPROVED,
        WITHDRAWN;

        @Override
        public String labelPrefix() {
            return "tomorrowPlanStatus";
        }
    }
}
