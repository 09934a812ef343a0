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

/**
 * The home's annual report: the year's headline totals, then every figure with its bar chart and its table. Holds
 * counts and sums only; no child is named.
 */
public final class AnnualReportPdf {

    private AnnualReportPdf() {
    }

    public static void write(StatisticsService.Dashboard d, String homeName, LocalDate printedOn, Path file)
            throws IOException {
        try (PdfText pdf = new PdfText(ChineseFont.require())) {
            pdf.heading(Messages.t("report.title", homeName, String.valueOf(d.year())), 18);
            pdf.line(Messages.t("report.printedOn", printedOn.toString(), d.asOf().toString()));
            pdf.gap();
            pdf.heading(Messages.t("report.summary"), 13);
            for (String line : summary(d)) {
                pdf.line(line);
            }
            pdf.gap();
            for (Chart c : d.charts()) {
                pdf.heading(Messages.t("report.figureHeading", c.figure().label(), c.asOfText()), 12);
                if (c.points().isEmpty() || c.total().signum() == 0) {
                    pdf.line(Messages.t("report.none"));
                    pdf.gap();
                    continue;
                }
                List<String> xs = c.xLabels();
                List<String> series = c.seriesLabels();
                double[][] values = new double[series.size()][xs.size()];
                for (Chart.Point p : c.points()) {
                    values[series.indexOf(p.seriesLabel())][xs.indexOf(p.xLabel())] = p.value().doubleValue();
                }
                pdf.barChart(xs, series, values);
                table(pdf, c, xs, series);
            }
            pdf.save(file);
        }
    }

    /** The year's totals in sentences: what the director reads out first. */
    static List<String> summary(StatisticsService.Dashboard d) {
        String year = String.valueOf(d.year());
        List<String> out = new ArrayList<>();
        out.add(Messages.t("report.residents", d.chart(Figure.RESIDENTS_BY_CATEGORY).total().toPlainString(),
                d.asOf().toString()));
        out.add(Messages.t("report.admissions", year, sumAt(d.chart(Figure.ADMISSIONS_BY_SOURCE), year)));
        out.add(Messages.t("report.departures", year, sumAt(d.chart(Figure.DEPARTURES_BY_DESTINATION), year)));
        Chart care = d.chart(Figure.CARE_ACTIVITY);
        out.add(Messages.t("report.care", plain(care.total(Series.CHECKUPS.name())),
                plain(care.total(Series.REHAB_SESSIONS.name())),
                plain(care.total(Series.RISK_LOW.name()).add(care.total(Series.RISK_MEDIUM.name()))
                        .add(care.total(Series.RISK_HIGH.name()))),
                plain(care.total(Series.RISK_HIGH.name()))));
        Chart money = d.chart(Figure.DONATIONS);
        out.add(Messages.t("report.donations", money(money.total(Series.MONEY_IN.name())),
                money(money.total(Series.MONEY_OUT.name())), money(money.total(Series.GOODS_IN.name()))));
        Chart vol = d.chart(Figure.VOLUNTEERS);
        out.add(Messages.t("report.volunteers", plain(vol.total(Series.VOLUNTEER_HOURS.name()))));
        out.add(Messages.t("report.visitors", plain(d.chart(Figure.OPEN_DAY).total(Series.VISITORS.name()))));
        return out;
    }

    private static String sumAt(Chart c, String xKey) {
        return plain(c.points().stream().filter(p -> p.xKey().equals(xKey)).map(Chart.Point::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static String money(BigDecimal v) {
        return String.format("%,.2f", v);
    }

    private static void table(PdfText pdf, Chart c, List<String> xs, List<String> series) throws IOException {
        List<String> header = new ArrayList<>();
        header.add("");
        header.addAll(series);
        header.add(series.size() > 1 ? Messages.t("stat.total") : "");
        float first = 110;
        float rest = (495 - first) / (series.size() + 1);
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
            for (String s : series) {
                BigDecimal v = c.at(x, s);
                sum = sum.add(v);
                row.add(plain(v));
            }
            row.add(series.size() > 1 ? plain(sum) : "");
            rows.add(row);
        }
        List<String> totals = new ArrayList<>();
        totals.add(Messages.t("stat.total"));
        for (String s : series) {
            totals.add(plain(c.seriesTotal(s)));
        }
        totals.add(series.size() > 1 ? plain(c.total()) : "");
        rows.add(totals);
        pdf.table(header, rows, widths, right);
    }
}
