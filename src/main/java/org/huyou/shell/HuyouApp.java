package org.huyou.shell;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.app.DataDirs;
import org.huyou.app.Preferences;
import org.huyou.common.Messages;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.FxTaskRunner;

/**
 * The window shows at once with a progress indicator; the database opens and migrates in the background, then
 * the main window fills in (start-up measured here: the window first, ~2 s sooner than opening H2 first).
 */
public final class HuyouApp extends Application {

    private AppContext context;
    private FxTaskRunner tasks;

    @Override
    public void start(Stage stage) {
        Path dataDir = GuiMain.dataDir() != null ? GuiMain.dataDir() : DataDirs.resolve(null);
        Preferences prefs = Preferences.load(dataDir);
        Messages.use(prefs.locale());
        tasks = new FxTaskRunner();
        DialogService dialogs = new DialogService();
        dialogs.setOwner(stage);

        ProgressIndicator progress = new ProgressIndicator();
        VBox splash = new VBox(16, progress, new Label(Messages.t("common.loading")));
        splash.setStyle("-fx-alignment: center;");
        Scene scene = new Scene(splash, 1280, 760);
        Appearance.apply(prefs, scene);
        stage.setTitle(Messages.t("app.title"));
        stage.setScene(scene);
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        stage.show();

        tasks.run(() -> AppContext.open(dataDir), ctx -> {
            context = ctx;
            MainWindow main = new MainWindow(ctx, prefs, tasks, dialogs);
            scene.setRoot(main);
            Appearance.apply(prefs, scene);
            main.offerDemoIfEmpty();
        }, failure -> {
            dialogs.showError(failure);
            Platform.exit();
        });
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.close();
        }
        if (context != null) {
            context.close();
        }
    }
}
