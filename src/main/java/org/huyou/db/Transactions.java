package org.huyou.db;

import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * Runs a unit of work in one database transaction: all of it commits, or none of it. What the work leaves to its end
 * ({@link BeforeCommit}, the audit rows) is written last, inside the same transaction.
 */
public final class Transactions {

    private final DSLContext dsl;

    public Transactions(DSLContext dsl) {
        this.dsl = dsl;
    }

    public <T> T inTransaction(Supplier<T> work) {
        return dsl.transactionResult(() -> BeforeCommit.around(work));
    }

    public void inTransaction(Runnable work) {
        dsl.transaction(() -> BeforeCommit.around(() -> {
            work.run();
            return null;
        }));
    }
}
