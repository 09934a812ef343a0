package org.huyou.common.ui;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.DialogPane;
import javafx.util.Callback;
import org.huyou.common.Messages;

/**
 * The one way a dialog with input saves and closes. Its save button ({@link #addTo} adds 保存 and 取消, {@link #on}
 * takes a dialog's own) runs {@link #onSave} instead of closing the dialog: the save closes it with
 * {@link #closeSaved} once it has gone through, so a refused save leaves the dialog open with everything typed (a
 * dialog that closed on the click and checked afterwards lost the input with the refusal). A request to close it
 * without saving (取消, Esc, the window's ×) with text typed asks 保存 / 放弃修改 / 取消, as every screen does.
 * DialogsValidateBeforeClosingTest keeps every dialog of the app on this path.
 */
public final class SaveButtons {

    private final Dialog<?> dialog;
    private final ButtonType save;
    private final ButtonType cancel;
    private UnsavedChanges changes;
    /** Closing now is what the user chose: saved, or the input given up. */
    private boolean leaving;

    private SaveButtons(Dialog<?> dialog, ButtonType save, ButtonType cancel) {
        this.dialog = dialog;
        this.save = save;
        this.cancel = cancel;
        DialogPane pane = dialog.getDialogPane();
        watchTyping(pane.getScene());
        pane.sceneProperty().addListener((o, was, scene) -> watchTyping(scene));
        this.changes = typedInput(pane);
        dialog.addEventHandler(DialogEvent.DIALOG_CLOSE_REQUEST, e -> {
            if (!leaving && changes.isDirty()) {
                e.consume();
                // asked once this close attempt is over: a dialog cannot be closed from inside its own close request
                Platform.runLater(this::askBeforeClosing);
            }
        });
    }

    /** Adds 保存 and 取消 to the dialog. */
    public static SaveButtons addTo(Dialog<?> dialog) {
        ButtonType save = new ButtonType(Messages.t("common.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Messages.t("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(save, cancel);
        return new SaveButtons(dialog, save, cancel);
    }

    /** A dialog's own save button ({@code save}, already on it) and its cancel button, whichever that is. */
    public static SaveButtons on(Dialog<?> dialog, ButtonType save) {
        ButtonType cancel = dialog.getDialogPane().getButtonTypes().stream()
                .filter(t -> t.getButtonData().isCancelButton())
                .findFirst()
                .orElse(null);
        return new SaveButtons(dialog, save, cancel);
    }

    /**
     * What a close request without a save would lose, instead of the text typed in the dialog (a form whose
     * ViewModel knows its changes, choices included).
     */
    public SaveButtons guardWith(UnsavedChanges changes) {
        this.changes = changes;
        return this;
    }

    /** The save button, with {@code save} run on its click instead of closing the dialog. */
    public Button onSave(Runnable save) {
        Button button = saveButton();
        button.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes only once the save has succeeded
            save.run();
        });
        return button;
    }

    public Button saveButton() {
        return (Button) dialog.getDialogPane().lookupButton(save);
    }

    public Button cancelButton() {
        return cancel == null ? null : (Button) dialog.getDialogPane().lookupButton(cancel);
    }

    /** Closes a dialog whose result is the button pressed, as saved. */
    public void closeSaved(Dialog<ButtonType> saved) {
        closeSaved();
    }

    /** Closes the dialog as saved: its result is what its result converter makes of the save button. */
    @SuppressWarnings("unchecked")
    public void closeSaved() {
        leaving = true;
        Dialog<Object> d = (Dialog<Object>) dialog;
        Callback<ButtonType, Object> converter = d.getResultConverter();
        d.setResult(converter == null ? save : converter.call(save));
        d.close();
    }

    private void askBeforeClosing() {
        DialogService ask = new DialogService();
        ask.setOwner(
                dialog.getDialogPane().getScene() == null
                        ? null
                        : dialog.getDialogPane().getScene().getWindow());
        new UnsavedChangesGuard(ask).leave(changes, () -> {
            leaving = true;
            dialog.close();
        });
    }

    /** The text typed into the dialog; 保存 presses the save button, whose save closes the dialog once it is done. */
    private UnsavedChanges typedInput(DialogPane pane) {
        TypedInput typed = new TypedInput(pane, null, null);
        return new UnsavedChanges() {
            @Override
            public boolean isDirty() {
                return typed.isDirty();
            }

            @Override
            public void save(java.util.function.Consumer<Boolean> done) {
                Button b = saveButton();
                if (b != null && !b.isDisabled()) {
                    b.fire();
                }
                // The save, once through, closes the dialog itself; refused, it has said why and the dialog stays.
                // Either way the question does not close it.
                done.accept(false);
            }

            @Override
            public void discard() {}

            @Override
            public boolean canSave() {
                Button b = saveButton();
                return b != null && !b.isDisabled();
            }
        };
    }

    private static void watchTyping(Scene scene) {
        if (scene != null) {
            TypedInput.install(scene);
        }
    }
}
