package org.huyou.shell;

import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;

/**
 * A recovery key shown once (the first set-up, and a new key from the settings): the warning, the key to copy or write
 * down, and the box the user ticks once it is written down; what comes next waits for that tick.
 */
final class RecoveryKeyBox extends VBox {

    private final CheckBox confirm;

    RecoveryKeyBox(String recoveryKey, String warningText, String confirmText) {
        super(14);
        setAlignment(Pos.CENTER);
        Label warning = new Label(warningText);
        warning.setWrapText(true);
        warning.setMaxWidth(520);
        TextArea key = new TextArea(recoveryKey);
        key.setId("recoveryKey");
        key.setEditable(false);
        key.setPrefRowCount(2);
        key.setMaxWidth(520);
        key.getStyleClass().add("recovery-key");
        Button copy = new Button(Messages.t("recovery.copy"));
        copy.setId("recoveryKeyCopy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(recoveryKey);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            copy.setText(Messages.t("recovery.copied"));
        });
        confirm = new CheckBox(confirmText);
        confirm.setId("recoveryKeyConfirm");
        HBox keyRow = new HBox(8, key, copy);
        keyRow.setAlignment(Pos.CENTER);
        getChildren().addAll(warning, keyRow, confirm);
    }

    /** Ticked once the user says the key is written down. */
    BooleanProperty confirmed() {
        return confirm.selectedProperty();
    }
}
