package org.huyou.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.huyou.app.AppContext;
import org.huyou.app.DirectSql;
import org.huyou.common.Pinyin;
import org.huyou.residents.ResidentFilter;
import org.huyou.residents.ResidentRepository;
import org.huyou.residents.ResidentService;
import org.huyou.residents.SearchKeys;
import org.huyou.residents.ui.ResidentListViewModel;

/**
 * The register's search box as a user types: for a few residents, their name character by character, the pinyin
 * initials and the full pinyin letter by letter, and the ID number in growing prefixes. Each keystroke costs what
 * the list asks for (the first page of rows and, when the page is full, the count up to its cap, as
 * {@code ResidentService.find}). The baseline runs the same lookups as hand-written SQL over plain JDBC on the same
 * indexes: the search-key prefixes of {@link SearchKeys#forQuery}.
 */
final class SearchBench {

    private static final String COLUMNS = "SELECT r.id, r.record_no, r.name, r.gender, r.birth_date, "
            + "r.birth_date_estimated, r.id_number, r.category, g.name, r.disability_type, r.disability_grade, "
            + "r.admission_date, (SELECT e.status FROM resident_status_event e WHERE e.resident_id = r.id "
            + "AND e.voided_at IS NULL ORDER BY e.event_date DESC, e.id DESC LIMIT 1) "
            + "FROM resident r LEFT JOIN living_group g ON g.id = r.living_group_id ";

    private record Keystroke(String text, List<String> prefixes) {}

    private final AppContext ctx;
    private final List<Keystroke> typed = new ArrayList<>();

    SearchBench(AppContext ctx) throws Exception {
        this.ctx = ctx;
        try (Connection c = DirectSql.connect(ctx);
                PreparedStatement ps = c.prepareStatement("SELECT name, id_number FROM resident WHERE MOD(id, ?) = 7 "
                        + "AND id_number IS NOT NULL ORDER BY id LIMIT 4")) {
            ps.setInt(1, Math.max(10, ctx.residents().countAll() / 4));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keystrokes(rs.getString(1), rs.getString(2));
                }
            }
        }
    }

    private void keystrokes(String name, String idNumber) {
        for (int i = 1; i <= name.length(); i++) {
            typed(name.substring(0, i));
        }
        String initials = Pinyin.initials(name);
        for (int i = 1; i <= initials.length(); i++) {
            typed(initials.substring(0, i));
        }
        String full = Pinyin.full(name);
        for (int i = 2; i <= full.length(); i += 2) {
            typed(full.substring(0, i));
        }
        for (int len : new int[] {4, 6, 10, 14, 18}) {
            typed(idNumber.substring(0, len));
        }
    }

    /** A keystroke: the text typed and the search-key prefixes it means. */
    private void typed(String q) {
        typed.add(new Keystroke(q, SearchKeys.forQuery(q)));
    }

    /** The app's and the hand-written statements' latencies per keystroke, measured alternately. */
    record Measured(Stats app, Stats raw) {}

    /**
     * Every keystroke through the service, as the list runs it (page + count), and the same lookup by hand: the two
     * alternate keystroke by keystroke, the one going first switching each pass, so that neither gets a warmer JIT,
     * page cache or CPU than the other (measured one after the other, the second always looked faster at 1k).
     */
    Measured measure(int passes) throws Exception {
        int narrow = ResidentRepository.narrowLimit(ctx.residents().countAll());
        List<Double> app = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        try (Connection c = DirectSql.connect(ctx);
                java.sql.Statement st = c.createStatement()) {
            for (int pass = -3; pass < passes; pass++) {
                for (Keystroke k : typed) {
                    boolean appFirst = (pass & 1) == 0;
                    double a = 0;
                    double r = 0;
                    if (appFirst) {
                        a = app(k);
                    }
                    r = raw(c, st, k, narrow);
                    if (!appFirst) {
                        a = app(k);
                    }
                    if (pass >= 0) {
                        app.add(a);
                        raw.add(r);
                        if (a > 20 && System.getProperty("bench.slow") != null) {
                            System.out.printf("  slow keystroke '%s': app %.1f ms, raw %.1f ms%n", k.text(), a, r);
                        }
                    }
                }
            }
        }
        return new Measured(Stats.of(app), Stats.of(raw));
    }

    private double app(Keystroke k) {
        long t = System.nanoTime();
        ctx.residents().find(ResidentFilter.query(k.text()), ResidentListViewModel.PAGE);
        return (System.nanoTime() - t) / 1e6;
    }

    /**
     * The same statements written by hand over plain JDBC: the key lookups (at most as many rows each as the app reads),
     * then the page's ids by the key index or, for a broad query, by the record-number index with each resident's
     * own keys checked, then those rows, then the capped count when the page is full and the lookups did not already
     * show more than the cap.
     */
    private static double raw(Connection c, java.sql.Statement st, Keystroke k, int narrow) throws Exception {
        int cap = ResidentService.COUNT_CAP + 1;
        int read = Math.max(narrow, 2 * cap) + 1;
        long t = System.nanoTime();
        Set<Long> ids = new HashSet<>();
        List<String> holding = new ArrayList<>();
        boolean broad = false;
        boolean complete = true;
        for (String prefix : k.prefixes()) {
            int found = 0;
            // Patterns written into the SQL, as the app does: H2 uses no index range for LIKE ?.
            try (ResultSet rs = st.executeQuery("SELECT resident_id FROM resident_search_key WHERE "
                    + "search_key LIKE " + literal(prefix) + " LIMIT " + read)) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    found++;
                }
            }
            complete &= found < read;
            if (found > 0) {
                holding.add(literal(prefix));
            }
            broad |= ids.size() > narrow || found == read;
        }
        String match;
        if (holding.isEmpty()) {
            match = "FALSE";
        } else if (broad) {
            match = "("
                    + holding.stream()
                            .map(p -> "EXISTS (SELECT 1 FROM resident_search_key k WHERE "
                                    + "k.key_no >= r.id * 256 AND k.key_no < (r.id + 1) * 256 AND k.search_key LIKE "
                                    + p
                                    + " OFFSET 0 ROWS)")
                            .collect(Collectors.joining(" OR "))
                    + ")";
        } else if (holding.size() == 1) {
            match = "r.id IN (SELECT resident_id FROM resident_search_key WHERE search_key LIKE " + holding.get(0)
                    + ")";
        } else {
            match = "r.id IN (" + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
        }
        String where = " WHERE r.voided_at IS NULL AND " + match;
        List<Long> pageIds = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(
                "SELECT r.id FROM resident r" + where + " ORDER BY r.record_no LIMIT " + ResidentListViewModel.PAGE)) {
            while (rs.next()) {
                pageIds.add(rs.getLong(1));
            }
        }
        if (!pageIds.isEmpty()) {
            try (PreparedStatement rows = c.prepareStatement(COLUMNS + "WHERE r.id IN ("
                            + pageIds.stream().map(String::valueOf).collect(Collectors.joining(","))
                            + ") ORDER BY r.record_no");
                    ResultSet rs = rows.executeQuery()) {
                while (rs.next()) {
                    for (int col = 1; col <= 13; col++) {
                        rs.getObject(col);
                    }
                }
            }
        }
        if (pageIds.size() == ResidentListViewModel.PAGE && !(complete || ids.size() >= cap)) {
            try (ResultSet rs = st.executeQuery(
                    "SELECT COUNT(*) FROM (SELECT r.id FROM resident r" + where + " LIMIT " + cap + ") m")) {
                rs.next();
            }
        }
        return (System.nanoTime() - t) / 1e6;
    }

    /** A prefix pattern as an SQL literal, LIKE's wildcards escaped as the app's {@code Like} does. */
    private static String literal(String prefix) {
        String escaped =
                prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_").replace("'", "''");
        return "'" + escaped + "%' ESCAPE '!'";
    }
}
