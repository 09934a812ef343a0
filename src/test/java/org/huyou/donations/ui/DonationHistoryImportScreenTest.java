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
        Files.write(file, String.join("\r\n", header,
                "2026-03-05,滨州爱心餐饮有限公司,非定向捐赠,20000,银行转账,大米,10,袋,",
                "2026-04-01,张伟,,,,冬季棉衣,40,件,衣物").getBytes(Charset.forName("GB18030")));
        FxTesting.logInAndOpen(robot, "cw", "#navDonations");
        click(robot, "#importDonations");
        waitFor(() -> robot.lookup("#importDialog").tryQuery().isPresent());
        robot.clickOn("#importPath").write(file.toString());
        robot.clickOn("#previewImport");
        waitFor(() -> !robot.lookup("#importReport").queryAs(TableView.class).getItems().isEmpty());
        assertTrue(robot.lookup("#commitImport").queryAs(Button.class).isDisabled());

        Files.write(file, String.join("\r\n", header,
                "2026-03-05,滨州爱心餐饮有限公司,非定向捐赠,20000,银行转账,,,,",
                "2026-04-01,张伟,,,,冬季棉衣,40,件,衣物").getBytes(Charset.forName("GB18030")));
        robot.clickOn("#previewImport");
        waitFor(() -> robot.lookup("#importSummary").queryAs(Label.class).getText().contains("全部正确"));
        robot.clickOn("#commitImport");
        waitFor(() -> robot.lookup("#importSummary").queryAs(Label.class).getText().contains("已导入 2 笔捐赠记录"));
        try (AppContext ctx = TestHome.open(home)) {
            TestHome.loginAs(ctx, "reader", Role.FINANCE_OFFICER);
            assertEquals(2, ctx.ledger().entries(Long.MAX_VALUE, 10).size());
            assertTrue(ctx.ledger().verify().ok());
        }
    }
}
