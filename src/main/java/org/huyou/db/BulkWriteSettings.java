package org.huyou.db;

import java.sql.Statement;

/**
 * Migration 42, in Java because only the embedded H2 gets it: what a large import into one transaction paid for
 * besides its rows (JFR of the residents import, 5,000 children: about a fifth of the commit).
 * <ul>
 * <li>An identity column hands out 32 numbers, then writes its new high mark in a transaction of its own; with
 * {@code WRITE_DELAY=0} each of those commits stored every page the import had changed so far, re-encrypted: 156 times
 * per table for 5,000 rows. 1,000 numbers per write on the tables the imports fill. H2 writes the real high mark back
 * when it closes, so numbers are skipped only after a crash; one process hands them out, so they stay in the order
 * rows are written. (Not on PostgreSQL: there each connection would hold its own 1,000 and the order across PCs,
 * which the status events' tie-break relies on, would be lost.)</li>
 * <li>A CLOB over 256 bytes (an audit row's changes, about 600 bytes for a new resident) went to H2's LOB store, four
 * maps written per row; up to 4 KB stays in the row.</li>
 * </ul>
 */
final class BulkWriteSettings extends OneDatabaseMigration {

    static final int VERSION = 42;

    BulkWriteSettings() {
        super(VERSION, "bulk write settings", H2);
    }

    @Override
    void apply(Statement st) throws Exception {
        st.execute("ALTER TABLE resident ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE resident_status_event ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE living_group_history ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE audit_log ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE donor ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE volunteer ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE background_check ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE volunteer_training ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE account ALTER COLUMN id SET CACHE 1000");
        st.execute("SET MAX_LENGTH_INPLACE_LOB 4096");
    }
}
