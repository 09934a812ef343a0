package org.huyou.security;

import java.time.LocalDate;

/** What the audit browser narrows to; nulls do not filter. */
public record AuditFilter(
        String username, String action, String entity, String entityId, LocalDate from, LocalDate to) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
