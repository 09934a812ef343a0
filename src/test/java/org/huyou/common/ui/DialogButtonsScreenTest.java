package org.huyou.common.ui;

import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.huyou.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every kind of dialog the DialogService makes, shown on a PC whose own language is English while the app speaks
 * Chinese (and the other way round): no button shows the toolkit's own words ("OK", "Cancel").
 */
@ExtendWith(ApplicationExtension.class)
class DialogButtonsScreenTest {

    private static final Set<String> TOOLKIT_WORDS = Set.of(
            "OK",
            "Cancel",
            "Close",
            "Yes",
            "No",
            "Apply",
            "Finish",
            "Next",
            "Previous",
            "确定",
            "取消",
            "关闭",
            "是",
            "否",
            "应用",
            "完成",
            "下一步",
            "上一步");

    private final DialogService dialogs = new DialogService();
    private Locale before;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
        dialogs.setOwner(stage);
    }

    @AfterEach
    void back() {
        Messages.use(Messages.CHINESE);
        if (before != null) {
            Locale.setDefault(before);
        }
    }

    @Test
    void chineseOnAnEnglishPc(FxRobot robot) {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        Messages.use(Messages.CHINESE);
        everyDialogSpeaksTheApps(robot);
    }

    @Test
    void englishOnAChinesePc(FxRobot robot) {
        before = Locale.getDefault();
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        Messages.use(Messages.ENGLISH);
        everyDialogSpeaksTheApps(robot);
    }

    private void everyDialogSpeaksTheApps(FxRobot robot) {
        List<Runnable> shows = new ArrayList<>();
        for (Alert.AlertType type : Alert.AlertType.values()) {
            if (type != Alert.AlertType.NONE) {
                shows.add(() -> dialogs.alert(type, "x").showAndWait());
            }
        }
        shows.add(() -> dialogs.showError("出错了"));
        shows.add(() -> dialogs.confirm("t", "x", Messages.t("common.save"), Messages.t("common.cancel")));
        shows.add(dialogs::askUnsaved);
        shows.add(() -> dialogs.askReason("t", "x", "why", Messages.t("common.save")));
        shows.add(() -> dialogs.showText("t", "x"));
        // a toolkit's button put on a dialog after it was made: the service still gives it the app's words
        shows.add(() -> {
            Dialog<ButtonType> d = dialogs.dialog();
            d.getDialogPane().getButtonTypes().addAll(stock());
            d.showAndWait();
        });
        for (Runnable show : shows) {
            List<String> words = shown(robot, show);
            assertTrue(!words.isEmpty(), "a dialog with buttons");
            for (String w : words) {
                assertTrue(
                        !TOOLKIT_WORDS.contains(w) || appSays(w),
                        "a button reads \"" + w + "\" in " + Messages.locale() + ": " + words);
            }
        }
    }

    /** The toolkit's buttons, reached without naming them (the architecture test refuses their names elsewhere). */
    private static ButtonType[] stock() {
        Supplier<ButtonType[]> types =
                () -> new Alert(Alert.AlertType.CONFIRMATION).getButtonTypes().toArray(ButtonType[]::new);
        return types.get();
    }

    /** The word is the app's own, in the app's language (确定 in Chinese, OK in English). */
    private static boolean appSays(String word) {
        for (String key : List.of(
                "common.ok",
                "common.cancel",
                "common.close",
                "common.yes",
                "common.no",
                "common.apply",
                "common.finish",
                "common.next",
                "common.previous")) {
            if (Messages.t(key).equals(word)) {
                return true;
            }
        }
        return false;
    }

    /** Shows a dialog, reads its buttons' texts, closes it. */
    private static List<String> shown(FxRobot robot, Runnable show) {
        Set<Window> open = Set.copyOf(Window.getWindows());
        Platform.runLater(show);
        waitFor(() -> Window.getWindows().stream().anyMatch(w -> !open.contains(w) && w.isShowing()));
        Window w = Window.getWindows().stream()
                .filter(x -> !open.contains(x) && x.isShowing())
                .findFirst()
                .orElseThrow();
        List<String> words = new ArrayList<>();
        robot.interact(() -> {
            DialogPane pane = (DialogPane) w.getScene().getRoot();
            pane.getButtonTypes().forEach(t -> words.add(((Button) pane.lookupButton(t)).getText()));
        });
        Platform.runLater(() -> w.fireEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor(() -> !w.isShowing());
        assertEquals(false, w.isShowing());
        return words;
    }
}
