package org.huyou.common.ui;

import java.util.List;
import java.util.function.ToLongFunction;
import javafx.scene.control.TableView;

/** Fresh rows for a table after a reload, keeping the row the user had selected (matched by id). */
public final class TableRows {

    private TableRows() {
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
