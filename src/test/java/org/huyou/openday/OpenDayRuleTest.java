package org.huyou.openday;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The second-Saturday rule across years, with months starting on a Saturday or a Sunday, blackouts and extras. */
class OpenDayRuleTest {

    @Test
    void theSecondSaturdayOfEveryMonth() {
        List<LocalDate> y2026 = OpenDayRule.DEFAULT.sessionDates(2026);
        assertEquals(12, y2026.size());
        assertTrue(y2026.stream()
                .allMatch(d ->
                        d.getDayOfWeek() == DayOfWeek.SATURDAY && d.getDayOfMonth() >= 8 && d.getDayOfMonth() <= 14));
        // August 2026 starts on a Saturday: the 1st is the first Saturday, the 8th the second.
        assertTrue(y2026.contains(LocalDate.of(2026, 8, 8)));
        // February 2026 starts on a Sunday: the first Saturday is the 7th, the second the 14th.
        assertTrue(y2026.contains(LocalDate.of(2026, 2, 14)));
        assertEquals(
                LocalDate.of(2027, 1, 9), OpenDayRule.DEFAULT.sessionDates(2027).get(0));
        assertEquals(
                LocalDate.of(2028, 1, 8), OpenDayRule.DEFAULT.sessionDates(2028).get(0));
        assertEquals(
                LocalDate.of(2028, 2, 12),
                OpenDayRule.DEFAULT.sessionDates(2028).get(1),
                "leap February");
    }

    @Test
    void blackoutsDropASessionAndExtrasAddOne() {
        OpenDayRule rule = new OpenDayRule(
                2,
                DayOfWeek.SATURDAY,
                OpenDayRule.DEFAULT.slots(),
                30,
                Set.of(LocalDate.of(2026, 10, 10)),
                Set.of(LocalDate.of(2026, 6, 1), LocalDate.of(2027, 6, 1)));
        List<LocalDate> dates = rule.sessionDates(2026);
        assertEquals(12, dates.size(), "one dropped (National Day week), one added (Children's Day)");
        assertTrue(!dates.contains(LocalDate.of(2026, 10, 10)) && dates.contains(LocalDate.of(2026, 6, 1)));
        assertEquals(LocalDate.of(2026, 11, 14), rule.nextSession(LocalDate.of(2026, 10, 1)));
        assertThrows(IllegalArgumentException.class, () -> OpenDayRule.Slot.parse("11:00-09:00"));
    }
}
