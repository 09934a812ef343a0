package org.huyou.common.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.huyou.app.Preferences;
import org.huyou.shell.Appearance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A table filled as the app's screens fill theirs (columns of {@link Columns} with their own widths, an empty list
 * whose rows arrive later from a task, the app's theme, stylesheet and font size): every cell shows its whole text.
 */
@ExtendWith(ApplicationExtension.class)
class FittedTableSkinTest {

    record Row(String recordNo, String age, String category, String id) {}

    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterAll
    static void backToModena() {
        Platform.runLater(() -> Application.setUserAgentStylesheet(null));
    }

    @Test
    void cellsOfRowsThatArriveLaterAreNotCut(FxRobot robot) {
        for (Preferences.FontSize size : List.of(Preferences.FontSize.NORMAL, Preferences.FontSize.LARGER)) {
            ObservableList<Row> rows = FXCollections.observableArrayList();
            TableView<Row> table = new TableView<>(rows);
            robot.interact(() -> {
                table.getColumns().add(Columns.text("residents.col.recordNo", Row::recordNo, 40));
                table.getColumns().add(Columns.text("residents.col.age", Row::age, 30));
                table.getColumns().add(Columns.text("residents.col.category", Row::category, 50));
                table.getColumns().add(Columns.text("residents.col.idNumber", Row::id, 60));
                Preferences prefs = Preferences.load(java.nio.file.Path.of("target", "fitted-table-prefs"));
                prefs.setFontSize(size);
                // styled before the table joins it, as the app's window is (FxTesting.showStyledFrame)
                stage.setScene(
                        new Scene(new StackPane(), 360, 400)); // narrower than the columns: they keep their widths
                Appearance.apply(prefs, stage.getScene());
                stage.getScene().setRoot(new StackPane(table));
                Appearance.apply(prefs, stage.getScene());
                stage.show();
            });
            WaitForAsyncUtils.waitForFxEvents();
            // the rows come from a background task, after the table is shown
            robot.interact(() -> rows.setAll(
                    new Row("2007-0001", "19岁0个月", "弃婴", "37160220071103****"),
                    new Row("2010-0012", "16岁11个月", "事实无人抚养儿童", "37160220100512****"),
                    new Row("2012-0105", "18岁3个月", "重病重残儿童", "37160220120101****")));
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitForFxEvents();
            List<String> cut = new ArrayList<>();
            robot.interact(() -> {
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                cut(table, cut);
            });
            assertTrue(cut.isEmpty(), size + ": cut cells " + cut);
            int[] shown = new int[1];
            robot.interact(() -> shown[0] = countCells(table));
            assertEquals(12, shown[0], "the cells of the three rows");
        }
    }

    /**
     * Rows replaced by others (a save reloads them) whose cells are shorter, or empty: no column narrows under the
     * user's eyes (the shift log's 睡眠 shrank to its header after every save); longer cells still widen it.
     */
    @Test
    void columnsNeverNarrowWhenTheRowsAreReloaded(FxRobot robot) {
        ObservableList<Row> rows = FXCollections.observableArrayList();
        TableView<Row> table = new TableView<>(rows);
        robot.interact(() -> {
            table.getColumns().add(Columns.text("residents.col.recordNo", Row::recordNo, 40));
            table.getColumns().add(Columns.text("residents.col.category", Row::category, 40));
            table.setSkin(new FittedTableSkin<>(table));
            stage.setScene(new Scene(new StackPane(table), 900, 300));
            stage.show();
            rows.setAll(new Row("2010-0012", "", "事实无人抚养儿童", ""));
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        double[] wide = new double[1];
        robot.interact(() -> wide[0] = table.getColumns().get(1).getPrefWidth());
        robot.interact(() -> rows.setAll(new Row("2010-0012", "", "", "")));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        double[] after = new double[1];
        robot.interact(() -> after[0] = table.getColumns().get(1).getPrefWidth());
        assertEquals(wide[0], after[0], "the column keeps its width after the reload");
        robot.interact(() -> rows.setAll(new Row("2010-0012", "", "事实无人抚养儿童（长期在院，另有监护安排）", "")));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> after[0] = table.getColumns().get(1).getPrefWidth());
        assertTrue(after[0] > wide[0], "a longer cell widens it");
    }

    /** A wrapped column in a narrow table wraps between words, never inside one ("Administrato" over "r"). */
    @Test
    void aWrappedColumnIsNeverNarrowerThanItsLongestWord(FxRobot robot) {
        ObservableList<Row> rows = FXCollections.observableArrayList();
        TableView<Row> table = new TableView<>(rows);
        robot.interact(() -> {
            table.getColumns().add(Columns.text("residents.col.recordNo", Row::recordNo, 40));
            table.getColumns().add(Columns.wrapped("residents.col.category", Row::category, 20));
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            table.setSkin(new FittedTableSkin<>(table));
            stage.setScene(new Scene(new StackPane(table), 150, 300));
            stage.show();
            rows.setAll(new Row("2010-0012", "", "Administrator\nRehabilitation therapist", ""));
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        double[] widths = new double[2];
        robot.interact(() -> {
            Text measured = new Text("Rehabilitation");
            widths[0] = measured.getLayoutBounds().getWidth();
            widths[1] = table.getColumns().get(1).getWidth();
        });
        assertTrue(widths[1] - 16 >= widths[0], "column " + widths[1] + " for a word of " + widths[0]);
    }

    private static void cut(Node node, List<String> cut) {
        if (node instanceof TableCell<?, ?> cell
                && cell.getText() != null
                && !cell.getText().isEmpty()
                && cell.isVisible()) {
            Text text = (Text) cell.getChildrenUnmodifiable().stream()
                    .filter(n -> n.getClass().getSimpleName().equals("LabeledText"))
                    .findFirst()
                    .orElse(null);
            if (text != null && !text.getText().equals(cell.getText())) {
                cut.add(text.getText() + " of " + cell.getText() + " (column "
                        + cell.getTableColumn().getWidth() + ")");
            }
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> cut(c, cut));
        }
    }

    private static int countCells(Node node) {
        int n = node instanceof TableCell<?, ?> c
                        && c.isVisible()
                        && c.getText() != null
                        && !c.getText().isEmpty()
                ? 1
                : 0;
        if (node instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                n += countCells(c);
            }
        }
        return n;
    }

    /**
     * The table is re-skinned after it was shown (as when a stylesheet naming the skin arrives late): changes to it
     * afterwards (rows, columns, width) reach only the skin it has now, never the disposed one.
     */
    @Test
    void aTableReskinnedByALateStylesheetKeepsWorking(FxRobot robot) throws Exception {
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        ObservableList<Row> rows = FXCollections.observableArrayList();
        TableView<Row> table = new TableView<>(rows);
        Thread.UncaughtExceptionHandler[] before = new Thread.UncaughtExceptionHandler[1];
        robot.interact(() -> {
            before[0] = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> failures.add(e));
            table.getColumns().add(Columns.text("residents.col.recordNo", Row::recordNo, 40));
            table.setSkin(new FittedTableSkin<>(table));
            stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(table), 500, 300));
            stage.show();
            rows.add(new Row("FL-2024-0001", "12岁3个月", "孤儿", "3716"));
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Skin<?> first = table.getSkin();
        try {
            // What a stylesheet naming the skin does when it arrives late: a new skin replaces the first one.
            robot.interact(() -> table.setSkin(new FittedTableSkin<>(table)));
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                table.applyCss();
                stage.setWidth(700);
                rows.add(new Row("FL-2024-0002-长一些的档案号", "3岁", "弃婴", "3717"));
                table.getColumns().add(Columns.text("residents.col.age", Row::age, 30));
                table.setItems(FXCollections.observableArrayList(rows));
            });
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        } finally {
            robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(before[0]));
        }
        assertTrue(table.getSkin() != first && table.getSkin() instanceof FittedTableSkin, "re-skinned");
        assertTrue(failures.isEmpty(), () -> "failed on the JavaFX thread: " + failures);
        assertTrue(table.getColumns().get(0).getWidth() > 40, "the new skin fits the columns");
    }
}
