package org.huyou.transition;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;

/**
 * The dates that drive a transition: the 18th birthday and the months left until it. Someone born on 29 February
 * comes of age on 1 March when the 18th year is not a leap year: that is the first day on which 18 full years have
 * passed (Java's plusYears would say 28 February, a day early).
 */
public final class AdultAge {

    public static final int ADULT = 18;
    /** From this age a resident appears on the transition dashboard. */
    public static final int DASHBOARD_FROM = 16;

    private AdultAge() {}

    public static LocalDate eighteenth(LocalDate birth) {
        LocalDate d = birth.plusYears(ADULT);
        return MonthDay.from(birth).equals(MonthDay.of(2, 29)) && d.getDayOfMonth() == 28 ? d.plusDays(1) : d;
    }

    /** Whole months from today until the 18th birthday; negative once it has passed. */
    public static long monthsLeft(LocalDate today, LocalDate birth) {
        return ChronoUnit.MONTHS.between(today, eighteenth(birth));
    }

    /** Whether a resident is an adult on a day. */
    public static boolean adultOn(LocalDate day, LocalDate birth) {
        return !day.isBefore(eighteenth(birth));
    }

    /** The birth dates that make someone at least {@code years} old on {@code day}: on or before this date. */
    public static LocalDate bornBy(LocalDate day, int years) {
        return day.minusYears(years);
    }
}
