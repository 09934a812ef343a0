package org.huyou.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.huyou.app.Preferences;
import org.huyou.common.Messages;
import org.huyou.common.ui.FittedTableSkin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The warm-up run while a login is typed (issue 31) goes the way the register's first screen goes (the app's table
 * skin, columns fitted to their rows) and leaves nothing behind: no window opened, in either language.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenWarmUpTest {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 400, 300));
        stage.show();
    }

    @Test
    void theRegistersTableIsStyledAndFittedOffscreenAndNoWindowIsLeft(FxRobot robot) throws Exception {
        for (var locale : List.of(Messages.CHINESE, Messages.ENGLISH)) {
            Messages.use(locale);
            List<Window> before = robot.listWindows();
            CompletableFuture<TableView<?>> left = new CompletableFuture<>();
            // as the app starts: the theme (whose colours the app's stylesheet looks up) before the login screen
            robot.interact(() -> {
                Appearance.applyTheme(Preferences.load(dir));
                ScreenWarmUp.begin(Preferences.load(dir), left::complete);
            });
            TableView<?> table = left.get(30, TimeUnit.SECONDS);
            assertInstanceOf(FittedTableSkin.class, table.getSkin(), "the app's stylesheet gave the table its skin");
            assertEquals(50, table.getItems().size());
            TableColumn<?, ?> idNumbers = table.getColumns().get(8);
            assertTrue(idNumbers.getWidth() > 80, "fitted to its rows: " + idNumbers.getWidth());
            robot.interact(() -> {});
            assertEquals(before, robot.listWindows(), "nothing shown");
        }
        Messages.use(Messages.CHINESE);
    }
}
