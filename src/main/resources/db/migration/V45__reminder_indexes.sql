-- The reminders' queries on a large home (issue 31; each counted at every module opened).
-- A resident's newest valid measurement is the first entry of this index for (resident, no void): one entry read per
-- resident in care, where a NOT EXISTS over the newer ones read every measurement of the home.
CREATE INDEX ix_growth_latest ON growth_measurement (resident_id, voided_at, measured_on DESC, id DESC);

-- "Due by a day" is a range open below; H2 keeps an index's NULLs first, so that range read every record without a
-- follow-up (nearly all of them) before the first date. NULLs last, the range starts at the earliest date (on
-- PostgreSQL, whose ascending indexes put NULLs last already, the index is the same as before).
DROP INDEX ix_medical_record_due;
CREATE INDEX ix_medical_record_due ON medical_record (next_due NULLS LAST);
DROP INDEX ix_resident_document_valid;
CREATE INDEX ix_resident_document_valid ON resident_document (valid_until NULLS LAST);
