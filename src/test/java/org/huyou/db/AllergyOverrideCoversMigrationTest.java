package org.huyou.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration 35 turns an order's allergy override (once a flag covering every allergy, even later ones) into the list
 * of allergies medical staff saw when they made it: those on record then, not voided by then; never a later one.
 */
class AllergyOverrideCoversMigrationTest {

    @TempDir
    Path dir;

    @Test
    void anOverrideMadeBeforeCoversTheAllergiesOnRecordThenAndNoLaterOne() throws SQLException {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("legacy");
        flyway(url, "31").migrate(); // the last before 35 (32 to 34 were not used)
        long before;
        long voidedAfter;
        long overridden;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            long child = resident(c, "2020-0001");
            long other = resident(c, "2020-0002");
            before = allergy(c, child, "青霉素", "2026-05-01 08:00:00", null);
            allergy(c, child, "头孢", "2026-05-01 08:00:00", "2026-05-05 08:00:00");
            voidedAfter = allergy(c, child, "磺胺", "2026-05-01 08:00:00", "2026-06-05 08:00:00");
            allergy(c, child, "花生", "2026-06-02 08:00:00", null);
            allergy(c, other, "青霉素", "2026-05-01 08:00:00", null);
            overridden = order(c, child, "2026-06-01 08:00:00", "医生确认：皮试阴性");
            order(c, child, "2026-06-01 09:00:00", null);
        }
        flyway(url, String.valueOf(Database.LATEST_MIGRATION)).migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            List<long[]> covered = new ArrayList<>();
            try (ResultSet r = c.createStatement()
                    .executeQuery(
                            "SELECT order_id, allergy_id FROM medication_order_override_allergy ORDER BY allergy_id")) {
                while (r.next()) {
                    covered.add(new long[] {r.getLong(1), r.getLong(2)});
                }
            }
            // on record when the override was made: the standing one and the one voided only later; not the one
            // voided before, nor the one recorded after, nor the other child's, nor any for the order not overridden
            assertEquals(2, covered.size(), "covered rows");
            assertEquals(
                    List.of(overridden, overridden),
                    covered.stream().map(p -> p[0]).toList());
            assertEquals(
                    List.of(before, voidedAfter),
                    covered.stream().map(p -> p[1]).toList());
        }
    }

    private static Flyway flyway(String url, String target) {
        // the migrations as a home gets them (SQL and Java), so a new Java migration is never missing here
        return Database.migrations().dataSource(url, "sa", "").target(target).load();
    }

    private static long resident(Connection c, String recordNo) throws SQLException {
        return insert(
                c,
                "INSERT INTO resident (record_no, name, name_pinyin, name_initials, gender, birth_date,"
                        + " category, admission_date, admission_source, guardianship, created_at, created_by) VALUES (?,"
                        + " '李明', 'li ming', 'lm', 'MALE', DATE '2015-03-01', 'ORPHAN', DATE '2016-01-01', 'POLICE',"
                        + " 'CIVIL_AFFAIRS_LONG_TERM', TIMESTAMP '2016-01-01 08:00:00', 'admin')",
                recordNo);
    }

    private static long allergy(Connection c, long resident, String substance, String created, String voided)
            throws SQLException {
        return insert(
                c,
                "INSERT INTO allergy (resident_id, substance, severity, noted_on, created_at, created_by,"
                        + " voided_at, voided_by) VALUES (?, ?, 'SEVERE', DATE '2026-05-01', CAST(? AS TIMESTAMP), 'doc',"
                        + " CAST(? AS TIMESTAMP), ?)",
                resident,
                substance,
                created,
                voided,
                voided == null ? null : "doc");
    }

    private static long order(Connection c, long resident, String created, String override) throws SQLException {
        return insert(
                c,
                "INSERT INTO medication_order (resident_id, drug, dose, times_of_day, start_date, created_at,"
                        + " created_by, allergy_override) VALUES (?, '阿莫西林', '1片', '08:00', DATE '2026-06-01',"
                        + " CAST(? AS TIMESTAMP), 'doc', ?)",
                resident,
                created,
                override);
    }

    private static long insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.length; i++) {
                p.setObject(i + 1, values[i]);
            }
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
