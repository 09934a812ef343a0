package org.huyou.transition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.huyou.common.Coded;

/** A resident's transition plan: the pathway chosen, its basis, whether the director approved it, and leaving. */
public record TransitionPlan(
        long id,
        long residentId,
        Pathway pathway,
        String basis,
        Status status,
        LocalDate expectedGraduation,
        BigDecimal cityTopUp,
        String decidedBy,
        LocalDateTime decidedAt,
        String approvedBy,
        LocalDateTime approvedAt,
        LocalDate leftOn,
        int version) {

    public enum Status implements Coded {
        DRAFT,
        APPROVED,
        LEFT;

        @Override
        public String labelPrefix() {
            return "transitionStatus";
        }
    }
}
