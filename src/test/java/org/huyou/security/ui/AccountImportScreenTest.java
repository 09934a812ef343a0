package org.huyou.security.ui;

import static org.huyou.testing.FxTesting.click;
import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
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

/** The administrator imports the staff list from the accounts screen, the first password typed twice beside it. */
@ExtendWith(ApplicationExtension.class)
class AccountImportScreenTest {

    @TempDir
    static Path dir;

    AppFrame frame;
    Path home;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
        }
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    @Test
    void aTakenNameIsReportedThenTheListIsCreatedWithTheFirstPassword(FxRobot robot) throws Exception {
        Path file = dir.resolve("staff.csv");
        Files.writeString(file, "用户名,姓名,角色\nadmin,王管理,管理员\nhg1,李红,保育员\n");
        FxTesting.logInAndOpen(robot, TestHome.ADMIN, "#navAccounts");
        click(robot, "#importAccounts");
        waitFor(() -> robot.lookup("#importDialog").tryQuery().isPresent());
        robot.clickOn("#importPath").write(file.toString());
        robot.clickOn("#previewImport");
        waitFor(() -> robot.lookup("#importReport")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 1);
        assertTrue(robot.lookup("#commitImport").queryAs(Button.class).isDisabled());
        waitFor(() -> robot.lookup("该用户名已被使用。").tryQuery().isPresent()); // cells are drawn on the pulse after the rows

        Files.writeString(file, "用户名,姓名,角色\nhg1,李红,保育员\nwang.sg,王明,社工、前台\n");
        robot.clickOn("#previewImport");
        waitFor(() ->
                robot.lookup("#importSummary").queryAs(Label.class).getText().contains("全部正确"));
        robot.clickOn("#importFirstPassword").write("Yueliang-wan-77");
        robot.clickOn("#importFirstPasswordAgain").write("Yueliang-wan-78");
        robot.clickOn("#commitImport");
        // the typo is said in a dialog before anything is created
        waitFor(() -> robot.lookup(".dialog-pane").queryAll().stream()
                .anyMatch(d -> String.valueOf(((javafx.scene.control.DialogPane) d).getContentText())
                        .contains("两次输入的密码不一致")));
        javafx.scene.control.DialogPane error = robot.lookup(".dialog-pane").queryAll().stream()
                .map(d -> (javafx.scene.control.DialogPane) d)
                .filter(d -> String.valueOf(d.getContentText()).contains("不一致"))
                .findFirst()
                .orElseThrow();
        // the error's own 确定 (the app's words, not the toolkit's ButtonType.OK)
        robot.interact(() -> ((Button) error.lookupButton(error.getButtonTypes().get(0))).fire());
        assertEquals(1, FxTesting.rows(robot, "#accountTable"), "nobody created");
        robot.interact(() -> robot.lookup("#importFirstPasswordAgain")
                .queryAs(javafx.scene.control.PasswordField.class)
                .clear());
        robot.clickOn("#importFirstPasswordAgain").write("Yueliang-wan-77");
        waitFor(() -> !robot.lookup("#commitImport").queryAs(Button.class).isDisabled());
        robot.clickOn("#commitImport");
        waitFor(() ->
                robot.lookup("#importSummary").queryAs(Label.class).getText().contains("已创建 2 个账户"));
        waitFor(() -> robot.lookup("#accountTable")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 3);
        assertEquals(
                3,
                robot.lookup("#accountTable")
                        .queryAs(TableView.class)
                        .getItems()
                        .size());
    }
}
