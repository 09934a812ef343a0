package org.huyou.care.rehab;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.huyou.common.Coded;

/** The records of the rehabilitation part (康复): plans, their measurable goals, sessions and scored assessments. */
public final class Rehab {

    private Rehab() {}

    public enum Area implements Coded {
        PHYSICAL,
        OCCUPATIONAL,
        SPEECH,
        COGNITIVE,
        AUTISM;

        @Override
        public String labelPrefix() {
            return "rehabArea";
        }
    }

    public enum Attendance implements Coded {
        ATTENDED,
        ABSENT_ILL,
        ABSENT_OTHER,
        CANCELLED;

        @Override
        public String labelPrefix() {
            return "attendance";
        }
    }

    public record Plan(
            long id,
            long residentId,
            String title,
            LocalDate start,
            LocalDate reviewDue,
            String therapist,
            int version,
            boolean voided,
            String voidReason) {}

    /** A goal measured on a scale of its own (GMFM-88 %, words spoken, minutes of joint attention...). */
    public record Goal(
            long id,
            long planId,
            Area area,
            String description,
            String measure,
            BigDecimal baseline,
            BigDecimal target,
            boolean voided,
            String voidReason) {

        /** How far a score has come from the baseline toward the target, in percent (below 0: went back). */
        public BigDecimal percentOfTarget(BigDecimal score) {
            return score.subtract(baseline)
                    .multiply(BigDecimal.valueOf(100))
                    .divide(target.subtract(baseline), 0, RoundingMode.HALF_UP);
        }
    }

    public record Session(
            long id,
            long residentId,
            long planId,
            LocalDate date,
            Area area,
            Attendance attendance,
            int minutes,
            String note,
            LocalDate nextSession,
            String therapist,
            boolean voided,
            String voidReason) {}

    public record Score(
            long id,
            long residentId,
            long goalId,
            LocalDate date,
            BigDecimal score,
            String note,
            String assessedBy,
            boolean voided,
            String voidReason) {}

    /** A goal with its scores, oldest first: what the progress chart draws. */
    public record Progress(Goal goal, List<Score> scores) {

        public BigDecimal latestPercent() {
            return scores.stream()
                    .filter(s -> !s.voided())
                    .reduce((a, b) -> b)
                    .map(s -> goal.percentOfTarget(s.score()))
                    .orElse(BigDecimal.ZERO);
        }
    }

    /** A therapist's resident on the caseload: the plan, its open goals and the next session. */
    public record Case(
            long residentId,
            String residentName,
            long planId,
            String planTitle,
            String therapist,
            int goals,
            LocalDate lastSession,
            LocalDate nextSession,
            LocalDate reviewDue) {}
}
