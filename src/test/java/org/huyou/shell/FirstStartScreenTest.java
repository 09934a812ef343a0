package org.huyou.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.huyou.app.HomeAccess;
import org.huyou.app.Preferences;
import org.huyou.common.Messages;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.FxTaskRunner;
import org.huyou.security.Keyring;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A new PC: the set-up wizard, the recovery key shown once, then the demo offer, all through the real screens. */
@ExtendWith(ApplicationExtension.class)
class FirstStartScreenTest {

    @TempDir
    static Path dir;
    Path home;
    FxTaskRunner tasks;
    AppFrame frame;

    @Start
    void start(Stage stage) throws Exception {
        Messages.use(Messages.CHINESE);
        home = Files.createTempDirectory(dir, "new");
        tasks = new FxTaskRunner();
        DialogService dialogs = new DialogService();
        dialogs.setOwner(stage);
        stage.setScene(new Scene(new javafx.scene.layout.Pane(), 1280, 800));
        frame = new AppFrame(stage, home, Preferences.load(home), tasks, dialogs, TestHome.CLOCK);
        stage.getScene().setRoot(frame);
        stage.show();
    }

    @AfterEach
    void close() {
        frame.shutDown();
        tasks.close();
    }

    @Test
    void setUpShowsTheRecoveryKeyThenOffersTheDemo(FxRobot robot) {
        robot.clickOn("#setupHome").write("滨州市儿童福利院");
        robot.clickOn("#setupPassword").write("short");
        robot.clickOn("#setupPasswordAgain").write("short");
        robot.clickOn("#setupCreate");
        waitFor(() -> robot.lookup("#setupError").queryAs(Label.class).getText().contains("8"));
        assertTrue(!HomeAccess.isSetUp(home), "nothing is created from a refused form");

        robot.clickOn("#setupPassword").eraseText(5).write(TestHome.PASSWORD);
        robot.clickOn("#setupPasswordAgain").eraseText(5).write(TestHome.PASSWORD);
        robot.clickOn("#setupCreate");
        waitFor(() -> robot.lookup("#recoveryKey").tryQuery().isPresent());
        String key = robot.lookup("#recoveryKey").queryAs(TextArea.class).getText();
        assertTrue(key.matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){7}"), key);
        assertTrue(Keyring.load(home).unlockWithRecovery(key) != null, "the key shown opens the keyring");
        assertTrue(robot.lookup("#recoveryKeyContinue").queryButton().isDisabled());
        robot.clickOn("#recoveryKeyConfirm");
        robot.clickOn("#recoveryKeyContinue");

        waitFor(() -> robot.lookup("载入示例数据").tryQuery().isPresent());
        robot.clickOn("载入示例数据");
        waitFor(() -> robot.lookup("#residentTable").queryAs(TableView.class).getItems().size() >= 60);
        assertEquals(72, frame.context().residents().countAll());
    }

    static void waitFor(Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.get();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 20 s", e);
        }
    }
}
