-- A rejected payment request keeps the director's reason, shown to whoever asked (issue 28).
ALTER TABLE payment_request ADD COLUMN decision_reason VARCHAR(300);
-- A cancelled open-day booking keeps why it was cancelled.
ALTER TABLE openday_booking ADD COLUMN cancel_reason VARCHAR(300);
