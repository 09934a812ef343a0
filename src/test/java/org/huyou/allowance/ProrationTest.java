package org.huyou.allowance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proration across month boundaries, category changes within a month, and a standard changing on its day. */
class ProrationTest {

    static final String BINZHOU = "山东省滨州市";
    static final List<Proration.Standard> STANDARDS = List.of(
            new Proration.Standard(
                    AllowanceCategory.INSTITUTION_ORPHAN, BINZHOU, LocalDate.of(2024, 1, 1), new BigDecimal("2675")),
            new Proration.Standard(
                    AllowanceCategory.INSTITUTION_ORPHAN, BINZHOU, LocalDate.of(2025, 7, 1), new BigDecimal("2790")),
            new Proration.Standard(
                    AllowanceCategory.KEY_CHILD_IN_DIFFICULTY,
                    BINZHOU,
                    LocalDate.of(2024, 1, 1),
                    new BigDecimal("1777")));

    static BigDecimal due(YearMonth m, Proration.Stay... stays) {
        return Proration.amount(m, Proration.days(m, List.of(stays), STANDARDS, BINZHOU));
    }

    @Test
    void aWholeMonthIsTheMonthlyStandard() {
        YearMonth june = YearMonth.of(2025, 6);
        assertEquals(
                new BigDecimal("2675.00"),
                due(
                        june,
                        new Proration.Stay(
                                LocalDate.of(2020, 1, 1),
                                LocalDate.of(2030, 1, 1),
                                AllowanceCategory.INSTITUTION_ORPHAN)));
    }

    @Test
    void admissionAndDepartureDaysCountAndTheRestIsProrated() {
        YearMonth feb = YearMonth.of(2025, 2); // 28 days
        assertEquals(
                new BigDecimal("955.36"),
                due(
                        feb,
                        new Proration.Stay(
                                LocalDate.of(2025, 2, 19),
                                LocalDate.of(2025, 5, 1),
                                AllowanceCategory.INSTITUTION_ORPHAN)),
                "10 of 28 days: 2675 × 10 / 28");
        YearMonth march = YearMonth.of(2025, 3);
        assertEquals(
                new BigDecimal("86.29"),
                due(
                        march,
                        new Proration.Stay(
                                LocalDate.of(2025, 1, 1),
                                LocalDate.of(2025, 3, 1),
                                AllowanceCategory.INSTITUTION_ORPHAN)),
                "left on the 1st: one day");
    }

    @Test
    void aCategoryChangeSplitsTheMonthOnItsDay() {
        YearMonth april = YearMonth.of(2025, 4); // 30 days
        BigDecimal due = due(
                april,
                new Proration.Stay(
                        LocalDate.of(2024, 1, 1), LocalDate.of(2025, 4, 10), AllowanceCategory.KEY_CHILD_IN_DIFFICULTY),
                new Proration.Stay(
                        LocalDate.of(2025, 4, 11), LocalDate.of(2026, 1, 1), AllowanceCategory.INSTITUTION_ORPHAN));
        // 10 days at 1777 (592.333… → 592.33) and 20 at 2675 (1783.333… → 1783.33): each category to the fen
        assertEquals(new BigDecimal("2375.66"), due);
    }

    @Test
    void aNewStandardAppliesFromItsEffectiveDay() {
        YearMonth july = YearMonth.of(2025, 7);
        assertEquals(
                new BigDecimal("2790.00"),
                due(
                        july,
                        new Proration.Stay(
                                LocalDate.of(2020, 1, 1),
                                LocalDate.of(2030, 1, 1),
                                AllowanceCategory.INSTITUTION_ORPHAN)),
                "the July standard from 1 July");
        List<Proration.Standard> midMonth = List.of(
                STANDARDS.get(0),
                new Proration.Standard(
                        AllowanceCategory.INSTITUTION_ORPHAN,
                        BINZHOU,
                        LocalDate.of(2025, 7, 16),
                        new BigDecimal("3100")));
        List<Proration.Day> days = Proration.days(
                july,
                List.of(new Proration.Stay(
                        LocalDate.of(2020, 1, 1), LocalDate.of(2030, 1, 1), AllowanceCategory.INSTITUTION_ORPHAN)),
                midMonth,
                BINZHOU);
        // 15 days at 2675 and 16 at 3100, over 31 days
        assertEquals(new BigDecimal("2894.35"), Proration.amount(july, days));
        assertEquals(
                0,
                Proration.amount(
                                july,
                                Proration.days(
                                        july,
                                        List.of(new Proration.Stay(
                                                LocalDate.of(2020, 1, 1),
                                                LocalDate.of(2030, 1, 1),
                                                AllowanceCategory.INSTITUTION_ORPHAN)),
                                        STANDARDS,
                                        "贵州省"))
                        .signum(),
                "no standard for the region: nothing computed (the roll flags it)");
    }
}
