-- A home moving in brings each fund's balance on its move-in day: an opening balance (期初余额), a ledger entry of
-- its own kind, chained like any other, with no donor, receipt, channel, payee or purpose (it is neither a donation
-- received nor money used). It is corrected only by a reversal, as every entry is.
ALTER TABLE ledger_entry DROP CONSTRAINT ck_ledger_kind;
ALTER TABLE ledger_entry ADD CONSTRAINT ck_ledger_kind
    CHECK (kind IN ('DONATION', 'REVERSAL', 'USE', 'GOODS_IN', 'GOODS_OUT', 'OPENING'));
ALTER TABLE ledger_entry ADD CONSTRAINT ck_ledger_opening
    CHECK (kind <> 'OPENING' OR (fund_id IS NOT NULL AND amount > 0 AND donor_id IS NULL AND receipt_no IS NULL
        AND channel IS NULL AND payee IS NULL AND purpose IS NULL AND approved_by IS NULL));

-- The kept months (V36) hold opening balances apart from money received and used, so the twelve months' chart and
-- the disclosures never count a balance carried in as a donation. No entry of the new kind exists yet: nothing to fill.
ALTER TABLE fund_month ADD COLUMN opening DECIMAL(18, 2) DEFAULT 0 NOT NULL;
