package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.huyou.residents.demo.DemoHome;
import org.huyou.security.AuditFilter;
import org.huyou.security.Role;
import org.huyou.security.Session;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading the demo is all or nothing: interrupted after its residents (by a fault, or by kill -9 of the process), the
 * home is as empty as before, offers the demo again, and the second load gives the same home as an uninterrupted one.
 */
class DemoAllOrNothingTest {

    @TempDir
    Path dir;

    @TempDir
    Path reference;

    /** What makes one demo home the same as another: counts of every part and both chains whole. */
    static List<Object> fingerprint(AppContext ctx) {
        return asEveryRole(
                ctx,
                () -> List.of(
                        ctx.residents().countAll(),
                        ctx.residents().livingGroups().size(),
                        ctx.ledger().verify().entries(),
                        ctx.ledger().verify().ok(),
                        ctx.volunteers().list("", 100_000).size(),
                        ctx.ledger().funds().size(),
                        ctx.audit()
                                .count(new AuditFilter(
                                        null, org.huyou.security.AuditLog.CREATE, null, null, null, null)),
                        ctx.audit().verifyChain().ok()));
    }

    /** Reads as one holding every role's permissions (the administrator does not keep the ledger), then back. */
    static <T> T asEveryRole(AppContext ctx, java.util.function.Supplier<T> read) {
        Session admin = ctx.currentUser().session().orElseThrow();
        java.util.Set<org.huyou.security.Permission> all = new java.util.HashSet<>();
        for (Role r : Role.values()) {
            all.addAll(ctx.accounts().permissionsOf(r));
        }
        ctx.currentUser().set(new Session(-1, "reader", "reader", EnumSet.allOf(Role.class), all));
        try {
            return read.get();
        } finally {
            ctx.currentUser().set(admin);
        }
    }

    @Test
    void aFaultAfterTheResidentsLeavesTheEmptyHomeThatOffersTheDemoAgain() {
        List<Object> complete;
        try (AppContext ctx = TestHome.open(reference)) {
            ctx.loadDemo(DemoHome.DEFAULT_RESIDENTS, DemoHome.DEFAULT_SEED);
            complete = fingerprint(ctx);
        }
        try (AppContext ctx = TestHome.open(dir)) {
            int auditRowsBefore = ctx.audit().count(AuditFilter.all());
            assertTrue(ctx.demoHome().shouldOffer());
            IllegalStateException fault = assertThrows(
                    IllegalStateException.class,
                    () -> ctx.loadDemo(DemoHome.DEFAULT_RESIDENTS, DemoHome.DEFAULT_SEED, part -> {
                        if (part == AppContext.DemoPart.RESIDENTS) {
                            assertEquals(
                                    DemoHome.DEFAULT_RESIDENTS, ctx.residents().countAll(), "inside the load");
                            throw new IllegalStateException("interrupted after the residents");
                        }
                    }));
            assertEquals("interrupted after the residents", fault.getMessage());
            assertEquals(0, ctx.residents().countAll());
            assertFalse(ctx.residents().hasResidents());
            assertEquals(0, ctx.residents().livingGroups().size());
            assertEquals(auditRowsBefore, ctx.audit().count(AuditFilter.all()), "no audit rows of undone records");
            assertTrue(ctx.audit().verifyChain().ok());
            assertTrue(ctx.demoHome().shouldOffer(), "the offer is made again");

            assertEquals(DemoHome.DEFAULT_RESIDENTS, ctx.loadDemo(DemoHome.DEFAULT_RESIDENTS, DemoHome.DEFAULT_SEED));
            assertEquals(complete, fingerprint(ctx));
            assertFalse(ctx.demoHome().shouldOffer());
        }
    }

    /** kill -9 of a child JVM at a random moment after its residents are written and before the load commits. */
    @Test
    @Tag("embedded-only") // the embedded H2 file's own recovery; a server simply rolls back a dropped connection
    void aKilledLoadLeavesTheEmptyHomeThatOffersTheDemoAgain() throws Exception {
        TestHome.open(dir).close();
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dorg.jooq.no-logo=true",
                "-Dhuyou.logDir=" + dir.resolve("child-logs"),
                DemoKillTarget.class.getName(),
                dir.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && !line.equals("PART RESIDENTS")) {
                // the start-up lines
            }
            assertEquals("PART RESIDENTS", line, "the child never finished its residents");
            // Somewhere in the care, the ledger, the volunteers...: the child waits before its commit, so this is
            // always inside the transaction.
            Thread.sleep(new java.util.Random().nextInt(1500));
            p.destroyForcibly(); // SIGKILL on Linux
            p.waitFor(10, TimeUnit.SECONDS);
        } finally {
            p.destroyForcibly();
        }
        try (AppContext ctx = TestHome.open(dir)) {
            assertEquals(0, ctx.residents().countAll());
            assertEquals(0L, asEveryRole(ctx, () -> ctx.ledger().verify().entries()));
            assertTrue(ctx.audit().verifyChain().ok());
            assertTrue(ctx.demoHome().shouldOffer(), "the offer is made again");
            assertEquals(DemoHome.DEFAULT_RESIDENTS, ctx.loadDemo(DemoHome.DEFAULT_RESIDENTS, DemoHome.DEFAULT_SEED));
            assertTrue(asEveryRole(ctx, () -> ctx.ledger().verify().entries()) > 0);
            assertFalse(ctx.demoHome().shouldOffer());
        }
    }
}
