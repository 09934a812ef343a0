-- An index that another already serves (issue 27: every index is one more B-tree write of each row saved):
-- uq_openday_visit_entry (migration 29) starts with session_date, so it answers every lookup of a day's visits.
DROP INDEX ix_openday_visit_date;
