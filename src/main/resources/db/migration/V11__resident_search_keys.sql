-- Search as typed, by index only. One row per way a resident can be found: every suffix of the name and former name
-- ("N:", so "contains" becomes a prefix lookup), the name's full pinyin and initials ("P:"), the ID number ("I:") and
-- every suffix of the upper-case record number ("R:"). The register keeps the rows in step with each save; a query is
-- a range scan of the primary key, never a scan of every resident (LIKE '%..%' and OR-ed columns use no index).
CREATE TABLE resident_search_key (
    search_key  VARCHAR(310) NOT NULL,
    resident_id BIGINT       NOT NULL,
    CONSTRAINT pk_resident_search_key PRIMARY KEY (search_key, resident_id),
    CONSTRAINT fk_search_key_resident FOREIGN KEY (resident_id) REFERENCES resident (id)
);

-- A resident's own keys by prefix: how a broad query (one letter) checks each resident it walks past in record order.
CREATE INDEX ix_search_key_resident ON resident_search_key (resident_id, search_key);

-- The residents already registered (the positions 1..50 cover the longest name; record numbers are at most 32).
INSERT INTO resident_search_key (search_key, resident_id)
SELECT DISTINCT k, rid FROM (
    SELECT 'N:' || SUBSTRING(r.name FROM n.i) AS k, r.id AS rid
    FROM resident r JOIN (VALUES (1),(2),(3),(4),(5),(6),(7),(8),(9),(10),(11),(12),(13),(14),(15),(16),(17),(18),(19),(20),(21),(22),(23),(24),(25),(26),(27),(28),(29),(30),(31),(32),(33),(34),(35),(36),(37),(38),(39),(40),(41),(42),(43),(44),(45),(46),(47),(48),(49),(50)) AS n (i) ON n.i <= CHAR_LENGTH(r.name)
    UNION ALL
    SELECT 'N:' || SUBSTRING(r.former_name FROM n.i), r.id
    FROM resident r JOIN (VALUES (1),(2),(3),(4),(5),(6),(7),(8),(9),(10),(11),(12),(13),(14),(15),(16),(17),(18),(19),(20),(21),(22),(23),(24),(25),(26),(27),(28),(29),(30),(31),(32),(33),(34),(35),(36),(37),(38),(39),(40),(41),(42),(43),(44),(45),(46),(47),(48),(49),(50)) AS n (i) ON r.former_name IS NOT NULL AND n.i <= CHAR_LENGTH(r.former_name)
    UNION ALL
    SELECT 'P:' || r.name_pinyin, r.id FROM resident r WHERE r.name_pinyin <> ''
    UNION ALL
    SELECT 'P:' || r.name_initials, r.id FROM resident r WHERE r.name_initials <> ''
    UNION ALL
    SELECT 'I:' || UPPER(r.id_number), r.id FROM resident r WHERE r.id_number IS NOT NULL
    UNION ALL
    SELECT 'R:' || SUBSTRING(UPPER(r.record_no) FROM n.i), r.id
    FROM resident r JOIN (VALUES (1),(2),(3),(4),(5),(6),(7),(8),(9),(10),(11),(12),(13),(14),(15),(16),(17),(18),(19),(20),(21),(22),(23),(24),(25),(26),(27),(28),(29),(30),(31),(32),(33),(34),(35),(36),(37),(38),(39),(40),(41),(42),(43),(44),(45),(46),(47),(48),(49),(50)) AS n (i) ON n.i <= CHAR_LENGTH(r.record_no)
) AS all_keys;
