package org.huyou.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.huyou.app.AppContext;
import org.huyou.app.DirectSql;
import org.huyou.testing.TestHome;
import org.huyou.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration 48 drops three indexes that every imported resident and audit row wrote and no query read (issue 27), on
 * H2 and PostgreSQL alike, and keeps the ones that serve the same queries: the audit log's time range still ranges
 * over (at, id).
 */
class UnusedWriteIndexesMigrationTest {

    @TempDir
    Path dir;

    @Test
    void theUnusedIndexesAreGoneAndTheAuditTimeRangeKeepsItsIndex() throws SQLException {
        try (AppContext ctx = TestHome.open(dir);
                Connection c = DirectSql.connect(ctx)) {
            Set<String> resident = indexes(c, "resident");
            assertFalse(resident.contains("ix_resident_name_pinyin"), resident.toString());
            assertFalse(resident.contains("ix_resident_name_initials"), resident.toString());
            assertTrue(resident.contains("ix_resident_name"), resident.toString());
            Set<String> audit = indexes(c, "audit_log");
            assertFalse(audit.contains("ix_audit_at"), audit.toString());
            assertTrue(audit.contains("ix_audit_at_id"), audit.toString());
            if (!TestPostgres.selected()) {
                try (ResultSet plan = c.createStatement()
                        .executeQuery("EXPLAIN SELECT id FROM audit_log WHERE at >= TIMESTAMP '2026-01-01 00:00:00'"
                                + " ORDER BY at DESC, id DESC LIMIT 50")) {
                    plan.next();
                    String text = plan.getString(1);
                    assertTrue(text.contains("IX_AUDIT_AT_ID"), text);
                }
            }
        }
    }

    /** The table's index names, lower case (H2 reports names in upper case, PostgreSQL in lower). */
    private static Set<String> indexes(Connection c, String table) throws SQLException {
        Set<String> out = new HashSet<>();
        for (String t : Set.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet r = c.getMetaData().getIndexInfo(null, null, t, false, false)) {
                while (r.next()) {
                    if (r.getString("INDEX_NAME") != null) {
                        out.add(r.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return out;
    }
}
