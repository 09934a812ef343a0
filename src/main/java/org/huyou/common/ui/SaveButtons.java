package org.huyou.common.ui;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import org.huyou.common.Messages;

/**
 * A form dialog's 保存 and 取消 buttons (Save, Cancel), added to the dialog by {@link #addTo}. The save runs through
 * {@link #onSave}: the click does not close the dialog, the save closes it with {@link #closeSaved} once it has
 * succeeded, so a refused form stays open with what was typed.
 */
public final class SaveButtons {

    private final Dialog<?> dialog;
    private final ButtonType save;
    private final ButtonType cancel;

    private SaveButtons(Dialog<?> dialog, ButtonType save, ButtonType cancel) {
        this.dialog = dialog;
        this.save = save;
        this.cancel = cancel;
    }

    /** Adds 保存 and 取消 to the dialog. */
    public static SaveButtons addTo(Dialog<?> dialog) {
        ButtonType save = new ButtonType(Messages.t("common.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Messages.t("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(save, cancel);
        return new SaveButtons(dialog, save, cancel);
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
        return (Button) dialog.getDialogPane().lookupButton(cancel);
    }

    /** Closes a dialog whose result is the button pressed, as saved. */
    public void closeSaved(Dialog<ButtonType> saved) {
        saved.setResult(save);
        saved.close();
    }
}
