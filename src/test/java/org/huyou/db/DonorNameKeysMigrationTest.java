package org.huyou.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration 39 gives the donors registered before it their pinyin keys, as a donor saved now gets them. */
class DonorNameKeysMigrationTest {

    @TempDir
    Path dir;

    @Test
    void donorsFromBeforeGetTheirPinyinAndInitials() throws SQLException {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("legacy");
        flyway(url, "38").migrate(); // the last before 39
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            for (String name : List.of("滨州鲁北化工有限公司", "曾小红", "Anna Schmidt")) {
                try (var ps = c.prepareStatement("INSERT INTO donor (kind, name, naming, created_at, created_by)"
                        + " VALUES ('INDIVIDUAL', ?, 'FULL', TIMESTAMP '2025-01-01 08:00:00', 'admin')")) {
                    ps.setString(1, name);
                    ps.executeUpdate();
                }
            }
        }
        flyway(url, String.valueOf(Database.LATEST_MIGRATION)).migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                ResultSet r = c.createStatement()
                        .executeQuery("SELECT name, name_pinyin, name_initials FROM donor ORDER BY id")) {
            List<String> keys = new ArrayList<>();
            while (r.next()) {
                keys.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3));
            }
            assertEquals(
                    List.of(
                            "滨州鲁北化工有限公司 binzhoulubeihuagongyouxiangongsi bzlbhgyxgs",
                            "曾小红 zengxiaohong zxh",
                            "Anna Schmidt annaschmidt annaschmidt"),
                    keys);
        }
    }

    /** The migrations as the app runs them (the step that fills the keys included), up to {@code target}. */
    private static Flyway flyway(String url, String target) {
        return Database.migrations().dataSource(url, "sa", "").target(target).load();
    }
}
