-- What is left of each goods receipt on the shelf (a lot), kept in the transaction of each goods entry (ledger appends
-- are serialised by ledger_head), so the ledger screen's expiring list and expired count are one indexed query instead
-- of a replay of every goods move. The rule is the replay's: each issue takes the goods not yet expired on its day,
-- the earliest expiry first, then receipt order. A cache, never evidence: the ledger entries remain the record, a lot
-- issued in full is removed, and a test compares the lots with a replay of the entries.
CREATE TABLE goods_lot (
    receipt_seq   BIGINT         PRIMARY KEY,
    item_id       BIGINT         NOT NULL,
    received      DATE           NOT NULL,
    expiry        DATE,
    remaining     DECIMAL(14, 2) NOT NULL,
    CONSTRAINT fk_goods_lot_item FOREIGN KEY (item_id) REFERENCES goods_item (id)
);
CREATE INDEX ix_goods_lot_expiry ON goods_lot (expiry, item_id);
CREATE INDEX ix_goods_lot_item ON goods_lot (item_id, received, receipt_seq);

-- The latest day of a move the item's lots include: a later entry is applied to the lots directly, an earlier one
-- (a backdated entry) or a reversal rebuilds that item's lots by the replay. NULL: not built yet. The replay needs the
-- allocation rule, which is not SQL: the program builds the lots of every item still NULL, once, at the first goods
-- entry or ledger screen after this migration.
ALTER TABLE goods_stock ADD COLUMN lots_through DATE;
