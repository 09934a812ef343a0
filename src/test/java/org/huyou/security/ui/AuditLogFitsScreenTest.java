package org.huyou.security.ui;

import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import org.huyou.security.Role;
import org.huyou.shell.AppFrame;
import org.huyou.testing.FxTesting;
import org.huyou.testing.ScreenProblems;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The audit log at 1366×768, in Chinese here and in English in its subclass: its sentences (摘要, 变更) wrap in the
 * width the table leaves; no column stands past the table's edge behind a sideways scroll bar, none is cut.
 */
@ExtendWith(ApplicationExtension.class)
class AuditLogFitsScreenTest {

    @TempDir
    static Path dir;

    AppFrame frame;

    Locale locale() {
        return Messages.CHINESE;
    }

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            ctx.accounts().create("yz", "王院长", TestHome.PASSWORD, EnumSet.of(Role.DIRECTOR));
            // a change list as long as a real one: an account made with every role
            ctx.accounts().create("qx", "全能的新同事", TestHome.PASSWORD, EnumSet.allOf(Role.class));
        }
        // styled as the app is (its skin of tables gives the sentences the width left)
        frame = FxTesting.showStyledFrame(stage, home, locale());
    }

    @org.junit.jupiter.api.AfterAll
    static void backToModena() {
        FxTesting.backToModena();
    }

    @AfterEach
    void close() {
        if (frame != null) {
            FxTesting.shutDown(frame);
        }
        Messages.use(Messages.CHINESE);
    }

    @Test
    void theLogFitsItsWindow(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "yz", "#navAudit");
        TableView<?> table = robot.lookup("#auditTable").queryAs(TableView.class);
        waitFor(() -> !table.getItems().isEmpty());
        FxTesting.waitIdle(frame);
        String lang = locale().getLanguage();
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            table.applyCss();
            table.layout();
            ScreenProblems.sideways(table).ifPresent(problems::add);
            ScreenProblems.of(table.getScene()).stream()
                    .filter(p -> p.contains("column") || p.contains("auditTable"))
                    .forEach(problems::add);
        });
        FxTesting.snapshot(frame.getScene().getRoot(), "audit-log-" + lang);
        assertEquals(List.of(), problems, "the audit log at 1366×768: " + lang);
    }
}
