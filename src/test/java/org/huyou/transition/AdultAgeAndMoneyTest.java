package org.huyou.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 18th birthday, months left, the pathway the scores suggest, and the money schedules. */
class AdultAgeAndMoneyTest {

    @Test
    void bornOnTheTwentyNinthOfFebruaryComesOfAgeOnTheFirstOfMarchInACommonYear() {
        assertEquals(LocalDate.of(2026, 3, 1), AdultAge.eighteenth(LocalDate.of(2008, 2, 29)), "2026 is common");
        assertEquals(LocalDate.of(2022, 2, 28), AdultAge.eighteenth(LocalDate.of(2004, 2, 28)));
        assertEquals(
                LocalDate.of(2030, 3, 1),
                AdultAge.eighteenth(LocalDate.of(2012, 2, 29)),
                "a leap year plus 18 is never a leap year");
        assertFalse(AdultAge.adultOn(LocalDate.of(2026, 2, 28), LocalDate.of(2008, 2, 29)));
        assertTrue(AdultAge.adultOn(LocalDate.of(2026, 3, 1), LocalDate.of(2008, 2, 29)));
    }

    @Test
    void monthsLeftCountWholeMonthsAndGoNegativeAfterwards() {
        LocalDate born = LocalDate.of(2008, 12, 10);
        assertEquals(24, AdultAge.monthsLeft(LocalDate.of(2024, 12, 10), born));
        assertEquals(0, AdultAge.monthsLeft(LocalDate.of(2026, 11, 23), born), "17 days left");
        assertEquals(-1, AdultAge.monthsLeft(LocalDate.of(2027, 1, 10), born));
    }

    @Test
    void scoresSuggestAConclusionAndTheConclusionAPathway() {
        assertEquals(Capability.Conclusion.INDEPENDENT, Capability.suggest(List.of(4, 3, 3, 3, 3, 2)));
        assertEquals(Capability.Conclusion.PARTLY, Capability.suggest(List.of(3, 3, 2, 2, 2, 2)), "work ability 2");
        assertEquals(Capability.Conclusion.NOT_ABLE, Capability.suggest(List.of(1, 4, 4, 4, 4, 4)), "self-care 1");
        assertEquals(Capability.Conclusion.NOT_ABLE, Capability.suggest(List.of(2, 2, 2, 1, 1, 1)), "total 9");
        assertEquals(Pathway.SOCIALIZED, Pathway.suggest(Capability.Conclusion.INDEPENDENT, false));
        assertEquals(Pathway.CONTINUING_EDUCATION, Pathway.suggest(Capability.Conclusion.INDEPENDENT, true));
        assertEquals(Pathway.CONTINUING_EDUCATION, Pathway.suggest(Capability.Conclusion.PARTLY, true));
        assertEquals(Pathway.DESTITUTE_SUPPORT, Pathway.suggest(Capability.Conclusion.PARTLY, false));
        assertEquals(Pathway.WELFARE_TRANSFER, Pathway.suggest(Capability.Conclusion.NOT_ABLE, true));
    }

    @Test
    void theEducationGrantIsPaidForEveryAcademicYearUntilGraduation() {
        List<PaymentSchedule.Line> grant = PaymentSchedule.lines(
                Pathway.CONTINUING_EDUCATION,
                LocalDate.of(2026, 10, 1),
                LocalDate.of(2029, 6, 30),
                new BigDecimal("50000"),
                null,
                new BigDecimal("10000"));
        assertEquals(
                List.of("2026-2027", "2027-2028", "2028-2029"),
                grant.stream().map(PaymentSchedule.Line::label).toList());
        assertEquals(LocalDate.of(2026, 10, 1), grant.get(0).dueOn(), "the first year from the birthday");
        assertEquals(LocalDate.of(2027, 9, 1), grant.get(1).dueOn());
        assertEquals(0, new BigDecimal("30000").compareTo(PaymentSchedule.total(grant)));
        List<PaymentSchedule.Line> summer = PaymentSchedule.lines(
                Pathway.CONTINUING_EDUCATION,
                LocalDate.of(2027, 7, 15),
                LocalDate.of(2027, 7, 1),
                BigDecimal.ONE,
                null,
                new BigDecimal("10000"));
        assertEquals(
                List.of("2026-2027"),
                summer.stream().map(PaymentSchedule.Line::label).toList(),
                "graduated before the birthday's academic year ends: one year");
    }

    @Test
    void socializedPlacementGetsTheSubsidyAndTheCityTopUpAtTheBirthday() {
        LocalDate day = LocalDate.of(2027, 5, 5);
        List<PaymentSchedule.Line> lines = PaymentSchedule.lines(
                Pathway.SOCIALIZED,
                day,
                null,
                new BigDecimal("50000"),
                new BigDecimal("20000"),
                new BigDecimal("10000"));
        assertEquals(2, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.dueOn().equals(day)));
        assertEquals(0, new BigDecimal("70000").compareTo(PaymentSchedule.total(lines)));
        assertTrue(PaymentSchedule.lines(
                        Pathway.WELFARE_TRANSFER, day, null, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN)
                .isEmpty());
    }
}
