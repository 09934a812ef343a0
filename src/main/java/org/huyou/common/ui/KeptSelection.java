package org.huyou.common.ui;

import java.util.List;
import java.util.function.ToLongFunction;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;

/**
 * A ViewModel's rows after a reload, keeping the row that was selected (matched by id), as
 * {@link TableRows#replaceKeepingSelection} does for a table: the selection is cleared and set again, so whatever
 * follows it (the selected row's details) loads afresh.
 */
public final class KeptSelection {

    private KeptSelection() {}

    public static <T> void replace(
            ObservableList<T> rows, ObjectProperty<T> selected, List<T> fresh, ToLongFunction<T> id) {
        T was = selected.get();
        rows.setAll(fresh);
        selected.set(null);
        if (was != null) {
            long key = id.applyAsLong(was);
            fresh.stream().filter(x -> id.applyAsLong(x) == key).findFirst().ifPresent(selected::set);
        }
    }

    /**
     * A form's choice among reloaded rows: the one chosen kept (matched by id), else the first (none when there are
     * no rows), so a form never loses its choice to a reload nor starts without one.
     */
    public static <T> void replaceOrFirst(
            ObservableList<T> rows, ObjectProperty<T> chosen, List<T> fresh, ToLongFunction<T> id) {
        T was = chosen.get();
        rows.setAll(fresh);
        chosen.set(fresh.stream()
                .filter(x -> was != null && id.applyAsLong(x) == id.applyAsLong(was))
                .findFirst()
                .orElse(fresh.isEmpty() ? null : fresh.get(0)));
    }
}
