package org.huyou.security;

import java.time.LocalDateTime;

/** One audit row: who did what to which record when, with field-level changes as JSON for edits. */
public record AuditEntry(Long id, LocalDateTime at, String username, String action, String entity, String entityId,
                         String summary, String changes) {
}
