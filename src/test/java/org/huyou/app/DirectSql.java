package org.huyou.app;

import java.sql.Connection;
import java.sql.SQLException;

/** A plain JDBC connection to a home's database, for tests that check figures by a path other than the app's. */
public final class DirectSql {

    private DirectSql() {
    }

    public static Connection connect(AppContext ctx) throws SQLException {
        return ctx.database().dataSource().getConnection();
    }
}
