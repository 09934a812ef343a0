package org.huyou.common.ui;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All dialogs and notifications go through here: errors as translated sentences (details only in the log),
 * confirmations named after their action, and short success notifications instead of modal boxes.
 */
public class DialogService {

    /** Made when first used, not when the class loads: this class is on the way to the first window. */
    private static Logger log() {
        return LoggerFactory.getLogger(DialogService.class);
    }
    private Window owner;

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    public Window owner() {
        return owner;
    }

    public void showError(Throwable t) {
        if (!(t instanceof UserFacingException)) {
            log().error("Unexpected failure shown to the user", t);
        }
        showError(UserFacingException.describe(t));
    }

    public void showError(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.setTitle(Messages.t("error.title"));
        alert.setHeaderText(Messages.t("error.title"));
        alert.initOwner(owner);
        alert.showAndWait();
    }

    /** Asks before something that cannot be undone by Cancel; the buttons say what they do. */
    public boolean confirm(String title, String text, String doLabel, String dontLabel) {
        ButtonType doIt = new ButtonType(doLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType dont = new ButtonType(dontLabel, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, doIt, dont);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.initOwner(owner);
        return alert.showAndWait().filter(doIt::equals).isPresent();
    }

    /**
     * 保存 / 放弃修改 / 取消 before unsaved input would be lost. The buttons have stable ids (unsavedSave,
     * unsavedDiscard, unsavedCancel); Esc and closing the box mean 取消.
     */
    public UnsavedChangesGuard.Choice askUnsaved() {
        ButtonType save = new ButtonType(Messages.t("unsaved.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(Messages.t("unsaved.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(Messages.t("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, Messages.t("unsaved.text"), save, discard, cancel);
        alert.setTitle(Messages.t("unsaved.title"));
        alert.setHeaderText(Messages.t("unsaved.title"));
        alert.getDialogPane().setId("unsavedDialog");
        alert.getDialogPane().lookupButton(save).setId("unsavedSave");
        alert.getDialogPane().lookupButton(discard).setId("unsavedDiscard");
        alert.getDialogPane().lookupButton(cancel).setId("unsavedCancel");
        alert.initOwner(owner);
        ButtonType chosen = alert.showAndWait().orElse(cancel);
        return chosen == save ? UnsavedChangesGuard.Choice.SAVE
                : chosen == discard ? UnsavedChangesGuard.Choice.DISCARD : UnsavedChangesGuard.Choice.CANCEL;
    }

    /** A void or reversal: says what will happen and asks for the reason in the same dialog. */
    public Optional<String> askReason(String title, String explanation, String reasonLabel, String doLabel) {
        return askReason(title, explanation, reasonLabel, doLabel, 1);
    }

    /**
     * As {@link #askReason(String, String, String, String)}, the button enabled only once the reason has at least
     * {@code minLength} characters (an override of a safety warning wants a sentence, not "ok").
     */
    public Optional<String> askReason(String title, String explanation, String reasonLabel, String doLabel,
                                      int minLength) {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.initOwner(owner);
        TextArea reason = new TextArea();
        reason.setId("reasonField");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        Label text = new Label(explanation);
        text.setWrapText(true);
        text.setMaxWidth(420);
        dialog.getDialogPane().setContent(new VBox(8, text, new Label(reasonLabel), reason));
        ButtonType doIt = new ButtonType(doLabel, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(doIt, new ButtonType(Messages.t("common.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(doIt).disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> reason.getText().strip().length() < Math.max(1, minLength), reason.textProperty()));
        dialog.setResultConverter(b -> b == doIt ? reason.getText().strip() : null);
        reason.requestFocus();
        return dialog.showAndWait().filter(s -> !s.isBlank());
    }

    /** Shows a longer text read-only (an opened note), selectable for copying but not editable. */
    public void showText(String title, String text) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.initOwner(owner);
        TextArea area = new TextArea(text);
        area.setId("shownText");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(10);
        dialog.getDialogPane().setContent(area);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(Messages.t("common.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.showAndWait();
    }

    /**
     * A success notice with one way back (撤销), shown for {@code seconds}; {@code action} runs on the JavaFX thread
     * when pressed, at most once.
     */
    public void notifyWithAction(String text, String actionLabel, Runnable action, double seconds) {
        if (owner == null) {
            return;
        }
        try {
            org.controlsfx.control.action.Action[] undo = new org.controlsfx.control.action.Action[1];
            undo[0] = new org.controlsfx.control.action.Action(actionLabel, e -> {
                if (!undo[0].isDisabled()) {
                    undo[0].setDisabled(true); // the button is bound to the action: once only
                    action.run();
                }
            });
            Notifications.create().owner(owner).text(text).action(undo[0]).hideAfter(Duration.seconds(seconds))
                    .showInformation();
        } catch (RuntimeException e) {
            log().debug("Notification could not be shown", e);
        }
    }

    public void notifySuccess(String text) {
        // The text is not logged: it often names a child, and the log file is not encrypted.
        if (owner == null) {
            return;
        }
        try {
            Notifications.create().owner(owner).text(text).hideAfter(Duration.seconds(4)).showInformation();
        } catch (RuntimeException e) {
            log().debug("Notification could not be shown", e); // never let a toast break the action it reports
        }
    }
}
