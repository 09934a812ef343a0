package org.huyou.security;

import java.time.LocalDateTime;

/**
 * One audit row: who did what to which record when, with field-level changes as JSON for edits. A row written with a
 * {@link AuditSummary} has its key in {@code summaryKey} and its parameters (JSON) in {@code summary}; an older row
 * has free text in {@code summary} and no key.
 */
public record AuditEntry(
        Long id,
        LocalDateTime at,
        String username,
        String action,
        String entity,
        String entityId,
        String summary,
        String changes,
        String summaryKey) {

    /** A row whose summary is {@code s} (or none). */
    static AuditEntry of(
            LocalDateTime at,
            String username,
            String action,
            String entity,
            String entityId,
            AuditSummary s,
            String changes) {
        return new AuditEntry(
                null,
                at,
                username,
                action,
                entity,
                entityId,
                s == null ? null : s.argsJson(),
                changes,
                s == null ? null : s.key());
    }
}
