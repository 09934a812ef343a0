package org.huyou.care.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The medical tab as a nurse types a record in it at 1366x768: after the save the cursor stays in the form just
 * saved, on its first field, and the tab does not scroll away (a tester found the cursor in the drug picker further
 * down, the pane scrolled to it).
 */
@ExtendWith(ApplicationExtension.class)
class MedicalPartFocusTest {

    @TempDir
    static Path dir;

    AppFrame frame;
    Resident child;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            ctx.accounts().create("nurse", "刘护士", TestHome.PASSWORD, EnumSet.of(Role.CAREGIVER, Role.MEDICAL_STAFF));
            child = ctx.residents().create(TestHome.boyDraft());
        }
        frame = FxTesting.showStyledFrame(stage, home, 1366, 768);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    @Test
    void afterASaveTheCursorStaysOnTheSavedFormsFirstFieldAndThePaneDoesNotScroll(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "nurse", "#navResidents");
        FxTesting.clickText(robot, child.name());
        FxTesting.waitFor(() -> child.name()
                .equals(robot.lookup("#detailName").queryAs(Label.class).getText()));
        FxTesting.clickWhenShown(robot, "医疗");
        FxTesting.waitFor(() -> robot.lookup("#medicalTitle").tryQuery().isPresent());
        FxTesting.waitIdle(frame);
        TextField title = robot.lookup("#medicalTitle").queryAs(TextField.class);
        ScrollPane scroll = scrollOf(title);
        robot.interact(() -> scroll.setVvalue(0.15));
        double before = scroll.getVvalue();
        robot.clickOn(title).write("入院体检");
        FxTesting.click(robot, "#addMedicalRecord");
        FxTesting.waitFor(() -> robot.lookup("#medicalRecordTable")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 1);
        FxTesting.waitIdle(frame);
        WaitForAsyncUtils.waitForFxEvents();
        Node owner = title.getScene().getFocusOwner();
        ComboBox<?> kind = robot.lookup("#medicalKind").queryAs(ComboBox.class);
        assertTrue(owner == kind || isInside(owner, kind), "the focus is on " + owner);
        assertEquals(before, scroll.getVvalue(), 0.001, "the pane stays where it was");
    }

    private static ScrollPane scrollOf(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane s) {
                return s;
            }
        }
        throw new AssertionError("not in a scroll pane");
    }

    private static boolean isInside(Node n, Node up) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == up) {
                return true;
            }
        }
        return false;
    }
}
