package org.huyou.db;

import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 44, PostgreSQL only: the search keys' lookup index of migration 43 with the pattern operator class, as
 * migration 13 did for the table before it (see {@link SearchKeyPrefixIndex}: the server's collation keeps a plain
 * B-tree from serving the prefix ranges the register binds, {@code ~>=~ ? AND ~<~ ?}).
 */
final class SearchKeyLookupIndex implements JavaMigration {

    static final int VERSION = 44;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(String.valueOf(VERSION));
    }

    @Override
    public String getDescription() {
        return "search key lookup index";
    }

    @Override
    public Integer getChecksum() {
        return VERSION;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        if (!context.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            return;
        }
        try (Statement st = context.getConnection().createStatement()) {
            st.execute("DROP INDEX ix_search_key_lookup");
            st.execute("CREATE INDEX ix_search_key_lookup ON resident_search_key "
                    + "(search_key varchar_pattern_ops, resident_id)");
        }
    }
}
