package org.huyou.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huyou.app.AppContext;
import org.huyou.residents.AgeBand;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.Permission;
import org.huyou.security.PermissionDeniedException;
import org.huyou.security.Role;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every dashboard figure equals a count made directly in SQL (a different path from the service's), on the demo home
 * and on a larger generated one; drill-downs list as many rows as their point counts; the annual report holds the
 * year's totals.
 */
class StatisticsTest {

    static final int YEAR = TestHome.TODAY.getYear();

    @TempDir
    Path dir;

    AppContext home(int residents, long seed) {
        AppContext ctx = TestHome.open(dir);
        ctx.demoHome();
        ctx.loadDemo(residents, seed);
        ctx.accounts().create("yz", "院长", TestHome.PASSWORD, EnumSet.of(Role.DIRECTOR));
        ctx.login().logout();
        ctx.login().login("yz", TestHome.PASSWORD.toCharArray());
        return ctx;
    }

    @ParameterizedTest(name = "{0} residents, seed {1}")
    @CsvSource({"72, 20261123", "400, 7"})
    void everyFigureEqualsADirectCount(int residents, long seed) throws Exception {
        try (AppContext ctx = home(residents, seed);
                Connection c = org.huyou.app.DirectSql.connect(ctx)) {
            StatisticsService.Dashboard d = ctx.statistics().dashboard(YEAR);
            String responsible = "FROM resident r JOIN resident_current_status s ON s.resident_id = r.id "
                    + "WHERE r.voided_at IS NULL AND s.status IN ('IN_CARE', 'FAMILY_FOSTER_CARE')";
            assertPoints(
                    d.chart(Figure.RESIDENTS_BY_CATEGORY),
                    counts(c, "SELECT r.category, 'COUNT', COUNT(*) " + responsible + " GROUP BY r.category"));
            assertPoints(
                    d.chart(Figure.RESIDENTS_BY_SEX),
                    counts(c, "SELECT r.gender, 'COUNT', COUNT(*) " + responsible + " GROUP BY r.gender"));
            assertPoints(
                    d.chart(Figure.RESIDENTS_BY_DISABILITY),
                    counts(
                            c,
                            "SELECT r.disability_type, CASE WHEN r.disability_grade IS NULL THEN 'UNGRADED' ELSE CAST(r.disability_grade AS VARCHAR) END, COUNT(*) "
                                    + responsible
                                    + " AND r.disability_type <> 'NONE' GROUP BY r.disability_type, r.disability_grade"));
            assertPoints(
                    d.chart(Figure.RESIDENTS_BY_STATUS),
                    counts(
                            c,
                            "SELECT s.status, 'COUNT', COUNT(*) FROM resident r JOIN resident_current_status s "
                                    + "ON s.resident_id = r.id WHERE r.voided_at IS NULL GROUP BY s.status"));
            Map<String, BigDecimal> bands = new HashMap<>();
            for (AgeBand b : AgeBand.values()) {
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT COUNT(*) " + responsible + " AND r.birth_date BETWEEN ? AND ?")) {
                    ps.setObject(1, b.bornOnOrAfter(TestHome.TODAY));
                    ps.setObject(2, b.bornOnOrBefore(TestHome.TODAY));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) > 0) {
                            bands.put(b.name() + "/COUNT", BigDecimal.valueOf(rs.getInt(1)));
                        }
                    }
                }
            }
            assertPoints(d.chart(Figure.RESIDENTS_BY_AGE_BAND), bands);
            assertPoints(
                    d.chart(Figure.ADMISSIONS_BY_SOURCE),
                    counts(
                            c,
                            "SELECT CAST(EXTRACT(YEAR FROM admission_date) AS INT), admission_source, COUNT(*) FROM resident "
                                    + "WHERE voided_at IS NULL AND CAST(EXTRACT(YEAR FROM admission_date) AS INT) > "
                                    + (YEAR - 10)
                                    + " GROUP BY CAST(EXTRACT(YEAR FROM admission_date) AS INT), admission_source"));
            Map<String, BigDecimal> departures = counts(
                    c,
                    "SELECT CAST(EXTRACT(YEAR FROM event_date) AS INT), status, COUNT(*) FROM resident_status_event "
                            + "WHERE voided_at IS NULL AND status IN ('ADOPTED', 'TRANSFERRED_OUT', 'DECEASED') "
                            + "AND CAST(EXTRACT(YEAR FROM event_date) AS INT) > " + (YEAR - 10)
                            + " GROUP BY CAST(EXTRACT(YEAR FROM event_date) AS INT), status");
            // Leaving at adulthood is the register's 成年离院 entry (the transition plan's leaving writes one).
            departures.putAll(counts(
                    c,
                    "SELECT CAST(EXTRACT(YEAR FROM event_date) AS INT), 'ADULT_LEFT', COUNT(*) "
                            + "FROM resident_status_event WHERE voided_at IS NULL AND status = 'ADULT_TRANSITION' "
                            + "AND CAST(EXTRACT(YEAR FROM event_date) AS INT) > " + (YEAR - 10)
                            + " GROUP BY CAST(EXTRACT(YEAR FROM event_date) AS INT)"));
            assertPoints(d.chart(Figure.DEPARTURES_BY_DESTINATION), departures);
            assertPoints(
                    d.chart(Figure.PLACEMENTS_BY_PATHWAY),
                    counts(c, "SELECT pathway, status, COUNT(*) FROM transition_plan GROUP BY pathway, status"));

            String year = " BETWEEN DATE '" + YEAR + "-01-01' AND DATE '" + YEAR + "-12-31'";
            Map<String, BigDecimal> care = counts(
                    c,
                    "SELECT CAST(EXTRACT(MONTH FROM event_date) AS INT), 'CHECKUPS', COUNT(*) "
                            + "FROM medical_record WHERE voided_at IS NULL AND kind = 'CHECKUP' AND event_date" + year
                            + " GROUP BY CAST(EXTRACT(MONTH FROM event_date) AS INT)");
            care.putAll(counts(
                    c,
                    "SELECT CAST(EXTRACT(MONTH FROM session_date) AS INT), 'REHAB_SESSIONS', COUNT(*) "
                            + "FROM rehab_session WHERE voided_at IS NULL AND attendance = 'ATTENDED' AND session_date"
                            + year
                            + " GROUP BY CAST(EXTRACT(MONTH FROM session_date) AS INT)"));
            care.putAll(counts(
                    c,
                    "SELECT CAST(EXTRACT(MONTH FROM assessed_on) AS INT), 'RISK_' || grade, COUNT(*) "
                            + "FROM risk_assessment WHERE voided_at IS NULL AND assessed_on" + year
                            + " GROUP BY CAST(EXTRACT(MONTH FROM assessed_on) AS INT), grade"));
            assertMonthly(d.chart(Figure.CARE_ACTIVITY), care);
            assertTrue(d.chart(Figure.CARE_ACTIVITY).total().signum() > 0, "the demo has care activity this year");

            Map<String, BigDecimal> money = counts(
                    c,
                    "SELECT CAST(EXTRACT(MONTH FROM l.entry_date) AS INT), "
                            + "CASE COALESCE(o.kind, l.kind) WHEN 'DONATION' THEN 'MONEY_IN' WHEN 'USE' THEN 'MONEY_OUT' END, "
                            + "SUM(CASE WHEN COALESCE(o.kind, l.kind) = 'USE' THEN -l.amount ELSE l.amount END) "
                            + "FROM ledger_entry l LEFT JOIN ledger_entry o ON o.seq = l.reverses_seq "
                            + "WHERE COALESCE(o.kind, l.kind) IN ('DONATION', 'USE') AND l.entry_date" + year
                            + " GROUP BY CAST(EXTRACT(MONTH FROM l.entry_date) AS INT), COALESCE(o.kind, l.kind)");
            money.putAll(counts(
                    c,
                    "SELECT CAST(EXTRACT(MONTH FROM entry_date) AS INT), 'GOODS_IN', SUM(goods_value) "
                            + "FROM ledger_entry WHERE kind = 'GOODS_IN' AND entry_date" + year
                            + " GROUP BY CAST(EXTRACT(MONTH FROM entry_date) AS INT)"));
            assertMonthly(d.chart(Figure.DONATIONS), money);
            assertMonthly(
                    d.chart(Figure.VOLUNTEERS),
                    counts(
                            c,
                            "SELECT CAST(EXTRACT(MONTH FROM a.activity_date) AS INT), "
                                    + "'VOLUNTEER_HOURS', SUM(s.hours) FROM volunteer_signup s JOIN volunteer_activity a "
                                    + "ON a.id = s.activity_id WHERE s.attended AND a.activity_date" + year
                                    + " GROUP BY CAST(EXTRACT(MONTH FROM a.activity_date) AS INT)"),
                    "VOLUNTEER_HOURS");
            assertMonthly(
                    d.chart(Figure.OPEN_DAY),
                    counts(
                            c,
                            "SELECT CAST(EXTRACT(MONTH FROM session_date) AS INT), "
                                    + "'VISITORS', SUM(head_count) FROM openday_visit WHERE session_date" + year
                                    + " GROUP BY CAST(EXTRACT(MONTH FROM session_date) AS INT)"));

            for (Figure f : EnumSet.range(Figure.RESIDENTS_BY_CATEGORY, Figure.PLACEMENTS_BY_PATHWAY)) {
                for (Chart.Point p : d.chart(f).points()) {
                    assertEquals(
                            p.value().intValueExact(),
                            ctx.statistics().drill(YEAR, f, p).rows().size(),
                            f + " " + p + ": the drill-down lists the people counted");
                }
            }
        }
    }

    @Test
    void drillingNeedsThePermissionForWhatLiesBehindAndTheReportHoldsTheTotals() throws Exception {
        try (AppContext ctx = home(72, 20261123)) {
            StatisticsService.Dashboard d = ctx.statistics().dashboard(YEAR);
            Chart care = d.chart(Figure.CARE_ACTIVITY);
            Chart.Point checkups = care.points().stream()
                    .filter(p -> p.seriesKey().equals("CHECKUPS") && p.value().signum() > 0)
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    checkups.value().intValueExact(),
                    ctx.statistics()
                            .drill(YEAR, Figure.CARE_ACTIVITY, checkups)
                            .rows()
                            .size());
            Chart.Point money = d.chart(Figure.DONATIONS).points().stream()
                    .filter(p -> p.seriesKey().equals("MONEY_IN") && p.value().signum() > 0)
                    .findFirst()
                    .orElseThrow();
            BigDecimal listed = ctx.statistics().drill(YEAR, Figure.DONATIONS, money).rows().stream()
                    .map(r -> org.huyou.common.Money.parse(r.get(5)))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, money.value().compareTo(listed), "the entries add up to the bar");

            Path pdf = dir.resolve("report.pdf");
            ctx.statistics().annualReport(YEAR, pdf);
            String text;
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            }
            assertTrue(text.contains(YEAR + "年度工作报告"), text);
            String inCare = d.chart(Figure.RESIDENTS_BY_CATEGORY).total().toPlainString();
            assertTrue(text.contains("儿童" + inCare + "人"), "children in care: " + inCare);
            assertTrue(text.contains("体检" + care.total("CHECKUPS").toPlainString() + "人次"), "checkups");
            String received = String.format("%,.2f", d.chart(Figure.DONATIONS).total("MONEY_IN"));
            assertTrue(text.contains("捐款收入" + received + "元"), "money received " + received);
            assertTrue(
                    text.contains(
                            "开放日来访" + d.chart(Figure.OPEN_DAY).total("VISITORS").toPlainString()),
                    "visitors");
            for (Figure f : Figure.values()) {
                assertTrue(text.contains(f.label().replaceAll("\\s+", "")), f.label());
            }

            // psychology taken from the director: the counts stay, the assessments behind them do not open
            ctx.login().logout();
            ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
            ctx.accounts().setPermission(Role.DIRECTOR, new Permission(AppModule.PSYCHOLOGY, Action.VIEW), false);
            ctx.login().logout();
            ctx.login().login("yz", TestHome.PASSWORD.toCharArray());
            Chart.Point risk = ctx.statistics().dashboard(YEAR).chart(Figure.CARE_ACTIVITY).points().stream()
                    .filter(p -> p.seriesKey().startsWith("RISK_"))
                    .findFirst()
                    .orElseThrow();
            assertThrows(
                    PermissionDeniedException.class, () -> ctx.statistics().drill(YEAR, Figure.CARE_ACTIVITY, risk));
            ctx.login().logout();
            ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
            assertThrows(
                    PermissionDeniedException.class,
                    () -> ctx.statistics().dashboard(YEAR),
                    "the administrator runs accounts, not the home's figures");
        }
    }

    /**
     * The annual report's totals equal sums made straight in SQL, each in its unit: money grouped with two decimals,
     * counts whole; volunteers counted once in the year, the same number the hours screen lists for the year; no 合计
     * adds money in to money out or hours to people.
     */
    @Test
    void theAnnualReportsTotalsEqualDirectSumsAndAgreeWithTheHoursScreen() throws Exception {
        try (AppContext ctx = home(72, 20261123);
                Connection c = org.huyou.app.DirectSql.connect(ctx)) {
            String year = " BETWEEN DATE '" + YEAR + "-01-01' AND DATE '" + YEAR + "-12-31'";
            BigDecimal in = one(
                    c,
                    "SELECT COALESCE(SUM(l.amount), 0) FROM ledger_entry l LEFT JOIN ledger_entry o "
                            + "ON o.seq = l.reverses_seq WHERE COALESCE(o.kind, l.kind) = 'DONATION' AND l.entry_date"
                            + year);
            BigDecimal out = one(
                    c,
                    "SELECT COALESCE(-SUM(l.amount), 0) FROM ledger_entry l LEFT JOIN ledger_entry o "
                            + "ON o.seq = l.reverses_seq WHERE COALESCE(o.kind, l.kind) = 'USE' AND l.entry_date"
                            + year);
            BigDecimal hours = one(
                    c,
                    "SELECT COALESCE(SUM(s.hours), 0) FROM volunteer_signup s JOIN volunteer_activity a "
                            + "ON a.id = s.activity_id WHERE s.attended AND a.activity_date" + year);
            BigDecimal people = one(
                    c,
                    "SELECT COUNT(DISTINCT s.volunteer_id) FROM volunteer_signup s "
                            + "JOIN volunteer_activity a ON a.id = s.activity_id WHERE s.attended AND a.activity_date"
                            + year);
            BigDecimal visitors =
                    one(c, "SELECT COALESCE(SUM(head_count), 0) FROM openday_visit WHERE session_date" + year);
            assertTrue(in.signum() > 0 && people.signum() > 0, "the demo has donations and volunteers this year");

            StatisticsService.Dashboard d = ctx.statistics().dashboard(YEAR);
            Chart money = d.chart(Figure.DONATIONS);
            assertEquals(0, in.compareTo(money.total("MONEY_IN")));
            assertEquals(0, out.compareTo(money.total("MONEY_OUT")));
            Chart vol = d.chart(Figure.VOLUNTEERS);
            assertEquals(0, hours.compareTo(vol.total("VOLUNTEER_HOURS")));
            assertEquals(0, people.compareTo(vol.total("ACTIVE_VOLUNTEERS")), "each volunteer once in the year");
            assertTrue(vol.points().stream()
                            .filter(p -> p.seriesKey().equals("ACTIVE_VOLUNTEERS"))
                            .map(Chart.Point::value)
                            .reduce(BigDecimal.ZERO, BigDecimal::add)
                            .compareTo(people)
                    >= 0);

            // the hours screen (服务时长) for the same period lists the same volunteers and hours
            var lines = ctx.shifts().hoursPerVolunteer(LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31));
            assertEquals(people.intValueExact(), lines.size(), "统计 and 服务时长 count the same volunteers");
            assertEquals(
                    0, hours.compareTo(lines.stream().map(l -> l.hours()).reduce(BigDecimal.ZERO, BigDecimal::add)));

            // totals only of like with like
            assertTrue(!money.rowTotals()
                    && !vol.rowTotals()
                    && !d.chart(Figure.CARE_ACTIVITY).rowTotals());
            assertTrue(d.chart(Figure.ADMISSIONS_BY_SOURCE).rowTotals()
                    || d.chart(Figure.ADMISSIONS_BY_SOURCE).seriesKeys().size() < 2);
            // natural order: grades 一级..四级 then ungraded, years ascending
            List<String> grades = d.chart(Figure.RESIDENTS_BY_DISABILITY).seriesKeys();
            List<String> sorted = new java.util.ArrayList<>(grades);
            sorted.sort(java.util.Comparator.comparing(k -> k.equals("UNGRADED") ? "9" : k));
            assertEquals(sorted, grades);
            List<String> years = d.chart(Figure.ADMISSIONS_BY_SOURCE).xLabels();
            assertEquals(years.stream().sorted().toList(), years);

            Path pdf = dir.resolve("report.pdf");
            ctx.statistics().annualReport(YEAR, pdf);
            String text;
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            }
            assertTrue(text.contains("捐款收入" + org.huyou.common.Money.amount(in) + "元"), text);
            assertTrue(text.contains("支出" + org.huyou.common.Money.amount(out) + "元"), text);
            assertTrue(org.huyou.common.Money.amount(in).contains(",") || in.compareTo(new BigDecimal(1000)) < 0);
            assertTrue(text.contains("参与志愿者" + people.toPlainString() + "人"), text);
            assertTrue(text.contains("开放日来访" + visitors.toPlainString() + "人次"), text);
            assertTrue(!text.contains("E+") && !text.contains(".0000"), "no raw decimals");
        }
    }

    static BigDecimal one(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    /** key "x/series" → value, from a query returning (x, series, value). */
    static Map<String, BigDecimal> counts(Connection c, String sql) throws Exception {
        Map<String, BigDecimal> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1) + "/" + rs.getString(2), rs.getBigDecimal(3));
            }
        }
        return out;
    }

    static void assertPoints(Chart chart, Map<String, BigDecimal> expected) {
        Map<String, BigDecimal> actual = new HashMap<>();
        chart.points().forEach(p -> actual.put(p.xKey() + "/" + p.seriesKey(), p.value()));
        assertEquals(expected.keySet(), actual.keySet(), chart.figure().name());
        expected.forEach((k, v) -> assertEquals(0, v.compareTo(actual.get(k)), chart.figure() + " " + k));
    }

    /** Monthly charts show every month: compare each series' months with the direct sums (missing = 0). */
    static void assertMonthly(Chart chart, Map<String, BigDecimal> expected, String... onlySeries) {
        for (Chart.Point p : chart.points()) {
            if (onlySeries.length > 0 && !java.util.List.of(onlySeries).contains(p.seriesKey())) {
                continue;
            }
            BigDecimal want = expected.getOrDefault(p.xKey() + "/" + p.seriesKey(), BigDecimal.ZERO);
            assertEquals(0, want.compareTo(p.value()), chart.figure() + " " + p.xKey() + "/" + p.seriesKey());
        }
    }
}
