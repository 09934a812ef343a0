package org.huyou.shell;

import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.huyou.app.AppContext;
import org.huyou.app.Preferences;
import org.huyou.common.Messages;
import org.huyou.residents.demo.DemoHome;
import org.huyou.security.Role;
import org.huyou.testing.FxTesting;
import org.huyou.testing.ScreenProblems;
import org.huyou.testing.TestHome;
import org.huyou.volunteers.ShiftService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a tester saw at 1366×768 after signing volunteers up for a shift, a state the screen audit does not reach:
 * the candidates' reasons why not (能否安排) whole, and the notices after 为所选志愿者报名 inside the work area, above
 * the status bar, stacked one over the other, never on top of each other.
 */
@ExtendWith(ApplicationExtension.class)
class NoticesOnScreenTest {

    private static final String USER = "notices";

    @TempDir
    static Path dir;

    Stage stage;
    AppFrame frame;

    /** A demo home of its own for each language: the other's sign-ups have filled the shifts' places. */
    private static Path demoHome() throws IOException {
        Path demo = Files.createTempDirectory(dir, "demo");
        try (AppContext ctx = TestHome.open(demo)) {
            ctx.loadDemo(DemoHome.DEFAULT_RESIDENTS, DemoHome.DEFAULT_SEED);
            ctx.accounts().create(USER, "排班员", TestHome.PASSWORD, EnumSet.allOf(Role.class));
        }
        return demo;
    }

    @AfterAll
    static void backToModena() {
        javafx.application.Platform.runLater(() -> javafx.application.Application.setUserAgentStylesheet(null));
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (frame != null) {
            FxTesting.shutDown(frame);
        }
        Messages.use(Messages.CHINESE);
    }

    @Test
    void chinese(FxRobot robot) throws IOException {
        signTwoUp(robot, Messages.CHINESE);
    }

    @Test
    void english(FxRobot robot) throws IOException {
        signTwoUp(robot, Messages.ENGLISH);
    }

    private void signTwoUp(FxRobot robot, Locale locale) throws IOException {
        Path demo = demoHome();
        Preferences prefs = Preferences.load(demo);
        prefs.setLocale(locale);
        prefs.setFontSize(Preferences.FontSize.NORMAL);
        prefs.save();
        String tag = "notices-" + locale.getLanguage() + "-1366x768-";
        robot.interact(() -> frame = FxTesting.showStyledFrame(stage, demo, 1366, 768));
        FxTesting.logInAndOpen(robot, USER, "#navVolunteers");
        TabPane tabs = robot.lookup("#volunteerTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        FxTesting.waitIdle(frame);

        // a shift whose candidates include one who may not take it (the reason is the longest text of the list)
        @SuppressWarnings("unchecked")
        TableView<org.huyou.volunteers.PlannedActivity> activities =
                robot.lookup("#activityTable").queryAs(TableView.class);
        @SuppressWarnings("unchecked")
        TableView<ShiftService.Candidate> candidates =
                robot.lookup("#candidateTable").queryAs(TableView.class);
        waitFor(() -> !activities.getItems().isEmpty());
        int shift = -1;
        for (int i = 0; i < activities.getItems().size() && shift < 0; i++) {
            int row = i;
            robot.interact(() -> activities.getSelectionModel().select(row));
            FxTesting.waitIdle(frame);
            shift = candidates.getItems().stream().anyMatch(c -> !c.ready()) ? row : -1;
        }
        assertTrue(shift >= 0, "the demo month has a shift with a candidate who may not take it");
        robot.interact(() -> {
            for (javafx.scene.Parent p = candidates.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane pane) {
                    pane.layout();
                    org.huyou.common.ui.ScrollIntoView.show(pane, candidates);
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            problems.addAll(ScreenProblems.of(stage.getScene()));
            ScreenProblems.sideways(candidates).ifPresent(problems::add);
        });
        FxTesting.snapshot(stage.getScene().getRoot(), tag + "candidates");
        assertEquals(List.of(), problems, "the shifts tab with its candidates");

        // two sign-ups one after the other, on the shifts with a place free
        int shown = 0;
        for (int i = 0; i < activities.getItems().size() && shown < 2; i++) {
            org.huyou.volunteers.PlannedActivity p = activities.getItems().get(i);
            if (p.signedUp() >= p.activity().capacity()) {
                continue;
            }
            int row = i;
            robot.interact(() -> activities.getSelectionModel().select(row));
            FxTesting.waitIdle(frame);
            int ready = firstReady(candidates);
            if (ready < 0) {
                continue;
            }
            robot.interact(() -> candidates.getSelectionModel().select(ready));
            robot.interact(() -> robot.lookup("#signUp").queryAs(Button.class).fire());
            int now = ++shown;
            waitFor(() -> notices().size() == now);
            FxTesting.waitIdle(frame);
        }
        WaitForAsyncUtils.sleep(1, java.util.concurrent.TimeUnit.SECONDS); // the notices' own slide and stacking
        WaitForAsyncUtils.waitForFxEvents();
        List<Bounds> notices = new ArrayList<>();
        Bounds[] work = new Bounds[1];
        robot.interact(() -> {
            notices().forEach(w -> notices.add(new BoundingBox(w.getX(), w.getY(), w.getWidth(), w.getHeight())));
            Node bar = stage.getScene().getRoot().lookup(".status-bar");
            Bounds status = bar.localToScreen(bar.getLayoutBounds());
            Bounds scene = stage.getScene()
                    .getRoot()
                    .localToScreen(stage.getScene().getRoot().getLayoutBounds());
            work[0] = new BoundingBox(
                    scene.getMinX(), scene.getMinY(), scene.getWidth(), status.getMinY() - scene.getMinY());
        });
        FxTesting.snapshotWithPopups(stage, tag + "two-notices");
        List<String> covered = new ArrayList<>();
        robot.interact(() -> covered.addAll(ScreenProblems.of(stage.getScene())));
        assertEquals(
                List.of(), covered, "the shifts tab with two notices: they lie over none of its buttons or inputs");
        for (Bounds b : notices) {
            assertTrue(
                    b.getMinX() >= work[0].getMinX() - 1
                            && b.getMaxX() <= work[0].getMaxX() + 1
                            && b.getMinY() >= work[0].getMinY() - 1
                            && b.getMaxY() <= work[0].getMaxY() + 1,
                    "a notice " + b + " lies within the window, above the status bar " + work[0]);
        }
        assertEquals(2, notices.size());
        assertTrue(
                !notices.get(0).intersects(notices.get(1)),
                "two notices stack, one above the other: " + notices.get(0) + " and " + notices.get(1));
    }

    private static int firstReady(TableView<ShiftService.Candidate> candidates) {
        for (int i = 0; i < candidates.getItems().size(); i++) {
            if (candidates.getItems().get(i).ready()) {
                return i;
            }
        }
        return -1;
    }

    /** The notices showing now, oldest first. */
    private static List<Window> notices() {
        return Window.getWindows().stream()
                .filter(w -> w instanceof PopupWindow
                        && w.isShowing()
                        && w.getScene() != null
                        && w.getScene().getRoot().lookup(".notification-bar") != null)
                .toList();
    }
}
