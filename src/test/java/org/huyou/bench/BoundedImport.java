package org.huyou.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.huyou.app.AppContext;
import org.huyou.residents.io.ImportPreview;
import org.huyou.testing.TestHome;

/**
 * The residents import (check + commit) in a child JVM whose heap is limited to the budget ({@link #HEAP_MB} MiB),
 * so that what the import needs is measured rather than what a 3 GB bench heap let pile up: the bench's own sampled
 * peak counts garbage never collected. The child reports its time and the highest heap in use right after a garbage
 * collection during the import, of the whole JVM (the open home and H2's 64 MB page cache included; what survived
 * a collection was reachable, or old garbage not yet collected: an upper bound). Completing at all shows the import
 * fits in the budget.
 */
final class BoundedImport {

    static final int HEAP_MB = 256;

    record Result(double ms, double afterGcMb, int collections) {}

    private BoundedImport() {}

    /** Runs the import of {@code xlsx} into a new home in {@code home}, in a child JVM of {@link #HEAP_MB} MiB. */
    static Result run(Path xlsx, Path home) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx" + HEAP_MB + "m",
                "-Dfile.encoding=UTF-8",
                "-Dorg.jooq.no-logo=true",
                "-Dorg.jooq.no-tips=true",
                "-cp",
                System.getProperty("java.class.path"),
                BoundedImport.class.getName(),
                xlsx.toString(),
                home.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                output.append(line).append('\n');
                if (line.startsWith("BOUNDED ")) {
                    result = line;
                }
            }
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException("the import in " + HEAP_MB + " MiB failed:\n" + output);
        }
        String[] f = result.split(" ");
        return new Result(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Integer.parseInt(f[3]));
    }

    /** The child: args are the file and the home's folder; prints "BOUNDED ms afterGcMiB collections". */
    public static void main(String[] args) throws Exception {
        try (AppContext ctx = TestHome.open(Path.of(args[1]))) {
            System.gc();
            java.util.Set<String> heapPools = new java.util.HashSet<>();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heapPools.add(pool.getName());
                }
            }
            AtomicLong highest = new AtomicLong();
            AtomicLong collections = new AtomicLong();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc)
                        .addNotificationListener(
                                (n, handback) -> {
                                    if (!n.getType()
                                            .equals(
                                                    GarbageCollectionNotificationInfo
                                                            .GARBAGE_COLLECTION_NOTIFICATION)) {
                                        return;
                                    }
                                    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                                    long used = 0;
                                    for (var pool : info.getGcInfo()
                                            .getMemoryUsageAfterGc()
                                            .entrySet()) {
                                        if (heapPools.contains(pool.getKey())) {
                                            used += pool.getValue().getUsed();
                                        }
                                    }
                                    highest.accumulateAndGet(used, Math::max);
                                    collections.incrementAndGet();
                                },
                                null,
                                null);
            }
            long t = System.nanoTime();
            ImportPreview preview = ctx.residentImporter().preview(Path.of(args[0]));
            int added = ctx.residentImporter().commit(preview);
            double ms = (System.nanoTime() - t) / 1e6;
            if (added != preview.rows().size()) {
                throw new IllegalStateException(added + " of " + preview.rows().size());
            }
            Thread.sleep(200); // the last collection's notification arrives on another thread
            System.out.printf(
                    java.util.Locale.ROOT,
                    "BOUNDED %.1f %.1f %d%n",
                    ms,
                    highest.get() / (1024.0 * 1024.0),
                    collections.get());
        }
    }
}
