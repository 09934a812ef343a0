package org.huyou.app;

import java.sql.Connection;
import java.sql.SQLException;

/** A plain JDBC connection to a home's database, for tests that check figures by a path other than the app's. */
public final class DirectSql {

    private DirectSql() {}

    public static Connection connect(AppContext ctx) throws SQLException {
        return ctx.database().dataSource().getConnection();
    }

    /** jOOQ on that connection, with the home's dialect and settings: a repository as another PC would run it. */
    public static org.jooq.DSLContext jooq(AppContext ctx, Connection c) {
        return org.jooq.impl.DSL.using(
                c, ctx.database().dsl().dialect(), ctx.database().dsl().settings());
    }
}
