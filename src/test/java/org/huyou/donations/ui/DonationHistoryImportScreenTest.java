package org.huyou.donations.ui;

import static org.huyou.testing.FxTesting.click;
import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
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

/** The finance officer imports the donations before the move from the donations screen (the shared import dialog). */
@ExtendWith(ApplicationExtension.class)
class DonationHistoryImportScreenTest {

    @TempDir
    static Path dir;

    AppFrame frame;
    Path home;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            ctx.accounts().create("cw", "赵财务", TestHome.PASSWORD, EnumSet.of(Role.FINANCE_OFFICER));
            // January and February closed: the shipped opening template's example day (2026-01-01) lies in one
            TestHome.loginAs(ctx, "yz", Role.DIRECTOR);
            for (int m = 1; m <= 2; m++) {
                ctx.ledger().closePeriod(java.time.YearMonth.of(2026, m));
            }
        }
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    @Test
    void aRowWithBothMoneyAndGoodsIsReportedThenTheCorrectedHistoryIsImported(FxRobot robot) throws Exception {
        Path file = dir.resolve("donations.csv");
        String header = "捐赠日期,捐赠人名称,基金,金额（元）,捐赠方式,物品名称,数量,单位,物品类别";
        Files.write(
                file,
                String.join(
                                "\r\n",
                                header,
                                "2026-03-05,滨州爱心餐饮有限公司,非定向捐赠,20000,银行转账,大米,10,袋,",
                                "2026-04-01,张伟,,,,冬季棉衣,40,件,衣物")
                        .getBytes(Charset.forName("GB18030")));
        FxTesting.logInAndOpen(robot, "cw", "#navDonations");
        click(robot, "#importDonations");
        waitFor(() -> robot.lookup("#importDialog").tryQuery().isPresent());
        robot.clickOn("#importPath").write(file.toString());
        robot.clickOn("#previewImport");
        waitFor(() -> !robot.lookup("#importReport")
                .queryAs(TableView.class)
                .getItems()
                .isEmpty());
        assertTrue(robot.lookup("#commitImport").queryAs(Button.class).isDisabled());

        Files.write(
                file,
                String.join(
                                "\r\n",
                                header,
                                "2026-03-05,滨州爱心餐饮有限公司,非定向捐赠,20000,银行转账,,,,",
                                "2026-04-01,张伟,,,,冬季棉衣,40,件,衣物")
                        .getBytes(Charset.forName("GB18030")));
        robot.clickOn("#previewImport");
        waitFor(() ->
                robot.lookup("#importSummary").queryAs(Label.class).getText().contains("全部正确"));
        robot.clickOn("#commitImport");
        waitFor(() ->
                robot.lookup("#importSummary").queryAs(Label.class).getText().contains("已导入 2 笔捐赠记录"));
        try (AppContext ctx = TestHome.open(home)) {
            TestHome.loginAs(ctx, "reader", Role.FINANCE_OFFICER);
            assertEquals(2, ctx.ledger().entries(Long.MAX_VALUE, 10).size());
            assertTrue(ctx.ledger().verify().ok());
        }
    }

    /**
     * The opening-balance import: its hint once, one 列对应 control (opening it reads the file's columns), every problem
     * sentence shown whole within its column at 1366×768; the template it saves has an example day the ledger takes
     * (the shipped 2026-01-01 lies in a closed month here).
     */
    @Test
    void theOpeningImportSaysItsHintOnceHasOneMappingShowsProblemsWholeAndItsTemplateDateIsTaken(FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            javafx.stage.Window w = frame.getScene().getWindow();
            w.setWidth(1366);
            w.setHeight(768);
        });
        FxTesting.logInAndOpen(robot, "cw", "#navDonations");
        var importer = frame.context().openingImporter();
        var dates = importer.templateDates();
        assertEquals(java.util.Set.of(java.time.LocalDate.of(2026, 1, 1)), dates.keySet());
        assertEquals(
                java.time.LocalDate.of(2026, 11, 1),
                dates.get(java.time.LocalDate.of(2026, 1, 1)),
                "the first day of this month, which is open");
        for (String name : java.util.List.of("opening.csv", "opening.xlsx")) {
            Path template =
                    org.huyou.common.io.ImportTemplates.write("opening-balances-template", dir.resolve(name), dates);
            var preview = importer.preview(template, java.util.Map.of());
            assertEquals(2, preview.rowCount(), name);
            assertTrue(
                    preview.problems().stream().noneMatch(p -> p.message().contains("已结账")),
                    name + ": " + preview.problems());
        }

        Path file = dir.resolve("openings.csv");
        Files.writeString(
                file,
                "基金,期初日期,期初余额（元）,摘要\n没有这个基金的名字很长很长的专项基金,2026-01-15,100,迁入\n",
                java.nio.charset.StandardCharsets.UTF_8);
        click(robot, "#importOpenings");
        waitFor(() -> robot.lookup("#importDialog").tryQuery().isPresent());
        javafx.scene.Node dialog = robot.lookup("#importDialog").query();
        String hint = org.huyou.common.Messages.t("import.hint");
        String mapping = org.huyou.common.Messages.t("import.mapping");
        java.util.List<String> texts = new java.util.ArrayList<>();
        robot.interact(() -> labels(dialog, texts));
        assertEquals(1, texts.stream().filter(hint::equals).count(), "the hint once: " + texts);
        assertEquals(1, texts.stream().filter(mapping::equals).count(), "one 列对应: " + texts);

        robot.clickOn("#importPath").write(file.toString());
        robot.interact(() -> robot.lookup("#mappingStep")
                .queryAs(javafx.scene.control.TitledPane.class)
                .setExpanded(true));
        waitFor(() -> robot.lookup("#mapColumn3").tryQuery().isPresent());
        robot.clickOn("#previewImport");
        TableView<?> report = robot.lookup("#importReport").queryAs(TableView.class);
        waitFor(() -> report.getItems().size() >= 2);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        java.util.List<String> cut = new java.util.ArrayList<>();
        java.util.List<String> shown = new java.util.ArrayList<>();
        robot.interact(() -> {
            report.applyCss();
            report.layout();
            for (javafx.scene.Node n : report.lookupAll(".table-cell")) {
                if (n instanceof javafx.scene.control.TableCell<?, ?> cell
                        && cell.getGraphic() instanceof javafx.scene.text.Text t
                        && !t.getText().isEmpty()) {
                    shown.add(t.getText());
                    if (t.getLayoutBounds().getWidth() > cell.getWidth() + 1
                            || t.getLayoutBounds().getHeight() > cell.getHeight() + 1) {
                        cut.add(t.getText());
                    }
                }
            }
        });
        assertTrue(shown.stream().anyMatch(t -> t.contains("已结账")), "the problems are shown: " + shown);
        assertEquals(java.util.List.of(), cut, "problem sentences shown whole");
    }

    /** The texts of every labelled control shown under {@code node} (buttons, labels, a titled pane's title). */
    private static void labels(javafx.scene.Node node, java.util.List<String> into) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof javafx.scene.control.Labeled l && l.getText() != null) {
            into.add(l.getText());
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> labels(c, into));
        }
    }
}
