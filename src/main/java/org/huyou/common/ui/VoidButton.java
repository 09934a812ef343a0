package org.huyou.common.ui;

import java.util.function.BiConsumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import org.huyou.common.Messages;

/**
 * "Void the selected entry" under a table of records: asks for the reason in the same dialog that says what will
 * happen, voids in the background, then runs {@code after}. Disabled for nothing selected or an entry already void.
 */
public final class VoidButton {

    private VoidButton() {}

    public static <T> Button under(
            TableView<T> table,
            boolean allowed,
            Predicate<T> alreadyVoid,
            BiConsumer<T, String> voidIt,
            TaskRunner tasks,
            DialogService dialogs,
            Runnable after) {
        // voids the selected row: a date half-typed in a form beside it is not what it acts on
        Button b = UnreadableDates.notASave(new Button(Messages.t("residents.voidStatus"), Icons.VOID.icon()));
        b.setVisible(allowed);
        b.setManaged(allowed);
        b.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> {
                            T sel = table.getSelectionModel().getSelectedItem();
                            return sel == null || alreadyVoid.test(sel);
                        },
                        table.getSelectionModel().selectedItemProperty()));
        b.setOnAction(e -> {
            T selected = table.getSelectionModel().getSelectedItem();
            dialogs.askReason(
                            Messages.t("void.title"),
                            Messages.t("void.text"),
                            Messages.t("residents.voidReason"),
                            Messages.t("residents.voidStatus"))
                    .ifPresent(reason -> tasks.run(
                            () -> {
                                voidIt.accept(selected, reason);
                                return true;
                            },
                            ok -> after.run(),
                            dialogs::showError));
        });
        return b;
    }
}
