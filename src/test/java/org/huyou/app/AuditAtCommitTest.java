package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.huyou.db.Transactions;
import org.huyou.security.AuditEntry;
import org.huyou.security.AuditFilter;
import org.huyou.security.AuditSummary;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save's audit rows are written at the end of its transaction (so the chain's head is locked only then): they are
 * in the log once it commits, in the order they were recorded, chained whole; none is left by a save that failed,
 * nor by the failed inner part of a save that went on.
 */
class AuditAtCommitTest {

    @TempDir
    Path dir;

    private static int rows(AppContext ctx, String entity) {
        return ctx.audit().count(new AuditFilter(null, null, entity, null, null, null));
    }

    private static void record(AppContext ctx, String entity, int id) {
        ctx.audit().record("EDIT", entity, id, AuditSummary.of("auditSummary.value", "x" + id), null);
    }

    @Test
    void aSavesRowsAreWrittenWhenItCommitsInTheirOrder() throws Exception {
        try (AppContext ctx = TestHome.open(dir)) {
            Transactions tx = ctx.database().transactions();
            tx.inTransaction(() -> {
                for (int i = 1; i <= 15; i++) {
                    record(ctx, "shiftTest", i);
                }
                // Not yet in the log, not even for this transaction: the head is not locked yet.
                assertEquals(0, rows(ctx, "shiftTest"));
            });
            assertEquals(15, rows(ctx, "shiftTest"));
            List<String> order = new ArrayList<>();
            try (Connection c = DirectSql.connect(ctx);
                    PreparedStatement ps =
                            c.prepareStatement("select entity_id from audit_log where entity = ? order by seq")) {
                ps.setString(1, "shiftTest");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        order.add(rs.getString(1));
                    }
                }
            }
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 15; i++) {
                expected.add(String.valueOf(i));
            }
            assertEquals(expected, order);
            assertTrue(ctx.audit().verifyChain().ok());
        }
    }

    @Test
    void aFailedSaveLeavesNoRowAndAFailedInnerPartOnlyItsOwn() {
        try (AppContext ctx = TestHome.open(dir)) {
            Transactions tx = ctx.database().transactions();
            assertThrows(
                    IllegalStateException.class,
                    () -> tx.inTransaction(() -> {
                        record(ctx, "failedTest", 1);
                        throw new IllegalStateException("refused");
                    }));
            assertEquals(0, rows(ctx, "failedTest"));

            tx.inTransaction(() -> {
                record(ctx, "partTest", 1);
                try {
                    tx.inTransaction(() -> {
                        record(ctx, "partTest", 2);
                        throw new IllegalStateException("the inner part fails");
                    });
                } catch (IllegalStateException expected) {
                    // the save goes on without it
                }
                record(ctx, "partTest", 3);
            });
            List<AuditEntry> kept = ctx.audit().browse(new AuditFilter(null, null, "partTest", null, null, null), 10);
            assertEquals(
                    List.of("1", "3"),
                    kept.stream().map(AuditEntry::entityId).sorted().toList());
            assertTrue(ctx.audit().verifyChain().ok());
        }
    }

    @Test
    void outsideATransactionARowIsWrittenAtOnce() {
        try (AppContext ctx = TestHome.open(dir)) {
            record(ctx, "onceTest", 1);
            assertEquals(1, rows(ctx, "onceTest"));
        }
    }
}
