-- The director's statistics (院长, issue 31) count a year's checkups, attended rehab sessions and risk grades per
-- month, and ten years' surgeries and treatments; with no index by date each count read the whole table (190,000
-- medical records, 137,000 sessions, 90,000 assessments on the stress home: seconds). Each index starts with what the
-- count fixes (kind or grade), then the date range, and holds the void mark, so the rows themselves are not read.
CREATE INDEX ix_medical_record_kind_date ON medical_record (kind, event_date, voided_at);
CREATE INDEX ix_rehab_session_date ON rehab_session (session_date, attendance, voided_at);
CREATE INDEX ix_risk_assessment_grade_date ON risk_assessment (grade, assessed_on, voided_at);
-- A year's money and goods per month (the ledger's 23,000 entries of a year on the stress home) from the index alone:
-- the entries' rows are wide (the chain's hashes), and fetching each of them was most of that figure's time.
CREATE INDEX ix_ledger_date_sums ON ledger_entry (entry_date, kind, reverses_seq, amount, goods_value);
