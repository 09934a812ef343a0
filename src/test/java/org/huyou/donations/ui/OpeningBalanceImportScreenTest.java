package org.huyou.donations.ui;

import static org.huyou.testing.FxTesting.click;
import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.donations.LedgerEntry;
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
 * The finance officer carries each fund's balance in on the move-in day from the donations screen (the shared import
 * dialog): a fund the home does not have is reported on its row and nothing is written; the corrected file is.
 */
@ExtendWith(ApplicationExtension.class)
class OpeningBalanceImportScreenTest {

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
        }
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    @Test
    void aFundTheHomeDoesNotHaveIsReportedThenTheCorrectedBalancesAreImported(FxRobot robot) throws Exception {
        Path file = dir.resolve("openings.csv");
        String header = "基金名称,日期,余额,备注";
        Files.write(
                file,
                String.join("\r\n", header, "非定向捐赠,2026-11-01,12000.50,2025 年末结余", "没有这个基金,2026-11-01,300,")
                        .getBytes(Charset.forName("GB18030")));
        FxTesting.logInAndOpen(robot, "cw", "#navDonations");
        click(robot, "#importOpenings");
        waitFor(() -> robot.lookup("#importDialog").tryQuery().isPresent());
        robot.clickOn("#importPath").write(file.toString());
        robot.clickOn("#previewImport");
        waitFor(() -> !robot.lookup("#importReport")
                .queryAs(TableView.class)
                .getItems()
                .isEmpty());
        assertTrue(
                robot.lookup("#commitImport").queryAs(Button.class).isDisabled(), "nothing written with a wrong row");
        String report = robot.lookup("#importReport")
                .queryAs(TableView.class)
                .getItems()
                .toString();
        assertTrue(report.contains("没有这个基金"), "the row's problem names the fund: " + report);

        Files.write(
                file,
                String.join("\r\n", header, "非定向捐赠,2026-11-01,12000.50,2025 年末结余")
                        .getBytes(Charset.forName("GB18030")));
        robot.clickOn("#previewImport");
        waitFor(() ->
                robot.lookup("#importSummary").queryAs(Label.class).getText().contains("全部正确"));
        robot.clickOn("#commitImport");
        waitFor(() ->
                robot.lookup("#importSummary").queryAs(Label.class).getText().contains("已导入 1 个基金的期初余额"));
        try (AppContext ctx = TestHome.open(home)) {
            TestHome.loginAs(ctx, "reader", Role.FINANCE_OFFICER);
            var entries = ctx.ledger().entries(Long.MAX_VALUE, 10);
            assertEquals(1, entries.size());
            assertEquals(LedgerEntry.Kind.OPENING, entries.get(0).kind());
            assertEquals(0, new BigDecimal("12000.50").compareTo(entries.get(0).amount()));
            assertTrue(ctx.ledger().verify().ok());
        }
    }
}
