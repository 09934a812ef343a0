package org.huyou.care.plan;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.huyou.common.Coded;

/**
 * The integrated care plan (养、治、教、康、社工 一体化): goals across the care domains with owner, due date and status;
 * drafted by the social worker, approved by the director, reviewed at a set interval. {@code selfApproved}: the
 * drafter approved it, which only the home's setting for a home with one social worker allows.
 */
public record CarePlan(
        long id,
        long residentId,
        LocalDate start,
        String summary,
        int reviewMonths,
        LocalDate reviewDue,
        Status status,
        String approvedBy,
        LocalDateTime approvedAt,
        boolean selfApproved,
        String createdBy,
        int version,
        boolean voided,
        String voidReason) {

    public enum Status implements Coded {
        DRAFT,
        APPROVED,
        CLOSED;

        @Override
        public String labelPrefix() {
            return "carePlanStatus";
        }
    }

    public enum Domain implements Coded {
        UPBRINGING,
        MEDICAL,
        REHABILITATION,
        EDUCATION,
        PSYCHOLOGY,
        SOCIAL_WORK,
        SAFETY;

        @Override
        public String labelPrefix() {
            return "planDomain";
        }
    }

    public enum GoalStatus implements Coded {
        NOT_STARTED,
        IN_PROGRESS,
        ACHIEVED,
        DROPPED;

        public boolean open() {
            return this == NOT_STARTED || this == IN_PROGRESS;
        }

        @Override
        public String labelPrefix() {
            return "goalStatus";
        }
    }

    public record Goal(
            long id,
            long planId,
            Domain domain,
            String goal,
            String owner,
            LocalDate due,
            GoalStatus status,
            int version,
            boolean voided,
            String voidReason) {}
}
