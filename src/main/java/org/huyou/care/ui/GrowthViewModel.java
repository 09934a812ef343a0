package org.huyou.care.ui;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.care.growth.GrowthPoint;
import org.huyou.care.growth.GrowthService;
import org.huyou.care.growth.GrowthStandards;
import org.huyou.care.growth.GrowthStandards.Indicator;
import org.huyou.care.growth.GrowthStandards.Sex;
import org.huyou.common.Messages;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.FormDefaults;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.residents.ResidentService;
import org.huyou.residents.ui.FilePartViewModel;

/**
 * The growth tab's state and commands: the measurements with their z-scores, the latest flag, a measurement recorded
 * (numbers read before the service is asked), and the chart's lines against the reference curves as plain numbers.
 */
public final class GrowthViewModel extends FilePartViewModel<GrowthViewModel.Loaded> {

    /** One line of the chart: its name and its points (age in months, value). */
    record Line(String name, List<double[]> points) {}

    private final GrowthService growth;
    private final ResidentService residents;
    private final Clock clock;
    private final ObservableList<GrowthPoint> points = FXCollections.observableArrayList();
    private final StringProperty flags = new SimpleStringProperty("");
    private ResidentService.Basics basics;

    final ObjectProperty<Indicator> indicator = new SimpleObjectProperty<>(Indicator.WEIGHT_FOR_AGE);
    final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    final StringProperty height = new SimpleStringProperty("");
    final StringProperty weight = new SimpleStringProperty("");
    final StringProperty head = new SimpleStringProperty("");
    private final FormDefaults measurementForm;

    /** What the tab shows for one resident. */
    record Loaded(ResidentService.Basics basics, List<GrowthPoint> series) {}

    public GrowthViewModel(
            GrowthService growth, ResidentService residents, TaskRunner tasks, Notices notices, Clock clock) {
        super(tasks, notices);
        this.growth = growth;
        this.residents = residents;
        this.clock = clock;
        measurementForm = form(height, weight, head).with(date, this::today);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Override
    protected Loaded load(long id) {
        GrowthStandards.get(); // the reference tables are files: read them here, off the JavaFX thread, once
        return new Loaded(residents.basics(id), growth.series(id));
    }

    @Override
    protected void fill(Loaded data) {
        basics = data.basics();
        points.setAll(data.series());
        List<GrowthPoint> valid =
                data.series().stream().filter(p -> !p.voided()).toList();
        GrowthPoint latest = valid.isEmpty() ? null : valid.get(valid.size() - 1);
        flags.set(latest != null && latest.flagged() ? Messages.t("growth.flag", GrowthService.flags(latest)) : "");
    }

    @Override
    protected void clear() {
        basics = null;
        points.clear();
        flags.set("");
    }

    /** A measurement; a number typed with letters is refused naming its field, the text kept. */
    void record() {
        Long id = residentId();
        if (id == null) {
            return;
        }
        BigDecimal h;
        BigDecimal w;
        BigDecimal c;
        try {
            h = InlineForms.decimal("growthHeight", Messages.t("growth.heightCm"), height.get());
            w = InlineForms.decimal("growthWeight", Messages.t("growth.weightKg"), weight.get());
            c = InlineForms.decimal("growthHead", Messages.t("growth.headCm"), head.get());
        } catch (ValidationException bad) {
            notices.showError(bad);
            return;
        }
        LocalDate on = date.get();
        FormDefaults.Taken typed = measurementForm.taken();
        tasks.run(
                () -> growth.record(id, on, h, w, c, null),
                p -> {
                    measurementForm.resetUnchanged(typed);
                    notices.notifySuccess(Messages.t("growth.recorded"));
                    reload();
                },
                notices::showError);
    }

    void voidMeasurement(GrowthPoint p, String reason) {
        growth.voidMeasurement(p.id(), reason);
    }

    /**
     * The chosen indicator's −2/0/+2 SD curves over the child's own age range (from a little before the first
     * measurement, or the last two years, so a teenager's points are not squeezed into the right edge of a chart
     * starting at birth), then the child's line; none without a child shown.
     */
    List<Line> chart() {
        if (basics == null) {
            return List.of();
        }
        Indicator ind = indicator.get();
        Sex sex = Sex.of(basics.gender());
        GrowthStandards g = GrowthStandards.get();
        int lastDay = (int) ChronoUnit.DAYS.between(basics.birthDate(), today());
        lastDay = Math.min(Math.max(lastDay, 60), g.lastDay(ind, sex));
        int firstDay = points.stream()
                        .filter(p -> !p.voided())
                        .mapToInt(p -> (int) p.ageInDays())
                        .min()
                        .orElse(lastDay - 730)
                - 90;
        firstDay = Math.max(0, Math.min(firstDay, lastDay - 60));
        int step = Math.max(15, (lastDay - firstDay) / 60);
        List<Line> lines = new ArrayList<>();
        for (double z : new double[] {-2, 0, 2}) {
            List<double[]> curve = new ArrayList<>();
            for (int day = firstDay; day <= lastDay; day += step) {
                if (g.covers(ind, sex, day)) {
                    curve.add(new double[] {day / GrowthStandards.DAYS_PER_MONTH, g.valueAt(ind, sex, day, z)});
                }
            }
            lines.add(new Line(z == 0 ? Messages.t("growth.median") : (z > 0 ? "+2 SD" : "-2 SD"), curve));
        }
        List<double[]> child = new ArrayList<>();
        for (GrowthPoint p : points) {
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
                child.add(new double[] {p.ageInDays() / GrowthStandards.DAYS_PER_MONTH, v});
            }
        }
        lines.add(new Line(basics.name(), child));
        return lines;
    }

    ObservableList<GrowthPoint> points() {
        return points;
    }

    /** The latest measurement's flags in a sentence, or empty. */
    ReadOnlyStringProperty flagsProperty() {
        return flags;
    }
}
