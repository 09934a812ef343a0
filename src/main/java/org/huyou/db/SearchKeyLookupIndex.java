package org.huyou.db;

import java.sql.Statement;

/**
 * Migration 44, PostgreSQL only: the search keys' lookup index of migration 43 with the pattern operator class, as
 * migration 13 did for the table before it (see {@link SearchKeyPrefixIndex}: the server's collation keeps a plain
 * B-tree from serving the prefix ranges the register binds, {@code ~>=~ ? AND ~<~ ?}).
 */
final class SearchKeyLookupIndex extends OneDatabaseMigration {

    static final int VERSION = 44;

    SearchKeyLookupIndex() {
        super(VERSION, "search key lookup index", POSTGRESQL);
    }

    @Override
    void apply(Statement st) throws Exception {
        st.execute("DROP INDEX ix_search_key_lookup");
        st.execute("CREATE INDEX ix_search_key_lookup ON resident_search_key "
                + "(search_key varchar_pattern_ops, resident_id)");
    }
}
