package org.huyou.care.education;

import java.time.LocalDate;
import org.huyou.common.Coded;

/** The records of the special-education part (特殊教育): placements, individual education plans and progress. */
public final class Education {

    private Education() {}

    public enum PlacementKind implements Coded {
        IN_HOUSE_PRESCHOOL,
        IN_HOUSE_CLASS,
        SPECIAL_SCHOOL,
        REGULAR_SCHOOL,
        NONE;

        @Override
        public String labelPrefix() {
            return "placementKind";
        }
    }

    public enum Area implements Coded {
        LANGUAGE,
        MATHEMATICS,
        SELF_CARE,
        SOCIAL,
        MOTOR,
        VOCATIONAL,
        OTHER;

        @Override
        public String labelPrefix() {
            return "educationArea";
        }
    }

    public enum Level implements Coded {
        NOT_YET,
        EMERGING,
        DEVELOPING,
        ACHIEVED;

        @Override
        public String labelPrefix() {
            return "educationLevel";
        }
    }

    /** Where the child learns from a date on; the latest valid one is the current placement. */
    public record Placement(
            long id,
            long residentId,
            LocalDate start,
            PlacementKind kind,
            String school,
            String className,
            String teacher,
            String recordedBy,
            boolean voided,
            String voidReason) {}

    public record Plan(
            long id,
            long residentId,
            String title,
            LocalDate start,
            LocalDate reviewDue,
            String teacher,
            boolean voided,
            String voidReason) {}

    /** An IEP goal with its latest progress level (null before the first record). */
    public record Goal(
            long id, long planId, Area area, String description, Level latest, boolean voided, String voidReason) {}

    public record Progress(
            long id,
            long residentId,
            long goalId,
            String goal,
            LocalDate date,
            Level level,
            String note,
            String recordedBy,
            boolean voided,
            String voidReason) {}

    /** A child in a teacher's class: the current placement and the IEP review date. */
    public record Case(
            long residentId,
            String residentName,
            PlacementKind kind,
            String school,
            String className,
            String teacher,
            Long planId,
            String planTitle,
            LocalDate reviewDue) {}
}
