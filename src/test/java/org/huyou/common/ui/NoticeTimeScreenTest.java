package org.huyou.common.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.huyou.testing.FxTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A notice stays long enough to read it (it went after 2.5 to 4 s, before a longer sentence was read): at least six
 * seconds, longer for a longer text, and not while the mouse is over it.
 */
@ExtendWith(ApplicationExtension.class)
class NoticeTimeScreenTest {

    Stage stage;
    Label elsewhere;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        elsewhere = new Label("窗口");
        stage.setScene(new Scene(new StackPane(elsewhere), 900, 600));
        stage.show();
    }

    @Test
    void theTimeGrowsWithTheText() {
        assertEquals(DialogService.MIN_NOTICE_SECONDS, DialogService.shownFor("已保存", 0));
        String sentence = "已给药：周小宝 阿莫西林 250 mg 08:00，如记录有误，请在两分钟内点击撤销，或在医疗页作废这条记录并写明原因。";
        assertTrue(DialogService.shownFor(sentence, 0) > DialogService.MIN_NOTICE_SECONDS + 4, "a long sentence");
        assertTrue(
                DialogService.shownFor("Saved the receipt of donation 2026-0042 to the folder you chose.", 0)
                        < DialogService.shownFor(sentence, 0),
                "letters are read faster than characters");
        assertEquals(DialogService.MAX_READING_SECONDS, DialogService.shownFor(sentence.repeat(10), 0));
        assertEquals(120, DialogService.shownFor(sentence, 120), "a notice with 撤销 keeps its own time");
    }

    @Test
    void aNoticeStaysWhileTheMouseIsOverIt(FxRobot robot) throws Exception {
        DialogService dialogs = new DialogService();
        String text = "已保存：周小宝的入院登记表（2 页），已加入材料清单。";
        robot.interact(() -> {
            dialogs.setOwner(stage);
            dialogs.notifySuccess(text);
        });
        FxTesting.waitFor(() -> timer() != null);
        PauseTransition timer = timer();
        assertTrue(timer.getDuration().toSeconds() >= DialogService.MIN_NOTICE_SECONDS, timer.getDuration() + "");
        assertEquals(Animation.Status.RUNNING, timer.getStatus());

        Node notice = robot.lookup(n -> "noticeText".equals(n.getId())).query();
        robot.moveTo(notice);
        FxTesting.waitFor(() -> timer.getStatus() == Animation.Status.STOPPED);
        robot.moveTo(elsewhere);
        FxTesting.waitFor(() -> timer.getStatus() == Animation.Status.RUNNING);
        assertEquals(DialogService.AFTER_HOVER_SECONDS, timer.getDuration().toSeconds());
        robot.interact(() -> timer.jumpTo(timer.getDuration()));
        FxTesting.waitFor(() -> robot.lookup(".notification-bar").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * A notice shown while a dialog is open leaves the dialog's buttons free: at the window's corner it lay over
     * 关闭 after an import, and since it stays while the mouse is over it, the button could not be pressed.
     */
    @Test
    void aNoticeLeavesAnOpenDialogsButtonsFree(FxRobot robot) throws Exception {
        DialogService dialogs = new DialogService();
        Dialog<Void> dialog =
                WaitForAsyncUtils.asyncFx(() -> new Dialog<Void>()).get(5, TimeUnit.SECONDS);
        robot.interact(() -> {
            dialogs.setOwner(stage);
            dialog.initOwner(stage);
            dialog.getDialogPane().setContent(new Label("导入捐赠人名册"));
            dialog.getDialogPane().setPrefSize(860, 560);
            dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CLOSE);
            dialog.show();
            dialogs.notifySuccess("已导入 2 位捐赠人。");
        });
        FxTesting.waitFor(() -> timer() != null);
        Node notice = robot.lookup(n -> "noticeText".equals(n.getId())).query();
        Bounds noticeOnScreen = WaitForAsyncUtils.asyncFx(() -> notice.getScene()
                        .getRoot()
                        .localToScreen(notice.getScene().getRoot().getLayoutBounds()))
                .get(5, TimeUnit.SECONDS);
        for (ButtonType type : List.of(ButtonType.OK, ButtonType.CLOSE)) {
            Node button = dialog.getDialogPane().lookupButton(type);
            Bounds buttonOnScreen = WaitForAsyncUtils.asyncFx(() -> button.localToScreen(button.getLayoutBounds()))
                    .get(5, TimeUnit.SECONDS);
            assertFalse(noticeOnScreen.intersects(buttonOnScreen), type + " under the notice: " + noticeOnScreen);
        }
        robot.clickOn(dialog.getDialogPane().lookupButton(ButtonType.CLOSE));
        FxTesting.waitFor(() -> !dialog.isShowing());
        robot.interact(() -> timer().jumpTo(timer().getDuration()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static PauseTransition timer() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).stream()
                            .filter(w -> w instanceof PopupWindow && w.isShowing())
                            .map(w -> (PauseTransition) w.getProperties().get(DialogService.NOTICE_TIMER))
                            .filter(t -> t != null)
                            .findFirst()
                            .orElse(null))
                    .get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
