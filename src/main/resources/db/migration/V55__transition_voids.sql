-- A new decision on an approved plan deleted the unpaid lines of its payment schedule. They are now voided instead
-- (who, when, why: the new decision) and stay on the plan marked void, out of its totals; a void line is never paid.
ALTER TABLE transition_payment ADD COLUMN voided_at TIMESTAMP;
ALTER TABLE transition_payment ADD COLUMN voided_by VARCHAR(64);
ALTER TABLE transition_payment ADD COLUMN voided_reason VARCHAR(500);
ALTER TABLE transition_payment ADD CONSTRAINT ck_transition_payment_void CHECK ((voided_at IS NULL) = (voided_by IS NULL));
ALTER TABLE transition_payment ADD CONSTRAINT ck_transition_payment_void_unpaid CHECK (voided_at IS NULL OR paid_on IS NULL);

-- A line taken off a pathway's task template was deleted (the audit row named only its number). It is now voided:
-- kept with who and when, out of the template, so what the home's templates once asked stays on record.
ALTER TABLE transition_task_template ADD COLUMN voided_at TIMESTAMP;
ALTER TABLE transition_task_template ADD COLUMN voided_by VARCHAR(64);
ALTER TABLE transition_task_template ADD COLUMN voided_reason VARCHAR(500);
ALTER TABLE transition_task_template ADD CONSTRAINT ck_task_template_void CHECK ((voided_at IS NULL) = (voided_by IS NULL));
