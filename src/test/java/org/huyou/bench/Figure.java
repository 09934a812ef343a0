package org.huyou.bench;

import java.util.Locale;

/**
 * One measured figure beside its baseline from the same run. {@code budgetRatio} and {@code budgetMs} are the limits
 * (0 when none): the ratio applies to medians, the time to {@code limitOn} (the median or, for search, the p95).
 */
record Figure(
        String id,
        String title,
        String size,
        Stats measured,
        Stats baseline,
        String baselineName,
        double budgetRatio,
        double budgetMs,
        boolean limitOnP95,
        String unit) {

    double ratio() {
        return baseline == null || baseline.median() == 0 ? Double.NaN : measured.median() / baseline.median();
    }

    boolean ok() {
        boolean ratioOk = budgetRatio == 0 || ratio() <= budgetRatio;
        double limited = limitOnP95 ? measured.p95() : measured.median();
        return ratioOk && (budgetMs == 0 || limited <= budgetMs);
    }

    String budget() {
        String r = budgetRatio == 0 ? "" : "≤ " + budgetRatio + "x";
        String t = budgetMs == 0 ? "" : (limitOnP95 ? "p95 ≤ " : "≤ ") + fmt(budgetMs) + " " + unit;
        String both = r.isEmpty() ? t : t.isEmpty() ? r : r + ", " + t;
        return both.isEmpty() ? "report" : both;
    }

    String row() {
        return String.format(
                Locale.ROOT,
                "| %-34s | %-8s | %10s | %10s | %10s | %-26s | %8s | %-16s | %s |",
                title,
                size,
                fmt(measured.median()) + " " + unit,
                fmt(measured.p95()),
                fmt(measured.min()) + "-" + fmt(measured.max()),
                baselineName + (baseline == null ? "" : " " + fmt(baseline.median())),
                baseline == null ? "-" : String.format(Locale.ROOT, "%.2fx", ratio()),
                budget(),
                budgetRatio == 0 && budgetMs == 0 ? "-" : ok() ? "ok" : "MISSED");
    }

    static String header() {
        return "| figure                             | size     |     median |        p95 |    min-max | "
                + "baseline (median)          |    ratio | budget           | holds |\n"
                + "|---|---|---|---|---|---|---|---|---|";
    }

    String json() {
        return String.format(
                Locale.ROOT,
                "{\"id\":\"%s\",\"title\":\"%s\",\"size\":\"%s\",\"unit\":\"%s\","
                        + "\"measured\":%s,\"baseline\":%s,\"baselineName\":\"%s\",\"ratio\":%s,\"budget\":\"%s\","
                        + "\"ok\":%s}",
                id,
                title,
                size,
                unit,
                measured.json(),
                baseline == null ? "null" : baseline.json(),
                baselineName,
                Double.isNaN(ratio()) ? "null" : String.format(Locale.ROOT, "%.3f", ratio()),
                budget(),
                budgetRatio == 0 && budgetMs == 0 ? "null" : String.valueOf(ok()));
    }

    static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
