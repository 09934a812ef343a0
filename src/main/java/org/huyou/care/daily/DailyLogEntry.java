package org.huyou.care.daily;

import java.time.LocalDate;
import org.huyou.care.daily.DailyCareChoices.Hygiene;
import org.huyou.care.daily.DailyCareChoices.Meals;
import org.huyou.care.daily.DailyCareChoices.Mood;
import org.huyou.care.daily.DailyCareChoices.Shift;
import org.huyou.care.daily.DailyCareChoices.Sleep;

/** One child's record for one shift. {@code id} is null until saved. */
public record DailyLogEntry(
        Long id,
        long residentId,
        LocalDate date,
        Shift shift,
        Meals meals,
        Sleep sleep,
        Hygiene hygiene,
        Mood mood,
        String events,
        String note,
        String recordedBy,
        boolean voided) {

    public boolean isEmpty() {
        return meals == null && sleep == null && hygiene == null && mood == null && blank(events) && blank(note);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
