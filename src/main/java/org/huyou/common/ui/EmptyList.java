package org.huyou.common.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.huyou.common.Messages;

/**
 * The sentence an empty list shows, told apart for a list with a search or filter: "暂无志愿者" under a search that
 * found nobody read as if there were none at all. Every list with a search box or filters goes through here.
 */
public final class EmptyList {

    private EmptyList() {}

    /** {@code noneKey} while nothing narrows the list, {@code noMatchKey} while {@code narrowed} holds. */
    public static Label follow(TableView<?> table, ObservableBooleanValue narrowed, String noneKey, String noMatchKey) {
        Label placeholder = new Label();
        placeholder.setId(table.getId() == null ? null : table.getId() + "Empty");
        placeholder.setWrapText(true); // a sentence wider than the list wraps instead of losing its end
        placeholder.setPadding(new Insets(0, 12, 0, 12));
        placeholder
                .textProperty()
                .bind(Bindings.when(narrowed).then(Messages.t(noMatchKey)).otherwise(Messages.t(noneKey)));
        table.setPlaceholder(placeholder);
        return placeholder;
    }

    /** As above, narrowed while the search text is not blank. */
    public static Label follow(TableView<?> table, ObservableStringValue search, String noneKey, String noMatchKey) {
        return follow(
                table,
                Bindings.createBooleanBinding(
                        () -> search.get() != null && !search.get().isBlank(), search),
                noneKey,
                noMatchKey);
    }
}
