package org.huyou.testing;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.huyou.app.Preferences;
import org.huyou.common.Messages;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.FxTaskRunner;
import org.huyou.shell.AppFrame;
import org.testfx.util.WaitForAsyncUtils;

/** The real window for TestFX tests: the app's frame on a data folder, in Chinese, and a wait for conditions. */
public final class FxTesting {

    private FxTesting() {
    }

    /** Shows the app's frame (set-up or login screen, as on a real start) on {@code home}. */
    public static AppFrame showFrame(Stage stage, Path home, FxTaskRunner tasks) {
        Messages.use(Messages.CHINESE);
        DialogService dialogs = new DialogService();
        dialogs.setOwner(stage);
        stage.setScene(new Scene(new javafx.scene.layout.Pane(), 1280, 800));
        AppFrame frame = new AppFrame(stage, home, Preferences.load(home), tasks, dialogs, TestHome.CLOCK);
        stage.getScene().setRoot(frame);
        stage.show();
        return frame;
    }

    /** Waits (at most 20 s) for a condition checked on the FX thread's terms; fails the test otherwise. */
    public static void waitFor(Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.get();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 20 s", e);
        }
    }
}
