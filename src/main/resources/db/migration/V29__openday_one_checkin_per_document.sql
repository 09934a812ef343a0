-- One person (one document) checks in once per open-day session, enforced by the database so two desks checking in
-- the same visitor at the same moment cannot both succeed (issue 28). Visits are never voided, so every row counts; a
-- document number removed after the retention period is NULL, and NULLs never collide.
-- repeat_no is 0 for every check-in; it numbers the second and later check-ins of a document entered before this
-- rule existed (1, 2, ...), so those historical rows stay as they were and the index can still be built.
ALTER TABLE openday_visit ADD COLUMN repeat_no INT DEFAULT 0 NOT NULL;
UPDATE openday_visit SET repeat_no = (
    SELECT COUNT(*) FROM openday_visit earlier
     WHERE earlier.session_date = openday_visit.session_date AND earlier.slot = openday_visit.slot
       AND earlier.document_type = openday_visit.document_type AND earlier.document_no = openday_visit.document_no
       AND earlier.id < openday_visit.id)
 WHERE document_no IS NOT NULL;
CREATE UNIQUE INDEX uq_openday_visit_entry
    ON openday_visit (session_date, slot, document_type, document_no, repeat_no);
