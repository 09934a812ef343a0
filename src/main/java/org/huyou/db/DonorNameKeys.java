package org.huyou.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.huyou.common.Pinyin;

/**
 * The pinyin keys of the donors registered before migration 39 added them, written right after that migration in its
 * transaction (a failure rolls the migration back with it): SQL cannot derive pinyin, and the generated jOOQ classes are
 * made from the SQL migrations alone, so the columns stay in the SQL file and only the filling is Java.
 */
final class DonorNameKeys implements Callback {

    static final String VERSION = "39";
    private static final int BATCH = 1000;

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_EACH_MIGRATE
                && context.getMigrationInfo() != null
                && VERSION.equals(context.getMigrationInfo().getVersion().getVersion());
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            fill(context.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("donor pinyin keys: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "donor name keys";
    }

    /** Every donor's keys from its name, as LedgerRepository writes them at save. */
    static void fill(Connection c) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT id, name FROM donor");
                PreparedStatement write =
                        c.prepareStatement("UPDATE donor SET name_pinyin = ?, name_initials = ? WHERE id = ?");
                ResultSet rs = read.executeQuery()) {
            int pending = 0;
            while (rs.next()) {
                String name = rs.getString(2);
                write.setString(1, Pinyin.full(name));
                write.setString(2, Pinyin.initials(name));
                write.setLong(3, rs.getLong(1));
                write.addBatch();
                if (++pending == BATCH) {
                    write.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }
}
