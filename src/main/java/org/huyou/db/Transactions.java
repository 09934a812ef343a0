package org.huyou.db;

import java.util.function.Supplier;
import org.jooq.DSLContext;

/** Runs a unit of work in one database transaction: all of it commits, or none of it. */
public final class Transactions {

    private final DSLContext dsl;

    public Transactions(DSLContext dsl) {
        this.dsl = dsl;
    }

    public <T> T inTransaction(Supplier<T> work) {
        return dsl.transactionResult(work::get);
    }

    public void inTransaction(Runnable work) {
        dsl.transaction(work::run);
    }
}
