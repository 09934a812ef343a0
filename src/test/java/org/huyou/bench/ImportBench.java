package org.huyou.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.huyou.app.AppContext;
import org.huyou.app.DirectSql;
import org.huyou.residents.io.ImportPreview;
import org.huyou.testing.TestHome;

/**
 * The residents import of a register of N children, as a home moving in brings it (an XLSX with date cells and
 * shared strings), into an empty home: the check alone (preview) and the whole import (preview + commit), each with
 * the peak heap it used, beside a plain JDBC batch insert of the same rows into the resident table.
 */
final class ImportBench {

    static final String HEADER =
            "档案号,姓名,曾用名,性别,出生日期,出生日期为估计,民族,身份证号,户籍地,儿童类别,入院日期," + "入院来源,送养单位/转出机构,残疾类型,残疾等级,监护情况,监护说明,生活组,备注";
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈";
    private static final String GIVEN = "小明红华丽伟芳娜敏静强磊洋艳勇军杰娟涛超秀霞平刚桂英玉兰萍鹏辉建文斌宇浩凯欣怡梓涵子轩雨思佳";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    record Row(String name, boolean female, LocalDate birth, String id, LocalDate admitted, String group) {}

    record Result(
            Stats check,
            Stats imported,
            Stats jdbc,
            Stats checkHeapMb,
            Stats importHeapMb,
            BoundedImport.Result bounded) {}

    private final Path work = Path.of("target", "bench", "import").toAbsolutePath();

    Result run(int n, int reps) throws Exception {
        clear(work);
        Files.createDirectories(work);
        List<Row> rows = rows(n, new Random(n));
        Path xlsx = writeXlsx(rows, work.resolve("register-" + n + ".xlsx"));
        List<Double> checks = new ArrayList<>();
        List<Double> imports = new ArrayList<>();
        List<Double> jdbc = new ArrayList<>();
        List<Double> checkHeap = new ArrayList<>();
        List<Double> importHeap = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            try (AppContext ctx = TestHome.open(work.resolve("home-check-" + i))) {
                HeapPeak peak = HeapPeak.start();
                long t = System.nanoTime();
                ImportPreview p = ctx.residentImporter().preview(xlsx);
                checks.add((System.nanoTime() - t) / 1e6);
                checkHeap.add(peak.stopMb());
                check(p.valid(), p.problems().toString());
            }
            try (AppContext ctx = TestHome.open(work.resolve("home-import-" + i))) {
                HeapPeak peak = HeapPeak.start();
                long t = System.nanoTime();
                ImportPreview p = ctx.residentImporter().preview(xlsx);
                int added = ctx.residentImporter().commit(p);
                imports.add((System.nanoTime() - t) / 1e6);
                importHeap.add(peak.stopMb());
                check(added == n, added + " of " + n);
            }
            try (AppContext ctx = TestHome.open(work.resolve("home-jdbc-" + i))) {
                jdbc.add(jdbcInsert(ctx, rows));
            }
            clear(work.resolve("home-check-" + i));
            clear(work.resolve("home-import-" + i));
            clear(work.resolve("home-jdbc-" + i));
        }
        BoundedImport.Result bounded = BoundedImport.run(xlsx, work.resolve("home-bounded"));
        clear(work.resolve("home-bounded"));
        System.out.printf(
                java.util.Locale.ROOT,
                "  import %d: check %s ms, import %s ms, JDBC %s ms, heap %s/%s MiB;" + " in %d MiB: %s%n",
                n,
                checks,
                imports,
                jdbc,
                checkHeap,
                importHeap,
                BoundedImport.HEAP_MB,
                bounded);
        return new Result(
                Stats.of(checks),
                Stats.of(imports),
                Stats.of(jdbc),
                Stats.of(checkHeap),
                Stats.of(importHeap),
                bounded);
    }

    /** The baseline: the same rows into the resident table, one prepared statement, batches of 1,000, one commit. */
    private static double jdbcInsert(AppContext ctx, List<Row> rows) throws Exception {
        List<String[]> pinyin = new ArrayList<>(rows.size()); // made before the clock starts: the insert alone
        for (Row r : rows) {
            pinyin.add(
                    new String[] {org.huyou.common.Pinyin.full(r.name()), org.huyou.common.Pinyin.initials(r.name())});
        }
        try (Connection c = DirectSql.connect(ctx)) {
            c.setAutoCommit(false);
            long t = System.nanoTime();
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO resident (record_no, name, name_pinyin, name_initials, gender, "
                            + "birth_date, birth_date_estimated, ethnicity, id_number, category, admission_date, "
                            + "admission_source, disability_type, guardianship, created_at, created_by, version) "
                            + "VALUES (?, ?, ?, ?, ?, ?, FALSE, '01', ?, 'ORPHAN', ?, 'CIVIL_AFFAIRS', 'NONE', "
                            + "'CIVIL_AFFAIRS_LONG_TERM', ?, 'bench', 0)")) {
                int i = 0;
                for (Row r : rows) {
                    ps.setString(1, r.admitted().getYear() + "-" + String.format("%05d", ++i));
                    ps.setString(2, r.name());
                    ps.setString(3, pinyin.get(i - 1)[0]);
                    ps.setString(4, pinyin.get(i - 1)[1]);
                    ps.setString(5, r.female() ? "FEMALE" : "MALE");
                    ps.setObject(6, r.birth());
                    ps.setString(7, r.id());
                    ps.setObject(8, r.admitted());
                    ps.setObject(9, LocalDateTime.now());
                    ps.addBatch();
                    if (i % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            return (System.nanoTime() - t) / 1e6;
        }
    }

    /** N children with distinct, valid ID numbers (birth date and sequence differ), admitted after their birth. */
    static List<Row> rows(int n, Random random) {
        List<Row> rows = new ArrayList<>(n);
        LocalDate first = LocalDate.of(2008, 1, 1);
        for (int i = 0; i < n; i++) {
            LocalDate birth = first.plusDays(i % 6000);
            boolean female = random.nextBoolean();
            int seq = (i / 6000) * 2 + (female ? 0 : 1) + 2; // odd for boys, even for girls
            String base = "110105" + birth.toString().replace("-", "") + String.format("%03d", seq);
            int sum = 0;
            for (int k = 0; k < 17; k++) {
                sum += (base.charAt(k) - '0') * WEIGHTS[k];
            }
            String id = base + "10X98765432".charAt(sum % 11);
            String name = "" + SURNAMES.charAt(random.nextInt(SURNAMES.length()))
                    + GIVEN.charAt(random.nextInt(GIVEN.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()));
            LocalDate admitted = birth.plusDays(30 + random.nextInt(700));
            if (admitted.isAfter(TestHome.TODAY)) {
                admitted = TestHome.TODAY;
            }
            rows.add(new Row(name, female, birth, id, admitted, "第" + (1 + random.nextInt(12)) + "组"));
        }
        return rows;
    }

    /** As Excel saves a register: text in shared strings, dates as date cells, the ID column as text. */
    static Path writeXlsx(List<Row> rows, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "Microsoft Excel", "16.0");
            Worksheet ws = wb.newWorksheet("儿童名册");
            String[] header = HEADER.split(",");
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
            }
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                int y = i + 1;
                ws.value(y, 1, r.name());
                ws.value(y, 3, r.female() ? "女" : "男");
                ws.value(y, 4, r.birth());
                ws.style(y, 4).format("yyyy-mm-dd").set();
                ws.value(y, 5, "否");
                ws.value(y, 6, "汉族");
                ws.value(y, 7, r.id());
                ws.value(y, 9, "孤儿");
                ws.value(y, 10, r.admitted());
                ws.style(y, 10).format("yyyy\"年\"m\"月\"d\"日\"").set();
                ws.value(y, 11, "民政部门安置");
                ws.value(y, 13, "无残疾");
                ws.value(y, 15, "民政部门长期监护");
                ws.value(y, 17, r.group());
                if (y % 1000 == 0) {
                    ws.flush(); // stream rows to the file as they are written
                }
            }
            wb.finish();
        }
        return file;
    }

    /** The highest heap in use (all heap pools, sampled every 5 ms) above what was in use at the start. */
    static final class HeapPeak {
        private volatile boolean running = true;
        private volatile long peak;
        private final long base;
        private final Thread sampler;

        private HeapPeak() {
            System.gc();
            base = used();
            sampler = new Thread(
                    () -> {
                        while (running) {
                            peak = Math.max(peak, used());
                            try {
                                Thread.sleep(5);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "heap-peak");
            sampler.setDaemon(true);
            sampler.start();
        }

        static HeapPeak start() {
            return new HeapPeak();
        }

        double stopMb() throws InterruptedException {
            running = false;
            sampler.join();
            return Math.max(0, peak - base) / (1024.0 * 1024.0);
        }

        private static long used() {
            long sum = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    sum += pool.getUsage().getUsed();
                }
            }
            return sum;
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("import bench: " + what);
        }
    }

    static void clear(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}
