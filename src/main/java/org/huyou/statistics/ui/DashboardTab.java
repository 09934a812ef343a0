package org.huyou.statistics.ui;

import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.huyou.common.Messages;
import org.huyou.common.io.SafeFileNames;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TaskRunner;
import org.huyou.statistics.Chart;
import org.huyou.statistics.Drill;
import org.huyou.statistics.Figure;
import org.huyou.statistics.StatisticsService;
import org.huyou.statistics.Unit;

/**
 * The director's figures for a year as bar charts. Clicking a bar lists what lies behind it over that chart, where the
 * director is looking (if the viewer may see it), with its count; each chart saves as a workbook or a picture; the whole year exports as the annual report.
 */
final class DashboardTab {

    private final StatisticsService statistics;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final boolean export;
    private final ComboBox<Integer> year = new ComboBox<>();
    private final TextField folder = text("reportFolder", "stat.folder");
    private final FlowPane charts = new FlowPane(12, 12);
    private final Label drillTitle = new Label();
    private final TableView<List<String>> drill = table("drillTable", 260, "stat.drillHint");
    /** The drill-down's title and list, shown over the chart whose bar was clicked until closed. */
    private final VBox drillPane;

    private final Map<Figure, StackPane> cards = new EnumMap<>(Figure.class);
    private final Label result = new Label();
    private final Node root;
    private StatisticsService.Dashboard shown;

    DashboardTab(
            StatisticsService statistics,
            TaskRunner tasks,
            DialogService dialogs,
            boolean export,
            Clock clock,
            Path defaultFolder) {
        this.statistics = statistics;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.export = export;
        int now = LocalDate.now(clock).getYear();
        for (int y = now; y > now - StatisticsService.YEARS_BACK; y--) {
            year.getItems().add(y);
        }
        year.setValue(now);
        year.setId("statYear");
        year.valueProperty().addListener((o, a, b) -> refresh());
        folder.setText(defaultFolder.toString());
        folder.setPrefColumnCount(28);
        Button figures = new Button(Messages.t("stat.exportFigures"), Icons.EXPORT.icon());
        figures.setId("exportFigures");
        figures.setOnAction(e -> exportFigures(shown));
        Button report = new Button(Messages.t("stat.annualReport"), Icons.EXPORT.icon());
        report.setId("annualReport");
        report.setOnAction(e -> annualReport());
        for (Button b : List.of(figures, report)) {
            b.setVisible(export);
            b.setManaged(export);
        }
        charts.setId("statCharts");
        drillTitle.setId("drillTitle");
        drillTitle.getStyleClass().add("section-title");
        drillTitle.setWrapText(true);
        Button closeDrill = new Button(Messages.t("stat.drillClose"));
        closeDrill.setId("drillClose");
        closeDrill.setCancelButton(true);
        closeDrill.setOnAction(e -> hideDrill());
        drillTitle.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(drillTitle, Priority.ALWAYS);
        drillPane = new VBox(4, new HBox(8, drillTitle, closeDrill), drill);
        drillPane.setId("drillPane");
        VBox.setVgrow(drill, Priority.ALWAYS);
        // opaque over the chart it explains, in the theme's colours
        drillPane.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
                + " -fx-padding: 6;");
        result.setId("statResult");
        result.setWrapText(true);
        root = InlineForms.scrolled(
                heading("stat.heading"),
                row(true, labelled("stat.yearLabel", year), labelled("stat.folder", folder), figures, report),
                result,
                new Label(Messages.t("stat.drillHint")),
                charts);
    }

    void refresh() {
        Integer y = year.getValue();
        if (shown == null) {
            // the first opening: say the figures are coming rather than show an empty page meanwhile
            charts.getChildren().setAll(new Label(Messages.t("common.loading")));
        }
        tasks.run(() -> statistics.dashboard(y), this::show, dialogs::showError);
    }

    private void show(StatisticsService.Dashboard d) {
        shown = d;
        hideDrill();
        cards.clear();
        charts.getChildren().clear();
        for (Chart c : d.charts()) {
            charts.getChildren().add(card(c));
        }
    }

    private Node card(Chart c) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(true);
        BarChart<String, Number> bars = new BarChart<>(x, y);
        bars.setId("chart-" + c.figure().name());
        bars.setTitle(c.figure().label());
        bars.setAnimated(false);
        bars.setLegendVisible(c.seriesLabels().size() > 1);
        bars.setPrefSize(440, 280);
        // long category names turned upright ("Seriously ill or severely disabled child", or any at the largest
        // font) take their height from the bars: the chart grows by what its axis takes beyond a line of text
        x.heightProperty()
                .addListener((o, was, axis) -> bars.setPrefHeight(280 + Math.max(0, axis.doubleValue() - 40)));
        bars.setCategoryGap(c.xLabels().size() > 6 ? 4 : c.xLabels().size() <= 3 ? 80 : 12);
        // The axis ranges itself from the data, in the order categories first appear across the series; every
        // series therefore lists every category in the chart's natural order (years ascending, 一级 to 四级), a
        // missing one as an empty bar. A fixed category list (auto-ranging off) never measured its spacing again
        // once the chart was laid out, and drew every bar squeezed against the axis.
        if (c.counts()) {
            wholeTicks(
                    y,
                    c.points().stream()
                            .mapToDouble(p -> p.value().doubleValue())
                            .max()
                            .orElse(0));
        }
        for (String s : c.seriesLabels()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(s);
            for (String xLabel : c.xLabels()) {
                Chart.Point p = c.points().stream()
                        .filter(q -> q.seriesLabel().equals(s) && q.xLabel().equals(xLabel))
                        .findFirst()
                        .orElse(null);
                if (p == null) {
                    series.getData().add(new XYChart.Data<>(xLabel, 0));
                    continue;
                }
                XYChart.Data<String, Number> data = new XYChart.Data<>(p.xLabel(), p.value());
                data.setExtraValue(p);
                data.nodeProperty().addListener((o, a, node) -> {
                    if (node != null) {
                        node.setId("bar-" + c.figure().name() + "-" + p.xKey() + "-" + p.seriesKey());
                        node.setOnMouseClicked(e -> drill(c, p));
                        Tooltip.install(
                                node,
                                new Tooltip(Messages.t(
                                        "stat.barTip",
                                        p.xLabel(),
                                        p.seriesLabel(),
                                        c.unit(p.seriesKey()).format(p.value()))));
                    }
                });
                series.getData().add(data);
            }
            bars.getData().add(series);
        }
        // a total only adds up within a series: money in and money out, hours and people, are not summed
        List<String> keys = c.seriesKeys();
        String totals = keys.size() == 1
                ? Messages.t("stat.totalOf", c.formattedTotal(keys.get(0)))
                : Messages.list(keys.stream()
                        .map(k -> c.label(k) + " " + c.formattedTotal(k))
                        .toList());
        Label period = new Label(c.asOfText() + " · " + totals);
        period.setWrapText(true);
        period.setMaxWidth(300);
        Button xlsx = new Button(Messages.t("stat.saveXlsx"));
        xlsx.setId("xlsx-" + c.figure().name());
        xlsx.setOnAction(e -> exportFigures(new StatisticsService.Dashboard(shown.year(), shown.asOf(), List.of(c))));
        Button png = new Button(Messages.t("stat.savePng"));
        png.setId("png-" + c.figure().name());
        png.setOnAction(e -> savePng(c, bars));
        for (Button b : List.of(xlsx, png)) {
            b.setVisible(export);
            b.setManaged(export);
        }
        StackPane card = new StackPane(new VBox(4, bars, row(true, period, xlsx, png)));
        card.getStyleClass().add("chart-card");
        cards.put(c.figure(), card);
        return card;
    }

    /**
     * Counts get whole-number ticks: left to itself the axis would mark 0.5 steps on a chart of three children. The
     * range is fixed from zero to a round number above the largest bar, in at most about ten steps.
     */
    private static void wholeTicks(NumberAxis y, double max) {
        double step = Math.max(1, Math.ceil(max / 10));
        double top = Math.max(step, Math.ceil(max / step) * step);
        y.setAutoRanging(false);
        y.setLowerBound(0);
        y.setUpperBound(top);
        y.setTickUnit(step);
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Unit.COUNT.format(BigDecimal.valueOf(n.doubleValue()));
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s.replace(",", ""));
            }
        });
    }

    /** Lists the rows behind a bar; a refusal (no permission for what lies behind) says so in plain words. */
    void drill(Chart c, Chart.Point p) {
        int y = shown.year();
        tasks.run(() -> statistics.drill(y, c.figure(), p), d -> showDrill(c, d), dialogs::showError);
    }

    private void hideDrill() {
        if (drillPane.getParent() instanceof Pane parent) {
            parent.getChildren().remove(drillPane);
        }
    }

    private void showDrill(Chart c, Drill d) {
        drillTitle.setText(d.title() + " · " + Messages.t("stat.rows", d.rows().size())
                + (d.rows().size() >= StatisticsService.DRILL_LIMIT ? Messages.t("stat.capped") : ""));
        drill.getColumns().clear();
        for (int i = 0; i < d.headers().size(); i++) {
            int col = i;
            TableColumn<List<String>, String> tc = new TableColumn<>(d.headers().get(i));
            tc.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().get(col)));
            tc.setPrefWidth(d.headers().get(i).equals(Messages.t("stat.col.idNumber")) ? 170 : 120);
            drill.getColumns().add(tc);
        }
        drill.getItems().setAll(d.rows());
        hideDrill();
        StackPane card = cards.get(c.figure());
        if (card != null) {
            card.getChildren().add(drillPane);
        }
    }

    private Path target(String name, String extension) throws IOException {
        Path dir = Path.of(folder.getText().strip());
        Files.createDirectories(dir);
        return SafeFileNames.inside(dir, name, extension);
    }

    private void exportFigures(StatisticsService.Dashboard d) {
        if (d == null) {
            return;
        }
        String name = d.charts().size() == 1
                ? "figure-" + d.year() + "-" + d.charts().get(0).figure().name().toLowerCase(Locale.ROOT)
                : "figures-" + d.year();
        tasks.run(
                () -> {
                    Path file = target(name, "xlsx");
                    statistics.exportFigures(d, file);
                    return file;
                },
                file -> result.setText(Messages.t("stat.written", file)),
                dialogs::showError);
    }

    private void savePng(Chart c, Node chart) {
        ChartPng png = ChartPng.of(chart);
        String name = "chart-" + shown.year() + "-" + c.figure().name().toLowerCase(Locale.ROOT);
        int y = shown.year();
        tasks.run(
                () -> {
                    Path file = target(name, "png");
                    png.write(file);
                    statistics.recordChartExport(c.figure(), y, file);
                    return file;
                },
                file -> result.setText(Messages.t("stat.written", file)),
                dialogs::showError);
    }

    private void annualReport() {
        int y = year.getValue();
        tasks.run(
                () -> {
                    Path file = target("annual-report-" + y, "pdf");
                    statistics.annualReport(y, file);
                    return file;
                },
                file -> result.setText(Messages.t("stat.written", file)),
                dialogs::showError);
    }

    Node node() {
        return root;
    }
}
