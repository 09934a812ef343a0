package org.huyou.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * Runs a unit of work in one database transaction: all of it commits, or none of it. What the work leaves to its end
 * ({@link BeforeCommit}, the audit rows) is written last, inside the same transaction.
 */
public final class Transactions {

    private final DSLContext dsl;
    private final Runnable spareConnections;

    public Transactions(DSLContext dsl) {
        this(dsl, () -> {});
    }

    /** {@code spareConnections}: leaves the pool's connections open and idle before {@link #inChunks} holds H2. */
    Transactions(DSLContext dsl, Runnable spareConnections) {
        this.dsl = dsl;
        this.spareConnections = spareConnections;
    }

    public <T> T inTransaction(Supplier<T> work) {
        return dsl.transactionResult(() -> BeforeCommit.around(work));
    }

    public void inTransaction(Runnable work) {
        dsl.transaction(() -> BeforeCommit.around(() -> {
            work.run();
            return null;
        }));
    }

    /** Where a chunked write may commit what it has written so far. */
    public interface Chunks {
        /** Whether {@link #commit} commits (H2 held exclusively); else the work is one transaction. */
        boolean separate();

        void commit();
    }

    private static final Chunks ONE_TRANSACTION = new Chunks() {
        @Override
        public boolean separate() {
            return false;
        }

        @Override
        public void commit() {}
    };

    /**
     * A large write (an import) that H2 commits in chunks: H2 committing one transaction of 20,000 residents walks
     * its whole undo log and reads back the pages it let go (most of the import's time). The database is taken
     * exclusively for the work ({@code SET EXCLUSIVE 1}: other connections' statements wait until it is released;
     * new connections are refused, so the pool's are opened before), and nobody sees a committed chunk before the
     * last one. The work records itself before its first chunk, so that the next start can take back what a crash
     * left committed; if it fails here, {@code undo} runs after the rollback, still exclusive, and is committed
     * before the database is released. On PostgreSQL, or inside a transaction already open, it is one transaction
     * and {@link Chunks#commit} does nothing.
     */
    public <T> T inChunks(Function<Chunks, T> work, Runnable undo) {
        if (dsl.dialect() != SQLDialect.H2 || BeforeCommit.active()) {
            return inTransaction(() -> work.apply(ONE_TRANSACTION));
        }
        spareConnections.run();
        return dsl.transactionResult(cfg -> dsl.connectionResult(c -> exclusively(c, work, undo)));
    }

    private static <T> T exclusively(Connection c, Function<Chunks, T> work, Runnable undo) throws SQLException {
        exclusive(c, true);
        try {
            T result = BeforeCommit.around(() -> work.apply(new Chunks() {
                @Override
                public boolean separate() {
                    return true;
                }

                @Override
                public void commit() {
                    Transactions.commit(c);
                }
            }));
            c.commit();
            return result;
        } catch (RuntimeException | Error e) {
            try {
                c.rollback();
                undo.run();
                c.commit();
            } catch (SQLException | RuntimeException failed) {
                // The connection may be gone (the database closed under it); the next start removes the rest.
                e.addSuppressed(failed);
            }
            throw e;
        } finally {
            try {
                exclusive(c, false);
            } catch (SQLException closed) {
                // A closed connection gives up exclusive mode with it.
            }
        }
    }

    private static void exclusive(Connection c, boolean on) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (on) {
                st.execute("SET EXCLUSIVE 1");
            } else {
                st.execute("SET EXCLUSIVE 0");
            }
        }
    }

    private static void commit(Connection c) {
        try {
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("commit of a chunk", e);
        }
    }
}
