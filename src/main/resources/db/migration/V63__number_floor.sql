-- The highest number of a kind the program has given out, where the register alone would forget it: a restore of an
-- older backup takes out the residents added since, and their record numbers would be given again to other children.
-- The restore writes here what the replaced database had issued; the next number starts after it. (Receipt and
-- open-day slip numbers have their own counters, which the restore raises the same way.)
CREATE TABLE number_floor (
    kind      VARCHAR(20)   NOT NULL,
    scope     VARCHAR(20)   NOT NULL,
    last_no   INT           NOT NULL,
    CONSTRAINT pk_number_floor PRIMARY KEY (kind, scope)
);
