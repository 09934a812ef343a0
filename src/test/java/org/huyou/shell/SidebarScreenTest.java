package org.huyou.shell;

import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.security.Permission;
import org.huyou.security.Role;
import org.huyou.testing.FxTesting;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every role logs in: its sidebar shows exactly the entries whose modules the role matrix (read from the database)
 * lets it view, no more and no fewer. The director may view the shift log, so has its entry, read only.
 */
@ExtendWith(ApplicationExtension.class)
class SidebarScreenTest {

    @TempDir
    static Path dir;

    AppFrame frame;
    final Map<Role, Set<Permission>> matrix = new EnumMap<>(Role.class);

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            for (Role role : Role.values()) {
                ctx.accounts().create(user(role), role.label(), TestHome.PASSWORD, EnumSet.of(role));
                matrix.put(role, TestHome.sessionOf(ctx, role).permissions());
            }
        }
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    private static String user(Role role) {
        return "r-" + role.name().toLowerCase().replace('_', '-');
    }

    @Test
    void everyRolesSidebarFollowsTheRoleMatrix(FxRobot robot) {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            Set<Permission> granted = matrix.get(role);
            Set<String> expected = new TreeSet<>();
            for (Sidebar entry : Sidebar.values()) {
                if (entry.shownTo((m, a) -> granted.contains(Permission.of(m, a)))) {
                    expected.add(entry.id());
                }
            }
            FxTesting.logInAndOpen(robot, user(role), "#navSettings");
            Set<String> shown = new TreeSet<>();
            robot.interact(() -> robot.lookup(".nav-button").queryAllAs(ToggleButton.class).stream()
                    .map(ToggleButton::getId)
                    .filter(id -> !"navSettings".equals(id))
                    .forEach(shown::add));
            if (!expected.equals(shown)) {
                wrong.add(role + ": the matrix grants " + expected + ", the sidebar shows " + shown);
            }
            if (role == Role.DIRECTOR) {
                // may view the shift log, not record it: the log opens read only
                FxTesting.clickText(robot, "#navShift");
                waitFor(() -> robot.lookup("#shiftTable").tryQuery().isPresent());
                assertFalse(robot.lookup("#saveShift").query().isVisible(), "no 保存 for the director");
                assertFalse(robot.lookup("#shiftTable")
                        .queryAs(javafx.scene.control.TableView.class)
                        .isEditable());
            }
            robot.interact(() -> robot.lookup("#logout").queryButton().fire());
            waitFor(() -> robot.lookup("#loginUsername").tryQuery().isPresent());
        }
        assertEquals(List.of(), wrong);
        assertEquals(
                true,
                matrix.get(Role.DIRECTOR)
                        .contains(
                                Permission.of(org.huyou.security.AppModule.CARE_DAILY, org.huyou.security.Action.VIEW)),
                "the matrix lets the director view the shift log");
    }
}
