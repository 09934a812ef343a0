package org.huyou.security;

import java.time.Clock;
import org.huyou.db.Transactions;

/**
 * The four parts of the {@link ServiceContext} a service (or a part of one) works with, held once here rather than
 * copied into four fields of its own by every constructor (ADR 0015). A subclass keeps its own repositories and
 * collaborators; it calls {@code super(context)} first.
 */
public abstract class ServiceBase {

    protected final Transactions tx;
    protected final CurrentUser user;
    protected final AuditLog audit;
    protected final Clock clock;

    protected ServiceBase(ServiceContext context) {
        this.tx = context.tx();
        this.user = context.user();
        this.audit = context.audit();
        this.clock = context.clock();
    }
}
