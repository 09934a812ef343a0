package org.huyou.care.ui;

import java.math.BigDecimal;
import java.time.Clock;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.huyou.care.growth.GrowthPoint;
import org.huyou.care.growth.GrowthService;
import org.huyou.care.growth.GrowthStandards.Indicator;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.FieldMarks;
import org.huyou.common.ui.HintWidth;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.VoidButton;
import org.huyou.residents.ResidentService;
import org.huyou.residents.ui.FilePartViewModel;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/**
 * Growth (the View of {@link GrowthViewModel}): record a measurement, see it on the chart against the reference
 * curves, with z-scores and flags.
 */
public final class GrowthPart implements FilePartView {

    private final GrowthViewModel model;
    private final TableView<GrowthPoint> table = new TableView<>();
    private final LineChart<Number, Number> chart;
    private final VBox root;

    public GrowthPart(
            GrowthService growth,
            ResidentService residents,
            TaskRunner tasks,
            DialogService dialogs,
            CurrentUser user,
            Clock clock) {
        model = new GrowthViewModel(growth, residents, tasks, FieldMarks.marking(this::node, dialogs), clock);
        DateField date = new DateField();
        date.setId("growthDate");
        date.valueProperty().bindBidirectional(model.date);
        TextField height = field("growthHeight", "growth.heightCm", model.height);
        TextField weight = field("growthWeight", "growth.weightKg", model.weight);
        TextField head = field("growthHead", "growth.headCm", model.head);
        Button record = new Button(Messages.t("growth.record"));
        record.setId("recordGrowth");
        record.setDefaultButton(false);
        record.setOnAction(e -> {
            date.commitText();
            model.record();
        });
        FlowPane form = (FlowPane) InlineForms.row(true, date, height, weight, head, record);
        form.setVisible(user.can(AppModule.GROWTH, Action.CREATE));
        form.setManaged(form.isVisible());

        NumberAxis x = new NumberAxis();
        x.setLabel(Messages.t("growth.ageMonths"));
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        chart = new LineChart<>(x, y);
        chart.setId("growthChart");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setPrefHeight(300);
        ComboBox<Indicator> indicator = new ComboBox<>();
        indicator.getItems().addAll(Indicator.values());
        indicator.setConverter(Converters.of(i -> Messages.t("growth.indicator." + i.name())));
        indicator.valueProperty().bindBidirectional(model.indicator);
        model.indicator.addListener((o, a, b) -> drawChart());
        model.setOnShown(l -> drawChart());

        table.setId("growthTable");
        table.setPrefHeight(220);
        table.setItems(model.points());
        table.getColumns().add(Columns.text("growth.col.date", p -> Dates.format(p.date()), 95));
        table.getColumns().add(Columns.text("growth.col.height", p -> text(p.heightCm()), 70));
        table.getColumns().add(Columns.text("growth.col.weight", p -> text(p.weightKg()), 70));
        table.getColumns().add(Columns.text("growth.col.head", p -> text(p.headCm()), 70));
        table.getColumns().add(Columns.text("growth.col.zWeight", p -> z(p.weightZ()), 75));
        table.getColumns().add(Columns.text("growth.col.zHeight", p -> z(p.heightZ()), 75));
        table.getColumns().add(Columns.text("growth.col.zBmi", p -> z(p.bmiZ()), 75));
        table.getColumns()
                .add(Columns.text(
                        "growth.col.flags",
                        p -> p.voided() ? Messages.t("timeline.voided", p.voidReason()) : GrowthService.flags(p),
                        200));
        Label flags = new Label();
        flags.setId("growthFlags");
        flags.getStyleClass().add("resident-warning");
        flags.setWrapText(true);
        flags.textProperty().bind(model.flagsProperty());
        flags.visibleProperty().bind(model.flagsProperty().isNotEmpty());
        Node voidIt = VoidButton.under(
                table,
                user.can(AppModule.GROWTH, Action.VOID),
                GrowthPoint::voided,
                model::voidMeasurement,
                tasks,
                dialogs,
                model::reload);
        root = InlineForms.scrolled(
                form, new HBox(8, new Label(Messages.t("growth.chartOf")), indicator), chart, flags, table, voidIt);
    }

    @Override
    public FilePartViewModel<?> model() {
        return model;
    }

    @Override
    public String title() {
        return Messages.t("careDomain.GROWTH");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void show(Long id) {
        model.show(id);
    }

    private void drawChart() {
        chart.getData().clear();
        for (GrowthViewModel.Line line : model.chart()) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(line.name());
            line.points().forEach(p -> series.getData().add(new XYChart.Data<>(p[0], p[1])));
            chart.getData().add(series);
        }
    }

    private static String text(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    private static String z(Double z) {
        return z == null ? "" : String.format("%+.2f", z);
    }

    private static TextField field(String id, String promptKey, StringProperty value) {
        TextField t = InlineForms.bound(new TextField(), value);
        t.setId(id);
        t.setPrefColumnCount(6);
        t.setPromptText(Messages.t(promptKey));
        return HintWidth.fit(t);
    }
}
