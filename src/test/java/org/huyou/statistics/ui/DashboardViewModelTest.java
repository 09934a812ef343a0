package org.huyou.statistics.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import org.huyou.common.ui.DirectTaskRunner;
import org.huyou.residents.ui.ResidentServiceFixture;
import org.huyou.security.Role;
import org.huyou.statistics.Chart;
import org.huyou.statistics.Figure;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The director's figures without charts, on a real home: a bar's rows, a chart and the year exported. */
class DashboardViewModelTest {

    @TempDir
    Path dir;

    AppContext ctx;
    HeardNotices heard = new HeardNotices();
    DashboardViewModel vm;
    Path reports;

    @BeforeEach
    void open() {
        Messages.use(Messages.CHINESE);
        ctx = TestHome.open(dir.resolve("home"));
        ctx.residents().create(ResidentServiceFixture.draft("李一"));
        ctx.residents().create(ResidentServiceFixture.draft("李二"));
        TestHome.loginAs(ctx, "yz", Role.DIRECTOR); // the figures are the director's
        reports = dir.resolve("reports");
        vm = new DashboardViewModel(ctx.statistics(), new DirectTaskRunner(), heard, true, TestHome.CLOCK, reports);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private Chart byCategory() {
        return vm.shown().get().charts().stream()
                .filter(c -> c.figure() == Figure.RESIDENTS_BY_CATEGORY)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theYearsFiguresAreReadAndABarsRowsListedUntilClosed() {
        assertEquals(2026, vm.year.get());
        assertEquals(2026, vm.years().get(0));
        assertEquals(reports.toString(), vm.folder.get());
        vm.refresh();
        assertEquals(List.of(), heard.errors);
        assertEquals(2026, vm.shown().get().year());
        Chart c = byCategory();
        Chart.Point orphans = c.points().stream()
                .filter(p -> p.xKey().equals("ORPHAN"))
                .findFirst()
                .orElseThrow();
        assertEquals(2, orphans.value().intValue());

        vm.drill(c, orphans);
        DashboardViewModel.Drilled d = vm.drilled().get();
        assertEquals(Figure.RESIDENTS_BY_CATEGORY, d.figure());
        assertEquals(2, d.drill().rows().size());
        assertTrue(d.title().endsWith(" · " + Messages.t("stat.rows", 2)), d.title());
        vm.closeDrill();
        assertNull(vm.drilled().get());

        vm.drill(c, orphans);
        vm.refresh();
        assertNull(vm.drilled().get(), "a new read closes the list of the old one");
        assertEquals(List.of(), heard.errors);
    }

    @Test
    void aChartAndTheYearAreWrittenToTheReportFolder() throws Exception {
        vm.refresh();
        vm.exportChart(byCategory());
        Path xlsx = reports.resolve("figure-2026-residents_by_category.xlsx");
        assertTrue(Files.size(xlsx) > 0);
        assertEquals(Messages.t("stat.written", xlsx), vm.result().get());

        vm.savePicture(byCategory(), file -> Files.write(file, new byte[] {(byte) 0x89, 'P'}));
        Path png = reports.resolve("chart-2026-residents_by_category.png");
        assertTrue(Files.exists(png));
        assertEquals(Messages.t("stat.written", png), vm.result().get());

        vm.exportFigures();
        assertTrue(Files.exists(reports.resolve("figures-2026.xlsx")));
        vm.annualReport();
        Path pdf = reports.resolve("annual-report-2026.pdf");
        assertTrue(Files.size(pdf) > 0);
        assertEquals(Messages.t("stat.written", pdf), vm.result().get());
        assertEquals(List.of(), heard.errors);
    }
}
