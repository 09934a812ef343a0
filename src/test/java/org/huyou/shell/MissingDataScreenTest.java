package org.huyou.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
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

/**
 * A home whose database file is gone (its keyring is there) opens on the login screen saying so and offering the
 * backups beside it; the restore brings the data back, and a login never makes a new empty database (issue 26).
 */
@ExtendWith(ApplicationExtension.class)
@Tag("embedded-only") // the embedded database file
class MissingDataScreenTest {

    @TempDir
    static Path dir;

    Path home;
    AppFrame frame;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.backups().automaticBackup(); // into the default folder, backups/ in the data folder
        }
        Files.delete(home.resolve("huyou.mv.db"));
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    @Test
    void theLoginSaysTheDataIsMissingAndRestoresTheBackupBesideIt(FxRobot robot) {
        FxTesting.waitFor(() -> robot.lookup("#loginDataMissing").tryQuery().isPresent());
        assertTrue(
                robot.lookup("#loginDataMissing").queryAs(Label.class).getText().contains("数据库文件不见了"));
        robot.clickOn("#loginUsername").write(TestHome.ADMIN);
        robot.clickOn("#loginPassword").write(TestHome.PASSWORD);
        robot.clickOn("#loginSubmit");
        FxTesting.waitFor(() ->
                !robot.lookup("#loginError").queryAs(Label.class).getText().isEmpty());
        String said = robot.lookup("#loginError").queryAs(Label.class).getText();
        assertTrue(
                said.contains("从备份恢复") && !said.contains("huyou"), "the way out on this screen, no command: " + said);
        assertFalse(Files.exists(home.resolve("huyou.mv.db")), "the login made no new database");

        robot.clickOn("#loginPassword").write(TestHome.PASSWORD);
        robot.clickOn("#loginRestore");
        // asked first, naming the backup and when it was made
        FxTesting.waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertTrue(
                robot.lookup(".dialog-pane .content").queryLabeled().getText().contains("制作于"));
        assertFalse(Files.exists(home.resolve("huyou.mv.db")), "nothing restored before the answer");
        robot.clickOn(robot.lookup(".dialog-pane .button")
                .match(n -> n instanceof javafx.scene.control.Button b
                        && b.getText().equals("从备份恢复…"))
                .<javafx.scene.Node>query());
        FxTesting.waitFor(() -> robot.lookup("#navSettings").tryQuery().isPresent());
        assertEquals(
                1,
                frame
                        .context()
                        .audit()
                        .browse(new org.huyou.security.AuditFilter(null, "RESTORE", null, null, null, null), 20)
                        .stream()
                        .filter(e -> "auditSummary.restored".equals(e.summaryKey())
                                && e.summary().contains("huyou-"))
                        .count());
        assertTrue(frame.context().audit().verifyChain().ok());
        assertTrue(
                frame.context().audit().browse(org.huyou.security.AuditFilter.all(), 50).stream()
                        .noneMatch(e -> "LOGIN_JOURNAL_ALERT".equals(e.action())),
                "a restore is no tampering");
        assertTrue(
                frame.context().audit().browse(org.huyou.security.AuditFilter.all(), 50).stream()
                        .noneMatch(e -> e.summary() != null && e.summary().contains("auditSummary.restoredCompleted")),
                "nothing was interrupted");
    }
}
