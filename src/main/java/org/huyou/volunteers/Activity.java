package org.huyou.volunteers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.huyou.common.Coded;

/**
 * A volunteer activity or shift: what kind, when, where, the specialty wanted, how many, and whether children are
 * present. It names no resident: a shift plan handed to volunteers carries no care details. A draft has id 0.
 */
public record Activity(
        long id,
        String title,
        Type type,
        LocalDate date,
        LocalTime start,
        LocalTime end,
        String place,
        Volunteer.Specialty specialty,
        int capacity,
        boolean withChildren) {

    /** Kinds of activity; each may require trainings (configurable). */
    public enum Type implements Coded {
        COMPANIONSHIP,
        TUTORING,
        REHABILITATION,
        EVENT,
        OFFICE;

        @Override
        public String labelPrefix() {
            return "activityType";
        }
    }

    /** The shift's length in hours, the default service hours of whoever attended. */
    public BigDecimal hours() {
        return BigDecimal.valueOf(Duration.between(start, end).toMinutes())
                .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }
}
