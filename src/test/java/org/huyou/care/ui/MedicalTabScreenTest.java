package org.huyou.care.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.care.medical.TomorrowPlanApplication;
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
class MedicalTabScreenTest {

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
            // 明天计划 has an approved application to show (the list's columns are measured with it)
            ctx.login().logout();
            ctx.login().login("nurse", TestHome.PASSWORD.toCharArray());
            TomorrowPlanApplication a =
                    ctx.medicalRecords().applyToTomorrowPlan(child.id(), "先天性心脏病（房间隔缺损）", TestHome.TODAY.minusDays(20));
            ctx.medicalRecords()
                    .recordTomorrowPlanApproval(
                            a.id(),
                            a.version(),
                            TestHome.TODAY.minusDays(2),
                            "滨州医学院附属医院",
                            TestHome.TODAY.plusDays(10),
                            new BigDecimal("123456.78"));
        }
        frame = FxTesting.showStyledFrame(stage, home, 1366, 768);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    @Test
    void afterASaveTheCursorStaysOnTheSavedFormsFirstFieldAndThePaneDoesNotScroll(FxRobot robot) {
        openMedicalTab(robot);
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

    /**
     * At 1366×768 the 明天计划 list shows every column, the operation date and the amount too, without a sideways
     * scroll bar, and no header cut (资助金额（元） was shown as "资助金…", behind a scroll bar).
     */
    @Test
    void theTomorrowPlanListFitsAt1366x768WithItsHeadersWhole(FxRobot robot) {
        openMedicalTab(robot);
        FxTesting.waitFor(() -> robot.lookup("#tomorrowPlanTable")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 1);
        FxTesting.waitIdle(frame);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#tomorrowPlanTable").queryAs(TableView.class);
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            for (Node n : table.lookupAll(".scroll-bar")) {
                if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible()) {
                    problems.add("a sideways scroll bar: the table " + table.getWidth() + " wide, its columns "
                            + table.getColumns().stream()
                                    .map(c -> c.getText() + " " + c.getWidth() + " (min " + c.getMinWidth() + ")")
                                    .toList());
                }
            }
            for (Node n : table.lookupAll(".column-header .label")) {
                if (n instanceof Label l && l.getText() != null) {
                    l.getChildrenUnmodifiable().stream()
                            .filter(c -> c instanceof Text t && !t.getText().equals(l.getText()))
                            .forEach(c -> problems.add("header " + l.getText() + " shown as " + ((Text) c).getText()));
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    private void openMedicalTab(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "nurse", "#navResidents");
        FxTesting.clickText(robot, child.name());
        FxTesting.waitFor(() -> child.name()
                .equals(robot.lookup("#detailName").queryAs(Label.class).getText()));
        FxTesting.clickWhenShown(robot, "医疗");
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
