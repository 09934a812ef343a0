package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.huyou.cli.HuyouCli;
import org.huyou.security.AuditEntry;
import org.huyou.security.AuditHash;
import org.huyou.security.AuditVerifier;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The audit log's chain against someone with the database in hand, working with plain SQL as an attacker would:
 * an edited, removed or inserted row is found and named; appends from several connections at once keep the chain
 * whole; the rows written before the chain existed are chained once; verify-audit says all of it.
 */
class AuditChainTest {

    @TempDir
    Path dir;

    /** A home with some history: its setup, a login, a few accounts (each a row or two). */
    private AppContext homeWithHistory() {
        AppContext ctx = TestHome.open(dir);
        for (int i = 1; i <= 4; i++) {
            TestHome.loginAs(ctx, "user" + i, org.huyou.security.Role.SOCIAL_WORKER);
            ctx.login().logout();
            ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
        }
        AuditVerifier.Result r = ctx.audit().verifyChain();
        assertTrue(r.ok(), r.toString());
        assertTrue(r.entries() >= 10, r.toString());
        return ctx;
    }

    private static void sql(AppContext ctx, String statement, Object... params) throws Exception {
        try (Connection c = DirectSql.connect(ctx);
                PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private static long lastSeq(AppContext ctx) throws Exception {
        try (Connection c = DirectSql.connect(ctx);
                ResultSet rs = c.createStatement().executeQuery("SELECT MAX(seq) FROM audit_log")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anEditedRowIsNamed() throws Exception {
        try (AppContext ctx = homeWithHistory()) {
            sql(ctx, "UPDATE audit_log SET username = 'someone' WHERE seq = 5");
            AuditVerifier.Result r = ctx.audit().verifyChain();
            assertFalse(r.ok());
            assertEquals(5L, r.firstBad());
            assertEquals("content", r.problem());
            assertEquals("审计记录从第 5 条起不完整：其内容与哈希不符（被改动过）。请恢复改动前的备份，并查明是谁接触过数据库。", r.describe());
        }
    }

    @Test
    void aRemovedRowIsNamed() throws Exception {
        try (AppContext ctx = homeWithHistory()) {
            sql(ctx, "DELETE FROM audit_log WHERE seq = 4");
            AuditVerifier.Result r = ctx.audit().verifyChain();
            assertEquals(4L, r.firstBad());
            assertEquals("missing", r.problem());
        }
    }

    @Test
    void theLastRowRemovedIsFoundAgainstTheHead() throws Exception {
        try (AppContext ctx = homeWithHistory()) {
            long last = lastSeq(ctx);
            sql(ctx, "DELETE FROM audit_log WHERE seq = ?", last);
            AuditVerifier.Result r = ctx.audit().verifyChain();
            assertEquals(last, r.firstBad());
            assertEquals("missing", r.problem());
        }
    }

    /**
     * A row with a structured summary is hashed by rule 2, which covers its key: removing the key (so the row would
     * read as an older free-text row) or swapping it for another sentence breaks the row's hash. A row without a key
     * keeps rule 1, the rule the rows written before it were chained by.
     */
    @Test
    void theKeyOfAStructuredSummaryIsCoveredByTheChain() throws Exception {
        try (AppContext ctx = homeWithHistory()) {
            ctx.audit()
                    .record("EDIT", "test", null, org.huyou.security.AuditSummary.of("auditSummary.value", "x"), null);
            long seq = lastSeq(ctx);
            assertTrue(ctx.audit().verifyChain().ok());
            sql(ctx, "UPDATE audit_log SET summary_key = NULL WHERE seq = ?", seq);
            AuditVerifier.Result r = ctx.audit().verifyChain();
            assertEquals(seq, r.firstBad());
            assertEquals("content", r.problem());
            sql(ctx, "UPDATE audit_log SET summary_key = 'auditSummary.removed' WHERE seq = ?", seq);
            assertEquals(seq, ctx.audit().verifyChain().firstBad());
            sql(ctx, "UPDATE audit_log SET summary_key = 'auditSummary.value' WHERE seq = ?", seq);
            assertTrue(ctx.audit().verifyChain().ok(), "put back, whole again");
            // rule 1 for a row without a key: the same fields with a key hash differently
            AuditEntry plain = new AuditEntry(
                    null, LocalDateTime.of(2026, 11, 23, 9, 0), "admin", "EDIT", "test", null, "[\"x\"]", null, null);
            AuditEntry keyed = new AuditEntry(
                    null, plain.at(), "admin", "EDIT", "test", null, "[\"x\"]", null, "auditSummary.value");
            assertFalse(new AuditHash()
                    .of(1, plain, AuditHash.GENESIS)
                    .equals(new AuditHash().of(1, keyed, AuditHash.GENESIS)));
        }
    }

    @Test
    void aRowInsertedOutsideTheChainIsNamed() throws Exception {
        try (AppContext ctx = homeWithHistory()) {
            sql(
                    ctx,
                    "INSERT INTO audit_log (at, username, action, entity) VALUES (?, 'admin', 'LOGIN', 'account')",
                    LocalDateTime.of(2026, 11, 1, 9, 0));
            AuditVerifier.Result r = ctx.audit().verifyChain();
            assertFalse(r.ok());
            assertEquals("inserted", r.problem());
            assertTrue(r.describe().contains("不在哈希链上"), r.describe());
        }
    }

    @Test
    void aRowSqueezedIntoTheChainWithItsOwnHashIsFound() throws Exception {
        try (AppContext ctx = homeWithHistory()) {
            // Make room at place 3 (the rows after it move one on) and put a row there, hashed on its predecessor.
            long last = lastSeq(ctx);
            for (long s = last; s >= 3; s--) {
                sql(ctx, "UPDATE audit_log SET seq = ? WHERE seq = ?", s + 1, s);
            }
            String second;
            try (Connection c = DirectSql.connect(ctx);
                    ResultSet rs = c.createStatement().executeQuery("SELECT hash FROM audit_log WHERE seq = 2")) {
                rs.next();
                second = rs.getString(1);
            }
            AuditEntry forged = new AuditEntry(
                    null,
                    LocalDateTime.of(2026, 11, 23, 9, 0),
                    "admin",
                    "EXPORT",
                    "resident",
                    "1",
                    "nothing happened",
                    null,
                    null);
            sql(
                    ctx,
                    "INSERT INTO audit_log (at, username, action, entity, entity_id, summary, seq, prev_hash, hash) "
                            + "VALUES (?, ?, ?, ?, ?, ?, 3, ?, ?)",
                    forged.at(),
                    forged.username(),
                    forged.action(),
                    forged.entity(),
                    forged.entityId(),
                    forged.summary(),
                    second,
                    new AuditHash().of(3, forged, second));
            AuditVerifier.Result r = ctx.audit().verifyChain();
            assertFalse(r.ok());
            assertEquals(4L, r.firstBad(), "the row after it no longer links");
        }
    }

    /** After a whole verification (its checkpoint), a few more rows: a login and a logout per user again. */
    private AppContext homeWithCheckpointAndLaterRows() throws Exception {
        AppContext ctx = homeWithHistory(); // its verifyChain found the chain whole: the checkpoint is its head
        for (int i = 1; i <= 3; i++) {
            ctx.login().logout();
            ctx.login().login("user" + i, TestHome.PASSWORD.toCharArray());
        }
        ctx.login().logout();
        ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
        return ctx;
    }

    /** What the check after a login found (it reads only the rows after the checkpoint), as the screen shows it. */
    private static AuditVerifier.Result loginCheck(AppContext ctx) {
        ctx.audit().verifyAtLogin();
        return ctx.audit().chainStatus();
    }

    private static long checkpointSeq(AppContext ctx) throws Exception {
        try (Connection c = DirectSql.connect(ctx);
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT last_seq FROM chain_checkpoint WHERE chain = 'AUDIT'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    @Test
    void theLoginCheckReadsOnlyTheRowsAfterTheCheckpointAndTheFullCheckReadsAll() throws Exception {
        try (AppContext ctx = homeWithCheckpointAndLaterRows()) {
            long mark = checkpointSeq(ctx);
            assertTrue(mark >= 10 && mark < lastSeq(ctx), mark + " of " + lastSeq(ctx));
            // an edit before the checkpoint is not read again after a login (that is what keeps logging in quick)...
            sql(ctx, "UPDATE audit_log SET summary = 'changed' WHERE seq = 3");
            AuditVerifier.Result quick = loginCheck(ctx);
            assertTrue(quick.ok(), quick.toString());
            assertEquals(lastSeq(ctx), quick.entries());
            long moved = checkpointSeq(ctx);
            assertEquals(quick.entries(), moved, "a whole check moves the checkpoint to the head");
            // ...but the full check (verify-audit, 重新校验) ignores the checkpoint and names it
            AuditVerifier.Result full = ctx.audit().verifyChain();
            assertEquals(3L, full.firstBad());
            assertEquals("content", full.problem());
            assertEquals(moved, checkpointSeq(ctx), "a broken chain does not move the checkpoint");
        }
    }

    @Test
    void anEditedRowAfterTheCheckpointIsFoundAtLogin() throws Exception {
        try (AppContext ctx = homeWithCheckpointAndLaterRows()) {
            long edited = checkpointSeq(ctx) + 2;
            sql(ctx, "UPDATE audit_log SET username = 'someone' WHERE seq = ?", edited);
            AuditVerifier.Result r = loginCheck(ctx);
            assertEquals(edited, r.firstBad());
            assertEquals("content", r.problem());
            assertEquals(edited, ctx.audit().verifyChain().firstBad());
        }
    }

    @Test
    void aRemovedRowAfterTheCheckpointIsFoundAtLogin() throws Exception {
        try (AppContext ctx = homeWithCheckpointAndLaterRows()) {
            long removed = checkpointSeq(ctx) + 1;
            sql(ctx, "DELETE FROM audit_log WHERE seq = ?", removed);
            AuditVerifier.Result r = loginCheck(ctx);
            assertEquals(removed, r.firstBad());
            assertEquals("missing", r.problem());
            long last = lastSeq(ctx);
            sql(ctx, "DELETE FROM audit_log WHERE seq = ?", last);
            assertEquals(removed, ctx.audit().verifyChain().firstBad(), "the first of the two");
        }
    }

    @Test
    void theLastRowRemovedAfterTheCheckpointIsFoundAtLogin() throws Exception {
        try (AppContext ctx = homeWithCheckpointAndLaterRows()) {
            long last = lastSeq(ctx);
            sql(ctx, "DELETE FROM audit_log WHERE seq = ?", last);
            AuditVerifier.Result r = loginCheck(ctx);
            assertEquals(last, r.firstBad());
            assertEquals("missing", r.problem());
        }
    }

    @Test
    void rowsInsertedAfterTheCheckpointAreFoundAtLogin() throws Exception {
        try (AppContext ctx = homeWithCheckpointAndLaterRows()) {
            sql(
                    ctx,
                    "INSERT INTO audit_log (at, username, action, entity) VALUES (?, 'admin', 'LOGIN', 'account')",
                    LocalDateTime.of(2026, 11, 1, 9, 0));
            AuditVerifier.Result r = loginCheck(ctx);
            assertEquals("inserted", r.problem(), r.toString());
            assertEquals("inserted", ctx.audit().verifyChain().problem());
        }
        try (AppContext ctx = TestHome.open(dir)) {
            ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
            sql(ctx, "DELETE FROM audit_log WHERE seq IS NULL");
            // a row put past the head, hashed on the last one
            long last = lastSeq(ctx);
            String lastHash;
            try (Connection c = DirectSql.connect(ctx);
                    PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit_log WHERE seq = ?")) {
                ps.setLong(1, last);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    lastHash = rs.getString(1);
                }
            }
            AuditEntry forged = new AuditEntry(
                    null,
                    LocalDateTime.of(2026, 11, 23, 9, 0),
                    "admin",
                    "EXPORT",
                    "resident",
                    "1",
                    "nothing happened",
                    null,
                    null);
            sql(
                    ctx,
                    "INSERT INTO audit_log (at, username, action, entity, entity_id, summary, seq, prev_hash, hash) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    forged.at(),
                    forged.username(),
                    forged.action(),
                    forged.entity(),
                    forged.entityId(),
                    forged.summary(),
                    last + 1,
                    lastHash,
                    new AuditHash().of(last + 1, forged, lastHash));
            AuditVerifier.Result r = loginCheck(ctx);
            assertEquals(last + 1, r.firstBad(), r.toString());
            assertEquals("pastHead", r.problem());
        }
    }

    @Test
    void aCheckpointWhoseRowChangedMeansAFullWalk() throws Exception {
        try (AppContext ctx = homeWithCheckpointAndLaterRows()) {
            long mark = checkpointSeq(ctx);
            sql(ctx, "UPDATE audit_log SET summary = 'changed' WHERE seq = 2");
            // the row at the checkpoint re-hashed by someone: its hash no longer the checkpoint's
            sql(ctx, "UPDATE audit_log SET hash = ? WHERE seq = ?", "f".repeat(64), mark);
            AuditVerifier.Result r = loginCheck(ctx);
            assertEquals(2L, r.firstBad(), "the whole chain was walked: " + r);
        }
    }

    @Test
    void appendsFromSeveralConnectionsAtOnceKeepTheChainWhole() throws Exception {
        try (AppContext ctx = homeWithHistory()) {
            long before = ctx.audit().verifyChain().entries();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    running.add(pool.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            ctx.audit()
                                    .record(
                                            "EDIT",
                                            "test",
                                            thread + "-" + i,
                                            org.huyou.security.AuditSummary.of("auditSummary.value", "concurrent"),
                                            null);
                        }
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            AuditVerifier.Result r = ctx.audit().verifyChain();
            assertTrue(r.ok(), r.toString());
            assertEquals(before + 100, r.entries());
        }
    }

    @Test
    void rowsWrittenBeforeTheChainAreChainedOnce() throws Exception {
        try (AppContext ctx = homeWithHistory()) {
            // The state migration 19 leaves: every row outside the chain, the head at the start, not yet sealed.
            sql(ctx, "UPDATE audit_log SET seq = NULL, prev_hash = NULL, hash = NULL");
            sql(
                    ctx,
                    "UPDATE audit_head SET last_seq = 0, last_hash = ?, sealed = FALSE, "
                            + "legacy_max_id = (SELECT MAX(id) FROM audit_log)",
                    AuditHash.GENESIS);
            long rows = ctx.audit().count(new org.huyou.security.AuditFilter(null, null, null, null, null, null));
            AuditVerifier.Result unsealed = ctx.audit().verifyChain();
            assertTrue(unsealed.ok(), "nothing chained yet, nothing wrong: " + unsealed);
            ctx.audit()
                    .record(
                            "EDIT",
                            "test",
                            null,
                            org.huyou.security.AuditSummary.of(
                                    "auditSummary.value", "the first row after the migration"),
                            null);
            AuditVerifier.Result r = ctx.audit().verifyChain();
            assertTrue(r.ok(), r.toString());
            assertEquals(rows + 1, r.entries(), "the old rows were chained in front of the new one");
            sql(ctx, "UPDATE audit_log SET summary = 'changed' WHERE seq = 1");
            assertEquals(1L, ctx.audit().verifyChain().firstBad(), "and are protected from then on");
        }
    }

    @Test
    void verifyAuditExitsTwoOnABrokenChain() throws Exception {
        Path home = dir;
        try (AppContext ctx = homeWithHistory()) {
            assertNull(ctx.audit().verifyChain().firstBad());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = HuyouCli.commandLine(prompt -> TestHome.PASSWORD.toCharArray(), TestHome.CLOCK);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(
                0, cl.execute("verify-audit", "--data-dir", home.toString(), "-u", TestHome.ADMIN), err.toString());
        assertTrue(out.toString().contains("审计记录完整"), out.toString());
        try (AppContext ctx = TestHome.open(home)) {
            sql(ctx, "UPDATE audit_log SET action = 'READ' WHERE seq = 2");
        }
        assertEquals(2, cl.execute("verify-audit", "--data-dir", home.toString(), "-u", TestHome.ADMIN));
        assertTrue(err.toString().contains("审计记录从第 2 条起不完整"), err.toString());
    }

    @Test
    void refusedAttemptsAreAuditedButALoopCannotFloodTheLog() throws Exception {
        org.huyou.testing.MutableClock clock = org.huyou.testing.MutableClock.startingAt(TestHome.CLOCK);
        try (AppContext ctx = TestHome.open(dir, clock)) {
            TestHome.loginAs(ctx, "sg", org.huyou.security.Role.SOCIAL_WORKER);
            for (int i = 0; i < 50; i++) {
                org.junit.jupiter.api.Assertions.assertThrows(
                        org.huyou.security.PermissionDeniedException.class,
                        () -> ctx.ledger().verify());
            }
            ctx.login().logout();
            ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
            List<AuditEntry> refused = ctx.audit()
                    .browse(new org.huyou.security.AuditFilter("sg", "REFUSED", null, null, null, null), 100);
            assertEquals(1, refused.size(), "one row a minute for the same attempt");
            assertEquals("permission", refused.get(0).entity());
            assertEquals("DONATIONS.VIEW", refused.get(0).entityId());

            ctx.login().logout();
            ctx.login().login("sg", TestHome.PASSWORD.toCharArray());
            clock.advance(java.time.Duration.ofMinutes(2));
            org.junit.jupiter.api.Assertions.assertThrows(
                    org.huyou.security.PermissionDeniedException.class,
                    () -> ctx.ledger().verify());
            ctx.login().logout();
            ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
            refused = ctx.audit()
                    .browse(new org.huyou.security.AuditFilter("sg", "REFUSED", null, null, null, null), 100);
            assertEquals(2, refused.size());
            assertEquals("auditSummary.refusedSkipped", refused.get(0).summaryKey());
            assertEquals(
                    org.huyou.common.Messages.t("auditSummary.refusedSkipped", "49"),
                    org.huyou.security.AuditLabels.summary(refused.get(0)),
                    "the ones not written are counted");
            assertTrue(ctx.audit().verifyChain().ok());
        }
    }
}
