package org.huyou.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
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
 * Migration 36 fills each fund's kept months (received from donors, used otherwise) from the entries already in the
 * ledger: donations, payments and their reversals, several in one month, months apart, and the goods left out.
 */
class FundMonthsMigrationTest {

    @TempDir
    Path dir;

    private long seq;

    @Test
    void aLedgerFromBeforeGetsItsFundMonthsFromItsEntries() throws SQLException {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("legacy");
        flyway(url, "35").migrate(); // the last before 36
        long general;
        long education;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            general = insert(
                    c,
                    "INSERT INTO fund (name, restricted, purpose, created_at, created_by)"
                            + " VALUES ('一般', FALSE, 'GENERAL', TIMESTAMP '2025-01-01 08:00:00', 'admin')");
            education = insert(
                    c,
                    "INSERT INTO fund (name, restricted, purpose, created_at, created_by)"
                            + " VALUES ('助学', TRUE, 'EDUCATION', TIMESTAMP '2025-01-01 08:00:00', 'admin')");
            long donor = insert(
                    c,
                    "INSERT INTO donor (kind, name, naming, created_at, created_by)"
                            + " VALUES ('INDIVIDUAL', '张三', 'FULL', TIMESTAMP '2025-01-01 08:00:00', 'admin')");
            long item = insert(
                    c,
                    "INSERT INTO goods_item (name, unit, category, created_at, created_by)"
                            + " VALUES ('大米', '袋', 'FOOD', TIMESTAMP '2025-01-01 08:00:00', 'admin')");
            long first = donation(c, "2026-03-31", general, donor, "100.00");
            donation(c, "2026-03-01", general, donor, "50.50");
            use(c, "2026-03-15", general, "-30.00");
            donation(c, "2026-05-02", general, donor, "200.00");
            long paid = use(c, "2026-05-20", general, "-80.00");
            donation(c, "2026-05-03", education, donor, "300.00");
            entry(c, "2026-05-21", "REVERSAL", general, "-100.00", donor, null, first); // the March gift reversed
            entry(c, "2026-05-22", "REVERSAL", general, "80.00", null, null, paid);
            goodsIn(c, "2026-05-04", item, donor);
        }
        flyway(url, String.valueOf(Database.LATEST_MIGRATION)).migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            List<String> months = new ArrayList<>();
            try (ResultSet r = c.createStatement()
                    .executeQuery("SELECT fund_id, month_start, received, used"
                            + " FROM fund_month ORDER BY fund_id, month_start")) {
                while (r.next()) {
                    months.add(r.getLong(1) + " " + r.getDate(2) + " "
                            + r.getBigDecimal(3).toPlainString() + " "
                            + r.getBigDecimal(4).toPlainString());
                }
            }
            // received: donations and their reversals; used: payments and theirs, as positive sums
            assertEquals(
                    List.of(
                            general + " 2026-03-01 150.50 30.00",
                            general + " 2026-05-01 100.00 0.00",
                            education + " 2026-05-01 300.00 0.00"),
                    months);
        }
    }

    private static Flyway flyway(String url, String target) {
        // the migrations as a home gets them (SQL and Java), so a new Java migration is never missing here
        return Database.migrations().dataSource(url, "sa", "").target(target).load();
    }

    private long donation(Connection c, String day, long fund, long donor, String amount) throws SQLException {
        return entry(c, day, "DONATION", fund, amount, donor, "R" + (seq + 1), null);
    }

    private long use(Connection c, String day, long fund, String amount) throws SQLException {
        return entry(c, day, "USE", fund, amount, null, null, null);
    }

    private long entry(
            Connection c, String day, String kind, long fund, String amount, Long donor, String receipt, Long reverses)
            throws SQLException {
        seq++;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO ledger_entry (seq, entry_date, kind, fund_id,"
                + " amount, donor_id, channel, purpose, receipt_no, payee, reverses_seq, created_at, created_by,"
                + " prev_hash, hash) VALUES (?, CAST(? AS DATE), ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " TIMESTAMP '2026-06-01 08:00:00', 'admin', ?, ?)")) {
            p.setLong(1, seq);
            p.setString(2, day);
            p.setString(3, kind);
            p.setLong(4, fund);
            p.setBigDecimal(5, new BigDecimal(amount));
            p.setObject(6, donor);
            p.setString(7, "DONATION".equals(kind) ? "CASH" : null);
            p.setString(8, "USE".equals(kind) ? "GENERAL" : null);
            p.setString(9, receipt);
            p.setString(10, "USE".equals(kind) ? "超市" : null);
            p.setObject(11, reverses);
            p.setString(12, "0".repeat(64));
            p.setString(13, String.format("%064d", seq));
            p.executeUpdate();
        }
        return seq;
    }

    private void goodsIn(Connection c, String day, long item, long donor) throws SQLException {
        seq++;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO ledger_entry (seq, entry_date, kind, donor_id,"
                + " item_id, quantity, goods_value, created_at, created_by, prev_hash, hash) VALUES (?, CAST(? AS DATE),"
                + " 'GOODS_IN', ?, ?, 10, 500.00, TIMESTAMP '2026-06-01 08:00:00', 'admin', ?, ?)")) {
            p.setLong(1, seq);
            p.setString(2, day);
            p.setLong(3, donor);
            p.setLong(4, item);
            p.setString(5, "0".repeat(64));
            p.setString(6, String.format("%064d", seq));
            p.executeUpdate();
        }
    }

    private static long insert(Connection c, String sql) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
