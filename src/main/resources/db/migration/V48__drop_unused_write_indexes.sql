-- Indexes every new resident and audit row writes and no query reads (issue 27, the residents import): the register
-- is searched by its keys (resident_search_key), never by these two columns, which only feed the keys; and every
-- query on the audit log's time ranges over or orders by (at, id), which ix_audit_at_id (migration 23) serves with
-- at as its first column. Three of the B-tree writes of each imported resident, and of its committing.
DROP INDEX ix_resident_name_pinyin;
DROP INDEX ix_resident_name_initials;
DROP INDEX ix_audit_at;
