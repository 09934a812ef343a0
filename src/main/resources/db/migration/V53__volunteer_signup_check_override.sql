-- A volunteer whose background check is not clear may still be put on a shift with children by the coordinator or
-- the director, only with a written reason: kept on the sign-up (and in the audit log) so the roster shows it.
ALTER TABLE volunteer_signup ADD COLUMN check_override VARCHAR(500);
ALTER TABLE volunteer_signup ADD COLUMN check_override_by VARCHAR(64);
