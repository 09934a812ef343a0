package org.huyou.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration 29 builds the one-check-in-per-document index on a home whose desk had already checked someone in twice
 * (possible before the rule): the old rows stay as they were, numbered apart, and new duplicates are refused.
 */
class OneCheckInPerDocumentMigrationTest {

    @TempDir
    Path dir;

    @Test
    void aHomeWithEarlierDuplicateCheckInsMigratesAndKeepsThem() throws SQLException {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("legacy");
        flyway(url, "26").migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            insert(c, "2026-0001", "11010519900101234X");
            insert(c, "2026-0002", "11010519900101234X");
            insert(c, "2026-0003", "11010519900101234X");
            insert(c, "2026-0004", null);
            insert(c, "2026-0005", null);
            insert(c, "2026-0006", "G12345678");
        }
        flyway(url, String.valueOf(Database.LATEST_MIGRATION)).migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            List<Integer> repeats = new ArrayList<>();
            try (ResultSet r = c.createStatement().executeQuery("SELECT repeat_no FROM openday_visit ORDER BY id")) {
                while (r.next()) {
                    repeats.add(r.getInt(1));
                }
            }
            assertEquals(List.of(0, 1, 2, 0, 0, 0), repeats);
            SQLException refused = assertThrows(SQLException.class, () -> insert(c, "2026-0007", "G12345678"));
            assertEquals("23505", refused.getSQLState());
        }
    }

    private static Flyway flyway(String url, String target) {
        // the migrations as a home gets them (SQL and Java), so a new Java migration is never missing here
        return Database.migrations().dataSource(url, "sa", "").target(target).load();
    }

    private static void insert(Connection c, String slipNo, String documentNo) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO openday_visit (session_date, slot, visitor_name,"
                + " document_type, document_no, head_count, host, rules_acknowledged, slip_no, checked_in_at,"
                + " checked_in_by) VALUES (DATE '2026-11-14', '09:00-11:00', '赵女士', ?, ?, 1, '前台', TRUE, ?,"
                + " TIMESTAMP '2026-11-14 09:00:00', 'front_desk')")) {
            p.setString(1, documentNo != null && documentNo.startsWith("G") ? "PASSPORT" : "ID_CARD");
            p.setString(2, documentNo);
            p.setString(3, slipNo);
            p.executeUpdate();
        }
    }
}
