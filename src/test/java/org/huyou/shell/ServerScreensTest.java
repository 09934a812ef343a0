package org.huyou.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.app.HomeAccess;
import org.huyou.app.ServerConnection;
import org.huyou.testing.FxTesting;
import org.huyou.testing.TestHome;
import org.huyou.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The first-start screen and the settings of a home on a real PostgreSQL server (Debian's package; skipped where it
 * is not installed): the first PC sets the home up on the server, another PC joins it, and the administrator sees the
 * connection in the settings.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIf("org.huyou.testing.TestPostgres#available")
class ServerScreensTest {

    @TempDir
    static Path dir;

    Path pc;
    AppFrame frame;

    @Start
    void start(Stage stage) throws Exception {
        pc = Files.createTempDirectory(dir, "pc");
        frame = FxTesting.showFrame(stage, pc);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    @Test
    void theFirstPcSetsTheHomeUpOnTheServerAndTheSettingsShowTheConnection(FxRobot robot) {
        ServerConnection server = TestPostgres.server().newDatabase();
        robot.clickOn("#setupHome").write("滨州市儿童福利院");
        robot.clickOn("#setupPassword").write(TestHome.PASSWORD);
        robot.clickOn("#setupPasswordAgain").write(TestHome.PASSWORD);
        assertFalse(robot.lookup("#serverAddress").queryAs(TextField.class).isVisible(), "only when chosen");
        robot.clickOn("#setupDataOnServer");
        robot.clickOn("#serverAddress").write(server.address().toString());
        robot.clickOn("#serverUser").eraseText(10).write(server.user());
        robot.clickOn("#serverPassword").write(new String(server.password()));
        FxTesting.snapshot(robot.lookup("#setupCreate").query().getScene().getRoot(), "setup-on-server");
        robot.clickOn("#setupCreate");

        FxTesting.waitFor(() -> robot.lookup("从空白开始").tryQuery().isPresent());
        assertTrue(robot.lookup("#recoveryKey").tryQuery().isEmpty(), "a server home has no recovery key of ours");
        assertTrue(ServerConnection.exists(pc));
        assertEquals(server.address().toString(), frame.context().serverAddress());
        FxTesting.clickWhenShown(robot, "从空白开始");
        assertTrue(robot.lookup("#navBackup").tryQuery().isEmpty(), "the server does a server home's backups");
        // Fired, not clicked at a place: in the whole suite's run the entry stood outside the window's scene (a
        // primary stage sized by an earlier test), which TestFX counts as not shown; where it stood is printed.
        FxTesting.waitFor(() -> robot.lookup("#navSettings").tryQuery().isPresent());
        Node settings = robot.lookup("#navSettings").query();
        robot.interact(() -> {
            if (!org.testfx.util.NodeQueryUtils.isVisible().test(settings)) {
                System.err.println("#navSettings at " + settings.localToScene(settings.getBoundsInLocal())
                        + " in a scene of " + settings.getScene().getWidth() + "x"
                        + settings.getScene().getHeight());
            }
        });
        robot.interact(() -> ((javafx.scene.control.ButtonBase) settings).fire());
        FxTesting.waitFor(() -> robot.lookup("#databaseWhere").tryQuery().isPresent());
        assertTrue(robot.lookup("#databaseWhere")
                .queryAs(Label.class)
                .getText()
                .contains(server.address().database()));
        assertEquals(
                server.user(),
                robot.lookup("#serverUser").queryAs(TextField.class).getText(),
                "the account in use is shown back; the password is not");
        assertEquals(
                "", robot.lookup("#serverPassword").queryAs(TextField.class).getText());
    }

    @Test
    void anotherPcJoinsTheHomeOnTheServerAfterAWrongPasswordIsExplained(FxRobot robot) throws Exception {
        ServerConnection server = TestPostgres.server().newDatabase();
        try (AppContext first =
                TestHome.setUpOnServer(Files.createTempDirectory(dir, "first"), server, TestHome.CLOCK)) {
            assertTrue(first.serverAddress() != null);
        }
        robot.clickOn("#setupJoinServer");
        FxTesting.waitFor(() -> robot.lookup("#joinConnect").tryQuery().isPresent());
        robot.clickOn("#serverAddress").write(server.address().toString());
        robot.clickOn("#serverUser").eraseText(10).write(server.user());
        robot.clickOn("#serverPassword").write("not-the-password");
        robot.clickOn("#joinConnect");
        FxTesting.waitFor(
                () -> !robot.lookup("#joinError").queryAs(Label.class).getText().isEmpty());
        String refused = robot.lookup("#joinError").queryAs(Label.class).getText();
        assertTrue(refused.contains("密码"), refused);
        assertFalse(HomeAccess.isSetUp(pc), "nothing of a refused connection is kept");

        robot.interact(
                () -> robot.lookup("#serverPassword").queryAs(TextField.class).clear());
        robot.clickOn("#serverPassword").write(new String(server.password()));
        robot.clickOn("#joinConnect");
        FxTesting.waitFor(() -> robot.lookup("#loginNotice").tryQuery().isPresent());
        assertTrue(robot.lookup("#loginNotice").queryAs(Label.class).getText().contains("滨州市儿童福利院"));
        assertTrue(HomeAccess.isSetUp(pc));
        robot.clickOn("#loginUsername").eraseText(20).write(TestHome.ADMIN);
        robot.clickOn("#loginPassword").write(TestHome.PASSWORD);
        robot.clickOn("#loginSubmit");
        FxTesting.waitFor(() -> robot.lookup("从空白开始").tryQuery().isPresent());
        FxTesting.clickWhenShown(robot, "从空白开始");
        assertEquals(server.address().toString(), frame.context().serverAddress());
    }
}
