package org.huyou.common.ui;

import java.util.List;
import java.util.function.ToLongFunction;
import javafx.beans.binding.Bindings;
import javafx.scene.control.TableView;

/** Fresh rows for a table after a reload, keeping the row the user had selected (matched by id). */
public final class TableRows {

    private TableRows() {
    }

    /** Row height of a table sized to its rows (fits the default and the large font setting's one line). */
    static final double ROW = 30;
    /** The header and the border around the rows. */
    static final double HEADER = 34;

    /**
     * Sizes a short table inside a scrolled page to show all its rows (at least {@code minRows}, for the placeholder),
     * so a handful of entries is never hidden behind a table's own scroll bar two rows high.
     */
    public static <T> void fitToRows(TableView<T> table, int minRows) {
        table.setFixedCellSize(ROW);
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> HEADER + ROW * Math.max(minRows, table.getItems().size()), table.getItems()));
        table.minHeightProperty().bind(table.prefHeightProperty());
        table.maxHeightProperty().bind(table.prefHeightProperty());
    }

    public static <T> void replaceKeepingSelection(TableView<T> table, List<T> rows, ToLongFunction<T> id) {
        T selected = table.getSelectionModel().getSelectedItem();
        table.getItems().setAll(rows);
        if (selected != null) {
            long was = id.applyAsLong(selected);
            rows.stream().filter(x -> id.applyAsLong(x) == was).findFirst()
                    .ifPresent(x -> table.getSelectionModel().select(x));
        }
    }
}
