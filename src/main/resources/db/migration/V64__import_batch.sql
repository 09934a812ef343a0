-- An import that H2 commits in chunks (Transactions.inChunks, with the database held exclusively) records itself
-- here before its first chunk and is marked DONE in its last commit. A batch still RUNNING when a home is opened was
-- cut off (the process ended mid-way): the residents and living groups it tagged, their rows and the audit rows
-- after audit_seq were never visible to anyone, and are removed then (ImportBatches); the batch is then UNDONE. On
-- PostgreSQL the import is one transaction and writes no batch.
-- No identity column: a batch is numbered after the highest by the import holding the database, and an identity
-- would need an H2 cache migration of its own (49).
CREATE TABLE import_batch (
    id          BIGINT        PRIMARY KEY,
    state       VARCHAR(10)   NOT NULL,
    audit_seq   BIGINT        NOT NULL,
    audit_hash  CHAR(64)      NOT NULL,
    started_at  TIMESTAMP     NOT NULL,
    started_by  VARCHAR(64)   NOT NULL,
    CONSTRAINT ck_import_batch_state CHECK (state IN ('RUNNING', 'DONE', 'UNDONE')),
    CONSTRAINT ck_import_batch_audit_seq CHECK (audit_seq >= 0)
);
ALTER TABLE resident ADD COLUMN import_batch_id BIGINT;
ALTER TABLE living_group ADD COLUMN import_batch_id BIGINT;
