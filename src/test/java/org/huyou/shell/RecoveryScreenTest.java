package org.huyou.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.app.HomeAccess;
import org.huyou.security.AuditFilter;
import org.huyou.security.Keyring;
import org.huyou.testing.FxTesting;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Forgotten passwords on the real screens: the recovery key from the login screen, and a new key in the settings. */
@ExtendWith(ApplicationExtension.class)
@Tag("embedded-only") // a home on a server has no recovery key
class RecoveryScreenTest {

    static final String NEW_PASSWORD = "Lanhua-shu-2031";

    @TempDir
    static Path dir;

    Path home;
    String recoveryKey;
    AppFrame frame;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(dir, "home");
        HomeAccess.NewHome created = HomeAccess.setUp(
                home, new HomeAccess.Setup("滨州市儿童福利院", "", TestHome.ADMIN, "王管理", TestHome.PASSWORD), TestHome.CLOCK);
        created.context().close();
        recoveryKey = created.recoveryKey();
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    @Test
    void theRecoveryKeyLeadsToANewAdministratorPasswordAndBackToTheLogin(FxRobot robot) {
        FxTesting.waitFor(() -> robot.lookup("#loginRecover").tryQuery().isPresent());
        robot.clickOn("#loginRecover");
        robot.clickOn("#recoveryKeyField").write("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH");
        robot.clickOn("#recoveryNext");
        FxTesting.waitFor(() ->
                robot.lookup("#recoveryError").queryAs(Label.class).getText().contains("恢复密钥不正确"));

        robot.interact(
                () -> robot.lookup("#recoveryKeyField").queryTextInputControl().clear());
        robot.clickOn("#recoveryKeyField").write(recoveryKey.toLowerCase());
        robot.clickOn("#recoveryNext");
        FxTesting.waitFor(() -> robot.lookup("#recoveryPassword").tryQuery().isPresent());
        // The only administrator is chosen already.
        robot.clickOn("#recoveryPassword").write(NEW_PASSWORD);
        robot.clickOn("#recoveryPasswordAgain").write(NEW_PASSWORD + "x");
        robot.clickOn("#recoverySubmit");
        FxTesting.waitFor(() ->
                robot.lookup("#recoveryError").queryAs(Label.class).getText().contains("不一致"));
        // the confirmation is named, marked and has the cursor; what was typed in both stays
        assertTrue(robot.lookup("#recoveryError").queryAs(Label.class).getText().startsWith("再次输入新密码"));
        javafx.scene.Node confirmation = robot.lookup("#recoveryPasswordAgain").query();
        assertTrue(confirmation.getPseudoClassStates().contains(org.huyou.common.ui.FieldMarks.DANGER));
        assertTrue(confirmation.isFocused());
        assertEquals(
                NEW_PASSWORD,
                robot.lookup("#recoveryPassword").queryTextInputControl().getText());
        assertEquals(
                NEW_PASSWORD + "x",
                robot.lookup("#recoveryPasswordAgain").queryTextInputControl().getText());
        robot.interact(() -> {
            robot.lookup("#recoveryPassword").queryTextInputControl().clear();
            robot.lookup("#recoveryPasswordAgain").queryTextInputControl().clear();
        });
        robot.clickOn("#recoveryPassword").write("short");
        robot.clickOn("#recoveryPasswordAgain").write("short");
        robot.clickOn("#recoverySubmit");
        FxTesting.waitFor(() ->
                robot.lookup("#recoveryError").queryAs(Label.class).getText().contains("8"));
        robot.interact(() -> {
            robot.lookup("#recoveryPassword").queryTextInputControl().clear();
            robot.lookup("#recoveryPasswordAgain").queryTextInputControl().clear();
        });
        robot.clickOn("#recoveryPassword").write(NEW_PASSWORD);
        robot.clickOn("#recoveryPasswordAgain").write(NEW_PASSWORD);
        robot.clickOn("#recoverySubmit");

        FxTesting.waitFor(() -> robot.lookup("#loginNotice").tryQuery().isPresent());
        assertTrue(robot.lookup("#loginNotice").queryAs(Label.class).getText().contains("admin"));
        FxTesting.waitFor(() -> robot.lookup("#loginPassword")
                .tryQuery()
                .filter(n -> n.getScene() != null)
                .isPresent());
        FxTesting.clickText(robot, "#loginPassword");
        robot.write(TestHome.PASSWORD);
        robot.clickOn("#loginSubmit");
        FxTesting.waitFor(() ->
                !robot.lookup("#loginError").queryAs(Label.class).getText().isEmpty());
        FxTesting.clickText(robot, "#loginPassword");
        robot.write(NEW_PASSWORD);
        robot.clickOn("#loginSubmit");
        FxTesting.waitFor(() -> robot.lookup("#navSettings").tryQuery().isPresent());
        assertTrue(frame.context().audit().browse(AuditFilter.all(), 50).stream()
                .anyMatch(e -> e.action().equals("RECOVERY") && e.username().equals(Keyring.RECOVERY_ACTOR)));
    }

    @Test
    void anAdministratorMakesANewRecoveryKeyShownOnceAndTheOldOneStopsWorking(FxRobot robot) {
        FxTesting.waitFor(() -> robot.lookup("#loginPassword").tryQuery().isPresent());
        robot.clickOn("#loginUsername").write(TestHome.ADMIN);
        robot.clickOn("#loginPassword").write(TestHome.PASSWORD);
        robot.clickOn("#loginSubmit");
        FxTesting.waitFor(() -> robot.lookup("从空白开始").tryQuery().isPresent());
        FxTesting.clickWhenShown(robot, "从空白开始");
        FxTesting.clickWhenShown(robot, "#navSettings");
        FxTesting.waitFor(() -> robot.lookup("#newRecoveryKey").tryQuery().isPresent());
        FxTesting.click(robot, "#newRecoveryKey");
        FxTesting.waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button")
                .match(n -> n instanceof javafx.scene.control.Button b
                        && b.getText().equals("生成新的恢复密钥"))
                .<javafx.scene.Node>query());
        FxTesting.waitFor(() -> robot.lookup("#recoveryKeyDone").tryQuery().isPresent());
        String fresh = robot.lookup("#recoveryKey").queryAs(TextArea.class).getText();
        assertTrue(fresh.matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){7}"), fresh);
        assertTrue(robot.lookup("#recoveryKeyDone").query().isDisabled(), "closed only once written down");
        robot.clickOn("#recoveryKeyCopy");
        String[] clip = new String[1];
        robot.interact(() ->
                clip[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertEquals(fresh, clip[0]);
        robot.clickOn("#recoveryKeyConfirm");
        robot.clickOn("#recoveryKeyDone");
        FxTesting.waitFor(() -> robot.lookup("#recoveryKeyDone").tryQuery().isEmpty());

        assertNull(Keyring.load(home).unlockWithRecovery(recoveryKey), "the old key no longer unlocks");
        assertTrue(Keyring.load(home).unlockWithRecovery(fresh) != null);
        AppContext ctx = frame.context();
        assertTrue(ctx.audit().browse(AuditFilter.all(), 20).stream()
                .anyMatch(e -> e.action().equals("RECOVERY_KEY_CHANGED")
                        && e.username().equals(TestHome.ADMIN)));
    }
}
