-- A dose above the known maximum of its ingredient is ordered only with medical staff's written reason: kept on the
-- order (and in the audit log) so the order and each of its doses show it.
ALTER TABLE medication_order ADD COLUMN dose_override VARCHAR(500);
