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
 * Migration 52 on a home that published a period three times before re-publishing asked for a reason: every row stays,
 * each later one superseding the one before (no reason recorded), another period untouched; a disclosure is
 * superseded once at most.
 */
class DisclosureRepublicationMigrationTest {

    @TempDir
    Path dir;

    @Test
    void periodsPublishedTwiceBeforeBecomeALineOfSupersedingRows() throws SQLException {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("legacy");
        flyway(url, "51").migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            insert(c, "2026-07-01", "2026-09-30");
            insert(c, "2026-07-01", "2026-09-30");
            insert(c, "2026-04-01", "2026-06-30");
            insert(c, "2026-07-01", "2026-09-30");
        }
        flyway(url, String.valueOf(Database.LATEST_MIGRATION)).migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            List<String> rows = new ArrayList<>();
            try (ResultSet r = c.createStatement()
                    .executeQuery("SELECT id, supersedes_id, correction_reason FROM disclosure ORDER BY id")) {
                while (r.next()) {
                    rows.add(r.getLong(1) + ":" + r.getObject(2) + ":" + r.getString(3));
                }
            }
            assertEquals(List.of("1:null:null", "2:1:null", "3:null:null", "4:2:null"), rows);
            SQLException twice = assertThrows(
                    SQLException.class,
                    () -> c.createStatement().executeUpdate("UPDATE disclosure SET supersedes_id = 1 WHERE id = 3"));
            assertEquals("23505", twice.getSQLState(), "superseded once at most");
        }
    }

    private static Flyway flyway(String url, String target) {
        return Database.migrations().dataSource(url, "sa", "").target(target).load();
    }

    private static void insert(Connection c, String from, String to) throws SQLException {
        try (PreparedStatement p =
                c.prepareStatement("INSERT INTO disclosure (period_from, period_to, made_at, made_by,"
                        + " xlsx_file, pdf_file, verification_code, total_received, total_used) VALUES (CAST(? AS DATE),"
                        + " CAST(? AS DATE), TIMESTAMP '2026-10-08 09:00:00', 'yz', 'a.xlsx', 'a.pdf', '1-x', 0, 0)")) {
            p.setString(1, from);
            p.setString(2, to);
            p.executeUpdate();
        }
    }
}
