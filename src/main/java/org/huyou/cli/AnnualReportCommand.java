package org.huyou.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.statistics.Figure;
import org.huyou.statistics.Series;
import org.huyou.statistics.StatisticsService;
import org.huyou.statistics.io.AnnualReportPdf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "annual-report",
        mixinStandardHelpOptions = true,
        description = "Write the home's annual report for a year (PDF) and its figures (XLSX) into a folder; print "
                + "the year's totals.")
final class AnnualReportCommand extends HuyouSubcommand {

    /** The earliest year a home could have records for; anything before is a typing mistake. */
    private static final int FIRST_YEAR = 1950;

    @Option(names = "--year", required = true, paramLabel = "YYYY")
    int year;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Override
    public Integer call() {
        int thisYear = LocalDate.now(parent.clock).getYear();
        if (year < FIRST_YEAR || year > thisYear) {
            throw new UserFacingException("cli.badYear", String.valueOf(year), String.valueOf(thisYear));
        }
        try (AppContext ctx = parent.open()) {
            StatisticsService.AnnualReportFiles f = ctx.statistics().annualReportFiles(year, out.toAbsolutePath());
            List<String> lines = new ArrayList<>();
            lines.add(Messages.t("cli.annualReportWritten", f.pdf(), f.xlsx()));
            lines.addAll(AnnualReportPdf.summary(f.dashboard()));
            var money = f.dashboard().chart(Figure.DONATIONS);
            var volunteers = f.dashboard().chart(Figure.VOLUNTEERS);
            var cases = f.dashboard().chart(Figure.MEDICAL_CASES);
            var paid = f.dashboard().chart(Figure.MEDICAL_FUNDING);
            String y = String.valueOf(year);
            parent.print(
                    spec.commandLine().getOut(),
                    String.join(System.lineSeparator(), lines),
                    HuyouCli.fields(
                            "year",
                            year,
                            "pdf",
                            f.pdf(),
                            "xlsx",
                            f.xlsx(),
                            "moneyIn",
                            money.total(Series.MONEY_IN.name()),
                            "moneyOut",
                            money.total(Series.MONEY_OUT.name()),
                            "goodsIn",
                            money.total(Series.GOODS_IN.name()),
                            "volunteerHours",
                            volunteers.total(Series.VOLUNTEER_HOURS.name()),
                            "volunteers",
                            volunteers.total(Series.ACTIVE_VOLUNTEERS.name()),
                            "visitors",
                            f.dashboard().chart(Figure.OPEN_DAY).total(Series.VISITORS.name()),
                            "surgeries",
                            AnnualReportPdf.yearValue(cases, y, Series.SURGERIES),
                            "treatments",
                            AnnualReportPdf.yearValue(cases, y, Series.TREATMENTS),
                            "medicalPaidBy",
                            HuyouCli.fields(
                                    "tomorrowPlan", AnnualReportPdf.yearValue(paid, y, Series.PAID_TOMORROW_PLAN),
                                    "insurance", AnnualReportPdf.yearValue(paid, y, Series.PAID_INSURANCE),
                                    "donation", AnnualReportPdf.yearValue(paid, y, Series.PAID_DONATION),
                                    "institution", AnnualReportPdf.yearValue(paid, y, Series.PAID_INSTITUTION),
                                    "unpaid", AnnualReportPdf.yearValue(paid, y, Series.UNPAID))));
            return 0;
        }
    }
}
