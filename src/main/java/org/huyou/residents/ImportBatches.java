package org.huyou.residents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.jooq.DSLContext;

/**
 * The record of an import written in chunks ({@link org.huyou.db.Transactions#inChunks}, migration 64): made and
 * committed before the first chunk, marked DONE in the last commit. Its residents and the living groups it made carry
 * its id. What a batch that did not finish wrote is removed, with the audit rows its chunks chained: nobody could see
 * any of it (the database was held exclusively, and nobody else wrote meanwhile), so this takes back an import that
 * never happened rather than deleting records; a batch cut off by the end of the process is removed at the next
 * start, with one audit row saying so.
 */
final class ImportBatches {

    /** A batch and where the audit chain stood before it. */
    record Batch(long id, long auditSeq, String auditHash) {}

    private static final String BEGIN = "INSERT INTO import_batch (state, audit_seq, audit_hash, started_at, "
            + "started_by) VALUES ('RUNNING', ?, ?, ?, ?)";
    private static final String UNFINISHED =
            "SELECT id, audit_seq, audit_hash FROM import_batch WHERE state = 'RUNNING' ORDER BY id";
    private static final String STATE = "UPDATE import_batch SET state = ? WHERE id = ?";
    private static final String OF_BATCH = " WHERE resident_id IN (SELECT id FROM resident WHERE import_batch_id = ?)";
    /** The rows an import writes, the residents' own rows first (their keys name the residents). */
    private static final List<String> REMOVALS = List.of(
            "DELETE FROM resident_search_key" + OF_BATCH,
            "DELETE FROM resident_status_event" + OF_BATCH,
            "DELETE FROM living_group_history" + OF_BATCH,
            "DELETE FROM resident WHERE import_batch_id = ?",
            "DELETE FROM living_group WHERE import_batch_id = ?");

    private final DSLContext dsl;
    private final AuditLog audit;

    ImportBatches(DSLContext dsl, AuditLog audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    Batch begin(String actor, LocalDateTime now) {
        var head = audit.sealedHead();
        long id = dsl.connectionResult(c -> {
            try (PreparedStatement ps = c.prepareStatement(BEGIN, idColumn(c))) {
                ps.setLong(1, head.lastSeq());
                ps.setString(2, head.lastHash());
                ps.setObject(3, now);
                ps.setString(4, actor);
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return new Batch(id, head.lastSeq(), head.lastHash());
    }

    void done(Batch b) {
        setState(b.id(), "DONE");
    }

    /** Removes what the batch wrote and takes the audit chain back to where it stood; returns the residents removed. */
    int undo(Batch b) {
        int residents = dsl.connectionResult(c -> {
            int removed = 0;
            for (String sql : REMOVALS) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, b.id());
                    int n = ps.executeUpdate();
                    if (sql.startsWith("DELETE FROM resident ")) {
                        removed = n;
                    }
                }
            }
            return removed;
        });
        audit.dropUnfinishedImport(b.auditSeq(), b.auditHash());
        setState(b.id(), "UNDONE");
        return residents;
    }

    /** Every batch a process left unfinished, undone, each with one audit row in the program's name. */
    int undoUnfinished() {
        List<Batch> unfinished = dsl.connectionResult(c -> {
            List<Batch> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(UNFINISHED);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Batch(rs.getLong(1), rs.getLong(2), rs.getString(3)));
                }
            }
            return found;
        });
        for (Batch b : unfinished) {
            int residents = undo(b);
            audit.recordBySystem(
                    AuditLog.IMPORT, "resident", AuditSummary.of("auditSummary.importRolledBack", residents));
        }
        return unfinished.size();
    }

    private void setState(long id, String state) {
        dsl.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(STATE)) {
                ps.setString(1, state);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        });
    }

    private static String[] idColumn(Connection c) throws SQLException {
        return new String[] {c.getMetaData().storesUpperCaseIdentifiers() ? "ID" : "id"};
    }
}
