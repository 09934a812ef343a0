package org.huyou.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.app.DirectSql;
import org.huyou.care.TimelineCursor;
import org.huyou.care.TimelineService;

/**
 * Opening the long-stay child's file on the timeline: the first page as the screen asks for it. The baseline reads
 * the same page in raw SQL: each care table's newest rows for the child by its index, merged.
 */
final class TimelineBench {

    static final int PAGE = 100;
    private static final String[][] TABLES = {
        {"daily_care_log", "log_date"},
        {"growth_measurement", "measured_on"},
        {"medical_record", "event_date"},
        {"rehab_session", "session_date"},
        {"risk_assessment", "assessed_on"}
    };

    private final AppContext ctx;
    private final long residentId;

    TimelineBench(AppContext ctx) throws Exception {
        this.ctx = ctx;
        try (Connection c = DirectSql.connect(ctx);
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT resident_id FROM daily_care_log "
                                + "GROUP BY resident_id ORDER BY COUNT(*) DESC LIMIT 1")) {
            rs.next();
            residentId = rs.getLong(1);
        }
    }

    Stats app(int reps) {
        return Stats.time(3, reps, () -> {
            var page = ctx.timeline().page(residentId, TimelineService.Filter.all(), TimelineCursor.START, PAGE);
            if (page.entries().size() != PAGE) {
                throw new IllegalStateException("short page: " + page.entries().size());
            }
        });
    }

    Stats raw(int reps) throws Exception {
        try (Connection c = DirectSql.connect(ctx)) {
            return Stats.time(3, reps, () -> {
                try {
                    List<Object[]> merged = new ArrayList<>();
                    for (String[] t : TABLES) {
                        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + t[0]
                                + " WHERE resident_id = ? ORDER BY " + t[1] + " DESC, id DESC LIMIT " + (PAGE + 1))) {
                            ps.setLong(1, residentId);
                            try (ResultSet rs = ps.executeQuery()) {
                                int cols = rs.getMetaData().getColumnCount();
                                while (rs.next()) {
                                    Object[] row = new Object[cols];
                                    for (int i = 0; i < cols; i++) {
                                        row[i] = rs.getObject(i + 1);
                                    }
                                    merged.add(new Object[] {rs.getDate(t[1]).toLocalDate(), row});
                                }
                            }
                        }
                    }
                    merged.sort(Comparator.comparing((Object[] r) -> (java.time.LocalDate) r[0])
                            .reversed());
                    merged.subList(PAGE, merged.size()).clear();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
