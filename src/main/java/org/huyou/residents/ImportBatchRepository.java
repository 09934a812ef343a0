package org.huyou.residents;

import static org.huyou.db.generated.Tables.IMPORT_BATCH;
import static org.huyou.db.generated.Tables.LIVING_GROUP;
import static org.huyou.db.generated.Tables.LIVING_GROUP_HISTORY;
import static org.huyou.db.generated.Tables.RESIDENT;
import static org.huyou.db.generated.Tables.RESIDENT_SEARCH_KEY;
import static org.huyou.db.generated.Tables.RESIDENT_STATUS_EVENT;

import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The record of an import written in chunks ({@link org.huyou.db.Transactions#inChunks}, migration 64): made and
 * committed before the first chunk, marked DONE in the last commit. Its residents and the living groups it made carry
 * its id. What a batch that did not finish wrote is removed: nobody could see any of it (the database was held
 * exclusively, and nobody else wrote meanwhile), so this takes back an import that never happened rather than
 * deleting records. The audit rows its chunks chained are taken back by the caller ({@code AuditLog}).
 */
final class ImportBatchRepository {

    /** A batch and where the audit chain stood before it. */
    record Batch(long id, long auditSeq, String auditHash, String actor) {}

    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String UNDONE = "UNDONE";

    private final DSLContext dsl;

    ImportBatchRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Numbered after the highest: only an import holding the database (H2, exclusive) begins a batch. */
    Batch begin(long auditSeq, String auditHash, String actor, LocalDateTime now) {
        long id = dsl.select(DSL.coalesce(DSL.max(IMPORT_BATCH.ID), 0L))
                        .from(IMPORT_BATCH)
                        .fetchOne(0, Long.class)
                + 1;
        dsl.insertInto(IMPORT_BATCH)
                .set(IMPORT_BATCH.ID, id)
                .set(IMPORT_BATCH.STATE, RUNNING)
                .set(IMPORT_BATCH.AUDIT_SEQ, auditSeq)
                .set(IMPORT_BATCH.AUDIT_HASH, auditHash)
                .set(IMPORT_BATCH.STARTED_AT, now)
                .set(IMPORT_BATCH.STARTED_BY, actor)
                .execute();
        return new Batch(id, auditSeq, auditHash, actor);
    }

    void setState(long id, String state) {
        dsl.update(IMPORT_BATCH)
                .set(IMPORT_BATCH.STATE, state)
                .where(IMPORT_BATCH.ID.eq(id))
                .execute();
    }

    List<Batch> unfinished() {
        return dsl.select(IMPORT_BATCH.ID, IMPORT_BATCH.AUDIT_SEQ, IMPORT_BATCH.AUDIT_HASH, IMPORT_BATCH.STARTED_BY)
                .from(IMPORT_BATCH)
                .where(IMPORT_BATCH.STATE.eq(RUNNING))
                .orderBy(IMPORT_BATCH.ID)
                .fetch(r -> new Batch(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Removes the rows the batch wrote, the residents' own rows first; returns the residents removed. */
    int removeRows(long batch) {
        var residents = DSL.select(RESIDENT.ID).from(RESIDENT).where(RESIDENT.IMPORT_BATCH_ID.eq(batch));
        dsl.deleteFrom(RESIDENT_SEARCH_KEY)
                .where(RESIDENT_SEARCH_KEY.RESIDENT_ID.in(residents))
                .execute();
        dsl.deleteFrom(RESIDENT_STATUS_EVENT)
                .where(RESIDENT_STATUS_EVENT.RESIDENT_ID.in(residents))
                .execute();
        dsl.deleteFrom(LIVING_GROUP_HISTORY)
                .where(LIVING_GROUP_HISTORY.RESIDENT_ID.in(residents))
                .execute();
        int removed = dsl.deleteFrom(RESIDENT)
                .where(RESIDENT.IMPORT_BATCH_ID.eq(batch))
                .execute();
        dsl.deleteFrom(LIVING_GROUP)
                .where(LIVING_GROUP.IMPORT_BATCH_ID.eq(batch))
                .execute();
        return removed;
    }
}
