package org.huyou.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.huyou.common.UserFacingException;

/**
 * What PostgreSQL needs that H2 does not, in one place. The migrations are written once, in SQL both databases read,
 * except for two column types PostgreSQL lacks: BLOB and CLOB become domains over bytea and text before Flyway runs
 * (so the migration files, and their checksums in homes already running, stay as they are). The domains live in a
 * schema of their own, on every connection's search path after {@code public}, so that Flyway still finds an empty
 * {@code public} schema in a new database.
 */
final class PostgresDialect {

    private PostgresDialect() {}

    static final String TYPES_SCHEMA = "huyou_types";
    /** The connections' search path (pgjdbc's currentSchema takes a list). */
    static final String SEARCH_PATH = "public," + TYPES_SCHEMA;

    static void prepare(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + TYPES_SCHEMA);
            st.execute("DO $$ BEGIN CREATE DOMAIN " + TYPES_SCHEMA + ".blob AS bytea"
                    + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            st.execute("DO $$ BEGIN CREATE DOMAIN " + TYPES_SCHEMA + ".clob AS text"
                    + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        }
    }

    /** Turns a failed first connection into the sentence the user needs: which of server, login or database. */
    static UserFacingException openFailure(SQLException e, ServerAddress address, String user) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")) { // connection exception: refused, timed out, unknown host
            return new UserFacingException(e, "error.serverUnreachable", address.host(), address.port());
        }
        if (state.equals("28P01") || state.equals("28000")) { // invalid password / authorization
            return new UserFacingException(e, "error.serverLogin", user, address);
        }
        if (state.equals("3D000")) { // invalid catalog name: no such database
            return new UserFacingException(e, "error.serverNoDatabase", address.database(), address.host());
        }
        return new UserFacingException(e, "error.databaseOpen", address);
    }
}
