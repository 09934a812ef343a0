-- The rehab caseload (照护工作台, and the therapists' reminders) counts each plan's goals and finds its newest session
-- dates; the indexes by plan alone made each of those read every session's row for its void and dates (13,548 plans
-- and 137,000 sessions on the stress home: 3-4 s). These hold what the caseload reads, so the rows are not fetched.
CREATE INDEX ix_rehab_session_plan_dates ON rehab_session (plan_id, voided_at, session_date, next_session);
CREATE INDEX ix_rehab_goal_plan_void ON rehab_goal (plan_id, voided_at);
