package org.huyou.shell;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.huyou.app.Preferences;
import org.huyou.common.Messages;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.DocumentPrinter;
import org.huyou.common.ui.FormGrid;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.ModuleView;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.TypedInput;

/**
 * This PC's display settings (language, theme, font size) for everyone; the home's security policy and backup
 * settings for those allowed to change them; where the data is (and, on a server, this PC's connection). The View of
 * {@link SettingsViewModel}.
 */
final class SettingsView implements ModuleView {

    private final VBox root = new VBox(12);

    private final SettingsViewModel model;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Runnable changeFileKey;

    SettingsView(SettingsViewModel model, TaskRunner tasks, DialogService dialogs, Runnable changeFileKey) {
        this.model = model;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.changeFileKey = changeFileKey;
        FormGrid form = new FormGrid();
        form.heading(Messages.t("settings.display"));

        ComboBox<Locale> language = new ComboBox<>();
        language.setId("languageChoice");
        language.getItems().addAll(Messages.CHINESE, Messages.ENGLISH);
        language.setConverter(Converters.of(l -> Messages.t("settings.language." + l.getLanguage())));
        language.valueProperty().bindBidirectional(model.language);
        form.field(Messages.t("settings.language"), false, language, null);

        ComboBox<Preferences.Theme> theme = new ComboBox<>();
        theme.getItems().addAll(Preferences.Theme.values());
        theme.setConverter(
                Converters.of(t -> Messages.t("settings.theme." + t.name().toLowerCase(Locale.ROOT))));
        theme.valueProperty().bindBidirectional(model.theme);
        form.field(Messages.t("settings.theme"), false, theme, null);

        ComboBox<Preferences.FontSize> font = new ComboBox<>();
        font.getItems().addAll(Preferences.FontSize.values());
        font.setConverter(Converters.of(f -> Messages.t("settings.fontSize." + f.name())));
        font.valueProperty().bindBidirectional(model.fontSize);
        form.field(Messages.t("settings.fontSize"), false, font, null);
        form.field(
                Messages.t("settings.dataDir"), false, new Label(model.dataDir().toString()), null);

        Button apply = new Button(Messages.t("common.save"));
        apply.setId("applySettings");
        apply.setOnAction(e -> model.apply());
        root.getChildren().addAll(form, apply);

        if (model.showsSecurity() || model.showsBackup()) {
            root.getChildren().add(homeSettings());
        }
        if (model.showsCarePlan()) {
            root.getChildren().add(carePlanSettings());
        }
        root.getChildren().add(ServerConnectionForm.of(model));
        root.setPadding(new Insets(16));
        model.load();
    }

    private Node homeSettings() {
        FormGrid form = new FormGrid();
        Spinner<Integer> idle = spinner("idleMinutes", 1, 240, 10, model.idleMinutes);
        Spinner<Integer> attempts = spinner("maxAttempts", 3, 20, 5, model.maxAttempts);
        Spinner<Integer> lock = spinner("lockMinutes", 1, 1440, 15, model.lockMinutes);
        TextField folder = new TextField();
        folder.setId("backupFolder");
        folder.textProperty().bindBidirectional(model.backupFolder);
        Spinner<Integer> keep = spinner("backupKeep", 1, 365, 14, model.backupKeep);
        if (model.showsSecurity()) {
            form.heading(Messages.t("settings.security"));
            form.field(Messages.t("settings.idleMinutes"), false, idle, null);
            form.field(Messages.t("settings.maxAttempts"), false, attempts, null);
            form.field(Messages.t("settings.lockMinutes"), false, lock, null);
        }
        if (model.showsBackup()) {
            form.heading(Messages.t("settings.backup"));
            form.field(Messages.t("settings.backupFolder"), false, folder, null);
            form.field(Messages.t("settings.backupKeep"), false, keep, null);
        }
        // the loaded text becomes each spinner's value, so that its arrows step from it
        model.setOnHomeLoaded(() -> List.of(idle, attempts, lock, keep).forEach(Spinner::commitValue));
        model.setOnHomeSaved(() -> TypedInput.saved(folder)); // the folder stays on screen as saved
        Button save = new Button(Messages.t("settings.saveHome"));
        save.setId("saveHomeSettings");
        save.setOnAction(e -> model.saveHome());
        VBox box = new VBox(12, form, save);
        if (model.showsKeys()) {
            box.getChildren().add(recoveryKeySection());
            box.getChildren().add(fileKeySection());
            box.getChildren().add(sealedKeySection());
        }
        return box;
    }

    /** A whole-number spinner whose text is the ViewModel's, as typed. */
    private static Spinner<Integer> spinner(String id, int min, int max, int initial, StringProperty typed) {
        Spinner<Integer> s = InlineForms.wholeSpinner(id, min, max, initial);
        s.getEditor().textProperty().bindBidirectional(typed);
        return s;
    }

    /**
     * 更换数据库密钥 (administrators, a home whose file this PC encrypts): after a confirmation that says what it does
     * and does not do, the window re-encrypts the database and reopens it.
     */
    private Node fileKeySection() {
        Button change = keyButton(
                dialogs, "changeFileKey", "settings.changeFileKey", "settings.changeFileKeyConfirm", changeFileKey);
        return keySection("settings.fileKey", "settings.fileKeyHelp", change);
    }

    /**
     * 更换机密记录密钥 (administrators holding it): a new sealed key, the sealed texts re-sealed under it in the
     * background; the database stays open.
     */
    private Node sealedKeySection() {
        Button change = keyButton(
                dialogs,
                "changeSealedKey",
                "settings.changeSealedKey",
                "settings.changeSealedKeyConfirm",
                () -> model.changeSealedKey(lost -> dialogs.showText(Messages.t("settings.sealedKey"), lost)));
        change.disableProperty().bind(model.changingSealedKeyProperty());
        return keySection("settings.sealedKey", "settings.sealedKeyHelp", change);
    }

    /** A key's section: heading, what it does, one button. */
    private static Node keySection(String heading, String help, Button button) {
        FormGrid form = new FormGrid();
        form.heading(Messages.t(heading));
        Label text = new Label(Messages.t(help));
        text.setWrapText(true);
        text.setMaxWidth(560);
        return new VBox(8, form, text, button);
    }

    /** A button that asks first, saying what will happen, then runs {@code action}. */
    private static Button keyButton(DialogService dialogs, String id, String label, String confirm, Runnable action) {
        Button b = new Button(Messages.t(label));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE); // never "…" at 1366×768, in either language
        b.setOnAction(e -> {
            if (dialogs.confirm(
                    Messages.t(label), Messages.t(confirm), Messages.t(label), Messages.t("common.cancel"))) {
                action.run();
            }
        });
        return b;
    }

    /** An administrator replaces the recovery key (lost, or seen by someone): shown once, the old one dead at once. */
    private Node recoveryKeySection() {
        FormGrid form = new FormGrid();
        form.heading(Messages.t("settings.recoveryKey"));
        Label help = new Label(Messages.t("settings.recoveryKeyHelp"));
        help.setWrapText(true);
        help.setMaxWidth(560);
        Button make = new Button(Messages.t("settings.newRecoveryKey"));
        make.setId("newRecoveryKey");
        make.setMinWidth(Region.USE_PREF_SIZE);
        make.disableProperty().bind(model.makingRecoveryKeyProperty());
        make.setOnAction(e -> {
            if (dialogs.confirm(
                    Messages.t("settings.newRecoveryKey"),
                    Messages.t("settings.newRecoveryKeyConfirm"),
                    Messages.t("settings.newRecoveryKey"),
                    Messages.t("common.cancel"))) {
                model.newRecoveryKey(key -> showNewRecoveryKey(dialogs, new DocumentPrinter(tasks, dialogs), key));
            }
        });
        return new VBox(8, form, help, make);
    }

    /** The new key, once; the dialog closes only after the user ticks that it is written down. */
    private static void showNewRecoveryKey(DialogService dialogs, DocumentPrinter printer, String key) {
        Dialog<Void> d = dialogs.dialog();
        d.setTitle(Messages.t("recovery.newKeyTitle"));
        d.setHeaderText(d.getTitle());
        RecoveryKeyBox box =
                new RecoveryKeyBox(key, Messages.t("recovery.newKeyWarning"), Messages.t("recovery.written"), printer);
        d.getDialogPane().setContent(box);
        ButtonType done = new ButtonType(Messages.t("recovery.newKeyDone"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().add(done);
        Node doneButton = d.getDialogPane().lookupButton(done);
        doneButton.setId("recoveryKeyDone");
        doneButton.disableProperty().bind(box.confirmed().not());
        d.show();
    }

    /** Whether a plan's drafter may approve it: for a home whose only social worker also approves. */
    private Node carePlanSettings() {
        FormGrid form = new FormGrid();
        form.heading(Messages.t("settings.carePlan"));
        CheckBox self = new CheckBox(Messages.t("settings.selfApproval"));
        self.setId("selfApproval");
        self.selectedProperty().bindBidirectional(model.selfApproval);
        self.disableProperty().bind(model.selfApprovalReadyProperty().not());
        form.field("", false, self, null);
        return form;
    }

    @Override
    public Node node() {
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        return scroll;
    }
}
