package org.huyou.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.huyou.app.Preferences;
import org.huyou.common.ui.TableRows;
import org.huyou.testing.FxTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A table sized to its rows shows every row whole in the app's theme at each font size: it counted the toolkit's
 * 34-pixel header where the theme lays out 40, so the last row was cut and a scroll bar appeared beside three rows.
 */
@ExtendWith(ApplicationExtension.class)
class TablesFitTheirRowsTest {

    @TempDir
    Path dir;

    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void everyRowIsWholeWithoutAScrollBarAtEveryFontSize(FxRobot robot) {
        for (Preferences.FontSize size : Preferences.FontSize.values()) {
            TableView<String> table = new TableView<>();
            robot.interact(() -> {
                TableColumn<String, String> c = new TableColumn<>("名称");
                c.setCellValueFactory(cd -> new javafx.beans.property.SimpleStringProperty(cd.getValue()));
                table.getColumns().add(c);
                table.getItems().setAll("一", "二", "三");
                TableRows.fitToRows(table, 1);
                Preferences prefs = Preferences.load(dir);
                prefs.setFontSize(size);
                Scene scene = new Scene(new VBox(table), 600, 500);
                Appearance.apply(prefs, scene);
                stage.setScene(scene);
                stage.show();
            });
            FxTesting.waitFor(() -> table.lookup(".column-header-background") != null && table.getHeight() > 0);
            robot.interact(() -> {});
            assertFalse(
                    table.lookupAll(".scroll-bar").stream()
                            .anyMatch(n -> n instanceof ScrollBar b
                                    && b.getOrientation() == Orientation.VERTICAL
                                    && b.isVisible()),
                    size + ": a scroll bar beside three rows, the table " + table.getHeight() + " high");
            double header =
                    table.lookup(".column-header-background").getBoundsInLocal().getHeight();
            assertEquals(
                    3,
                    (int) Math.floor((table.getHeight() - header) / table.getFixedCellSize()),
                    size + ": rows with room under the header");
        }
    }
}
