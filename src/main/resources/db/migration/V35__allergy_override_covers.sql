-- An allergy override on a medication order covers the allergies medical staff saw when they confirmed it, no more:
-- whoever gives doses may give one despite those, with a reason, but an allergy recorded later holds the dose until
-- medical staff override again (review: the override used to be a flag that covered any later allergy too).
CREATE TABLE medication_order_override_allergy (
    order_id           BIGINT        NOT NULL,
    allergy_id         BIGINT        NOT NULL,
    CONSTRAINT pk_medication_order_override_allergy PRIMARY KEY (order_id, allergy_id),
    CONSTRAINT fk_medication_order_override_order FOREIGN KEY (order_id) REFERENCES medication_order (id),
    CONSTRAINT fk_medication_order_override_allergy FOREIGN KEY (allergy_id) REFERENCES allergy (id)
);

-- Orders overridden before this covered the allergies on record when they were made.
INSERT INTO medication_order_override_allergy (order_id, allergy_id)
SELECT m.id, a.id FROM medication_order m JOIN allergy a ON a.resident_id = m.resident_id
 WHERE m.allergy_override IS NOT NULL AND a.created_at <= m.created_at
   AND (a.voided_at IS NULL OR a.voided_at > m.created_at);
