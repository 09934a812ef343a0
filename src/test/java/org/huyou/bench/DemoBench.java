package org.huyou.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.huyou.app.AppContext;
import org.huyou.app.AppContext.DemoPart;
import org.huyou.app.DirectSql;
import org.huyou.residents.ResidentFilter;
import org.huyou.residents.demo.DemoHome;
import org.huyou.testing.TestHome;

/**
 * First start's "载入示例数据": the whole demo home loaded into a fresh home, then the register's first page, as the
 * button does. The baseline is a JDBC batch of as many rows as the demo wrote, into one table of the same home, one
 * commit: what the rows cost without any of the app's rules.
 */
final class DemoBench {

    /**
     * {@code cold}: the first load in the JVM, as a user's first start has it; {@code load}: the warm ones after it.
     * Each also in CPU time, which other builds on the same cores change far less than the wall time: the loading
     * thread's ({@code coldCpu}, {@code loadCpu}) and, for the cold load, the whole JVM's ({@code coldProcessCpu}: the
     * JIT compiler's and the collector's threads too). {@code loadAverage}: the system's before and after the group.
     */
    record Result(
            Stats cold,
            Stats load,
            Stats baseline,
            int rows,
            Map<DemoPart, Double> partMedians,
            double coldCpu,
            double coldProcessCpu,
            Stats loadCpu,
            double[] loadAverage) {}

    Result run(int reps) throws Exception {
        Path work = Files.createTempDirectory("huyou-demo-bench");
        List<Double> load = new ArrayList<>();
        List<Double> jdbc = new ArrayList<>();
        Map<DemoPart, List<Double>> parts = new EnumMap<>(DemoPart.class);
        int rows = 0;
        double cold = 0;
        double coldCpu = 0;
        double coldProcessCpu = 0;
        List<Double> loadCpu = new ArrayList<>();
        double loadBefore = loadAverage();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i <= reps; i++) {
            try (AppContext ctx = TestHome.open(work.resolve("demo-" + i))) {
                long before = rowCount(ctx);
                long[] last = {System.nanoTime()};
                long t = last[0];
                long cpu = threads.getCurrentThreadCpuTime();
                long processCpu = processCpu();
                ctx.loadDemo(DemoHome.DEFAULT_RESIDENTS, DemoHome.DEFAULT_SEED, part -> {
                    long now = System.nanoTime();
                    parts.computeIfAbsent(part, p -> new ArrayList<>()).add((now - last[0]) / 1e6);
                    last[0] = now;
                });
                int shown = ctx.residents().search(ResidentFilter.all(), 50).size();
                double ms = (System.nanoTime() - t) / 1e6;
                double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
                if (i == 0) {
                    cold = ms;
                    coldCpu = cpuMs;
                    coldProcessCpu = (processCpu() - processCpu) / 1e6;
                    parts.clear();
                } else {
                    load.add(ms);
                    loadCpu.add(cpuMs);
                }
                if (shown == 0) {
                    throw new IllegalStateException("the demo's register is empty");
                }
                rows = (int) (rowCount(ctx) - before);
            }
            try (AppContext ctx = TestHome.open(work.resolve("jdbc-" + i))) {
                jdbc.add(jdbcInsert(ctx, rows));
            }
        }
        Map<DemoPart, Double> medians = new EnumMap<>(DemoPart.class);
        parts.forEach((p, ms) -> medians.put(p, Stats.of(ms).median()));
        return new Result(
                Stats.of(List.of(cold)),
                Stats.of(load),
                Stats.of(jdbc),
                rows,
                medians,
                coldCpu,
                coldProcessCpu,
                Stats.of(loadCpu),
                new double[] {loadBefore, loadAverage()});
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Rows in every table of the home (table names from the database's own catalogue, not from a user). */
    private static long rowCount(AppContext ctx) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = DirectSql.connect(ctx);
                ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (!"INFORMATION_SCHEMA".equalsIgnoreCase(schema) && !"pg_catalog".equals(schema)) {
                    tables.add("\"" + schema + "\".\"" + rs.getString("TABLE_NAME") + "\"");
                }
            }
        }
        long n = 0;
        try (Connection c = DirectSql.connect(ctx);
                Statement s = c.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    n += rs.getLong(1);
                }
            }
        }
        return n;
    }

    /** The baseline: {@code rows} daily-care rows, one prepared statement, batches of 1,000, one commit. */
    private static double jdbcInsert(AppContext ctx, int rows) throws Exception {
        long residentId;
        try (Connection c = DirectSql.connect(ctx);
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO resident (record_no, name, name_pinyin, "
                                + "name_initials, gender, birth_date, birth_date_estimated, ethnicity, category, "
                                + "admission_date, admission_source, disability_type, guardianship, created_at, created_by, "
                                + "version) VALUES ('B-1', '基准', 'jizhun', 'jz', 'MALE', DATE '2015-01-01', FALSE, '01', "
                                + "'ORPHAN', DATE '2016-01-01', 'CIVIL_AFFAIRS', 'NONE', 'CIVIL_AFFAIRS_LONG_TERM', "
                                + "CURRENT_TIMESTAMP, 'bench', 0)",
                        Statement.RETURN_GENERATED_KEYS)) {
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                residentId = keys.getLong(1);
            }
        }
        try (Connection c = DirectSql.connect(ctx)) {
            c.setAutoCommit(false);
            long t = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO daily_care_log (resident_id, log_date, shift, "
                    + "meals, sleep, hygiene, mood, events, note, created_at, created_by, version) "
                    + "VALUES (?, ?, 'DAY', 'ALL', 'GOOD', 'DONE', 'CALM', ?, ?, ?, 'bench', 0)")) {
                LocalDate first = TestHome.TODAY.minusYears(30);
                for (int i = 0; i < rows; i++) {
                    ps.setLong(1, residentId);
                    ps.setObject(2, first.plusDays(i));
                    ps.setString(3, "今天一切正常");
                    ps.setString(4, "记录 " + i);
                    ps.setObject(5, LocalDateTime.now());
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            return (System.nanoTime() - t) / 1e6;
        }
    }
}
