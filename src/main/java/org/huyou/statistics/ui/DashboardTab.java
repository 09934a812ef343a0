package org.huyou.statistics.ui;

import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
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

    private final DashboardViewModel vm;
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

    DashboardTab(
            StatisticsService statistics,
            TaskRunner tasks,
            DialogService dialogs,
            boolean export,
            Clock clock,
            Path defaultFolder) {
        vm = new DashboardViewModel(statistics, tasks, dialogs, export, clock, defaultFolder);
        year.setItems(vm.years());
        year.valueProperty().bindBidirectional(vm.year);
        year.setId("statYear");
        year.valueProperty().addListener((o, a, b) -> refresh());
        folder.textProperty().bindBidirectional(vm.folder);
        folder.setPrefColumnCount(28);
        Button figures = new Button(Messages.t("stat.exportFigures"), Icons.EXPORT.icon());
        figures.setId("exportFigures");
        figures.setOnAction(e -> vm.exportFigures());
        Button report = new Button(Messages.t("stat.annualReport"), Icons.EXPORT.icon());
        report.setId("annualReport");
        report.setOnAction(e -> vm.annualReport());
        for (Button b : List.of(figures, report)) {
            b.setVisible(vm.mayExport());
            b.setManaged(vm.mayExport());
        }
        charts.setId("statCharts");
        drillTitle.setId("drillTitle");
        drillTitle.getStyleClass().add("section-title");
        drillTitle.setWrapText(true);
        Button closeDrill = new Button(Messages.t("stat.drillClose"));
        closeDrill.setId("drillClose");
        closeDrill.setCancelButton(true);
        closeDrill.setOnAction(e -> vm.closeDrill());
        drillTitle.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(drillTitle, Priority.ALWAYS);
        drillPane = new VBox(4, new HBox(8, drillTitle, closeDrill), drill);
        drillPane.setId("drillPane");
        VBox.setVgrow(drill, Priority.ALWAYS);
        // opaque over the chart it explains, in the theme's colours
        drillPane.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
                + " -fx-padding: 6;");
        result.setId("statResult");
        result.textProperty().bind(vm.result());
        // every read redraws, an equal one too (the charts were drawn from the rows as they were then)
        vm.shown().addListener(o -> show(vm.shown().get()));
        vm.drilled().addListener((o, was, d) -> showDrill(d));
        result.setWrapText(true);
        root = InlineForms.scrolled(
                heading("stat.heading"),
                row(true, labelled("stat.yearLabel", year), labelled("stat.folder", folder), figures, report),
                result,
                new Label(Messages.t("stat.drillHint")),
                charts);
    }

    void refresh() {
        if (vm.shown().get() == null) {
            // the first opening: say the figures are coming rather than show an empty page meanwhile
            charts.getChildren().setAll(new Label(Messages.t("common.loading")));
        }
        vm.refresh();
    }

    private void show(StatisticsService.Dashboard d) {
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
                        node.setOnMouseClicked(e -> vm.drill(c, p));
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
        xlsx.setOnAction(e -> vm.exportChart(c));
        Button png = new Button(Messages.t("stat.savePng"));
        png.setId("png-" + c.figure().name());
        png.setOnAction(e -> vm.savePicture(c, ChartPng.of(bars)::write));
        for (Button b : List.of(xlsx, png)) {
            b.setVisible(vm.mayExport());
            b.setManaged(vm.mayExport());
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

    private void hideDrill() {
        if (drillPane.getParent() instanceof Pane parent) {
            parent.getChildren().remove(drillPane);
        }
    }

    private void showDrill(DashboardViewModel.Drilled shown) {
        hideDrill();
        if (shown == null) {
            return;
        }
        Drill d = shown.drill();
        drillTitle.setText(shown.title());
        drill.getColumns().clear();
        for (int i = 0; i < d.headers().size(); i++) {
            int col = i;
            TableColumn<List<String>, String> tc = new TableColumn<>(d.headers().get(i));
            tc.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().get(col)));
            tc.setPrefWidth(d.headers().get(i).equals(Messages.t("stat.col.idNumber")) ? 170 : 120);
            drill.getColumns().add(tc);
        }
        drill.getItems().setAll(d.rows());
        StackPane card = cards.get(shown.figure());
        if (card != null) {
            card.getChildren().add(drillPane);
        }
    }

    Node node() {
        return root;
    }
}
