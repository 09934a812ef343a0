package org.huyou.common.ui;

import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.huyou.common.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Nothing typed into a dialog is lost: the window's × asks as 取消 and Esc do, a refused override reason keeps the
 * dialog open with the reason, and a date that cannot be read stays as typed when Enter is pressed in it.
 */
@ExtendWith(ApplicationExtension.class)
class DialogInputKeptScreenTest {

    private final DialogService dialogs = new DialogService();
    private DateField date;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        date = InlineForms.date("someDate", "ledger.date", null);
        Button save = new Button("save");
        save.setId("rowSave");
        TextField other = new TextField();
        other.setId("other");
        stage.setScene(new Scene(
                new VBox(InlineForms.row(true, InlineForms.labelled("ledger.date", date), other, save)), 600, 400));
        stage.show();
        dialogs.setOwner(stage);
    }

    private static Window dialogWindow(Stage main) {
        waitFor(() -> Window.getWindows().stream().anyMatch(DialogInputKeptScreenTest::isDialog));
        return Window.getWindows().stream()
                .filter(DialogInputKeptScreenTest::isDialog)
                .findFirst()
                .orElseThrow();
    }

    private static boolean isDialog(Window w) {
        return w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane;
    }

    @Test
    void theWindowsCloseButtonAsksBeforeTypedTextIsLost(FxRobot robot) {
        AtomicReference<Dialog<ButtonType>> made = new AtomicReference<>();
        robot.interact(() -> {
            Dialog<ButtonType> d = dialogs.dialog();
            TextField name = new TextField();
            name.setId("dialogName");
            d.getDialogPane().setContent(new VBox(name));
            SaveButtons.addTo(d).onSave(() -> {});
            made.set(d);
            d.show();
        });
        Window w = dialogWindow(stage);
        waitFor(() -> robot.lookup("#dialogName").queryAs(TextField.class).isFocused());
        robot.clickOn("#dialogName").write("Xiao Ming");
        assertEquals(
                "Xiao Ming",
                robot.lookup("#dialogName").queryAs(TextField.class).getText());
        robot.interact(() -> w.fireEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor(() -> robot.lookup("#unsavedDialog").tryQuery().isPresent() || !w.isShowing());
        assertTrue(w.isShowing(), "not closed with text typed");
        waitFor(() -> robot.lookup("#unsavedDialog").tryQuery().isPresent());
        robot.clickOn("#unsavedCancel");
        waitFor(() -> robot.lookup("#unsavedDialog").tryQuery().isEmpty());
        assertTrue(w.isShowing(), "取消 keeps the dialog");
        assertEquals(
                "Xiao Ming",
                robot.lookup("#dialogName").queryAs(TextField.class).getText());

        robot.interact(() -> w.fireEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor(() -> robot.lookup("#unsavedDiscard").tryQuery().isPresent());
        robot.clickOn("#unsavedDiscard");
        waitFor(() -> !w.isShowing());
    }

    @Test
    void aDialogWithNothingTypedClosesOnItsCloseButtonWithoutAQuestion(FxRobot robot) {
        robot.interact(() -> {
            Dialog<ButtonType> d = dialogs.dialog();
            TextField name = new TextField();
            d.getDialogPane().setContent(new VBox(name));
            SaveButtons.addTo(d).onSave(() -> {});
            d.show();
        });
        Window w = dialogWindow(stage);
        robot.interact(() -> w.fireEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor(() -> !w.isShowing());
        assertTrue(robot.lookup("#unsavedDialog").tryQuery().isEmpty());
    }

    @Test
    void aRefusedOverrideReasonKeepsTheDialogOpenWithTheReasonMarked(FxRobot robot) {
        AtomicReference<Optional<String>> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(dialogs.askReason("t", "x", "理由", "仍然开具", 6)));
        waitFor(() -> robot.lookup("#reasonField").tryQuery().isPresent());
        robot.clickOn("#reasonField").write("aaaaaaaa");
        Button doIt = robot.lookup(n -> n instanceof Button b && "仍然开具".equals(b.getText()))
                .queryButton();
        robot.clickOn(doIt);
        waitFor(() ->
                !robot.lookup("#reasonProblem").queryAs(Label.class).getText().isEmpty());
        TextArea reason = robot.lookup("#reasonField").queryAs(TextArea.class);
        assertEquals("aaaaaaaa", reason.getText(), "the reason typed stays");
        assertTrue(reason.isFocused(), "the cursor is in the reason");
        assertTrue(reason.getPseudoClassStates().contains(FieldMarks.DANGER), "marked");
        assertTrue(
                robot.lookup("#reasonProblem").queryAs(Label.class).getText().contains("理由"),
                "the sentence names the reason");
        assertEquals(null, answer.get(), "still asking");
        org.huyou.testing.FxTesting.snapshot(reason.getScene().getRoot(), "override-reason-refused");

        robot.interact(() -> reason.setText(""));
        robot.clickOn("#reasonField").write("儿科会诊确认无关");
        robot.clickOn(doIt);
        waitFor(() -> answer.get() != null);
        assertEquals(Optional.of("儿科会诊确认无关"), answer.get());
    }

    @Test
    void anUnreadableDateStaysAsTypedWhenEnterIsPressedInIt(FxRobot robot) {
        robot.clickOn(date.getEditor()).write("2026-13-45").type(KeyCode.ENTER);
        waitFor(() -> date.unreadableText() != null);
        robot.interact(() -> {});
        assertEquals("2026-13-45", date.getEditor().getText(), "what was typed stays in the field");
        assertEquals(null, date.getValue());
        assertTrue(
                date.getTooltip() != null && date.getTooltip().getText().contains("2026-13-45"), "the field says why");
        assertTrue(Messages.t("date.unreadable", "x").contains("x"));
    }
}
