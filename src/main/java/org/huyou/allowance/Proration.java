package org.huyou.allowance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one resident is due for a month: each day in care counts a day's share (monthly standard / days in the month)
 * of the standard in force that day for the category the resident had that day. Admission and departure days count
 * as days in care; a category or a standard changes from its first day. The sum is rounded to the fen once, at the end.
 */
public final class Proration {

    private Proration() {}

    /** A standard: for a category and region, a monthly amount in force from a day until the next one. */
    public record Standard(AllowanceCategory category, String region, LocalDate effectiveFrom, BigDecimal monthly) {}

    /** A stretch of days in care with one category (null: none applies), both ends included. */
    public record Stay(LocalDate from, LocalDate to, AllowanceCategory category) {}

    /** One day's part of the roll: the category and the standard's monthly amount that applied. */
    public record Day(LocalDate date, AllowanceCategory category, BigDecimal monthly) {}

    public static List<Day> days(YearMonth month, List<Stay> stays, List<Standard> standards, String region) {
        List<Day> out = new ArrayList<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            LocalDate day = d;
            stays.stream()
                    .filter(s -> !day.isBefore(s.from()) && !day.isAfter(s.to()))
                    .findFirst()
                    .ifPresent(s -> standardOn(standards, s.category(), region, day)
                            .ifPresent(st -> out.add(new Day(day, s.category(), st.monthly()))));
        }
        return out;
    }

    /**
     * The amount due for the days: each category's share rounded half-up to the fen, then added, so a roll's totals
     * per category add up to the sum of its lines exactly.
     */
    public static BigDecimal amount(YearMonth month, List<Day> days) {
        return byCategory(month, days).values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** The amount due per category, each rounded half-up to the fen. */
    public static Map<AllowanceCategory, BigDecimal> byCategory(YearMonth month, List<Day> days) {
        BigDecimal perMonthDays = BigDecimal.valueOf(month.lengthOfMonth());
        Map<AllowanceCategory, BigDecimal> sums = new EnumMap<>(AllowanceCategory.class);
        for (Day d : days) {
            sums.merge(d.category(), d.monthly().divide(perMonthDays, 10, RoundingMode.HALF_UP), BigDecimal::add);
        }
        sums.replaceAll((c, v) -> v.setScale(2, RoundingMode.HALF_UP));
        return sums;
    }

    /** The standard in force on a day: the latest one effective on or before it for the category and region. */
    public static Optional<Standard> standardOn(
            List<Standard> standards, AllowanceCategory category, String region, LocalDate day) {
        return standards.stream()
                .filter(s -> category != null
                        && s.category() == category
                        && s.region().equals(region)
                        && !s.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(Standard::effectiveFrom));
    }
}
