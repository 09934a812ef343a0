package org.huyou.app;

import org.huyou.db.Transactions;
import org.jooq.DSLContext;

/**
 * For tests in other packages that must write what the app no longer writes (rows made before a check existed):
 * the open home's database, which {@link AppContext} keeps to its package.
 */
public final class AppInternals {

    private AppInternals() {}

    public static DSLContext dsl(AppContext ctx) {
        return ctx.database().dsl();
    }

    public static Transactions transactions(AppContext ctx) {
        return ctx.database().transactions();
    }
}
