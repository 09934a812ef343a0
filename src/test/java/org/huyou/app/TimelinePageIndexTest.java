package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huyou.care.TimelineCursor;
import org.huyou.care.TimelineService;
import org.huyou.residents.demo.DemoHome;
import org.huyou.security.Role;
import org.huyou.testing.TestHome;
import org.huyou.testing.TestPostgres;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every timeline source reads its page from an index in the page's order, so a page costs its own rows, not the
 * resident's whole history (a long stay has 20,000 entries: the first page read and sorted them all, 41-150 ms).
 * H2 says so in its plan ({@code index sorted}); the next source ordered otherwise fails here. The plans are H2's, so
 * PostgreSQL is not asked.
 */
class TimelinePageIndexTest {

    private static final Pattern TABLE = Pattern.compile("(?i)\\bfrom\\s+\"?(\\w+)\"?");

    @TempDir
    Path dir;

    @Test
    void everySourceReadsItsPageInIndexOrder() {
        Assumptions.assumeFalse(TestPostgres.selected(), "reads H2's plans");
        try (AppContext ctx = TestHome.open(dir)) {
            ctx.loadDemo(DemoHome.DEFAULT_RESIDENTS, DemoHome.DEFAULT_SEED);
            ctx.accounts()
                    .create(
                            "all",
                            "全科",
                            TestHome.PASSWORD,
                            EnumSet.of(
                                    Role.DIRECTOR,
                                    Role.REHABILITATION_THERAPIST,
                                    Role.TEACHER,
                                    Role.PSYCHOLOGIST,
                                    Role.SOCIAL_WORKER,
                                    Role.MEDICAL_STAFF));
            ctx.login().logout();
            ctx.login().login("all", TestHome.PASSWORD.toCharArray());
            DSLContext dsl = ctx.database().dsl();
            long child = ((Number) dsl.fetchValue("SELECT resident_id FROM daily_care_log "
                            + "GROUP BY resident_id ORDER BY COUNT(*) DESC LIMIT 1"))
                    .longValue();
            List<String> pages = new ArrayList<>();
            ExecuteListener capture = new ExecuteListener() {
                @Override
                public void executeEnd(ExecuteContext e) {
                    if (e.query() != null) {
                        pages.add(dsl.renderInlined(e.query()));
                    }
                }
            };
            dsl.configuration().set(new DefaultExecuteListenerProvider(capture));
            TimelineService.Page first;
            try {
                first = ctx.timeline().page(child, TimelineService.Filter.all(), TimelineCursor.START, 5);
                ctx.timeline().page(child, TimelineService.Filter.all(), first.next(), 5);
            } finally {
                dsl.configuration().set(new org.jooq.ExecuteListenerProvider[0]);
            }
            assertEquals(5, first.entries().size(), "the demo child has a timeline");

            Set<String> tables = new TreeSet<>();
            List<String> unsorted = new ArrayList<>();
            for (String sql : pages) {
                Matcher m = TABLE.matcher(sql);
                String table = m.find() ? m.group(1).toLowerCase() : sql;
                tables.add(table);
                String plan = dsl.fetchValue("EXPLAIN " + sql).toString();
                if (!plan.contains("index sorted")) {
                    unsorted.add(table + ": " + plan.replaceAll("\\s+", " "));
                }
            }
            assertEquals(
                    Set.of(
                            "allergy",
                            "care_plan",
                            "counselling_session",
                            "daily_care_log",
                            "education_placement",
                            "education_progress",
                            "growth_measurement",
                            "incident",
                            "medical_record",
                            "plan_review",
                            "psych_screening",
                            "rehab_score",
                            "rehab_session",
                            "risk_assessment"),
                    tables,
                    "every source's table was paged");
            assertTrue(unsorted.isEmpty(), "pages sorted after reading every row:\n" + String.join("\n", unsorted));
        }
    }
}
