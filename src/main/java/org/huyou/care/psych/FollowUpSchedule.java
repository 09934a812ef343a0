package org.huyou.care.psych;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** Days between psychological follow-ups per risk grade: by default high weekly, medium monthly, low quarterly. */
public record FollowUpSchedule(Map<RiskGrade, Integer> days) {

    public static final FollowUpSchedule DEFAULT =
            new FollowUpSchedule(Map.of(RiskGrade.HIGH, 7, RiskGrade.MEDIUM, 30, RiskGrade.LOW, 90));

    public FollowUpSchedule {
        Map<RiskGrade, Integer> copy = new EnumMap<>(RiskGrade.class);
        copy.putAll(days);
        days = Map.copyOf(copy);
    }

    public int daysFor(RiskGrade grade) {
        return days.get(grade);
    }

    /** The next follow-up after the last contact with a child of this grade. */
    public LocalDate nextDue(RiskGrade grade, LocalDate lastContact) {
        return lastContact.plusDays(daysFor(grade));
    }
}
