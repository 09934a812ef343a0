package org.huyou.shell;

import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;
import org.huyou.common.ui.DocumentPrinter;

/**
 * A recovery key shown once (the first set-up, and a new key from the settings): the warning, the key to copy or write
 * down, and the box the user ticks once it is written down; what comes next waits for that tick.
 */
final class RecoveryKeyBox extends VBox {

    /** Eight groups of four and their dashes, with room for the box's padding. */
    private static final int KEY_COLUMNS = 42;

    private final CheckBox confirm;

    RecoveryKeyBox(String recoveryKey, String warningText, String confirmText, DocumentPrinter printer) {
        super(14);
        setAlignment(Pos.CENTER);
        Label warning = new Label(warningText);
        warning.setWrapText(true);
        warning.setMaxWidth(520);
        TextArea key = new TextArea(recoveryKey);
        key.setId("recoveryKey");
        key.setEditable(false);
        // the whole key on one line at the usual font size (wide enough for its eight groups, so it is not split at a
        // dash); at a larger font it wraps between its groups rather than scroll out of view
        key.setWrapText(true);
        key.setPrefRowCount(2);
        key.setPrefColumnCount(KEY_COLUMNS);
        key.setMinHeight(Region.USE_PREF_SIZE);
        key.setMaxWidth(Region.USE_PREF_SIZE);
        key.getStyleClass().add("recovery-key");
        Label printed = new Label();
        printed.setId("recoveryKeyPrinted");
        printed.setWrapText(true);
        printed.setMaxWidth(520);
        Button copy = new Button(Messages.t("recovery.copy"));
        copy.setId("recoveryKeyCopy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(recoveryKey);
            Clipboard.getSystemClipboard().setContent(content);
            printed.setText(Messages.t("recovery.copied")); // said beside, not in the button (it would be cut)
        });
        Button print = new Button(Messages.t("recovery.print"));
        print.setId("recoveryKeyPrint");
        // Printed straight from the screen to paper: a PDF of the key left in a folder would undo its purpose.
        print.setOnAction(e -> printer.printSheet(
                sheet(recoveryKey),
                Messages.t("recovery.printTitle"),
                "recovery.noPrinter",
                "recovery.printed",
                printed::setText));
        confirm = new CheckBox(confirmText);
        confirm.setId("recoveryKeyConfirm");
        confirm.setWrapText(true);
        confirm.setMaxWidth(520);
        for (Button b : new Button[] {copy, print}) {
            b.setMinWidth(Region.USE_PREF_SIZE); // the key's box gives way, not the buttons
            b.setMaxWidth(Double.MAX_VALUE);
        }
        VBox buttons = new VBox(8, copy, print);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        HBox keyRow = new HBox(8, key, buttons);
        keyRow.setAlignment(Pos.CENTER);
        getChildren().addAll(warning, keyRow, printed, confirm);
    }

    /** The printed page: what the key is, the key in large letters, and where to keep it. */
    private static VBox sheet(String recoveryKey) {
        Label title = new Label(Messages.t("recovery.printTitle"));
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label key = new Label(recoveryKey);
        key.setStyle("-fx-font-family: monospace; -fx-font-size: 22px;");
        Label keep = new Label(Messages.t("setup.recoveryKeyWarning"));
        keep.setWrapText(true);
        keep.setMaxWidth(460);
        VBox page = new VBox(16, title, key, keep);
        page.setPadding(new Insets(40));
        return page;
    }

    /** Ticked once the user says the key is written down. */
    BooleanProperty confirmed() {
        return confirm.selectedProperty();
    }
}
