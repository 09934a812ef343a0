package org.huyou.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.huyou.app.AppContext;
import org.huyou.residents.io.ImportPreview;
import org.huyou.testing.TestHome;

/**
 * The residents import's commit timed in one JVM, wall and CPU time of the importing thread (the CPU time holds
 * whatever the other builds' load; issue 27). Run by hand:
 * {@code java -cp ... [-Dprobe.cacheKb=262144] org.huyou.bench.ImportProbe <work dir> <residents> [rounds]}
 * (the cache option sets H2's page cache for the commit only, to measure it).
 */
final class ImportProbe {

    private ImportProbe() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        int n = Integer.parseInt(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        ImportBench.clear(work);
        Files.createDirectories(work);
        Path xlsx = ImportBench.writeXlsx(ImportBench.rows(n, new Random(n)), work.resolve("register-" + n + ".xlsx"));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            Path home = work.resolve("home-" + round);
            try (AppContext ctx = TestHome.open(home)) {
                long t0 = System.nanoTime();
                ImportPreview p = ctx.residentImporter().preview(xlsx);
                long t1 = System.nanoTime();
                String cache = System.getProperty("probe.cacheKb");
                if (cache != null) {
                    try (var c = org.huyou.app.DirectSql.connect(ctx);
                            var st = c.createStatement()) {
                        st.execute("SET CACHE_SIZE " + Integer.parseInt(cache));
                    }
                }
                long reads = fileReads(ctx);
                long cpu = threads.getCurrentThreadCpuTime();
                int added = ctx.residentImporter().commit(p);
                long t2 = System.nanoTime();
                long commitCpu = threads.getCurrentThreadCpuTime() - cpu;
                reads = fileReads(ctx) - reads;
                if (added != n) {
                    throw new IllegalStateException(added + " of " + n);
                }
                System.out.printf(
                        Locale.ROOT,
                        "round %d  %,d residents: check %,d ms, commit %,d ms wall, %,d ms CPU, %,d page reads%n",
                        round,
                        n,
                        (t1 - t0) / 1_000_000,
                        (t2 - t1) / 1_000_000,
                        commitCpu / 1_000_000,
                        reads);
            }
            ImportBench.clear(home);
        }
    }

    /** H2's count of reads from the store's file so far (pages it had let go of and needed again). */
    private static long fileReads(AppContext ctx) throws Exception {
        try (var c = org.huyou.app.DirectSql.connect(ctx);
                var ps = c.prepareStatement(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.FILE_READ'");
                var rs = ps.executeQuery()) {
            return rs.next() ? Long.parseLong(rs.getString(1)) : -1;
        }
    }
}
