package org.huyou.care.incident;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.huyou.common.Coded;

/**
 * An injury, a runaway, a suspected abuse or another safeguarding event, with the mandatory report (强制报告) when
 * one is required: to whom and when it was made.
 */
public record Incident(
        long id,
        long residentId,
        LocalDate date,
        LocalTime time,
        Kind kind,
        Severity severity,
        String place,
        String description,
        String actionTaken,
        boolean mandatoryReport,
        ReportedTo reportedTo,
        String reportedDetail,
        LocalDateTime reportedAt,
        String recordedBy,
        int version,
        boolean voided,
        String voidReason) {

    public enum Kind implements Coded {
        INJURY,
        RUNAWAY,
        SUSPECTED_ABUSE,
        SELF_HARM,
        OTHER;

        /** The law requires a report for every suspected abuse or neglect of a minor. */
        public boolean alwaysReported() {
            return this == SUSPECTED_ABUSE;
        }

        @Override
        public String labelPrefix() {
            return "incidentKind";
        }
    }

    public enum Severity implements Coded {
        MINOR,
        SERIOUS,
        CRITICAL;

        @Override
        public String labelPrefix() {
            return "incidentSeverity";
        }
    }

    public enum ReportedTo implements Coded {
        PUBLIC_SECURITY,
        CIVIL_AFFAIRS,
        PROCURATORATE,
        EDUCATION,
        OTHER;

        @Override
        public String labelPrefix() {
            return "reportedTo";
        }
    }

    /** A required report not yet recorded. */
    public boolean reportOutstanding() {
        return mandatoryReport && reportedAt == null && !voided;
    }
}
