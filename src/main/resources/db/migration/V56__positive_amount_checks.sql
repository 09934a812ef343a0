-- What the services refuse as zero or less, the schema refuses too, so an import, a command line or a bug cannot store
-- it. A city top-up was only kept from being negative: a zero one was a plan with no top-up (no payment line was ever
-- made of it), so such a plan says so with no amount, as the service has stored it since.
UPDATE transition_plan SET city_top_up = NULL WHERE city_top_up = 0;
ALTER TABLE transition_plan DROP CONSTRAINT ck_transition_plan_top_up;
ALTER TABLE transition_plan ADD CONSTRAINT ck_transition_plan_top_up CHECK (city_top_up IS NULL OR city_top_up > 0);

-- A counselling session lasts at least a minute (the service has refused 0 from the start).
ALTER TABLE counselling_session DROP CONSTRAINT ck_counselling_session_minutes;
ALTER TABLE counselling_session ADD CONSTRAINT ck_counselling_session_minutes CHECK (minutes BETWEEN 1 AND 600);

-- A rehabilitation session attended lasts at least a minute; one missed or cancelled records 0.
ALTER TABLE rehab_session ADD CONSTRAINT ck_rehab_session_attended_minutes CHECK (attendance <> 'ATTENDED' OR minutes >= 1);
