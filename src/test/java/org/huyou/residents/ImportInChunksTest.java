package org.huyou.residents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.huyou.app.AppContext;
import org.huyou.app.AppInternals;
import org.huyou.app.DirectSql;
import org.huyou.testing.TestHome;
import org.huyou.testing.TestPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import written in committed chunks (H2, {@link org.huyou.db.Transactions#inChunks}) is still all or nothing: a
 * failure after a committed chunk, or the process ending there, leaves no resident, living group or audit row of it
 * (the next start says in one audit row that it took the import back), and nobody sees a part of it meanwhile.
 */
class ImportInChunksTest {

    /** More than two chunks: the cut falls after a committed one, with more to come. */
    private static final int ROWS = ResidentImportRepository.CHUNK * 2 + 100;

    @TempDir
    Path dir;

    AppContext ctx;

    @BeforeEach
    void open() {
        ctx = TestHome.open(dir);
    }

    @AfterEach
    void close() {
        if (ctx != null) {
            ctx.close();
        }
    }

    private static List<Resident> drafts(int n) {
        List<Resident> drafts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            drafts.add(TestHome.boyDraft());
        }
        return drafts;
    }

    /** Every other child in a living group the home does not have yet: the import makes it. */
    private static List<String> groups(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(i % 2 == 0 ? "彩虹组" : null);
        }
        return names;
    }

    private int count(String sql) {
        DSLContext dsl = AppInternals.dsl(ctx);
        return dsl.fetchOne(sql).get(0, Integer.class);
    }

    private void assertNothingOfTheImport(int auditRowsBefore) {
        assertEquals(0, ctx.residents().countAll());
        assertEquals(0, count("SELECT COUNT(*) FROM resident"));
        assertEquals(0, count("SELECT COUNT(*) FROM resident_search_key"));
        assertEquals(0, count("SELECT COUNT(*) FROM resident_status_event"));
        assertEquals(0, count("SELECT COUNT(*) FROM living_group_history"));
        assertEquals(List.of(), ctx.residents().livingGroups());
        assertEquals(
                0,
                count("SELECT COUNT(*) FROM audit_log WHERE entity IN ('resident', 'living_group') "
                        + "AND action = 'CREATE'"));
        assertTrue(count("SELECT COUNT(*) FROM audit_log") >= auditRowsBefore);
        assertTrue(ctx.audit().verifyChain().ok(), ctx.audit().verifyChain().describe());
        assertEquals(0, count("SELECT COUNT(*) FROM import_batch WHERE state <> 'UNDONE'"));
    }

    @Test
    void aFailureAfterACommittedChunkLeavesNothingAndTheHomeIsFreeAgain() {
        int auditRows = count("SELECT COUNT(*) FROM audit_log");
        AtomicInteger chunks = new AtomicInteger();
        ctx.residents().afterEachChunk(() -> {
            if (chunks.incrementAndGet() == 2) {
                throw new IllegalStateException("cut after the second chunk");
            }
        });
        assertThrows(IllegalStateException.class, () -> ctx.residents().admitAll(drafts(ROWS), groups(ROWS), "in.csv"));
        assertEquals(2, chunks.get());
        assertNothingOfTheImport(auditRows);
        assertEquals(auditRows, count("SELECT COUNT(*) FROM audit_log"), "the refused import wrote no audit row");

        ctx.residents().afterEachChunk(() -> {});
        assertEquals(10, ctx.residents().importAll(drafts(10), groups(10), "in.csv"));
        assertEquals(10, ctx.residents().countAll());
        assertEquals(1, ctx.residents().livingGroups().size());
        // a batch only where the import is written in chunks (H2); on PostgreSQL it is one transaction
        int batches = TestPostgres.selected() ? 0 : 1;
        assertEquals(batches, count("SELECT COUNT(*) FROM import_batch WHERE state = 'DONE'"));
        assertEquals(batches * 10, count("SELECT COUNT(*) FROM resident WHERE import_batch_id IS NOT NULL"));
        assertTrue(ctx.audit().verifyChain().ok());
    }

    @Test
    void anImportCutOffByTheEndOfTheProcessIsTakenBackAtTheNextStart() {
        assumeFalse(TestPostgres.selected(), "on PostgreSQL the import is one transaction");
        int auditRows = count("SELECT COUNT(*) FROM audit_log");
        AtomicInteger chunks = new AtomicInteger();
        ctx.residents().afterEachChunk(() -> {
            if (chunks.incrementAndGet() == 2) {
                // What a crash leaves: the file as of the last commit, nothing of the import's own clean-up.
                AppInternals.dsl(ctx).execute("SHUTDOWN IMMEDIATELY");
            }
        });
        assertThrows(RuntimeException.class, () -> ctx.residents().admitAll(drafts(ROWS), groups(ROWS), "in.csv"));
        try {
            ctx.close();
        } catch (RuntimeException alreadyClosed) {
            // the database went with the "crash"
        }
        ctx = null;

        ctx = TestHome.open(dir);
        assertNothingOfTheImport(auditRows);
        assertEquals(1, count("SELECT COUNT(*) FROM import_batch WHERE state = 'UNDONE'"));
        DSLContext dsl = AppInternals.dsl(ctx);
        var rolledBack = dsl.fetch("SELECT username, action, entity, summary_key FROM audit_log "
                + "WHERE summary_key = 'auditSummary.importRolledBack'");
        assertEquals(1, rolledBack.size(), "one audit row says the import was taken back");
        assertEquals("system", rolledBack.get(0).get(0, String.class));
        assertEquals("IMPORT", rolledBack.get(0).get(1, String.class));
        String summary = dsl.fetchOne(
                        "SELECT summary FROM audit_log WHERE summary_key = 'auditSummary.importRolledBack'")
                .get(0, String.class);
        assertTrue(summary.contains(String.valueOf(ResidentImportRepository.CHUNK * 2)), summary);

        // and the home imports again, now whole
        assertEquals(ROWS, ctx.residents().importAll(drafts(ROWS), groups(ROWS), "in.csv"));
        assertEquals(ROWS, ctx.residents().countAll());
        assertTrue(ctx.audit().verifyChain().ok());
    }

    /**
     * Taking an unfinished import's audit rows back touches nothing but its own: with another row after the point
     * the import started from (another user's, or of another record), the rows and the chain stay as they are.
     */
    @Test
    void theChainIsTakenBackOverTheImportsOwnRowsOnly() {
        var head = ctx.audit().sealedHead();
        AppInternals.transactions(ctx)
                .inTransaction(() -> ctx.audit()
                        .record(
                                org.huyou.security.AuditLog.EDIT,
                                "setting",
                                1L,
                                org.huyou.security.AuditSummary.of("auditSummary.value", "x"),
                                null));
        int rows = count("SELECT COUNT(*) FROM audit_log");
        assertEquals(0, ctx.audit().dropUnfinishedImport(head.lastSeq(), head.lastHash(), TestHome.ADMIN));
        assertEquals(rows, count("SELECT COUNT(*) FROM audit_log"), "nothing removed");
        assertTrue(ctx.audit().verifyChain().ok(), ctx.audit().verifyChain().describe());
    }

    @Test
    void anotherConnectionWaitsForTheWholeImportAndNeverSeesAPart() throws Exception {
        assumeFalse(
                TestPostgres.selected(), "on PostgreSQL the import is one transaction, its rows unseen until it ends");
        AtomicBoolean waited = new AtomicBoolean();
        CompletableFuture<Integer> seen = new CompletableFuture<>();
        AtomicInteger chunks = new AtomicInteger();
        ctx.residents().afterEachChunk(() -> {
            if (chunks.incrementAndGet() != 1) {
                return;
            }
            // Another screen's query while two chunks are already committed: it waits, it is not refused.
            Thread reader = new Thread(() -> {
                try (Connection c = DirectSql.connect(ctx);
                        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM resident")) {
                    rs.next();
                    seen.complete(rs.getInt(1));
                } catch (Exception e) {
                    seen.completeExceptionally(e);
                }
            });
            reader.start();
            try {
                reader.join(700);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            waited.set(reader.isAlive() && !seen.isDone());
        });
        assertEquals(ROWS, ctx.residents().importAll(drafts(ROWS), groups(ROWS), "in.csv"));
        assertTrue(waited.get(), "the other connection waited while the import held the database");
        assertEquals(ROWS, seen.get(30, TimeUnit.SECONDS), "it saw the whole import, not a chunk");
    }
}
