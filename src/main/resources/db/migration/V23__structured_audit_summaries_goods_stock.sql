-- Audit summaries read in the reader's language: a row written from now on keeps its summary as a message key
-- (summary_key) and its parameters (summary, a JSON array), rendered by the audit screen in the current language.
-- Rows written before keep their free text in summary and no key. A row with a key is hashed by rule 2 of the audit
-- chain, which covers the key as well; the rows before keep rule 1, so their hashes stay as they are.
ALTER TABLE audit_log ADD COLUMN summary_key VARCHAR(100);

-- The goods stock of each item: the sum of every goods entry's quantity, kept in the same transaction as each entry
-- (ledger appends are serialised by ledger_head), so the ledger screen does not sum every goods entry when it opens.
-- A convenience, never evidence: the ledger entries remain the record, and a test compares this with their sum.
CREATE TABLE goods_stock (
    item_id       BIGINT         PRIMARY KEY,
    quantity      DECIMAL(14, 2) NOT NULL,
    CONSTRAINT fk_goods_stock_item FOREIGN KEY (item_id) REFERENCES goods_item (id)
);
INSERT INTO goods_stock (item_id, quantity)
    SELECT item_id, SUM(quantity) FROM ledger_entry WHERE item_id IS NOT NULL GROUP BY item_id;

-- The audit screen lists rows newest first by time, ties by id (rows carried over by a restore keep their own times).
CREATE INDEX ix_audit_at_id ON audit_log (at, id);
