package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.huyou.residents.ResidentFilter;
import org.huyou.residents.ResidentSummary;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at a random moment while a child JVM commits residents one by one: every id it printed after a commit
 * returned must be there when the database is opened again. Runs {@code huyou.killRuns} times (default 20).
 */
@org.junit.jupiter.api.Tag("embedded-only") // the embedded H2 file itself: its encryption, its backups, its process
class KillDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void everyCommittedRecordSurvivesAKill() throws Exception {
        int runs = Integer.getInteger("huyou.killRuns", 20);
        TestHome.open(dir).close();
        Random random = new Random(42);
        int totalCommitted = 0;
        List<String> report = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            ProcessBuilder pb = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "-Dorg.jooq.no-logo=true",
                    "-Dhuyou.logDir=" + dir.resolve("child-logs"),
                    KillTarget.class.getName(),
                    dir.toString());
            pb.redirectErrorStream(false);
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            List<Long> committed = new ArrayList<>();
            long killAfterMillis = 50 + random.nextInt(1000);
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line = in.readLine();
                assertTrue("READY".equals(line), "child did not start: " + line);
                // The random moment is counted from the first commit, past start-up and class loading.
                line = in.readLine();
                committed.add(Long.parseLong(line.substring("COMMITTED ".length())));
                long deadline = System.nanoTime() + killAfterMillis * 1_000_000;
                while (System.nanoTime() < deadline && (line = in.readLine()) != null) {
                    committed.add(Long.parseLong(line.substring("COMMITTED ".length())));
                }
                p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no closing of the database
                p.waitFor(10, TimeUnit.SECONDS);
            }
            try (AppContext ctx = TestHome.open(dir)) {
                List<Long> present = ctx.residents().search(ResidentFilter.all(), Integer.MAX_VALUE).stream()
                        .map(ResidentSummary::id)
                        .toList();
                List<Long> missing =
                        committed.stream().filter(id -> !present.contains(id)).toList();
                assertTrue(missing.isEmpty(), "run " + run + ": committed but lost " + missing);
            }
            totalCommitted += committed.size();
            report.add(committed.size() + "");
        }
        org.slf4j.LoggerFactory.getLogger(KillDurabilityTest.class)
                .info(
                        "kill -9 runs: {}, records committed and found again: {} (per run: {})",
                        runs,
                        totalCommitted,
                        report);
        assertTrue(totalCommitted > runs, "the child committed too little to mean anything: " + totalCommitted);
    }
}
