package org.huyou.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.huyou.app.AppContext;
import org.huyou.app.DirectSql;
import org.huyou.testing.TestHome;
import org.huyou.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration 47 gives the director's month counts their indexes (issue 31): each with the columns the count fixes,
 * then the date, then what it filters or sums, on H2 and PostgreSQL alike; on H2 a year's count ranges over the index
 * instead of reading the table. The figures themselves are checked against direct counts by StatisticsTest.
 */
class StatisticsIndexesMigrationTest {

    @TempDir
    Path dir;

    @Test
    void eachCountHasItsIndexAndAYearsCountRangesOverIt() throws SQLException {
        try (AppContext ctx = TestHome.open(dir);
                Connection c = DirectSql.connect(ctx)) {
            assertEquals(
                    List.of("kind", "event_date", "voided_at"),
                    columns(c, "medical_record", "ix_medical_record_kind_date"));
            assertEquals(
                    List.of("session_date", "attendance", "voided_at"),
                    columns(c, "rehab_session", "ix_rehab_session_date"));
            assertEquals(
                    List.of("grade", "assessed_on", "voided_at"),
                    columns(c, "risk_assessment", "ix_risk_assessment_grade_date"));
            assertEquals(
                    List.of("entry_date", "kind", "reverses_seq", "amount", "goods_value"),
                    columns(c, "ledger_entry", "ix_ledger_date_sums"));
            if (!TestPostgres.selected()) {
                try (ResultSet plan = c.createStatement()
                        .executeQuery(
                                "EXPLAIN SELECT MONTH(event_date), COUNT(*)"
                                        + " FROM medical_record WHERE voided_at IS NULL AND kind = 'CHECKUP'"
                                        + " AND event_date BETWEEN DATE '2026-01-01' AND DATE '2026-12-31' GROUP BY MONTH(event_date)")) {
                    plan.next();
                    String text = plan.getString(1);
                    assertTrue(text.contains("IX_MEDICAL_RECORD_KIND_DATE"), text);
                }
            }
        }
    }

    /** The index's columns in order, lower case (H2 reports names in upper case, PostgreSQL in lower). */
    private static List<String> columns(Connection c, String table, String index) throws SQLException {
        List<String> out = new ArrayList<>();
        for (String t : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet r = c.getMetaData().getIndexInfo(null, null, t, false, false)) {
                while (r.next()) {
                    if (index.equalsIgnoreCase(r.getString("INDEX_NAME"))) {
                        out.add(r.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return out;
    }
}
