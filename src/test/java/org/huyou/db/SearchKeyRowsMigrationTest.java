package org.huyou.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration 43 keeps every search key of the residents registered before it, numbered within its resident's range. */
class SearchKeyRowsMigrationTest {

    @TempDir
    Path dir;

    @Test
    void keysFromBeforeAreKeptEachInItsResidentsRange() throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("legacy");
        flyway(url, "42").migrate();
        Set<String> before;
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                var s = c.createStatement()) {
            for (String[] r : new String[][] {
                {"2015-0001", "张小明", "zhangxiaoming", "zxm"}, {"2016-0002", "欧阳娜娜", "ouyangnana", "oynn"}
            }) {
                try (var ps = c.prepareStatement("INSERT INTO resident (record_no, name, name_pinyin, name_initials, "
                        + "gender, birth_date, birth_date_estimated, category, admission_date, admission_source, "
                        + "disability_type, guardianship, created_at, created_by, version) VALUES (?, ?, ?, ?, 'MALE', "
                        + "DATE '2014-01-02', FALSE, 'ORPHAN', DATE '2015-01-02', 'CIVIL_AFFAIRS', 'NONE', "
                        + "'CIVIL_AFFAIRS_LONG_TERM', TIMESTAMP '2025-01-01 08:00:00', 'admin', 0)")) {
                    for (int i = 0; i < 4; i++) {
                        ps.setString(i + 1, r[i]);
                    }
                    ps.executeUpdate();
                }
            }
            s.execute(v11Backfill());
            before = keys(s);
        }
        assertTrue(before.size() > 20, "the old keys: " + before);
        flyway(url, String.valueOf(Database.LATEST_MIGRATION)).migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                var s = c.createStatement()) {
            assertEquals(before, keys(s), "every key kept, with its resident");
            Set<Long> numbers = new HashSet<>();
            try (ResultSet rs = s.executeQuery("SELECT key_no, resident_id FROM resident_search_key")) {
                while (rs.next()) {
                    long no = rs.getLong(1);
                    assertEquals(rs.getLong(2), no / 256, "key " + no + " in its resident's range");
                    assertTrue(numbers.add(no));
                }
            }
        }
    }

    /** Migration 11's statement that wrote the keys of residents registered before it. */
    private static String v11Backfill() throws Exception {
        String sql = Files.readString(
                Path.of("src/main/resources/db/migration/V11__resident_search_keys.sql"), StandardCharsets.UTF_8);
        sql = sql.substring(sql.indexOf("INSERT INTO resident_search_key")).strip();
        return sql.substring(0, sql.length() - 1);
    }

    private static Set<String> keys(java.sql.Statement s) throws Exception {
        Set<String> keys = new HashSet<>();
        try (ResultSet rs = s.executeQuery("SELECT search_key, resident_id FROM resident_search_key")) {
            while (rs.next()) {
                keys.add(rs.getString(1) + "#" + rs.getLong(2));
            }
        }
        return keys;
    }

    private static Flyway flyway(String url, String target) {
        return Database.migrations().dataSource(url, "sa", "").target(target).load();
    }
}
