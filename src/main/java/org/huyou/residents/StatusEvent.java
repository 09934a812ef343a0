package org.huyou.residents;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One entry of a resident's status history. Voided entries stay in the history, marked. */
public record StatusEvent(
        Long id,
        long residentId,
        ResidentStatus status,
        LocalDate date,
        String note,
        String createdBy,
        LocalDateTime createdAt,
        String voidedBy,
        LocalDateTime voidedAt,
        String voidedReason) {

    public boolean voided() {
        return voidedAt != null;
    }
}
