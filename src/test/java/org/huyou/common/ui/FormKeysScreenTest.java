package org.huyou.common.ui;

import static org.huyou.testing.FxTesting.click;
import static org.huyou.testing.FxTesting.rows;
import static org.huyou.testing.FxTesting.waitFor;
import static org.huyou.testing.FxTesting.waitOrFailOnDialog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.huyou.app.AppContext;
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
 * The forms' keyboard (FormKeys) on two real forms, the open day's booking form inside its screen and the resident
 * form in a dialog; and a dialog modal to the main window and centred on it.
 */
@ExtendWith(ApplicationExtension.class)
class FormKeysScreenTest {

    @TempDir
    static Path dir;

    AppFrame frame;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            ctx.accounts().create("qt", "刘前台", TestHome.PASSWORD, EnumSet.of(Role.FRONT_DESK));
        }
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    /** The id of the focused field (or of the nearest parent with one: a date picker's editor). */
    private static String focused(javafx.scene.Scene scene) {
        Node owner = scene.getFocusOwner();
        for (Node n = owner; n != null; n = n.getParent()) {
            if (n.getId() != null) {
                return n.getId();
            }
        }
        return null;
    }

    @Test
    void theBookingFormGoesOnWithEnterAndSavesFromTheLastFieldOrWithCtrlS(FxRobot robot) {
        javafx.scene.Scene main = stage.getScene();
        FxTesting.logInAndOpen(robot, "qt", "#navOpenDay");
        waitFor(() -> robot.lookup("#sessionChoice").queryComboBox().getValue() != null);
        click(robot, "#bookingOrganisation").write("滨城区实验小学");
        robot.type(KeyCode.TAB);
        assertEquals("bookingContact", focused(main), "Tab follows the layout");
        robot.write("李老师").type(KeyCode.ENTER);
        assertEquals("bookingPhone", focused(main), "Enter goes on to the next field");
        robot.write("13800000001").type(KeyCode.ENTER);
        assertEquals("bookingCount", focused(main));
        robot.write("3").type(KeyCode.ENTER); // the last field: saves
        waitOrFailOnDialog(robot, () -> rows(robot, "#bookingTable") == 1);

        click(robot, "#bookingOrganisation").write("滨城区第二小学");
        click(robot, "#bookingContact").write("王老师");
        click(robot, "#bookingPhone").write("13800000002");
        click(robot, "#bookingCount").write("2");
        click(robot, "#bookingOrganisation");
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL); // from any field
        waitOrFailOnDialog(robot, () -> rows(robot, "#bookingTable") == 2);
    }

    @Test
    void theResidentDialogIsModalCentredAndWorksFromTheKeyboard(FxRobot robot) {
        FxTesting.logInAndOpen(robot, TestHome.ADMIN, "#navResidents");
        click(robot, "#newResident");
        waitFor(() -> robot.lookup("#residentEditor").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#residentEditor").queryAs(DialogPane.class);
        Window dialog = pane.getScene().getWindow();
        assertSame(stage, ((Stage) dialog).getOwner(), "owned by the main window");
        assertEquals(Modality.WINDOW_MODAL, ((Stage) dialog).getModality());
        waitFor(() -> Math.abs(dialog.getX() + dialog.getWidth() / 2 - (stage.getX() + stage.getWidth() / 2)) < 2
                || dialog.getWidth() >= stage.getWidth() && dialog.getX() == stage.getX());
        assertTrue(
                Math.abs(dialog.getY() + dialog.getHeight() / 2 - (stage.getY() + stage.getHeight() / 2)) < 2
                        || dialog.getY() == stage.getY(),
                "centred on the main window (or at its top when taller)");

        // The fields in Tab's order run down the form as it is laid out.
        List<Control> fields = org.testfx.util.WaitForAsyncUtils.waitForAsyncFx(5000, () -> FormKeys.fields(pane));
        double lastY = -1;
        for (Control f : fields) {
            Bounds b = f.localToScene(f.getBoundsInLocal());
            assertTrue(b.getMinY() >= lastY - 1, f.getId() + " comes after a field below it");
            lastY = b.getMinY();
        }
        waitFor(() -> "name".equals(focused(pane.getScene())));
        robot.type(KeyCode.TAB);
        assertEquals("formerName", focused(pane.getScene()), "Tab follows the layout");
        robot.write("小军").type(KeyCode.ENTER);
        assertEquals(
                fields.get(fields.indexOf(robot.lookup("#formerName").queryAs(Control.class)) + 1)
                        .getId(),
                focused(pane.getScene()),
                "Enter goes on to the next field, the dialog stays");
        assertTrue(pane.getScene().getWindow().isShowing());

        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL); // saves: the name is missing
        waitFor(() -> "name".equals(focused(pane.getScene())));
        assertTrue(pane.getScene().getWindow().isShowing(), "an invalid form stays open at its first problem");

        robot.interact(() -> robot.lookup("#formerName")
                .queryAs(javafx.scene.control.TextField.class)
                .clear());
        robot.type(KeyCode.ESCAPE); // Esc cancels: asked first if something typed is left
        waitFor(() -> robot.lookup("#residentEditor").tryQuery().isEmpty()
                || robot.lookup("#unsavedDiscard").tryQuery().isPresent());
        robot.lookup("#unsavedDiscard").tryQuery().ifPresent(robot::clickOn);
        waitFor(() -> robot.lookup("#residentEditor").tryQuery().isEmpty());
    }

    @Test
    void theResidentDialogsCloseButtonAsksBeforeTheTypedNameIsLost(FxRobot robot) {
        FxTesting.logInAndOpen(robot, TestHome.ADMIN, "#navResidents");
        click(robot, "#newResident");
        waitFor(() -> robot.lookup("#residentEditor").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#residentEditor").queryAs(DialogPane.class);
        Window dialog = pane.getScene().getWindow();
        waitFor(() -> "name".equals(focused(pane.getScene())));
        robot.clickOn("#name").write("Zhou");
        assertEquals(
                "Zhou",
                robot.lookup("#name")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getText());
        // the window's ×: a close request of the window itself, not of the dialog
        robot.interact(() ->
                dialog.fireEvent(new javafx.stage.WindowEvent(dialog, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor(() -> robot.lookup("#unsavedDialog").tryQuery().isPresent());
        assertTrue(dialog.isShowing(), "asked, not closed");
        robot.clickOn("#unsavedCancel");
        waitFor(() -> robot.lookup("#unsavedDialog").tryQuery().isEmpty());
        assertTrue(dialog.isShowing(), "取消 keeps the form");
        assertEquals(
                "Zhou",
                robot.lookup("#name")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getText());
        robot.interact(() ->
                dialog.fireEvent(new javafx.stage.WindowEvent(dialog, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor(() -> robot.lookup("#unsavedDiscard").tryQuery().isPresent());
        robot.clickOn("#unsavedDiscard");
        waitFor(() -> !dialog.isShowing());
    }

    @Test
    void anUnreadableBirthDateIsNamedAsSuchBesideTheField(FxRobot robot) {
        FxTesting.logInAndOpen(robot, TestHome.ADMIN, "#navResidents");
        click(robot, "#newResident");
        waitFor(() -> robot.lookup("#residentEditor").tryQuery().isPresent());
        robot.clickOn("#birthDateText").write("2026-13-45").type(KeyCode.TAB);
        waitFor(() -> robot.lookup(n -> n instanceof javafx.scene.control.Label l
                        && l.getText() != null
                        && l.getText().contains("2026-13-45"))
                .tryQuery()
                .isPresent());
        assertTrue(
                robot.lookup(n -> n instanceof javafx.scene.control.Label l
                                && l.getText() != null
                                && l.getText().startsWith("出生日期：“2026-13-45”不是有效日期"))
                        .tryQuery()
                        .isPresent(),
                "the hint beside the field says it cannot be read");
    }
}
