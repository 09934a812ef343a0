package org.huyou.statistics.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.common.Messages;
import org.huyou.common.io.SafeFileNames;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.statistics.Chart;
import org.huyou.statistics.Drill;
import org.huyou.statistics.Figure;
import org.huyou.statistics.StatisticsService;

/**
 * The director's figures for a year without their charts: the year and the report folder, the dashboard read, what
 * lies behind a bar, and the exports (the figures as a workbook, one chart as a workbook or a picture, the annual
 * report), each saying where it wrote.
 */
public final class DashboardViewModel {

    /** A chart's picture, taken by the View from the chart on screen, written in the background. */
    public interface Picture {
        void write(Path file) throws IOException;
    }

    /** The rows behind a bar of the chart of {@code figure}, with the list's title. */
    public record Drilled(Figure figure, String title, Drill drill) {}

    private final StatisticsService statistics;
    private final TaskRunner tasks;
    private final Notices notices;
    private final boolean mayExport;
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObjectProperty<StatisticsService.Dashboard> shown = new SimpleObjectProperty<>();
    private final ObjectProperty<Drilled> drilled = new SimpleObjectProperty<>();
    private final StringProperty result = new SimpleStringProperty("");

    final ObjectProperty<Integer> year = new SimpleObjectProperty<>();
    final StringProperty folder = new SimpleStringProperty("");

    public DashboardViewModel(
            StatisticsService statistics,
            TaskRunner tasks,
            Notices notices,
            boolean mayExport,
            Clock clock,
            Path defaultFolder) {
        this.statistics = statistics;
        this.tasks = tasks;
        this.notices = notices;
        this.mayExport = mayExport;
        int now = LocalDate.now(clock).getYear();
        for (int y = now; y > now - StatisticsService.YEARS_BACK; y--) {
            years.add(y);
        }
        year.set(now);
        folder.set(defaultFolder.toString());
    }

    public ObservableList<Integer> years() {
        return years;
    }

    /** The dashboard last read; null until the first one comes. */
    public ReadOnlyObjectProperty<StatisticsService.Dashboard> shown() {
        return shown;
    }

    /** The rows behind the bar last clicked; null when none is open. */
    public ReadOnlyObjectProperty<Drilled> drilled() {
        return drilled;
    }

    /** Where the last export wrote. */
    public ReadOnlyStringProperty result() {
        return result;
    }

    public boolean mayExport() {
        return mayExport;
    }

    public void refresh() {
        Integer y = year.get();
        tasks.run(
                () -> statistics.dashboard(y),
                d -> {
                    drilled.set(null);
                    shown.set(d);
                },
                notices::showError);
    }

    /** Lists the rows behind a bar; a refusal (no permission for what lies behind) says so in plain words. */
    public void drill(Chart c, Chart.Point p) {
        int y = shown.get().year();
        tasks.run(
                () -> statistics.drill(y, c.figure(), p),
                d -> drilled.set(new Drilled(c.figure(), title(d), d)),
                notices::showError);
    }

    public void closeDrill() {
        drilled.set(null);
    }

    private static String title(Drill d) {
        return d.title() + " · " + Messages.t("stat.rows", d.rows().size())
                + (d.rows().size() >= StatisticsService.DRILL_LIMIT ? Messages.t("stat.capped") : "");
    }

    /** Every figure of the year shown, as one workbook. */
    public void exportFigures() {
        exportFigures(shown.get());
    }

    /** One chart's figures as a workbook. */
    public void exportChart(Chart c) {
        StatisticsService.Dashboard d = shown.get();
        exportFigures(new StatisticsService.Dashboard(d.year(), d.asOf(), List.of(c)));
    }

    private void exportFigures(StatisticsService.Dashboard d) {
        if (d == null) {
            return;
        }
        String name = d.charts().size() == 1
                ? "figure-" + d.year() + "-" + lower(d.charts().get(0).figure())
                : "figures-" + d.year();
        write(() -> {
            Path file = target(name, "xlsx");
            statistics.exportFigures(d, file);
            return file;
        });
    }

    /** One chart as a picture; the export is logged as the service logs the others. */
    public void savePicture(Chart c, Picture picture) {
        int y = shown.get().year();
        String name = "chart-" + y + "-" + lower(c.figure());
        write(() -> {
            Path file = target(name, "png");
            picture.write(file);
            statistics.recordChartExport(c.figure(), y, file);
            return file;
        });
    }

    public void annualReport() {
        int y = year.get();
        write(() -> {
            Path file = target("annual-report-" + y, "pdf");
            statistics.annualReport(y, file);
            return file;
        });
    }

    private void write(Callable<Path> export) {
        tasks.run(export, file -> result.set(Messages.t("stat.written", file)), notices::showError);
    }

    private Path target(String name, String extension) throws IOException {
        Path dir = Path.of(folder.get().strip());
        Files.createDirectories(dir);
        return SafeFileNames.inside(dir, name, extension);
    }

    private static String lower(Figure f) {
        return f.name().toLowerCase(Locale.ROOT);
    }
}
