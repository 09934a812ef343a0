package org.huyou.residents;

import java.time.LocalDateTime;
import org.huyou.residents.ImportBatchRepository.Batch;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;

/**
 * An import's batch ({@link ImportBatchRepository}) with the audit chain: where the chain stood when it began, and
 * taken back there with the batch's rows when it did not finish (its chunks chained audit rows while it held the
 * database, so the rows after that point are its own and nobody saw them). A batch cut off by the end of the process
 * is undone at the next start, with one audit row saying so.
 */
final class ImportBatches {

    private final ImportBatchRepository repo;
    private final AuditLog audit;

    ImportBatches(ImportBatchRepository repo, AuditLog audit) {
        this.repo = repo;
        this.audit = audit;
    }

    Batch begin(String actor, LocalDateTime now) {
        var head = audit.sealedHead();
        return repo.begin(head.lastSeq(), head.lastHash(), actor, now);
    }

    void done(Batch b) {
        repo.setState(b.id(), ImportBatchRepository.DONE);
    }

    /** Removes what the batch wrote and takes the audit chain back to where it stood; returns the residents removed. */
    int undo(Batch b) {
        int residents = repo.removeRows(b.id());
        audit.dropUnfinishedImport(b.auditSeq(), b.auditHash(), b.actor());
        repo.setState(b.id(), ImportBatchRepository.UNDONE);
        return residents;
    }

    /** Every batch a process left unfinished, undone, each with one audit row in the program's name. */
    int undoUnfinished() {
        var unfinished = repo.unfinished();
        for (Batch b : unfinished) {
            int residents = undo(b);
            audit.recordBySystem(
                    AuditLog.IMPORT, "resident", AuditSummary.of("auditSummary.importRolledBack", residents));
        }
        return unfinished.size();
    }
}
