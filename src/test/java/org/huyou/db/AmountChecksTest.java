package org.huyou.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.huyou.app.AppContext;
import org.huyou.app.DirectSql;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.huyou.testing.TestHome;
import org.huyou.testing.TestPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An amount, count or duration the services refuse as zero or less is refused by the schema too (H2 and PostgreSQL),
 * so an import, a command line or a bug cannot store it: rows written straight in SQL are turned away.
 */
class AmountChecksTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    /**
     * Numeric columns with no CHECK, each with why: a sum or cache the app derives, a counter or sequence, or a value
     * whose sign carries meaning. A new amount column without a CHECK fails {@link #everyNumericColumnIsCheckedOrNamed}.
     */
    static final Map<String, String> UNCHECKED = Map.ofEntries(
            Map.entry("AUDIT_HEAD.LAST_SEQ", "a sequence"),
            Map.entry("CHAIN_CHECKPOINT.LAST_SEQ", "a sequence"),
            Map.entry("LEDGER_HEAD.LAST_SEQ", "a sequence"),
            Map.entry("NUMBER_FLOOR.LAST_NO", "a counter a restore carries over"),
            Map.entry("LEDGER_ENTRY.GOODS_VALUE", "signed: a reversal carries the value negated"),
            Map.entry("PAYMENT_REQUEST.LEDGER_SEQ", "a reference"),
            Map.entry("GOODS_LOT.RECEIPT_SEQ", "a reference"),
            Map.entry("RESIDENT_SEARCH_KEY.KEY_NO", "an index's numbering"),
            Map.entry("DISCLOSURE.TOTAL_RECEIVED", "a sum the disclosure derives from the ledger"),
            Map.entry("DISCLOSURE.TOTAL_USED", "a sum the disclosure derives from the ledger"),
            Map.entry("FUND_MONTH.OPENING", "a sum derived from the ledger"),
            Map.entry("FUND_MONTH.RECEIVED", "a sum derived from the ledger (reversals net in)"),
            Map.entry("FUND_MONTH.USED", "a sum derived from the ledger (reversals net in)"),
            Map.entry("GOODS_LOT.REMAINING", "a cache replayed from the ledger"),
            Map.entry("GOODS_STOCK.QUANTITY", "a sum derived from the ledger"),
            Map.entry("OPENDAY_VISIT.REPEAT_NO", "a numbering"),
            Map.entry("VOLUNTEER_SIGNUP.SIGNUP_NO", "a numbering"),
            Map.entry("RECEIPT_COUNTER.LAST_NO", "a counter"),
            Map.entry("RECEIPT_COUNTER.RECEIPT_YEAR", "a counter's year"),
            Map.entry("SLIP_COUNTER.LAST_NO", "a counter"),
            Map.entry("SLIP_COUNTER.SLIP_YEAR", "a counter's year"),
            Map.entry("PSYCH_SCREENING.TOTAL", "an instrument's score, signed by instrument"),
            Map.entry("REHAB_SCORE.SCORE", "a scale's score, which may be negative"));

    @TempDir
    Path dir;

    @Test
    void rowsWithAnAmountOrDurationOfZeroOrLessAreRefused() throws SQLException {
        try (CareStaff home = new CareStaff(dir, DAY, LocalDate.of(2009, 6, 10));
                Connection c = DirectSql.connect(home.ctx)) {
            long child = home.child.id();
            home.as(Role.REHABILITATION_THERAPIST);
            long rehabPlan = home.ctx
                    .rehab()
                    .createPlan(child, "粗大运动康复", DAY, DAY.plusDays(90))
                    .id();
            for (String topUp : List.of("0", "-1")) {
                assertRefused(
                        c,
                        "INSERT INTO transition_plan (resident_id, pathway, basis, status, city_top_up, decided_by,"
                                + " decided_at) VALUES (?, 'SOCIALIZED', '能独立生活', 'DRAFT', CAST(? AS DECIMAL(12, 2)),"
                                + " 'social_worker', CURRENT_TIMESTAMP)",
                        child,
                        topUp);
            }
            assertRefused(
                    c,
                    "INSERT INTO counselling_session (resident_id, session_date, kind, minutes, note, created_at,"
                            + " created_by) VALUES (?, CURRENT_DATE, 'INDIVIDUAL', CAST(? AS INT), '谈话',"
                            + " CURRENT_TIMESTAMP, 'psychologist')",
                    child,
                    "0");
            assertRefused(
                    c,
                    "INSERT INTO rehab_session (resident_id, plan_id, session_date, area, attendance, minutes,"
                            + " created_at, created_by) VALUES (?, " + rehabPlan + ", CURRENT_DATE, 'PHYSICAL',"
                            + " 'ATTENDED', CAST(? AS INT), CURRENT_TIMESTAMP, 'therapist')",
                    child,
                    "0");
            // the same rows with a real amount go in: the refusals above were the rules, not the statements
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO rehab_session (resident_id, plan_id, session_date, area, attendance, minutes,"
                            + " created_at, created_by) VALUES (?, ?, CURRENT_DATE, 'PHYSICAL', 'CANCELLED', 0,"
                            + " CURRENT_TIMESTAMP, 'therapist')")) {
                p.setLong(1, child);
                p.setLong(2, rehabPlan);
                assertEquals(1, p.executeUpdate(), "a cancelled session records no minutes");
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO transition_plan (resident_id, pathway, basis, status, city_top_up, decided_by,"
                            + " decided_at) VALUES (?, 'SOCIALIZED', '能独立生活', 'DRAFT', 0.01, 'social_worker',"
                            + " CURRENT_TIMESTAMP)")) {
                p.setLong(1, child);
                assertEquals(1, p.executeUpdate());
            }
        }
    }

    /** Every numeric column of the schema has a CHECK naming it, or is named above with why it has none. */
    @Test
    void everyNumericColumnIsCheckedOrNamed() throws SQLException {
        Assumptions.assumeFalse(TestPostgres.selected(), "reads H2's information schema");
        try (AppContext ctx = TestHome.open(dir);
                Connection c = DirectSql.connect(ctx)) {
            List<String> checks = new ArrayList<>();
            try (ResultSet r = c.createStatement()
                    .executeQuery("SELECT tc.TABLE_NAME, cc.CHECK_CLAUSE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
                            + " JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                            + " AND cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA WHERE tc.TABLE_SCHEMA = 'PUBLIC'")) {
                while (r.next()) {
                    checks.add(r.getString(1) + " " + r.getString(2).toUpperCase(Locale.ROOT));
                }
            }
            Map<String, String> unchecked = new TreeMap<>();
            try (ResultSet r = c.createStatement()
                    .executeQuery("SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                            + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME <> 'flyway_schema_history'"
                            + " AND DATA_TYPE IN ('DECIMAL', 'NUMERIC', 'INTEGER', 'BIGINT', 'SMALLINT')"
                            + " AND COLUMN_NAME <> 'ID' AND COLUMN_NAME NOT LIKE '%\\_ID' ESCAPE '\\'"
                            + " AND COLUMN_NAME <> 'VERSION' AND COLUMN_NAME <> 'SEQ'")) {
                while (r.next()) {
                    String table = r.getString(1);
                    String column = r.getString(2);
                    boolean checked = checks.stream()
                            .anyMatch(k -> k.startsWith(table + " ") && k.contains("\"" + column + "\""));
                    if (!checked) {
                        String key = table + "." + column;
                        unchecked.put(key, UNCHECKED.getOrDefault(key, "an amount or count: add a CHECK"));
                    }
                }
            }
            assertEquals(new TreeSet<>(UNCHECKED.keySet()), unchecked.keySet(), unchecked.toString());
        }
    }

    private static void assertRefused(Connection c, String sql, long residentId, String value) {
        SQLException e = assertThrows(
                SQLException.class,
                () -> {
                    try (PreparedStatement p = c.prepareStatement(sql)) {
                        p.setLong(1, residentId);
                        p.setString(2, value);
                        p.executeUpdate();
                    }
                },
                sql + " with " + value);
        // 23513 (H2) and 23514 (PostgreSQL): a check constraint was violated, not some other fault of the statement
        assertTrue(e.getSQLState().startsWith("2351"), e.getSQLState() + " " + e.getMessage());
    }
}
