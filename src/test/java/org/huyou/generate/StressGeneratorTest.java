package org.huyou.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HexFormat;
import org.huyou.app.AppContext;
import org.huyou.app.DirectSql;
import org.huyou.app.HomeAccess;
import org.huyou.cli.HuyouCli;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code huyou generate}: the counts asked for, a chain that verifies, the long-stay timeline, the same data again. */
class StressGeneratorTest {

    private static final String[] CARE_TABLES = {
        "daily_care_log", "growth_measurement", "medical_record", "rehab_session", "risk_assessment"
    };

    @TempDir
    Path dir;

    private String generate(Path out, long seed) {
        StringWriter said = new StringWriter();
        var cl = HuyouCli.commandLine(prompt -> TestHome.PASSWORD.toCharArray(), TestHome.CLOCK);
        cl.setOut(new PrintWriter(said));
        cl.setErr(new PrintWriter(said));
        int code = cl.execute(
                "generate",
                "--residents=80",
                "--years=20",
                "--care-entries=4000",
                "--ledger-entries=1500",
                "--long-stay-entries=1000",
                "--seed=" + seed,
                "--out-data-dir=" + out);
        assertEquals(0, code, said::toString);
        return said.toString();
    }

    @Test
    void fillsAHomeWithWhatWasAskedForAndTheSameSeedGivesTheSameData() throws Exception {
        generate(dir.resolve("a"), 7);
        generate(dir.resolve("b"), 7);
        generate(dir.resolve("c"), 8);
        String a = fingerprint(dir.resolve("a"));
        assertEquals(a, fingerprint(dir.resolve("b")), "same seed, same day: same data");
        assertNotEquals(a, fingerprint(dir.resolve("c")), "another seed: other data");

        try (AppContext ctx = HomeAccess.login(
                        dir.resolve("a"), "director", TestHome.PASSWORD.toCharArray(), TestHome.CLOCK);
                Connection c = DirectSql.connect(ctx)) {
            assertEquals(80, count(c, "SELECT COUNT(*) FROM resident"));
            long care = 0;
            for (String t : CARE_TABLES) {
                care += count(c, "SELECT COUNT(*) FROM " + t);
            }
            assertTrue(Math.abs(care - 4000) <= 80, "care entries: " + care); // each resident's share is rounded
            assertEquals(1500, count(c, "SELECT COUNT(*) FROM ledger_entry"));
            assertTrue(ctx.ledger().verify().ok(), "the generated chain verifies like a real one");
            long longest = count(
                    c,
                    "SELECT MAX(n) FROM (SELECT resident_id, COUNT(*) n FROM daily_care_log "
                            + "GROUP BY resident_id)");
            assertTrue(longest >= 800, "the long-stay child's daily logs: " + longest);
            assertTrue(count(c, "SELECT COUNT(*) FROM resident_current_status WHERE status = 'IN_CARE'") > 0);
            assertTrue(
                    count(c, "SELECT COUNT(*) FROM resident_current_status WHERE status = 'ADULT_TRANSITION'") > 0,
                    "over twenty years some children left as adults");
            assertEquals(
                    count(c, "SELECT COUNT(*) FROM resident_current_status WHERE status = 'ADULT_TRANSITION'"),
                    count(c, "SELECT COUNT(*) FROM transition_plan"),
                    "each adult who left has a placement plan");
            assertTrue(count(c, "SELECT COUNT(*) FROM volunteer_signup") > 0);
            assertTrue(count(c, "SELECT COUNT(*) FROM openday_visit") > 0);
            assertEquals(
                    0,
                    count(c, "SELECT COUNT(*) FROM openday_visit WHERE LENGTH(slip_no) <> 9"),
                    "slips numbered as the front desk numbers them (2026-0001)");
            assertEquals(
                    count(
                            c,
                            "SELECT COUNT(DISTINCT session_date_year) FROM (SELECT EXTRACT(YEAR FROM "
                                    + "session_date) session_date_year FROM openday_visit) y"),
                    count(
                            c,
                            "SELECT COUNT(*) FROM "
                                    + "slip_counter s WHERE s.last_no = (SELECT COUNT(*) FROM openday_visit v WHERE "
                                    + "EXTRACT(YEAR FROM v.session_date) = s.slip_year)"),
                    "each year's slip counter where its generated slips end: the next check-in follows them");
            assertEquals(
                    0,
                    count(
                            c,
                            "SELECT COUNT(*) FROM openday_visit WHERE session_date < DATE '2026-05-01' "
                                    + "AND document_no IS NOT NULL"),
                    "old visitors' personal data is gone, as the home removes it");
            assertEquals(
                    0,
                    count(
                            c,
                            "SELECT COUNT(*) FROM ledger_entry l JOIN ledger_entry o "
                                    + "ON o.seq = l.reverses_seq WHERE l.amount <> -o.amount"),
                    "reversals mirror their original");
        }
    }

    @Test
    void aFolderWithAHomeIsRefused() {
        generate(dir.resolve("a"), 7);
        var cl = HuyouCli.commandLine(prompt -> TestHome.PASSWORD.toCharArray(), TestHome.CLOCK);
        StringWriter said = new StringWriter();
        cl.setErr(new PrintWriter(said));
        assertNotEquals(0, cl.execute("generate", "--residents=5", "--out-data-dir=" + dir.resolve("a")));
        assertTrue(said.toString().contains(dir.resolve("a").toString()), said.toString());
    }

    /** A digest of the residents and the ledger head: equal when the data are. */
    private static String fingerprint(Path home) throws Exception {
        try (AppContext ctx = HomeAccess.login(home, "director", TestHome.PASSWORD.toCharArray(), TestHome.CLOCK);
                Connection c = DirectSql.connect(ctx);
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT record_no, name, birth_date, id_number, category "
                                + "FROM resident ORDER BY id")) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            while (rs.next()) {
                for (int i = 1; i <= 5; i++) {
                    md.update(String.valueOf(rs.getObject(i)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            try (ResultSet head = c.createStatement().executeQuery("SELECT last_hash FROM ledger_head")) {
                head.next();
                md.update(head.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
