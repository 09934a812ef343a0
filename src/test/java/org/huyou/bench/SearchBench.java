package org.huyou.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.app.DirectSql;
import org.huyou.common.Pinyin;
import org.huyou.residents.ResidentFilter;
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

    private record Keystroke(String text, String where, String[] params) {
    }

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

    /** The query as hand-written SQL: one indexed prefix lookup per search-key kind the query can mean. */
    private void typed(String q) {
        List<String> prefixes = SearchKeys.forQuery(q);
        String lookups = String.join(" UNION ", java.util.Collections.nCopies(prefixes.size(),
                "SELECT resident_id FROM resident_search_key WHERE search_key LIKE ?"));
        typed.add(new Keystroke(q, "r.id IN (" + lookups + ")",
                prefixes.stream().map(p -> p + "%").toArray(String[]::new)));
    }

    /** Every keystroke's latency through the service, as the list runs it (page + count). */
    Stats app(int passes) {
        List<Double> ms = new ArrayList<>();
        for (int pass = -2; pass < passes; pass++) {
            for (Keystroke k : typed) {
                long t = System.nanoTime();
                ResidentFilter f = ResidentFilter.query(k.text());
                ctx.residents().find(f, ResidentListViewModel.PAGE);
                if (pass >= 0) {
                    ms.add((System.nanoTime() - t) / 1e6);
                }
            }
        }
        return Stats.of(ms);
    }

    Stats raw(int passes) throws Exception {
        List<Double> ms = new ArrayList<>();
        try (Connection c = DirectSql.connect(ctx)) {
            for (int pass = -2; pass < passes; pass++) {
                for (Keystroke k : typed) {
                    long t = System.nanoTime();
                    String where = "WHERE r.voided_at IS NULL AND " + k.where();
                    try (PreparedStatement page = c.prepareStatement(COLUMNS + where + " ORDER BY r.record_no LIMIT "
                            + ResidentListViewModel.PAGE);
                         PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM (SELECT r.id FROM "
                                 + "resident r " + where + " LIMIT " + (ResidentService.COUNT_CAP + 1) + ") m")) {
                        for (int i = 0; i < k.params().length; i++) {
                            page.setString(i + 1, k.params()[i]);
                            count.setString(i + 1, k.params()[i]);
                        }
                        int rows = 0;
                        try (ResultSet rs = page.executeQuery()) {
                            while (rs.next()) {
                                rows++;
                                for (int col = 1; col <= 13; col++) {
                                    rs.getObject(col);
                                }
                            }
                        }
                        if (rows == ResidentListViewModel.PAGE) { // as the service: a short page is the count
                            try (ResultSet rs = count.executeQuery()) {
                                rs.next();
                            }
                        }
                    }
                    if (pass >= 0) {
                        ms.add((System.nanoTime() - t) / 1e6);
                    }
                }
            }
        }
        return Stats.of(ms);
    }
}
