package org.huyou.care.medical;

import java.time.LocalDate;
import org.huyou.common.Coded;

/** An allergy: shown as a warning on every screen of the resident. */
public record Allergy(long id, long residentId, String substance, String reaction, Severity severity,
                      LocalDate notedOn, String recordedBy, boolean voided) {

    public enum Severity implements Coded {
        MILD, MODERATE, SEVERE;

        @Override
        public String labelPrefix() {
            return "allergySeverity";
        }
    }
}
