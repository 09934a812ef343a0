package org.huyou.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.huyou.app.HomeAccess;
import org.huyou.security.Keyring;
import org.huyou.testing.FxTesting;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A new PC: the set-up wizard, the recovery key shown once, then the demo offer, all through the real screens. */
@ExtendWith(ApplicationExtension.class)
class FirstStartScreenTest {

    @TempDir
    static Path dir;

    Path home;
    AppFrame frame;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(dir, "new");
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    @Test
    void setUpShowsTheRecoveryKeyThenOffersTheDemo(FxRobot robot) throws Exception {
        robot.clickOn("#setupHome").write("滨州市儿童福利院");
        robot.clickOn("#setupPassword").write("short");
        robot.clickOn("#setupPasswordAgain").write("short");
        robot.clickOn("#setupCreate");
        FxTesting.waitFor(
                () -> robot.lookup("#setupError").queryAs(Label.class).getText().contains("8"));
        assertTrue(!HomeAccess.isSetUp(home), "nothing is created from a refused form");
        assertTrue(!robot.lookup("#setupCreating").query().isVisible(), "no longer says it is creating");

        robot.clickOn("#setupPassword").eraseText(5).write(TestHome.PASSWORD);
        robot.clickOn("#setupPasswordAgain").eraseText(5).write(TestHome.PASSWORD);
        robot.clickOn("#setupCreate");
        FxTesting.waitFor(() -> robot.lookup("#recoveryKey").tryQuery().isPresent());
        String key = robot.lookup("#recoveryKey").queryAs(TextArea.class).getText();
        assertTrue(key.matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){7}"), key);
        assertTrue(Keyring.load(home).unlockWithRecovery(key) != null, "the key shown opens the keyring");
        assertTrue(robot.lookup("#recoveryKeyContinue").queryButton().isDisabled());
        robot.clickOn("#recoveryKeyConfirm");
        robot.clickOn("#recoveryKeyContinue");

        FxTesting.waitFor(() -> robot.lookup("载入示例数据").tryQuery().isPresent());
        // what the empty list says meanwhile: the load, not "no files yet" for seconds
        java.util.List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        Label placeholder =
                (Label) robot.lookup("#residentTable").queryAs(TableView.class).getPlaceholder();
        org.testfx.util.WaitForAsyncUtils.asyncFx(
                        () -> placeholder.textProperty().addListener((o, was, is) -> said.add(is)))
                .get();
        FxTesting.clickWhenShown(robot, "载入示例数据");
        // The list holds its first page and says how many there are.
        FxTesting.waitFor(() -> robot.lookup("#residentTable")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == org.huyou.residents.ui.ResidentListViewModel.PAGE);
        FxTesting.waitFor(() ->
                robot.lookup("#residentCount").queryAs(Label.class).getText().contains("共 72 人"));
        assertEquals(72, frame.context().residents().countAll());
        assertTrue(said.contains(org.huyou.common.Messages.t("demo.loading")), said.toString());
    }
}
