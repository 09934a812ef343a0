package org.huyou.db;

import java.sql.Statement;

/**
 * Migration 13, the one written in Java because only PostgreSQL gets it: the search keys' indexes for prefix lookups.
 * PostgreSQL answers {@code LIKE 'P:lzq%'} from a B-tree only in the C collation or with the pattern operator class;
 * the primary key (search_key, resident_id) sorts by the server's collation, so every keystroke read the whole table
 * (50 ms at 5,000 residents, growing with the register). H2's primary key already serves the prefix: nothing to do.
 * The register's search binds the prefix as a range of these indexes' own operators ({@code ~>=~ ? AND ~<~ ?}, see
 * ResidentRepository), so the typed text is never SQL text and the index serves generic plans as well.
 */
final class SearchKeyPrefixIndex extends OneDatabaseMigration {

    static final int VERSION = 13;

    SearchKeyPrefixIndex() {
        super(VERSION, "search key prefix index", POSTGRESQL);
    }

    @Override
    void apply(Statement st) throws Exception {
        // resident_id too: the lookup is then answered from the index alone
        st.execute("CREATE INDEX ix_search_key_prefix ON resident_search_key "
                + "(search_key varchar_pattern_ops, resident_id)");
        // A broad query checks each resident it walks past for a key with the prefix: a range of this index
        // instead of every key of the resident.
        st.execute("DROP INDEX ix_search_key_resident");
        st.execute("CREATE INDEX ix_search_key_resident ON resident_search_key "
                + "(resident_id, search_key varchar_pattern_ops)");
    }
}
