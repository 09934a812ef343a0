package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.huyou.backup.RestoreJournal;
import org.huyou.residents.Resident;
import org.huyou.security.AuditFilter;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore killed at each of its steps (a child JVM halted there, as kill -9 would: nothing closed, no shutdown
 * hooks) leaves a home that opens at the next start with the old data or the new, never none, nothing left over,
 * and an audit chain that verifies; from the marker on, the restore is completed (and recorded) at that start.
 */
@org.junit.jupiter.api.Tag("embedded-only") // the embedded H2 file and its folder
class RestoreCrashTest {

    @TempDir
    Path dir;

    static final int OLD = 4;
    static final int NEW = 2;

    @Test
    void aKillAtEachStepOfARestoreLeavesAHomeThatOpensWithTheOldOrTheNewData() throws Exception {
        Path home = dir.resolve("home");
        Path backup = dir.resolve("before.huyou-backup");
        try (AppContext ctx = TestHome.open(home)) {
            admit(ctx, NEW);
            ctx.backups().backupTo(backup);
            admit(ctx, OLD - NEW);
        }
        for (int step = RestoreJournal.STEP_STARTED; step <= RestoreJournal.STEP_RECORDED + 1; step++) {
            Path copy = dir.resolve("step-" + step);
            copyTree(home, copy);
            int exit = runChild(copy, backup, step);
            boolean halted = step <= RestoreJournal.STEP_RECORDED;
            assertEquals(halted ? 99 : 0, exit, "step " + step);
            boolean decided = step >= RestoreJournal.STEP_MARKED;
            try (AppContext ctx = TestHome.open(copy)) {
                assertEquals(decided ? NEW : OLD, ctx.residents().countAll(), "step " + step);
                assertTrue(
                        ctx.audit().verifyChain().ok(),
                        "step " + step + ": " + ctx.audit().verifyChain());
                long restoreRows =
                        ctx.audit().browse(new AuditFilter(null, "RESTORE", null, null, null, null), 50).stream()
                                .filter(e -> "auditSummary.restored".equals(e.summaryKey())
                                        && e.summary().contains("before.huyou-backup"))
                                .count();
                assertEquals(decided ? 1 : 0, restoreRows, "step " + step + ": the restore recorded once");
            }
            try (Stream<Path> s = Files.list(copy)) {
                List<String> left = s.map(p -> p.getFileName().toString())
                        .filter(n -> n.startsWith("restore") || n.endsWith(".part"))
                        .toList();
                assertTrue(left.isEmpty(), "step " + step + " left " + left);
            }
            assertFalse(halted && !Files.exists(copy.resolve("huyou.mv.db")), "step " + step);
        }
    }

    static void admit(AppContext ctx, int n) {
        for (int i = 0; i < n; i++) {
            Resident d = AuditTrailTest.draft("恢复" + i);
            ctx.residents()
                    .create(new Resident(
                            null,
                            null,
                            null,
                            d.name(),
                            null,
                            d.gender(),
                            d.birthDate(),
                            false,
                            null,
                            null,
                            null,
                            d.category(),
                            d.admissionDate(),
                            d.admissionSource(),
                            null,
                            d.disabilityType(),
                            null,
                            d.guardianship(),
                            null,
                            null,
                            null));
        }
    }

    private int runChild(Path home, Path backup, int step) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dorg.jooq.no-logo=true",
                "-Dhuyou.logDir=" + dir.resolve("child-logs"),
                "-Dhuyou.test.haltAfterRestoreStep=" + step,
                RestoreTarget.class.getName(),
                home.toString(),
                backup.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("child-" + step + ".out").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "step " + step + ": the child did not end");
        return p.exitValue();
    }

    static void copyTree(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
