package org.huyou.care.ui;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.huyou.care.growth.GrowthPoint;
import org.huyou.care.growth.GrowthService;
import org.huyou.care.growth.GrowthStandards;
import org.huyou.care.growth.GrowthStandards.Indicator;
import org.huyou.care.growth.GrowthStandards.Sex;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.HintWidth;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.VoidButton;
import org.huyou.residents.ResidentService;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/** Growth: record a measurement, see it on the chart against the reference curves, with z-scores and flags. */
public final class GrowthPart extends LoadingPart<GrowthPart.Loaded> {

    private final GrowthService growth;
    private final ResidentService residents;
    private final TableView<GrowthPoint> table = new TableView<>();
    private final LineChart<Number, Number> chart;
    private final ComboBox<Indicator> indicator = new ComboBox<>();
    private final DateField date = new DateField();
    private final TextField height = field("growthHeight");
    private final TextField weight = field("growthWeight");
    private final TextField head = field("growthHead");
    private final Label flags = new Label();
    private final VBox root;
    private ResidentService.Basics basics;

    /** What the tab shows for one resident. */
    record Loaded(ResidentService.Basics basics, List<GrowthPoint> series) {}

    public GrowthPart(
            GrowthService growth,
            ResidentService residents,
            TaskRunner tasks,
            DialogService dialogs,
            CurrentUser user,
            Clock clock) {
        super(tasks, dialogs, clock);
        this.growth = growth;
        this.residents = residents;
        date.setId("growthDate");
        height.setPromptText(Messages.t("growth.heightCm"));
        weight.setPromptText(Messages.t("growth.weightKg"));
        head.setPromptText(Messages.t("growth.headCm"));
        Button record = new Button(Messages.t("growth.record"));
        record.setId("recordGrowth");
        record.setDefaultButton(false);
        record.setOnAction(e -> record());
        FlowPane form = (FlowPane) org.huyou.common.ui.InlineForms.row(true, date, height, weight, head, record);
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
        indicator.getItems().addAll(Indicator.values());
        indicator.setConverter(Converters.of(i -> Messages.t("growth.indicator." + i.name())));
        indicator.setValue(Indicator.WEIGHT_FOR_AGE);
        indicator.valueProperty().addListener((o, a, b) -> drawChart());

        table.setId("growthTable");
        table.setPrefHeight(220);
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
        flags.setId("growthFlags");
        flags.getStyleClass().add("resident-warning");
        flags.setWrapText(true);
        Node voidIt = VoidButton.under(
                table,
                user.can(AppModule.GROWTH, Action.VOID),
                GrowthPoint::voided,
                (p, reason) -> growth.voidMeasurement(p.id(), reason),
                tasks,
                dialogs,
                this::reload);
        VBox content = new VBox(
                8, form, new HBox(8, new Label(Messages.t("growth.chartOf")), indicator), chart, flags, table, voidIt);
        content.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        root = new VBox(scroll);
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
        date.setValue(residents.today());
        super.show(id);
    }

    @Override
    protected Loaded load(long id) {
        GrowthStandards.get(); // the reference tables are files: read them here, off the JavaFX thread, once
        return new Loaded(residents.basics(id), growth.series(id));
    }

    @Override
    protected void fill(Loaded data) {
        basics = data.basics();
        table.getItems().setAll(data.series());
        List<GrowthPoint> valid =
                data.series().stream().filter(p -> !p.voided()).toList();
        GrowthPoint latest = valid.isEmpty() ? null : valid.get(valid.size() - 1);
        flags.setText(latest != null && latest.flagged() ? Messages.t("growth.flag", GrowthService.flags(latest)) : "");
        flags.setVisible(!flags.getText().isEmpty());
        drawChart();
    }

    @Override
    protected void clear() {
        table.getItems().clear();
        chart.getData().clear();
    }

    private void record() {
        date.commitText();
        long id = residentId;
        try {
            BigDecimal h = number(height);
            BigDecimal w = number(weight);
            BigDecimal c = number(head);
            tasks.run(
                    () -> growth.record(id, date.getValue(), h, w, c, null),
                    p -> {
                        height.clear();
                        weight.clear();
                        head.clear();
                        dialogs.notifySuccess(Messages.t("growth.recorded"));
                        reload();
                    },
                    dialogs::showError);
        } catch (NumberFormatException e) {
            dialogs.showError(new UserFacingException(e, "growth.notANumber"));
        }
    }

    private void drawChart() {
        chart.getData().clear();
        if (basics == null) {
            return;
        }
        Indicator ind = indicator.getValue();
        Sex sex = Sex.of(basics.gender());
        GrowthStandards g = GrowthStandards.get();
        int lastDay = (int) ChronoUnit.DAYS.between(basics.birthDate(), residents.today());
        lastDay = Math.min(Math.max(lastDay, 60), g.lastDay(ind, sex));
        // The child's own age range: from a little before the first measurement (or the last two years), so a
        // teenager's points are not squeezed into the right edge of a chart starting at birth.
        int firstDay = table.getItems().stream()
                        .filter(p -> !p.voided())
                        .mapToInt(p -> (int) p.ageInDays())
                        .min()
                        .orElse(lastDay - 730)
                - 90;
        firstDay = Math.max(0, Math.min(firstDay, lastDay - 60));
        int step = Math.max(15, (lastDay - firstDay) / 60);
        for (double z : new double[] {-2, 0, 2}) {
            XYChart.Series<Number, Number> curve = new XYChart.Series<>();
            curve.setName(z == 0 ? Messages.t("growth.median") : (z > 0 ? "+2 SD" : "-2 SD"));
            for (int day = firstDay; day <= lastDay; day += step) {
                if (g.covers(ind, sex, day)) {
                    curve.getData()
                            .add(new XYChart.Data<>(day / GrowthStandards.DAYS_PER_MONTH, g.valueAt(ind, sex, day, z)));
                }
            }
            chart.getData().add(curve);
        }
        XYChart.Series<Number, Number> child = new XYChart.Series<>();
        child.setName(basics.name());
        for (GrowthPoint p : table.getItems()) {
            Double v = switch (ind) {
                case WEIGHT_FOR_AGE ->
                    p.weightKg() == null ? null : p.weightKg().doubleValue();
                case LENGTH_HEIGHT_FOR_AGE ->
                    p.heightCm() == null ? null : p.heightCm().doubleValue();
                case HEAD_CIRCUMFERENCE_FOR_AGE ->
                    p.headCm() == null ? null : p.headCm().doubleValue();
                case BMI_FOR_AGE -> p.bmi();
            };
            if (v != null && !p.voided()) {
                child.getData().add(new XYChart.Data<>(p.ageInDays() / GrowthStandards.DAYS_PER_MONTH, v));
            }
        }
        chart.getData().add(child);
    }

    private static BigDecimal number(TextField f) {
        String t = f.getText() == null ? "" : f.getText().strip();
        return t.isEmpty() ? null : new BigDecimal(t);
    }

    private static String text(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    private static String z(Double z) {
        return z == null ? "" : String.format("%+.2f", z);
    }

    private static TextField field(String id) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(6);
        return HintWidth.fit(t);
    }
}
