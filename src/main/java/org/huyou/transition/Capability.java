package org.huyou.transition;

import java.time.LocalDate;
import java.util.List;
import org.huyou.common.Coded;

/**
 * An individual capability assessment (个人能力评估): six areas scored 0 (not able) to 4 (fully able), notes, and the
 * conclusion the social worker records (suggested from the scores). Repeatable; the latest counts.
 */
public record Capability(
        long id,
        long residentId,
        LocalDate assessedOn,
        int selfCare,
        int dailyLiving,
        int health,
        int workAbility,
        int socialSkills,
        int education,
        String notes,
        Conclusion conclusion,
        String createdBy,
        boolean voided) {

    public static final int MAX_SCORE = 4;

    /** A new assessment, not yet stored: the six scores in {@link Area}'s order. */
    static Capability assessed(
            long residentId, LocalDate on, List<Integer> scores, String notes, Conclusion conclusion, String by) {
        return new Capability(
                0,
                residentId,
                on,
                scores.get(0),
                scores.get(1),
                scores.get(2),
                scores.get(3),
                scores.get(4),
                scores.get(5),
                notes,
                conclusion,
                by,
                false);
    }

    /** Whether the young person can live independently. */
    public enum Conclusion implements Coded {
        INDEPENDENT,
        PARTLY,
        NOT_ABLE;

        @Override
        public String labelPrefix() {
            return "capability.conclusion";
        }
    }

    /** The six areas, in the order the form shows them. */
    public enum Area implements Coded {
        SELF_CARE,
        DAILY_LIVING,
        HEALTH,
        WORK_ABILITY,
        SOCIAL_SKILLS,
        EDUCATION;

        @Override
        public String labelPrefix() {
            return "capability.area";
        }
    }

    public List<Integer> scores() {
        return List.of(selfCare, dailyLiving, health, workAbility, socialSkills, education);
    }

    public int total() {
        return scores().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The conclusion the scores suggest: not able when self-care or daily living is at most 1 or the total is under
     * 10; independent when every area is at least 2, work ability at least 3 and the total at least 16; otherwise
     * partly.
     */
    public static Conclusion suggest(List<Integer> scores) {
        int total = scores.stream().mapToInt(Integer::intValue).sum();
        if (scores.get(0) <= 1 || scores.get(1) <= 1 || total < 10) {
            return Conclusion.NOT_ABLE;
        }
        if (scores.stream().allMatch(s -> s >= 2) && scores.get(3) >= 3 && total >= 16) {
            return Conclusion.INDEPENDENT;
        }
        return Conclusion.PARTLY;
    }
}
