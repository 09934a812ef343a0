package org.huyou.openday;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * When the social open day (社会开放日) is held: by default the second Saturday of every month, in time slots with a
 * capacity each; blackout dates drop a session, extra dates add one.
 */
public record OpenDayRule(
        int weekOfMonth,
        DayOfWeek dayOfWeek,
        List<Slot> slots,
        int capacityPerSlot,
        Set<LocalDate> blackouts,
        Set<LocalDate> extras) {

    /** A time slot of a session. */
    public record Slot(LocalTime start, LocalTime end) {

        public Slot {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("a slot ends after it starts: " + start + "-" + end);
            }
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }

        public static Slot parse(String text) {
            String[] p = text.strip().split("-");
            return new Slot(LocalTime.parse(p[0].strip()), LocalTime.parse(p[1].strip()));
        }
    }

    public static final OpenDayRule DEFAULT = new OpenDayRule(
            2,
            DayOfWeek.SATURDAY,
            List.of(
                    new Slot(LocalTime.of(9, 0), LocalTime.of(11, 0)),
                    new Slot(LocalTime.of(14, 30), LocalTime.of(16, 30))),
            30,
            Set.of(),
            Set.of());

    public OpenDayRule {
        if (weekOfMonth < 1 || weekOfMonth > 4) {
            throw new IllegalArgumentException("week of month 1-4: " + weekOfMonth);
        }
        slots = List.copyOf(slots);
        blackouts = Set.copyOf(blackouts);
        extras = Set.copyOf(extras);
    }

    /** The session dates of a year under the rule, in order: the rule's days minus blackouts, plus extras. */
    public List<LocalDate> sessionDates(int year) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (int m = 1; m <= 12; m++) {
            LocalDate d =
                    YearMonth.of(year, m).atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(weekOfMonth, dayOfWeek));
            if (!blackouts.contains(d)) {
                dates.add(d);
            }
        }
        extras.stream().filter(d -> d.getYear() == year).forEach(dates::add);
        return List.copyOf(dates);
    }

    /** The first session on or after a day (looking a year ahead and into the next). */
    public LocalDate nextSession(LocalDate from) {
        for (int y = from.getYear(); y <= from.getYear() + 1; y++) {
            for (LocalDate d : sessionDates(y)) {
                if (!d.isBefore(from)) {
                    return d;
                }
            }
        }
        throw new IllegalStateException("no session within two years");
    }
}
