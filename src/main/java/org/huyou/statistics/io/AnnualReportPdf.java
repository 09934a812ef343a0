package org.huyou.statistics.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huyou.common.Messages;
import org.huyou.common.io.ChineseFont;
import org.huyou.common.io.PdfText;
import org.huyou.statistics.Chart;
import org.huyou.statistics.Figure;
import org.huyou.statistics.Series;
import org.huyou.statistics.StatisticsService;
import org.huyou.statistics.Unit;

/**
 * The home's annual report: the year's headline totals, then every figure with its bar chart and its table. Holds
 * counts and sums only; no child is named.
 */
public final class AnnualReportPdf {

    private AnnualReportPdf() {}

    public static void write(StatisticsService.Dashboard d, String homeName, LocalDate printedOn, Path file)
            throws IOException {
        try (PdfText pdf = new PdfText(ChineseFont.require())) {
            pdf.heading(Messages.t("report.title", homeName, String.valueOf(d.year())), 18);
            pdf.line(Messages.t(
                    "report.printedOn", printedOn.toString(), d.asOf().toString()));
            pdf.gap();
            pdf.heading(Messages.t("report.summary"), 13);
            for (String line : summary(d)) {
                pdf.line(line);
            }
            pdf.gap();
            for (Chart c : d.charts()) {
                pdf.heading(Messages.t("report.figureHeading", c.figure().label(), c.asOfText()), 12);
                if (c.points().stream().allMatch(p -> p.value().signum() == 0)) {
                    pdf.line(Messages.t("report.none"));
                    pdf.gap();
                    continue;
                }
                List<String> xs = c.xLabels();
                List<String> series = c.seriesLabels();
                double[][] values = new double[series.size()][xs.size()];
                for (Chart.Point p : c.points()) {
                    values[series.indexOf(p.seriesLabel())][xs.indexOf(p.xLabel())] =
                            p.value().doubleValue();
                }
                pdf.barChart(xs, series, values);
                table(pdf, c, xs);
            }
            pdf.save(file);
        }
    }

    /** The year's totals in sentences: what the director reads out first. Each figure in its own unit. */
    public static List<String> summary(StatisticsService.Dashboard d) {
        String year = String.valueOf(d.year());
        List<String> out = new ArrayList<>();
        out.add(Messages.t(
                "report.residents",
                count(d.chart(Figure.RESIDENTS_BY_CATEGORY).total()),
                d.asOf().toString()));
        out.add(Messages.t("report.admissions", year, count(sumAt(d.chart(Figure.ADMISSIONS_BY_SOURCE), year))));
        out.add(Messages.t("report.departures", year, count(sumAt(d.chart(Figure.DEPARTURES_BY_DESTINATION), year))));
        Chart care = d.chart(Figure.CARE_ACTIVITY);
        out.add(Messages.t(
                "report.care",
                care.formattedTotal(Series.CHECKUPS.name()),
                care.formattedTotal(Series.REHAB_SESSIONS.name()),
                count(care.total(Series.RISK_LOW.name())
                        .add(care.total(Series.RISK_MEDIUM.name()))
                        .add(care.total(Series.RISK_HIGH.name()))),
                care.formattedTotal(Series.RISK_HIGH.name())));
        Chart money = d.chart(Figure.DONATIONS);
        out.add(Messages.t(
                "report.donations",
                money.formattedTotal(Series.MONEY_IN.name()),
                money.formattedTotal(Series.MONEY_OUT.name()),
                money.formattedTotal(Series.GOODS_IN.name())));
        Chart vol = d.chart(Figure.VOLUNTEERS);
        out.add(Messages.t(
                "report.volunteers",
                vol.formattedTotal(Series.VOLUNTEER_HOURS.name()),
                vol.formattedTotal(Series.ACTIVE_VOLUNTEERS.name())));
        out.add(Messages.t("report.visitors", d.chart(Figure.OPEN_DAY).formattedTotal(Series.VISITORS.name())));
        Chart cases = d.chart(Figure.MEDICAL_CASES);
        Chart paid = d.chart(Figure.MEDICAL_FUNDING);
        out.add(Messages.t(
                "report.medical",
                year,
                count(yearValue(cases, year, Series.SURGERIES)),
                count(yearValue(cases, year, Series.TREATMENTS)),
                Unit.YUAN.format(yearValue(paid, year, Series.PAID_TOMORROW_PLAN)),
                Unit.YUAN.format(yearValue(paid, year, Series.PAID_INSURANCE)),
                Unit.YUAN.format(yearValue(paid, year, Series.PAID_DONATION)),
                Unit.YUAN.format(yearValue(paid, year, Series.PAID_INSTITUTION)),
                Unit.YUAN.format(yearValue(paid, year, Series.UNPAID))));
        return out;
    }

    /** One series' value in one year of a yearly figure; zero where there is none. */
    public static BigDecimal yearValue(Chart c, String year, Series s) {
        return c.points().stream()
                .filter(p -> p.xKey().equals(year) && p.seriesKey().equals(s.name()))
                .map(Chart.Point::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal sumAt(Chart c, String xKey) {
        return c.points().stream()
                .filter(p -> p.xKey().equals(xKey))
                .map(Chart.Point::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String count(BigDecimal v) {
        return Unit.COUNT.format(v);
    }

    /**
     * The figure's table: one column per series, each value in its unit; a 合计 column only where the series are
     * parts of one whole ({@link Chart#rowTotals()}); the 合计 row gives each series' figure for the period (for
     * people, each counted once, with a note saying so).
     */
    private static void table(PdfText pdf, Chart c, List<String> xs) throws IOException {
        List<String> keys = c.seriesKeys();
        boolean rowTotals = c.rowTotals();
        List<String> header = new ArrayList<>();
        header.add("");
        keys.forEach(k -> header.add(c.label(k)));
        if (rowTotals) {
            header.add(Messages.t("stat.total"));
        }
        float first = 110;
        float rest = (495 - first) / (header.size() - 1);
        float[] widths = new float[header.size()];
        boolean[] right = new boolean[header.size()];
        widths[0] = first;
        for (int i = 1; i < widths.length; i++) {
            widths[i] = rest;
            right[i] = true;
        }
        List<List<String>> rows = new ArrayList<>();
        for (String x : xs) {
            List<String> row = new ArrayList<>();
            row.add(x);
            BigDecimal sum = BigDecimal.ZERO;
            for (String k : keys) {
                BigDecimal v = c.at(x, c.label(k));
                sum = sum.add(v);
                row.add(c.unit(k).format(v));
            }
            if (rowTotals) {
                row.add(count(sum));
            }
            rows.add(row);
        }
        List<String> totals = new ArrayList<>();
        totals.add(Messages.t("stat.total"));
        keys.forEach(k -> totals.add(c.formattedTotal(k)));
        if (rowTotals) {
            totals.add(count(c.total()));
        }
        rows.add(totals);
        pdf.table(header, rows, widths, right);
        if (c.hasPeriodTotals()) {
            pdf.line(Messages.t("report.peopleOnce"));
            pdf.gap();
        }
    }
}
