-- Tamper evidence (issue 25).
--
-- The ledger's entries carry the rule their hash was made by: 1, the first rule (fields joined by '|', which could
-- not tell text moved between two fields, nor NULL from empty text), or 2, each field written with its length. Rows
-- written before this migration are version 1; every new entry is version 2, and version 2 hashes its own version,
-- so the entry where the chain switched is itself part of the chain. A version never goes back down along the chain.
ALTER TABLE ledger_entry ADD COLUMN chain_version SMALLINT DEFAULT 1 NOT NULL;
ALTER TABLE ledger_entry ADD CONSTRAINT ck_ledger_chain_version CHECK (chain_version IN (1, 2));

-- The audit log becomes a hash chain too: seq gap-free from 1, each row hashing the one before. audit_head is locked
-- by every append (as ledger_head is), which serialises appends across PCs. The rows written before this migration
-- (id up to legacy_max_id) are chained, in id order, by the first append after it (sealed then).
ALTER TABLE audit_log ADD COLUMN seq BIGINT;
ALTER TABLE audit_log ADD COLUMN prev_hash CHAR(64);
ALTER TABLE audit_log ADD COLUMN hash CHAR(64);
ALTER TABLE audit_log ADD CONSTRAINT uq_audit_seq UNIQUE (seq);

CREATE TABLE audit_head (
    id            INT           PRIMARY KEY,
    last_seq      BIGINT        NOT NULL,
    last_hash     CHAR(64)      NOT NULL,
    legacy_max_id BIGINT        NOT NULL,
    sealed        BOOLEAN       NOT NULL,
    CONSTRAINT ck_audit_head_single CHECK (id = 1)
);
INSERT INTO audit_head (id, last_seq, last_hash, legacy_max_id, sealed)
    SELECT 1, 0, '0000000000000000000000000000000000000000000000000000000000000000', COALESCE(MAX(id), 0), FALSE
    FROM audit_log;

-- The last position of each chain that a full verification found whole: opening a screen then checks only what was
-- appended since. A checkpoint is a convenience, never evidence: the full verification ignores it.
CREATE TABLE chain_checkpoint (
    chain         VARCHAR(8)    PRIMARY KEY,
    last_seq      BIGINT        NOT NULL,
    last_hash     CHAR(64)      NOT NULL,
    verified_at   TIMESTAMP     NOT NULL,
    CONSTRAINT ck_chain_checkpoint_chain CHECK (chain IN ('LEDGER', 'AUDIT'))
);
