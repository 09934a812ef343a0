package org.huyou.allowance;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A resident's allowance category from a day on, as recorded (voided entries stay, marked). */
public record CategoryChange(
        long id,
        long residentId,
        AllowanceCategory category,
        LocalDate effectiveFrom,
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
