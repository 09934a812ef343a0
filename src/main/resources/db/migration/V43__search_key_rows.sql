-- The search keys as rows of two B-trees instead of three (ADR 0003). A key was a row of H2's hidden row map, of the
-- primary key (search_key, resident_id), checked unique on each insert, and of the per-resident index; at ~15 keys a
-- resident that was two thirds of what an import wrote. Now key_no, the resident's id times 256 plus the key's place
-- among its keys (at most 135: two names of 50, a record number of 32, pinyin, initials, ID number), is the row key
-- itself, so a resident's own keys are still one range of it (replaced on save, checked by a broad query), and one
-- index serves the prefix lookups, resident_id included so that they read the index alone. No foreign key: H2 would
-- add an index on resident_id for it, and the rows are derived from the resident's, written and replaced with it.
CREATE TABLE resident_search_key_rows (
    key_no      BIGINT       NOT NULL,
    search_key  VARCHAR(310) NOT NULL,
    resident_id BIGINT       NOT NULL,
    CONSTRAINT pk_search_key_no PRIMARY KEY (key_no)
);

INSERT INTO resident_search_key_rows (key_no, search_key, resident_id)
SELECT resident_id * 256 + ROW_NUMBER() OVER (PARTITION BY resident_id ORDER BY search_key) - 1, search_key, resident_id
FROM resident_search_key;

DROP TABLE resident_search_key;
ALTER TABLE resident_search_key_rows RENAME TO resident_search_key;

-- Binary order on H2 (its default), so a prefix is a range; on PostgreSQL migration 44 gives it the pattern operators.
CREATE INDEX ix_search_key_lookup ON resident_search_key (search_key, resident_id);
