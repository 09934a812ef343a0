package org.huyou.statistics.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.huyou.common.Messages;
import org.huyou.common.io.WriteBeside;
import org.huyou.common.io.XlsxWriter;
import org.huyou.statistics.Chart;
import org.huyou.statistics.StatisticsService;
import org.huyou.statistics.Unit;

/** The dashboard as a workbook: one sheet per figure, x down the side, one column per series, real number cells. */
public final class DashboardXlsx {

    private DashboardXlsx() {}

    public static void write(StatisticsService.Dashboard d, String homeName, Path file) throws IOException {
        WriteBeside.write(file, partial -> workbook(d, homeName, partial));
    }

    private static void workbook(StatisticsService.Dashboard d, String homeName, Path partial) throws IOException {
        XlsxWriter.write(partial, wb -> {
            int n = 0;
            for (Chart c : d.charts()) {
                n++;
                // sheet names: at most 31 characters, unique; the number keeps them apart
                String name = n + " " + c.figure().label();
                writeChart(wb.sheet(name), c, homeName);
            }
        });
    }

    /**
     * One figure as a table: title, period, header row, one row per x with a value per series, and each series' figure
     * for the period (people counted once). Number cells, shown grouped: money to two decimals, counts whole.
     */
    public static void writeChart(XlsxWriter.Sheet ws, Chart c, String homeName) {
        ws.text(0, 0, homeName + " · " + c.figure().label());
        ws.text(1, 0, c.asOfText());
        List<String> keys = c.seriesKeys();
        for (int s = 0; s < keys.size(); s++) {
            ws.text(3, s + 1, c.label(keys.get(s)));
        }
        int r = 3;
        for (String x : c.xLabels()) {
            r++;
            ws.text(r, 0, x);
            for (int s = 0; s < keys.size(); s++) {
                number(ws, r, s + 1, c.at(x, c.label(keys.get(s))), c.unit(keys.get(s)));
            }
        }
        r++;
        ws.text(r, 0, Messages.t("stat.total"));
        for (int s = 0; s < keys.size(); s++) {
            number(ws, r, s + 1, c.total(keys.get(s)), c.unit(keys.get(s)));
        }
        if (c.hasPeriodTotals()) {
            ws.text(r + 1, 0, Messages.t("report.peopleOnce"));
        }
    }

    private static void number(XlsxWriter.Sheet ws, int r, int col, BigDecimal v, Unit unit) {
        ws.number(r, col, v, unit == Unit.YUAN ? XlsxWriter.MONEY : unit == Unit.HOURS ? "#,##0.0#" : "#,##0");
    }
}
