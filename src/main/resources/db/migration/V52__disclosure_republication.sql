-- A period published again is a corrected re-publication: it names the disclosure it supersedes and why. Both rows
-- stay in the register and both files on disk (a published document is never overwritten); each is superseded at
-- most once, so a period's publications form one line, the last standing.
ALTER TABLE disclosure ADD COLUMN supersedes_id BIGINT;
ALTER TABLE disclosure ADD COLUMN correction_reason VARCHAR(300);
-- the unique constraint first: its index then serves the foreign key too (H2 made a second, redundant one)
ALTER TABLE disclosure ADD CONSTRAINT uq_disclosure_supersedes UNIQUE (supersedes_id);
ALTER TABLE disclosure ADD CONSTRAINT fk_disclosure_supersedes FOREIGN KEY (supersedes_id) REFERENCES disclosure (id);
-- a reason only with a superseded disclosure; the rows published twice before this version have none to show
ALTER TABLE disclosure ADD CONSTRAINT ck_disclosure_correction
    CHECK (correction_reason IS NULL OR supersedes_id IS NOT NULL);

-- Before this version publishing a period again added a row silently: each such row supersedes the one before it.
UPDATE disclosure AS d
SET supersedes_id = (SELECT MAX(e.id) FROM disclosure e
                     WHERE e.period_from = d.period_from AND e.period_to = d.period_to AND e.id < d.id)
WHERE EXISTS (SELECT 1 FROM disclosure e
              WHERE e.period_from = d.period_from AND e.period_to = d.period_to AND e.id < d.id);
