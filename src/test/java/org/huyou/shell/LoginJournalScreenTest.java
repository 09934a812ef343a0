package org.huyou.shell;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.huyou.app.HomeAccess;
import org.huyou.common.UserFacingException;
import org.huyou.security.AuditFilter;
import org.huyou.security.LoginAttempts;
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

/** The administrator is shown, once, that the login journal was edited outside the program. */
@ExtendWith(ApplicationExtension.class)
@Tag("embedded-only") // the journal's head is checked the same way on a server; the screen is the same
class LoginJournalScreenTest {

    @TempDir
    static Path dir;

    static Path home;
    AppFrame frame;

    /** Off the JavaFX thread: five Argon2 runs. */
    @org.junit.jupiter.api.BeforeAll
    static void editedJournal() throws Exception {
        home = Files.createTempDirectory(dir, "home");
        HomeAccess.NewHome created = HomeAccess.setUp(
                home, new HomeAccess.Setup("滨州市儿童福利院", "", TestHome.ADMIN, "王管理", TestHome.PASSWORD), TestHome.CLOCK);
        created.context().demoHome().markOffered(); // no demo offer competing with the alert
        created.context().close();
        for (int i = 0; i < 5; i++) {
            assertThrows(
                    UserFacingException.class,
                    () -> HomeAccess.login(home, TestHome.ADMIN, "wrong-password".toCharArray(), TestHome.CLOCK));
        }
        Path journal = home.resolve(LoginAttempts.FILE);
        List<String> lines = new ArrayList<>(Files.readAllLines(journal, StandardCharsets.UTF_8));
        int lock = lines.size() - 1;
        lines.set(lock, lines.get(lock).replace("2026-11-23T02:15:00Z", "2026-11-23T01:00:00Z"));
        Files.write(journal, lines, StandardCharsets.UTF_8);
    }

    @Start
    void start(Stage stage) {
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    @Test
    void theAdministratorSeesTheAlertAfterLoggingIn(FxRobot robot) {
        FxTesting.waitFor(() -> robot.lookup("#loginPassword").tryQuery().isPresent());
        robot.clickOn("#loginUsername").write(TestHome.ADMIN);
        robot.clickOn("#loginPassword").write(TestHome.PASSWORD);
        robot.clickOn("#loginSubmit");
        FxTesting.waitFor(() -> robot.lookup("#shownText").tryQuery().isPresent());
        String text = robot.lookup("#shownText").queryAs(TextArea.class).getText();
        // the diagnostic in the screen's language (it was an English sentence inside the Chinese one)
        assertTrue(text.contains("login-journal.txt") && text.contains("被改动过"), text);
        FxTesting.clickWhenShown(robot, "关闭");
        FxTesting.waitFor(() -> robot.lookup("#shownText").tryQuery().isEmpty());
        FxTesting.waitFor(() -> frame.context().audit().browse(AuditFilter.all(), 50).stream()
                .anyMatch(e -> e.action().equals("LOGIN_JOURNAL_ALERT")
                        && "auditSummary.shownTo".equals(e.summaryKey())
                        && "[{\"user\":\"admin\"}]".equals(e.summary())));
    }
}
