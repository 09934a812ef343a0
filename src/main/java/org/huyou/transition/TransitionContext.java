package org.huyou.transition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.huyou.db.Transactions;
import org.huyou.security.AuditLog;
import org.huyou.security.CurrentUser;

/**
 * What every part of {@link TransitionService} works with: the feature's repository, the transaction, who acts, the
 * audit and the one clock (so the parts do not each keep a copy of the same five fields).
 */
record TransitionContext(TransitionRepository repo, Transactions tx, CurrentUser user, AuditLog audit, Clock clock) {

    LocalDate today() {
        return LocalDate.now(clock);
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
