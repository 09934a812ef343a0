package org.huyou.statistics.ui;

import static org.huyou.testing.FxTesting.waitFor;
import static org.huyou.testing.FxTesting.waitOrFailOnDialog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huyou.app.AppContext;
import org.huyou.common.Gender;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.security.Role;
import org.huyou.shell.AppFrame;
import org.huyou.testing.FxTesting;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The director on the real screens: the dashboard's bar opens the children behind it, a chart saves as a picture,
 * the annual report is written; the finance officer chooses the home's region and gets the month's roll.
 */
@ExtendWith(ApplicationExtension.class)
class DirectorScreenTest {

    @TempDir
    static Path dir;

    AppFrame frame;
    Path home;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            ctx.accounts().create("yz", "王院长", TestHome.PASSWORD, EnumSet.of(Role.DIRECTOR));
            ctx.accounts().create("cw", "孙会计", TestHome.PASSWORD, EnumSet.of(Role.FINANCE_OFFICER));
            ctx.login().logout();
            ctx.login().login("yz", TestHome.PASSWORD.toCharArray());
            for (String name : List.of("李一", "李二", "李三")) {
                ctx.residents()
                        .create(new Resident(
                                null,
                                null,
                                null,
                                name,
                                null,
                                Gender.FEMALE,
                                LocalDate.of(2016, 3, 3),
                                false,
                                null,
                                null,
                                null,
                                Category.ORPHAN,
                                LocalDate.of(2020, 1, 1),
                                AdmissionSource.CIVIL_AFFAIRS,
                                null,
                                DisabilityType.NONE,
                                null,
                                Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                                null,
                                null,
                                null));
            }
            ctx.residents()
                    .create(new Resident(
                            null,
                            null,
                            null,
                            "赵四",
                            null,
                            Gender.MALE,
                            LocalDate.of(2012, 5, 5),
                            false,
                            null,
                            null,
                            null,
                            Category.DE_FACTO_UNSUPPORTED,
                            LocalDate.of(2026, 9, 10),
                            AdmissionSource.POLICE,
                            null,
                            DisabilityType.NONE,
                            null,
                            Guardianship.CIVIL_AFFAIRS_TEMPORARY,
                            null,
                            null,
                            null));
        }
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    @SuppressWarnings("unchecked")
    @Test
    void theDirectorDrillsIntoABarSavesAChartAndWritesTheAnnualReport(FxRobot robot) throws Exception {
        FxTesting.logInAndOpen(robot, "yz", "#navDirector");
        waitOrFailOnDialog(
                robot,
                () -> robot.lookup("#chart-RESIDENTS_BY_CATEGORY").tryQuery().isPresent());
        BarChart<String, Number> byCategory =
                robot.lookup("#chart-RESIDENTS_BY_CATEGORY").queryAs(BarChart.class);
        XYChart.Data<String, Number> orphans = byCategory.getData().get(0).getData().stream()
                .filter(d -> d.getXValue().equals("孤儿"))
                .findFirst()
                .orElseThrow();
        assertEquals(3, orphans.getYValue().intValue());
        // a count axis has whole-number ticks (three children would otherwise be marked at 0.5 steps)
        javafx.scene.chart.NumberAxis count = (javafx.scene.chart.NumberAxis) byCategory.getYAxis();
        assertTrue(
                count.getTickUnit() >= 1 && count.getTickUnit() == Math.rint(count.getTickUnit()),
                "tick unit " + count.getTickUnit());
        // years ascending on the admissions chart, whatever series comes first
        BarChart<String, Number> admissions =
                robot.lookup("#chart-ADMISSIONS_BY_SOURCE").queryAs(BarChart.class);
        List<String> years = ((javafx.scene.chart.CategoryAxis) admissions.getXAxis()).getCategories();
        assertEquals(years.stream().sorted().toList(), years);
        // the bars spread over the chart's width (a fixed category list once drew them squeezed against the axis)
        javafx.scene.chart.CategoryAxis categories = (javafx.scene.chart.CategoryAxis) byCategory.getXAxis();
        List<String> shown = categories.getCategories();
        assertTrue(shown.size() > 1, shown.toString());
        double spread = categories.getDisplayPosition(shown.get(shown.size() - 1))
                - categories.getDisplayPosition(shown.get(0));
        // n categories sit at the middles of n equal slots: first to last is (n-1)/n of the width
        double expected = categories.getWidth() * (shown.size() - 1) / shown.size();
        assertTrue(spread > 0.8 * expected, "categories spread " + spread + " of " + categories.getWidth());
        javafx.scene.Node orphanBar =
                robot.lookup("#bar-RESIDENTS_BY_CATEGORY-ORPHAN-COUNT").query();
        assertTrue(
                orphanBar.getBoundsInLocal().getWidth() > 8,
                "bar width " + orphanBar.getBoundsInLocal().getWidth());
        FxTesting.click(robot, "#bar-RESIDENTS_BY_CATEGORY-ORPHAN-COUNT");
        waitOrFailOnDialog(robot, () -> FxTesting.rows(robot, "#drillTable") == 3);
        TableView<List<String>> drill = robot.lookup("#drillTable").queryAs(TableView.class);
        assertTrue(drill.getItems().stream().allMatch(r -> r.get(1).startsWith("李")), "the three orphans");
        assertTrue(robot.lookup("#drillTitle").queryAs(Label.class).getText().contains("孤儿"));
        // the list opens over the chart clicked, where the director looks, and says as many rows as the bar counts
        javafx.scene.Node pane = robot.lookup("#drillPane").query();
        assertSame(byCategory.getParent().getParent(), pane.getParent(), "over the chart of the bar clicked");
        assertEquals(orphans.getYValue().intValue(), drill.getItems().size());
        assertTrue(robot.lookup("#drillTitle")
                .queryAs(Label.class)
                .getText()
                .contains(org.huyou.common.Messages.t(
                        "stat.rows", drill.getItems().size())));
        FxTesting.click(robot, "#drillClose");
        waitOrFailOnDialog(robot, () -> pane.getParent() == null);

        Path reports = home.resolve("reports");
        FxTesting.click(robot, "#png-RESIDENTS_BY_CATEGORY");
        Path png = reports.resolve("chart-2026-residents_by_category.png");
        waitOrFailOnDialog(robot, () -> Files.exists(png));
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);

        FxTesting.click(robot, "#annualReport");
        Path pdf = reports.resolve("annual-report-2026.pdf");
        waitOrFailOnDialog(robot, () -> Files.exists(pdf));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains("儿童4人"), "four children in care");
            assertTrue(text.contains("2026年入院1人"), "one admitted this year");
        }
    }

    @Test
    void theFinanceOfficerChoosesTheRegionAndGetsTheMonthsRoll(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "cw", "#navDirector");
        waitFor(() -> robot.lookup("#directorTabs").tryQuery().isPresent());
        TabPane tabs = robot.lookup("#directorTabs").queryAs(TabPane.class);
        assertEquals(2, tabs.getTabs().size(), "the roll and the standards, not the statistics");
        FxTesting.selectTab(robot, "#directorTabs", "保障标准");
        waitFor(() -> FxTesting.rows(robot, "#standardsTable") == 14);
        robot.clickOn("#allowanceRegion").write("山东省滨州市");
        FxTesting.click(robot, "#saveRegion");
        waitOrFailOnDialog(
                robot,
                () -> robot.lookup("#currentRegion")
                        .queryAs(Label.class)
                        .getText()
                        .contains("山东省滨州市"));
        FxTesting.selectTab(robot, "#directorTabs", "生活保障金名册");
        // October: three orphans all month (2675 each), 赵四 from 10 October without a de facto standard in Binzhou
        waitOrFailOnDialog(robot, () -> FxTesting.rows(robot, "#rollTable") == 4);
        waitFor(() -> robot.lookup("#rollTotal").queryAs(Label.class).getText().contains("8,025.00"));
        FxTesting.click(robot, "#exportRoll");
        Path xlsx = home.resolve("reports").resolve("allowance-roll-2026-10.xlsx");
        waitOrFailOnDialog(robot, () -> Files.exists(xlsx));
    }
}
