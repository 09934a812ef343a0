package org.huyou.care.growth;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.huyou.common.Gender;

/**
 * Z-scores and percentiles of growth measurements against the WHO Child Growth Standards (2006) up to 5 years and
 * the CDC 2000 growth references from 5 to 20 years, by Cole's LMS method. Ages between table rows interpolate L, M
 * and S linearly by age in months (days / 30.4375, as WHO does). Weight-based indicators beyond +/-3 SD use WHO's
 * restricted method: the distance past the 3 SD line is counted in units of the 2-3 SD interval.
 */
public final class GrowthStandards {

    /** Days in an average month, WHO's conversion. */
    public static final double DAYS_PER_MONTH = 30.4375;

    private static final String DIR = "/org/huyou/care/growth/";

    public enum Indicator {
        WEIGHT_FOR_AGE(true),
        LENGTH_HEIGHT_FOR_AGE(false),
        HEAD_CIRCUMFERENCE_FOR_AGE(false),
        BMI_FOR_AGE(true);

        private final boolean weightBased;

        Indicator(boolean weightBased) {
            this.weightBased = weightBased;
        }

        public boolean weightBased() {
            return weightBased;
        }
    }

    public enum Sex {
        MALE,
        FEMALE;

        public static Sex of(Gender g) {
            return g == Gender.MALE ? MALE : FEMALE;
        }

        String file() {
            return this == MALE ? "boys" : "girls";
        }
    }

    private static volatile GrowthStandards instance;

    /** For each indicator and sex, the tables that cover an age range, youngest first. */
    private final Map<Indicator, Map<Sex, List<GrowthTable>>> tables = new EnumMap<>(Indicator.class);

    private GrowthStandards() {
        for (Sex sex : Sex.values()) {
            String x = sex.file();
            put(Indicator.WEIGHT_FOR_AGE, sex, table("wfa_" + x + "_0_5_zscores.json"));
            put(Indicator.WEIGHT_FOR_AGE, sex, table("wfa_" + x + "_2_20_zscores.cdc.json"));
            // WHO's length (lying, under 24 months) and height (standing) tables share a file with month 24 twice.
            List<Map<String, String>> lh = GrowthTable.readRows(DIR + "lhfa_" + x + "_0_5_zscores.json");
            int split = 0;
            while (!"24".equals(lh.get(split).get("Month"))) {
                split++;
            }
            // Height first, so that from exactly 24 months on the standing height table applies.
            put(Indicator.LENGTH_HEIGHT_FOR_AGE, sex, rows(lh.subList(split + 1, lh.size())));
            put(Indicator.LENGTH_HEIGHT_FOR_AGE, sex, rows(lh.subList(0, split + 1)));
            put(Indicator.LENGTH_HEIGHT_FOR_AGE, sex, table("lhfa_" + x + "_2_20_zscores.cdc.json"));
            put(Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, sex, table("hcfa_" + x + "_0_5_zscores.json"));
            // As for length: from exactly 24 months on, BMI uses the height-based table.
            put(Indicator.BMI_FOR_AGE, sex, table("bmifa_" + x + "_2_5_zscores.json"));
            put(Indicator.BMI_FOR_AGE, sex, table("bmifa_" + x + "_0_2_zscores.json"));
            put(Indicator.BMI_FOR_AGE, sex, table("bmifa_" + x + "_2_20_zscores.cdc.json"));
        }
    }

    public static GrowthStandards get() {
        GrowthStandards g = instance;
        if (g == null) {
            synchronized (GrowthStandards.class) {
                g = instance;
                if (g == null) {
                    g = new GrowthStandards();
                    instance = g;
                }
            }
        }
        return g;
    }

    /**
     * The z-score of a measurement: {@code value} in kg (weight), cm (length/height, head circumference) or kg/m2
     * (BMI). Throws IllegalArgumentException for an age the references do not cover (head circumference ends at
     * 5 years, all others at 20).
     */
    public double zScore(Indicator indicator, Sex sex, int ageInDays, double value) {
        if (ageInDays < 0) {
            throw new IllegalArgumentException("negative age");
        }
        return zScoreAtMonth(indicator, sex, ageInDays / DAYS_PER_MONTH, value);
    }

    /** The same at an age in (fractional) months: the tables' own rows are whole months. */
    double zScoreAtMonth(Indicator indicator, Sex sex, double month, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("measurement must be positive: " + value);
        }
        Lms lms = lmsAtMonth(indicator, sex, month);
        double z = lms.z(value);
        if (indicator.weightBased() && z > 3) {
            double sd3 = lms.value(3);
            return 3 + (value - sd3) / (sd3 - lms.value(2));
        }
        if (indicator.weightBased() && z < -3) {
            double sd3neg = lms.value(-3);
            return -3 + (value - sd3neg) / (lms.value(-2) - sd3neg);
        }
        return z;
    }

    /** The percentile of a z-score (0-100). */
    public static double percentile(double z) {
        return 100 * normalCdf(z);
    }

    /** The reference curve's value at an age, for charts (e.g. z = -2, 0, 2). */
    public double valueAt(Indicator indicator, Sex sex, int ageInDays, double z) {
        return lms(indicator, sex, ageInDays).value(z);
    }

    public boolean covers(Indicator indicator, Sex sex, int ageInDays) {
        double month = ageInDays / DAYS_PER_MONTH;
        return tables.get(indicator).get(sex).stream().anyMatch(t -> t.covers(month));
    }

    /** The last age (in days) the references cover for an indicator. */
    public int lastDay(Indicator indicator, Sex sex) {
        double last = tables.get(indicator).get(sex).stream()
                .mapToDouble(GrowthTable::lastMonth)
                .max()
                .orElse(0);
        return (int) Math.floor(last * DAYS_PER_MONTH);
    }

    public Lms lms(Indicator indicator, Sex sex, int ageInDays) {
        if (ageInDays < 0) {
            throw new IllegalArgumentException("negative age");
        }
        return lmsAtMonth(indicator, sex, ageInDays / DAYS_PER_MONTH);
    }

    Lms lmsAtMonth(Indicator indicator, Sex sex, double month) {
        // WHO tables come first: where WHO and CDC overlap (2-5 years), the WHO standard applies.
        for (GrowthTable t : tables.get(indicator).get(sex)) {
            if (t.covers(month)) {
                return t.at(month);
            }
        }
        throw new IllegalArgumentException(indicator + " has no reference at " + month + " months");
    }

    private void put(Indicator i, Sex s, GrowthTable t) {
        tables.computeIfAbsent(i, k -> new EnumMap<>(Sex.class))
                .computeIfAbsent(s, k -> new ArrayList<>())
                .add(t);
    }

    private static GrowthTable table(String file) {
        return rows(GrowthTable.readRows(DIR + file));
    }

    private static GrowthTable rows(List<Map<String, String>> rows) {
        return new GrowthTable(rows.stream().map(GrowthTable::lms).toList());
    }

    /** Standard normal CDF (Abramowitz-Stegun 7.1.26 via erf; error below 1.5e-7). */
    static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1
                - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                        * t
                        * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
