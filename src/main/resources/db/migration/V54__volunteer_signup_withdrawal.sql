-- A volunteer taken off a shift (退出) was deleted with their sign-up, and any background-check override on it. The
-- sign-up is now voided instead (who, when, why) and stays on the roster marked withdrawn, out of the counts and the
-- places; a withdrawn sign-up is never attended.
ALTER TABLE volunteer_signup ADD COLUMN voided_at TIMESTAMP;
ALTER TABLE volunteer_signup ADD COLUMN voided_by VARCHAR(64);
ALTER TABLE volunteer_signup ADD COLUMN voided_reason VARCHAR(500);
ALTER TABLE volunteer_signup ADD CONSTRAINT ck_signup_void CHECK ((voided_at IS NULL) = (voided_by IS NULL));
ALTER TABLE volunteer_signup ADD CONSTRAINT ck_signup_void_unattended CHECK (voided_at IS NULL OR attended IS NULL);

-- One who withdrew may sign up again: signup_no numbers a volunteer's sign-ups to one activity (0, then 1 after a
-- withdrawal, ...), so the withdrawn rows stay beside the new one and two desks still cannot add the same one twice.
ALTER TABLE volunteer_signup ADD COLUMN signup_no INT DEFAULT 0 NOT NULL;
ALTER TABLE volunteer_signup DROP CONSTRAINT uq_signup;
ALTER TABLE volunteer_signup ADD CONSTRAINT uq_signup UNIQUE (activity_id, volunteer_id, signup_no);
