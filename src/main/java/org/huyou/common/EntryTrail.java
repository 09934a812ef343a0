package org.huyou.common;

import java.time.LocalDateTime;

/**
 * Who recorded an entry and when, and, once it is voided (never deleted), who voided it, when and why: the same five
 * columns on every table whose entries stay, marked, when they were entered wrongly.
 */
public record EntryTrail(
        String createdBy, LocalDateTime createdAt, String voidedBy, LocalDateTime voidedAt, String voidedReason) {

    /** A new entry's trail: recorded, not voided. */
    public static EntryTrail recorded(String by, LocalDateTime at) {
        return new EntryTrail(by, at, null, null, null);
    }

    public boolean voided() {
        return voidedAt != null;
    }
}
