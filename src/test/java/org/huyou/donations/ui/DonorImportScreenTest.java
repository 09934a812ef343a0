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
import javafx.scene.control.ComboBox;
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

/** The finance officer imports the donor register from the donations screen, through the shared import dialog. */
@ExtendWith(ApplicationExtension.class)
class DonorImportScreenTest {

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
    void aBadRowIsReportedThenTheCorrectedRegisterIsImported(FxRobot robot) throws Exception {
        Path file = dir.resolve("donors.csv");
        Files.write(
                file,
                String.join(
                                "\r\n",
                                "捐赠人名称,捐赠人类型,公示署名,联系电话",
                                "滨州爱心餐饮有限公司,公司,公示全名,0543-3211234",
                                "张伟,个人,公示全名,13800001111")
                        .getBytes(Charset.forName("GB18030")));
        FxTesting.logInAndOpen(robot, "cw", "#navDonations");
        click(robot, "#importDonors");
        waitFor(() -> robot.lookup("#importDialog").tryQuery().isPresent());
        robot.clickOn("#importPath").write(file.toString());
        robot.clickOn("#previewImport");
        waitFor(() -> robot.lookup("#importReport")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 1);
        assertTrue(robot.lookup("#commitImport").queryAs(Button.class).isDisabled());
        waitFor(() ->
                robot.lookup("“公司”不是可选的值。").tryQuery().isPresent()); // cells are drawn on the pulse after the rows

        Files.write(
                file,
                String.join(
                                "\r\n",
                                "捐赠人名称,捐赠人类型,公示署名,联系电话",
                                "滨州爱心餐饮有限公司,企业,公示全名,0543-3211234",
                                "张伟,个人,公示全名,13800001111")
                        .getBytes(Charset.forName("GB18030")));
        robot.clickOn("#previewImport");
        waitFor(() ->
                robot.lookup("#importSummary").queryAs(Label.class).getText().contains("全部正确"));
        robot.clickOn("#commitImport");
        waitFor(() ->
                robot.lookup("#importSummary").queryAs(Label.class).getText().contains("已导入 2 位捐赠人"));
        // the donors are there to choose for a donation at once
        robot.clickOn(robot.lookup(n -> n instanceof Button b
                        && "关闭".equals(b.getText())
                        && n.getScene() != null
                        && n.getScene().getRoot() instanceof javafx.scene.control.DialogPane)
                .queryButton());
        waitFor(() -> robot.lookup("#importDialog").tryQuery().isEmpty());
        click(robot, "#donorChoice");
        waitFor(() ->
                robot.lookup("#donorChoice").queryAs(ComboBox.class).getItems().size() == 2);
        assertEquals(
                2,
                robot.lookup("#donorChoice").queryAs(ComboBox.class).getItems().size());
    }
}
