package org.huyou.care.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.huyou.care.growth.GrowthStandards.Indicator;
import org.huyou.care.growth.GrowthStandards.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Against the published WHO tables: their SD columns are rounded, so z must fall within the rounding band. */
class GrowthStandardsTest {

    final GrowthStandards g = GrowthStandards.get();

    @ParameterizedTest
    @CsvSource({
        "WEIGHT_FOR_AGE, MALE, wfa_boys_0_5_zscores.json, 0, 60",
        "WEIGHT_FOR_AGE, FEMALE, wfa_girls_0_5_zscores.json, 0, 60",
        "HEAD_CIRCUMFERENCE_FOR_AGE, MALE, hcfa_boys_0_5_zscores.json, 0, 60",
        "HEAD_CIRCUMFERENCE_FOR_AGE, FEMALE, hcfa_girls_0_5_zscores.json, 0, 60",
        "BMI_FOR_AGE, MALE, bmifa_boys_0_2_zscores.json, 0, 23",
        "BMI_FOR_AGE, FEMALE, bmifa_girls_2_5_zscores.json, 24, 60",
        "LENGTH_HEIGHT_FOR_AGE, MALE, lhfa_boys_0_5_zscores.json, 0, 60",
        "LENGTH_HEIGHT_FOR_AGE, FEMALE, lhfa_girls_0_5_zscores.json, 0, 60"
    })
    void whoColumnsGiveZeroAndPlusMinusTwoWithinTheirRounding(
            Indicator indicator, Sex sex, String file, int from, int to) {
        List<Map<String, String>> rows = GrowthTable.readRows("/org/huyou/care/growth/" + file);
        int checked = 0;
        boolean seen24 = false;
        for (Map<String, String> row : rows) {
            int month = Integer.parseInt(row.get("Month"));
            if (month < from || month > to) {
                continue;
            }
            if (month == 24 && indicator == Indicator.LENGTH_HEIGHT_FOR_AGE && !seen24) {
                seen24 = true; // the first month-24 row is lying length; from 24 months on height applies
                continue;
            }
            for (var column : Map.of("SD0", 0.0, "SD2", 2.0, "SD2neg", -2.0, "SD3", 3.0, "SD3neg", -3.0)
                    .entrySet()) {
                double published = Double.parseDouble(row.get(column.getKey()));
                // the column is rounded to one decimal: the exact value lies within +/-0.05 of it
                double zLow = g.zScoreAtMonth(indicator, sex, month, published - 0.05);
                double zHigh = g.zScoreAtMonth(indicator, sex, month, published + 0.05);
                assertTrue(
                        zLow - 1e-3 <= column.getValue() && column.getValue() <= zHigh + 1e-3,
                        () -> indicator + " " + sex + " month " + month + " " + column.getKey() + "=" + published
                                + ": z in [" + zLow + ", " + zHigh + "]");
                checked++;
            }
        }
        assertTrue(checked >= 5 * (to - from), "rows checked: " + checked);
    }

    @Test
    void ageInDaysIsAgeInMonthsTimesWhosAverageMonth() {
        for (int days : new int[] {0, 1, 30, 365, 700, 1826, 3000, 7000}) {
            assertEquals(
                    g.zScoreAtMonth(Indicator.WEIGHT_FOR_AGE, Sex.FEMALE, days / 30.4375, 20),
                    g.zScore(Indicator.WEIGHT_FOR_AGE, Sex.FEMALE, days, 20),
                    1e-12);
        }
    }

    @Test
    void agesBetweenRowsInterpolateLmsLinearly() {
        // weight-for-age, boys: month 6 M=7.934, month 7 M=8.297 (WHO); halfway the median is halfway
        Lms six = g.lms(Indicator.WEIGHT_FOR_AGE, Sex.MALE, (int) Math.round(6 * GrowthStandards.DAYS_PER_MONTH));
        Lms seven = g.lms(Indicator.WEIGHT_FOR_AGE, Sex.MALE, (int) Math.round(7 * GrowthStandards.DAYS_PER_MONTH));
        int mid = (int) Math.round(6.5 * GrowthStandards.DAYS_PER_MONTH);
        Lms between = g.lms(Indicator.WEIGHT_FOR_AGE, Sex.MALE, mid);
        assertTrue(between.m() > six.m() && between.m() < seven.m());
        assertEquals(0, g.zScore(Indicator.WEIGHT_FOR_AGE, Sex.MALE, mid, between.m()), 1e-9);
    }

    @Test
    void weightBeyondThreeSdUsesTheRestrictedMethod() {
        int days = 365;
        Lms lms = g.lms(Indicator.WEIGHT_FOR_AGE, Sex.FEMALE, days);
        double sd2 = lms.value(2);
        double sd3 = lms.value(3);
        double farAbove = sd3 + 2 * (sd3 - sd2);
        assertEquals(5.0, g.zScore(Indicator.WEIGHT_FOR_AGE, Sex.FEMALE, days, farAbove), 1e-9);
        double sd2neg = lms.value(-2);
        double sd3neg = lms.value(-3);
        double farBelow = sd3neg - 0.5 * (sd2neg - sd3neg);
        assertEquals(-3.5, g.zScore(Indicator.WEIGHT_FOR_AGE, Sex.FEMALE, days, farBelow), 1e-9);
        // length is not weight-based: plain LMS even far out
        Lms len = g.lms(Indicator.LENGTH_HEIGHT_FOR_AGE, Sex.FEMALE, days);
        assertEquals(
                len.z(len.value(4)), g.zScore(Indicator.LENGTH_HEIGHT_FOR_AGE, Sex.FEMALE, days, len.value(4)), 1e-9);
    }

    @Test
    void olderChildrenUseTheCdcReferencesAndHeadCircumferenceEndsAtFive() {
        int tenYears = (int) Math.round(120 * GrowthStandards.DAYS_PER_MONTH);
        double m = g.lms(Indicator.LENGTH_HEIGHT_FOR_AGE, Sex.MALE, tenYears).m();
        assertEquals(138.6, m, 1.0, "a 10-year-old boy's median height per CDC 2000 is about 138.6 cm");
        assertEquals(0, g.zScore(Indicator.LENGTH_HEIGHT_FOR_AGE, Sex.MALE, tenYears, m), 1e-9);
        assertThrows(
                IllegalArgumentException.class,
                () -> g.zScore(Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, Sex.MALE, tenYears, 50));
        assertThrows(IllegalArgumentException.class, () -> g.zScore(Indicator.WEIGHT_FOR_AGE, Sex.MALE, 21 * 366, 50));
    }

    @Test
    void percentilesFollowTheNormalDistribution() {
        assertEquals(50, GrowthStandards.percentile(0), 1e-6);
        assertEquals(2.275, GrowthStandards.percentile(-2), 0.01);
        assertEquals(97.725, GrowthStandards.percentile(2), 0.01);
    }
}
