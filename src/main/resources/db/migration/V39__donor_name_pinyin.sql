-- Donors are found as typed in the donation forms' pickers, a page at a time, by part of the name, full pinyin or
-- initials, as residents are (ADR 0003): a home has tens of thousands of donors, too many to load into a list. The
-- keys are written with every donor saved; the donors already registered get theirs from DonorNameKeys, a Java step
-- run after this migration in its transaction (SQL cannot derive pinyin).
ALTER TABLE donor ADD COLUMN name_pinyin VARCHAR(1200) DEFAULT '' NOT NULL;
ALTER TABLE donor ADD COLUMN name_initials VARCHAR(200) DEFAULT '' NOT NULL;
-- the pickers' order (pinyin), and a pinyin prefix
CREATE INDEX ix_donor_name_pinyin ON donor (name_pinyin);
CREATE INDEX ix_donor_name_initials ON donor (name_initials);
