package org.huyou.care.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.huyou.care.growth.GrowthStandards.Indicator;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The growth tab without controls, on a real home: letters in a measurement refused by name, a measurement recorded
 * and flagged, and the chart's lines for the indicator chosen.
 */
class GrowthViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, LocalDate.of(2024, 5, 1), Role.MEDICAL_STAFF);

    final HeardNotices heard = home.heard;
    GrowthViewModel vm;

    @BeforeEach
    void open() {
        vm = new GrowthViewModel(home.ctx().growth(), home.ctx().residents(), home.tasks, heard, home.clock());
        vm.show(home.child().id());
    }

    @Test
    void lettersInAMeasurementAreRefusedByNameAndTheTextKept() {
        assertEquals(DAY, vm.date.get());
        vm.height.set("85.5");
        vm.weight.set("十二");
        vm.record();
        assertEquals("体重 kg：“十二”不是有效的数字，请写成 12 或 12.5 这样的数字。", heard.last());
        assertEquals("十二", vm.weight.get());
        assertEquals("85.5", vm.height.get());
        assertTrue(vm.points().isEmpty());
    }

    @Test
    void aMeasurementIsRecordedFlaggedAndDrawnAgainstTheCurves() {
        vm.height.set("86");
        vm.weight.set("7.0"); // far below −2 SD at two and a half years
        vm.record();
        assertEquals(List.of("已记录测量。"), heard.said, heard.errors.toString());
        assertEquals("", vm.weight.get());
        assertEquals(1, vm.points().size());
        assertEquals(0, new BigDecimal("7.0").compareTo(vm.points().get(0).weightKg()));
        assertTrue(
                vm.flagsProperty().get().startsWith("生长异常："), vm.flagsProperty().get());

        List<GrowthViewModel.Line> lines = vm.chart();
        assertEquals(4, lines.size(), "−2, 0, +2 SD and the child");
        assertEquals("王小明", lines.get(3).name());
        assertEquals(7.0, lines.get(3).points().get(0)[1], 1e-9);
        vm.indicator.set(Indicator.LENGTH_HEIGHT_FOR_AGE);
        assertEquals(86.0, vm.chart().get(3).points().get(0)[1], 1e-9);

        vm.show(null);
        assertEquals(List.of(), vm.chart());
        assertEquals("", vm.flagsProperty().get());
    }
}
