-- A disclosure sums its period in one read of the entries (issue 31): every column the sums need, after the date,
-- so the read ranges over this index alone and never fetches the entries' wide rows (the chain's hashes, texts).
CREATE INDEX ix_ledger_period_sums ON ledger_entry (entry_date, seq, kind, fund_id, donor_id, item_id, purpose,
    amount, quantity, goods_value);
-- The reversals up to a day (what no longer stands) and a period's corrections: a few per hundred entries, found by
-- their kind without reading the others.
CREATE INDEX ix_ledger_reversals ON ledger_entry (kind, entry_date, seq, reverses_seq);
-- The first index starts with what the ledger's index by date held (entry_date, seq) and serves all it served.
DROP INDEX ix_ledger_date;
