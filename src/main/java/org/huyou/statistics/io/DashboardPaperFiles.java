package org.huyou.statistics.io;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.huyou.statistics.DashboardPapers;
import org.huyou.statistics.StatisticsService;

/** The dashboard's figures as a workbook and the annual report as a PDF. */
public final class DashboardPaperFiles implements DashboardPapers {

    @Override
    public void figuresWorkbook(StatisticsService.Dashboard d, String homeName, Path file) throws IOException {
        DashboardXlsx.write(d, homeName, file);
    }

    @Override
    public void annualReport(StatisticsService.Dashboard d, String homeName, LocalDate printedOn, Path file)
            throws IOException {
        AnnualReportPdf.write(d, homeName, printedOn, file);
    }
}
