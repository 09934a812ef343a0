package org.huyou.allowance;

import java.time.LocalDateTime;

/** A standard as recorded: who entered it and, if it was entered wrongly, who voided it and why. */
public record StandardEntry(
        long id,
        Proration.Standard standard,
        String source,
        String createdBy,
        LocalDateTime createdAt,
        String voidedBy,
        LocalDateTime voidedAt,
        String voidedReason) {

    public boolean voided() {
        return voidedAt != null;
    }
}
