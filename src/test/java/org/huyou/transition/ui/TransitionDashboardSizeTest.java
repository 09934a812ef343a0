package org.huyou.transition.ui;

import static org.huyou.testing.FxTesting.rows;
import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.common.Gender;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.security.Role;
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

/**
 * The dashboard's lists on an office PC's 1366x768 screen: they share the window's height, each showing every row
 * that fits (the adults' list showed two of four, the turning list five, with the window's lower part empty), all
 * three start on the first screen, and a larger window shows more.
 */
@ExtendWith(ApplicationExtension.class)
class TransitionDashboardSizeTest {

    static final int TURNING = 30;
    static final int ADULTS = 4;

    @TempDir
    static Path dir;

    Stage stage;
    AppFrame frame;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            LocalDate today = TestHome.TODAY;
            for (int i = 0; i < TURNING; i++) {
                resident(ctx, "少年" + i, today.minusYears(17).plusDays(10 + 7 * i));
            }
            for (int i = 0; i < ADULTS; i++) {
                resident(ctx, "成年" + i, today.minusYears(18).minusDays(10 + 30 * i));
            }
            ctx.accounts().create("sw", "吴社工", TestHome.PASSWORD, EnumSet.of(Role.SOCIAL_WORKER));
        }
        frame = FxTesting.showStyledFrame(stage, home, 1366, 768);
    }

    static void resident(AppContext ctx, String name, LocalDate born) {
        ctx.residents()
                .create(new Resident(
                        null,
                        null,
                        null,
                        name,
                        null,
                        Gender.FEMALE,
                        born,
                        false,
                        null,
                        null,
                        null,
                        Category.ORPHAN,
                        born.plusYears(1),
                        AdmissionSource.CIVIL_AFFAIRS,
                        null,
                        DisabilityType.NONE,
                        null,
                        Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                        null,
                        null,
                        null));
    }

    @AfterEach
    void close() {
        if (frame != null) {
            FxTesting.shutDown(frame);
        }
    }

    /** The rows a table has room for under its header, as laid out. */
    static int roomFor(TableView<?> t) {
        Node header = t.lookup(".column-header-background");
        return (int) Math.floor((t.getHeight() - header.getBoundsInLocal().getHeight()) / t.getFixedCellSize());
    }

    @Test
    void theListsShareTheWindowAndGrowWithIt(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "sw", "#navTransition");
        waitFor(() -> rows(robot, "#transitionTable") == TURNING && rows(robot, "#adultTable") == ADULTS);
        TableView<?> turning = robot.lookup("#transitionTable").queryAs(TableView.class);
        TableView<?> adults = robot.lookup("#adultTable").queryAs(TableView.class);
        TableView<?> left = robot.lookup("#leftTable").queryAs(TableView.class);
        ScrollPane page = (ScrollPane) ancestor(turning, ScrollPane.class);
        try {
            waitFor(() -> roomFor(adults) == ADULTS);
        } catch (AssertionError e) {
            throw new AssertionError(String.format(
                    "adults %s high, header %s, cell %s; turning %s; viewport %s",
                    adults.getHeight(),
                    adults.lookup(".column-header-background")
                            .getBoundsInLocal()
                            .getHeight(),
                    adults.getFixedCellSize(),
                    turning.getHeight(),
                    page.getViewportBounds()));
        }

        assertEquals(ADULTS, roomFor(adults), "every adult still in the home");
        assertTrue(roomFor(left) >= 2, "the placeholder of nobody left");
        int at768 = roomFor(turning);
        assertTrue(at768 >= 8 && at768 < TURNING, "as many of the turning as fit: " + at768);
        robot.interact(() -> {});
        Bounds viewport = page.localToScene(page.getLayoutBounds());
        for (TableView<?> t : new TableView<?>[] {turning, adults, left}) {
            Bounds b = t.localToScene(t.getLayoutBounds());
            assertTrue(
                    b.getMaxY() <= viewport.getMaxY() + 1,
                    t.getId() + " ends at " + b.getMaxY() + ", below the window's " + viewport.getMaxY());
        }

        robot.interact(() -> stage.setHeight(1080));
        waitFor(() -> roomFor(turning) > at768);
        assertEquals(ADULTS, roomFor(adults), "the adults still whole");
    }

    static Node ancestor(Node n, Class<?> type) {
        Node p = n.getParent();
        while (p != null && !type.isInstance(p)) {
            p = p.getParent();
        }
        return p;
    }
}
