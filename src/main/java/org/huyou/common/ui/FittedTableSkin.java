package org.huyou.common.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;
import javafx.util.Callback;
import org.huyou.common.Messages;

/**
 * Every table's skin (huyou.css sets it for {@code .table-view}): each column as wide as its header and its widest
 * cell, in either language and at any font size, so no header or cell is shown cut ("Ge…"). When the columns are
 * narrower than the table together, the last one takes the rest; when wider, the table scrolls sideways. A table
 * left without a placeholder says, translated, that it has no rows (never the toolkit's "No content in table").
 */
public class FittedTableSkin<T> extends TableViewSkin<T> {

    /** Rows measured at most: a long list's widest value is very likely among them, and measuring is not free. */
    private static final int MEASURED_ROWS = 500;
    /** Room for the sort arrow a header shows once sorted, so sorting never cuts the header. */
    private static final double SORT_ARROW = 18;

    private boolean fitPending;
    private double fittedWidth;
    /**
     * Each column's width once it showed rows: a refit (a save reloads the rows) widens a column, never narrows it.
     * A column of the shift log that a saved row leaves empty shrank under the user's eyes after every save.
     */
    private final Map<TableColumn<T, ?>, Double> shown = new WeakHashMap<>();

    /*
     * The listeners this skin puts on its table, taken off again in dispose(): a table re-skinned (its stylesheet
     * arriving after it was shown) kept calling the old skin, whose table is gone (a NullPointerException).
     */
    private final ListChangeListener<Object> rowsChanged = c -> requestFit();
    private final ChangeListener<ObservableList<T>> itemsChanged;
    private final ListChangeListener<TableColumn<T, ?>> columnsChanged = c -> requestFit();
    private final InvalidationListener sceneChanged = o -> requestFit();
    private final InvalidationListener widthChanged = o -> choosePolicy();

    public FittedTableSkin(TableView<T> table) {
        super(table);
        if (table.getPlaceholder() == null) {
            table.setPlaceholder(new Label(Messages.t("table.noRows")));
        }
        if (table.getItems() != null) {
            table.getItems().addListener(rowsChanged);
        }
        itemsChanged = (obs, old, now) -> {
            if (old != null) {
                old.removeListener(rowsChanged);
            }
            if (now != null) {
                now.addListener(rowsChanged);
            }
            requestFit();
        };
        table.itemsProperty().addListener(itemsChanged);
        table.getColumns().addListener(columnsChanged);
        table.sceneProperty().addListener(sceneChanged);
        table.widthProperty().addListener(widthChanged);
        requestFit();
    }

    @Override
    public void dispose() {
        TableView<T> table = getSkinnable();
        if (table != null) {
            if (table.getItems() != null) {
                table.getItems().removeListener(rowsChanged);
            }
            table.itemsProperty().removeListener(itemsChanged);
            table.getColumns().removeListener(columnsChanged);
            table.sceneProperty().removeListener(sceneChanged);
            table.widthProperty().removeListener(widthChanged);
        }
        super.dispose();
    }

    /** Once per pulse at most, after the rows are in: several changes in a row are measured once. */
    /** How many rows' graphics are styled before they are measured, per column. */
    private static final int STYLED_GRAPHICS = 3;

    private void requestFit() {
        if (!fitPending) {
            fitPending = true;
            Platform.runLater(() -> {
                fitPending = false;
                fit();
            });
        }
    }

    private void fit() {
        TableView<T> table = getSkinnable();
        if (table == null || table.getScene() == null || table.getSkin() != this) { // disposed meanwhile
            return;
        }
        table.applyCss();
        double total = 0;
        Map<TableColumn<T, ?>, Double> wrapping = new java.util.LinkedHashMap<>();
        for (TableColumn<T, ?> column : leaves(table.getColumns())) {
            if (!column.isVisible()) {
                continue;
            }
            // a column of wrapped sentences is as wide as the table leaves it, not as its longest sentence, but never
            // narrower than its longest word: narrower, the word itself broke ("Administrato" over "r")
            boolean wraps = column.getProperties().containsKey(Columns.WRAPS);
            if (wraps) {
                wrapping.put(column, sentencesWidth(column)); // its longest sentence on one line
            }
            double width = Math.ceil(Math.max(headerWidth(column), cellsWidth(column, wraps)));
            column.setMinWidth(width);
            double kept = Math.max(width, shown.getOrDefault(column, 0.0));
            if (table.getItems() != null && !table.getItems().isEmpty()) {
                shown.put(column, kept);
            }
            column.setPrefWidth(kept);
            total += kept;
        }
        fittedWidth = total;
        giveRoomToSentences(wrapping, room(table) - total);
        choosePolicy();
    }

    /**
     * The width the columns leave goes to the columns of sentences, which wrap less for it: left to the resize
     * policy, a warning sentence stayed as narrow as its longest word, five lines high and cut by the table's height.
     * Not kept in {@link #shown}, so a narrower table takes it back.
     */
    private static <T> void giveRoomToSentences(Map<TableColumn<T, ?>, Double> wrapping, double extra) {
        if (extra <= 0 || wrapping.isEmpty()) {
            return;
        }
        // each as much as its longest sentence lacks, shared in proportion when the room is less
        double lacking = 0;
        for (var e : wrapping.entrySet()) {
            lacking += Math.max(0, e.getValue() - e.getKey().getPrefWidth());
        }
        for (var e : wrapping.entrySet()) {
            TableColumn<T, ?> column = e.getKey();
            double lacks = Math.max(0, e.getValue() - column.getPrefWidth());
            double share = lacking <= 0 ? extra / wrapping.size() : extra * lacks / lacking;
            column.setPrefWidth(column.getPrefWidth() + Math.floor(share));
        }
    }

    /** The width of the longest line of a sentence written unwrapped in {@code probe}'s font. */
    private static double oneLine(String sentence, Text probe) {
        double widest = 0;
        for (String line : sentence.split("\n")) {
            probe.setText(line);
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        return widest;
    }

    /** The width the columns may take without a sideways scroll bar (room kept for the vertical one). */
    private static double room(TableView<?> table) {
        return table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - 20;
    }

    /** Fills the table when the columns fit, else keeps their widths and scrolls sideways. */
    private void choosePolicy() {
        TableView<T> table = getSkinnable();
        if (table == null || fittedWidth <= 0) {
            return;
        }
        double room = room(table);
        var policy = fittedWidth <= room
                ? TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN
                : TableView.UNCONSTRAINED_RESIZE_POLICY;
        if (table.getColumnResizePolicy() != policy) {
            table.setColumnResizePolicy(policy);
        }
    }

    private double headerWidth(TableColumn<T, ?> column) {
        for (Node n : getSkinnable().lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader header && header.getTableColumn() == column) {
                Node label = header.lookup(".label");
                double text = label instanceof Label l ? l.prefWidth(-1) : 0;
                return text + header.snappedLeftInset() + header.snappedRightInset() + SORT_ARROW;
            }
        }
        Label probe = new Label(column.getText());
        getChildren().add(probe);
        probe.applyCss();
        double w = probe.prefWidth(-1) + 2 * SORT_ARROW;
        getChildren().remove(probe);
        return w;
    }

    /**
     * The widest cell of the column: each row's text as the column's own cell factory shows it (so formatted as
     * shown), measured in the font and padding of the table's cells; of a column that wraps
     * ({@link Columns#wrapped}), the widest word.
     */
    private double cellsWidth(TableColumn<T, ?> column, boolean wordsOnly) {
        return measure(column, wordsOnly ? Measure.LONGEST_WORD : Measure.SHOWN);
    }

    /** The widest sentence of a column that wraps, as if on one line (an icon beside it counted). */
    private double sentencesWidth(TableColumn<T, ?> column) {
        return measure(column, Measure.ONE_LINE);
    }

    /** What of a cell is measured: as shown; a wrapping cell's longest word; a wrapping cell's sentence unwrapped. */
    private enum Measure {
        SHOWN,
        LONGEST_WORD,
        ONE_LINE
    }

    /** The sentence a wrapping cell shows: its graphic's text, alone or beside an icon ({@link MarkedTextCell}). */
    private static Text sentence(Node graphic) {
        if (graphic instanceof Text t) {
            return t;
        }
        Text longest = null;
        if (graphic instanceof javafx.scene.Parent p) {
            // the longest text beside it: an icon is a Text too (Ikonli's FontIcon, one glyph)
            for (Node child : p.getChildrenUnmodifiable()) {
                if (child instanceof Text t
                        && t.getText() != null
                        && (longest == null
                                || t.getText().length() > longest.getText().length())) {
                    longest = t;
                }
            }
        }
        return longest;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private double measure(TableColumn<T, ?> column, Measure measure) {
        TableView<T> table = getSkinnable();
        Callback factory = column.getCellFactory();
        if (factory == null || table.getItems() == null || table.getItems().isEmpty()) {
            return 0;
        }
        TableCell<T, ?> cell = (TableCell<T, ?>) factory.call(column);
        TableRow<T> row = new TableRow<>();
        row.updateTableView(table);
        cell.updateTableView(table);
        cell.updateTableColumn((TableColumn) column);
        cell.updateTableRow(row);
        // The cell inside a stand-in for its row, so the theme's rules for a row's cells (AtlantaFX's ".table-view
        // .table-row-cell > .table-cell", padding 0 0.5em) style it as they style the cells shown. A cell straight
        // under the table matched none of them: measured without its padding (1em too narrow), every long cell cut.
        Pane rowLook = new Pane(cell);
        rowLook.getStyleClass().setAll(row.getStyleClass());
        rowLook.setManaged(false);
        rowLook.setVisible(false);
        getChildren().add(rowLook);
        double max = 0;
        int styledGraphics = 0;
        try {
            rowLook.applyCss();
            Text text = new Text();
            text.setFont(cell.getFont());
            double padding = cell.snappedLeftInset() + cell.snappedRightInset();
            int rows = Math.min(table.getItems().size(), MEASURED_ROWS);
            for (int i = 0; i < rows; i++) {
                row.updateIndex(i);
                cell.updateIndex(i);
                if (measure != Measure.SHOWN) {
                    Text wrapped = sentence(cell.getGraphic());
                    if (wrapped != null && !wrapped.getText().isEmpty()) {
                        double beside = cell.getGraphic() == wrapped ? 0 : MarkedTextCell.ICON_ROOM;
                        double w = measure == Measure.LONGEST_WORD
                                ? WholeWords.longestWord(wrapped.getText(), cell.getFont())
                                : oneLine(wrapped.getText(), text);
                        max = Math.max(max, w + beside + Columns.WRAPPED_INSET);
                    }
                    continue;
                }
                String shown = cell.getText();
                if ((shown == null || shown.isEmpty()) && factory == (Object) TableColumn.DEFAULT_CELL_FACTORY) {
                    Object value = column.getCellData(i);
                    shown = value == null ? "" : value.toString();
                }
                double w = 0;
                if (shown != null && !shown.isEmpty()) {
                    text.setText(shown);
                    w = text.getLayoutBounds().getWidth();
                }
                if (cell.getGraphic() != null) {
                    // a graphic made in updateItem (buttons in a row) has no skin until styled: unstyled, its
                    // buttons measure nothing and the column came out too narrow for any of them. Styling is dear
                    // (a long register stalled for seconds), so only the first rows' graphics are styled; a column's
                    // graphics are alike from row to row, and the widest measured wins.
                    if (styledGraphics < STYLED_GRAPHICS) {
                        cell.getGraphic().applyCss();
                        styledGraphics++;
                    }
                    w += cell.getGraphic().prefWidth(-1) + (w > 0 ? cell.getGraphicTextGap() : 0);
                }
                if (w > 0) {
                    max = Math.max(max, w + padding);
                }
            }
        } finally {
            cell.updateIndex(-1);
            getChildren().remove(rowLook);
        }
        return max == 0 ? 0 : Math.ceil(max) + 4; // the grid line, and the rounding of the text's width
    }

    private static <T> List<TableColumn<T, ?>> leaves(ObservableList<TableColumn<T, ?>> columns) {
        List<TableColumn<T, ?>> leaves = new ArrayList<>();
        for (TableColumn<T, ?> c : columns) {
            if (c.getColumns().isEmpty()) {
                leaves.add(c);
            } else {
                leaves.addAll(leaves(c.getColumns()));
            }
        }
        return leaves;
    }
}
