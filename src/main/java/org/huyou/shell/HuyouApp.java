package org.huyou.shell;

import java.nio.file.Path;
import java.time.Clock;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.huyou.app.DataDirs;
import org.huyou.app.DataFolder;
import org.huyou.app.Preferences;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.FxTaskRunner;

/**
 * The window opens at once on the set-up or login screen; the database opens (and migrates) in the background when
 * the password has unlocked its key.
 */
public final class HuyouApp extends Application {

    private AppFrame frame;
    private FxTaskRunner tasks;

    @Override
    public void start(Stage stage) {
        Path dataDir = GuiMain.dataDir() != null ? GuiMain.dataDir() : DataDirs.resolve(null);
        Preferences prefs = Preferences.load(dataDir);
        Messages.use(prefs.locale());
        Appearance.applyTheme(prefs);
        tasks = new FxTaskRunner();
        DialogService dialogs = new DialogService();
        // A folder that is a file, or that this account may not read or write: one sentence naming it, then the end
        // (the command line refuses it the same way), never a stack trace or a window that fails later.
        try {
            DataFolder.check(dataDir, DataFolder.Need.HOME_OR_NEW);
        } catch (UserFacingException refused) {
            dialogs.showError(refused.userMessage());
            Platform.exit();
            return;
        }
        dialogs.setOwner(stage);
        Scene scene = new Scene(new Pane(), FirstWindowSize.WIDTH, FirstWindowSize.HEIGHT);
        stage.setScene(scene);
        frame = new AppFrame(stage, dataDir, prefs, tasks, dialogs, Clock.systemDefaultZone());
        scene.setRoot(frame);
        Appearance.apply(prefs, scene);
        stage.setTitle(Messages.t("app.title"));
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        FirstWindowSize.apply(stage, Screen.getPrimary().getVisualBounds());
        // Closing the window with unsaved input asks 保存 / 放弃修改 / 取消 first.
        stage.setOnCloseRequest(e -> {
            e.consume();
            frame.closeWindow(stage::close);
        });
        stage.show();
        StartupWarmUp.afterFirstLayout(scene, prefs);
    }

    @Override
    public void stop() {
        if (frame != null) {
            frame.shutDown();
        }
        if (tasks != null) {
            tasks.close();
        }
    }
}
