package org.huyou.statistics;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The files the statistics service writes. The writers live in {@code statistics.io}, which reads the dashboard; they
 * are handed in where the app is wired so that the service does not depend on its own io.
 */
public interface DashboardPapers {

    void figuresWorkbook(StatisticsService.Dashboard d, String homeName, Path file) throws IOException;

    void annualReport(StatisticsService.Dashboard d, String homeName, LocalDate printedOn, Path file)
            throws IOException;
}
