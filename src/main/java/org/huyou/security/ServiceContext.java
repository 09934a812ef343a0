package org.huyou.security;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import org.huyou.db.Transactions;

/**
 * What every service works with, made once where the app is wired ({@code AppContext}) and handed to each: the
 * transactions of the home's database, who is logged in, the audit log and the app's one clock (ADR 0015). A service
 * takes this one value instead of the same four parameters; its own repositories and collaborators stay separate
 * parameters, so a constructor still says what is particular to it.
 */
public record ServiceContext(Transactions tx, CurrentUser user, AuditLog audit, Clock clock) {

    public ServiceContext {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(clock, "clock");
    }

    /** Today by the app's clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** This moment by the app's clock, as services stamp what they write. */
    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
