package org.huyou.shell;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
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
import org.huyou.app.AppContext;
import org.huyou.app.Preferences;
import org.huyou.common.Messages;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.DocumentPrinter;
import org.huyou.common.ui.FormGrid;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.ModuleView;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.TypedInput;
import org.huyou.security.AccountService.SecurityPolicy;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.Keyring;

/**
 * This PC's display settings (language, theme, font size) for everyone; the home's security policy and backup
 * settings for those allowed to change them; where the data is (and, on a server, this PC's connection).
 */
final class SettingsView implements ModuleView {

    private final VBox root = new VBox(12);

    private final Runnable changeFileKey;

    SettingsView(
            AppContext ctx,
            Preferences prefs,
            TaskRunner tasks,
            DialogService dialogs,
            Runnable onApply,
            Runnable changeFileKey) {
        this.changeFileKey = changeFileKey;
        FormGrid form = new FormGrid();
        form.heading(Messages.t("settings.display"));

        ComboBox<Locale> language = new ComboBox<>();
        language.setId("languageChoice");
        language.getItems().addAll(Messages.CHINESE, Messages.ENGLISH);
        language.setConverter(Converters.of(l -> Messages.t("settings.language." + l.getLanguage())));
        language.setValue(prefs.locale());
        form.field(Messages.t("settings.language"), false, language, null);

        ComboBox<Preferences.Theme> theme = new ComboBox<>();
        theme.getItems().addAll(Preferences.Theme.values());
        theme.setConverter(
                Converters.of(t -> Messages.t("settings.theme." + t.name().toLowerCase(Locale.ROOT))));
        theme.setValue(prefs.theme());
        form.field(Messages.t("settings.theme"), false, theme, null);

        ComboBox<Preferences.FontSize> font = new ComboBox<>();
        font.getItems().addAll(Preferences.FontSize.values());
        font.setConverter(Converters.of(f -> Messages.t("settings.fontSize." + f.name())));
        font.setValue(prefs.fontSize());
        form.field(Messages.t("settings.fontSize"), false, font, null);
        form.field(
                Messages.t("settings.dataDir"), false, new Label(ctx.dataDir().toString()), null);

        Button apply = new Button(Messages.t("common.save"));
        apply.setId("applySettings");
        apply.setOnAction(e -> {
            prefs.setLocale(language.getValue());
            prefs.setTheme(theme.getValue());
            prefs.setFontSize(font.getValue());
            onApply.run();
        });
        root.getChildren().addAll(form, apply);

        boolean security = ctx.currentUser().can(AppModule.ACCOUNTS, Action.EDIT);
        // a server home is backed up on the server: no folder or count of this PC's to set
        boolean backup = ctx.currentUser().can(AppModule.BACKUP, Action.APPROVE) && ctx.serverAddress() == null;
        if (security || backup) {
            root.getChildren().add(homeSettings(ctx, tasks, dialogs, security, backup));
        }
        if (ctx.currentUser().can(AppModule.CARE_PLAN, Action.APPROVE)) {
            root.getChildren().add(carePlanSettings(ctx, tasks, dialogs));
        }
        root.getChildren().add(ServerConnectionForm.of(ctx, tasks, dialogs));
        root.setPadding(new Insets(16));
    }

    private Node homeSettings(
            AppContext ctx, TaskRunner tasks, DialogService dialogs, boolean security, boolean backup) {
        FormGrid form = new FormGrid();
        Spinner<Integer> idle = InlineForms.wholeSpinner("idleMinutes", 1, 240, 10);
        Spinner<Integer> attempts = InlineForms.wholeSpinner("maxAttempts", 3, 20, 5);
        Spinner<Integer> lock = InlineForms.wholeSpinner("lockMinutes", 1, 1440, 15);
        TextField folder = new TextField();
        folder.setId("backupFolder");
        Spinner<Integer> keep = InlineForms.wholeSpinner("backupKeep", 1, 365, 14);
        if (security) {
            form.heading(Messages.t("settings.security"));
            form.field(Messages.t("settings.idleMinutes"), false, idle, null);
            form.field(Messages.t("settings.maxAttempts"), false, attempts, null);
            form.field(Messages.t("settings.lockMinutes"), false, lock, null);
        }
        if (backup) {
            form.heading(Messages.t("settings.backup"));
            form.field(Messages.t("settings.backupFolder"), false, folder, null);
            form.field(Messages.t("settings.backupKeep"), false, keep, null);
        }
        tasks.run(
                () -> Map.entry(
                        security ? ctx.accounts().securityPolicy() : new SecurityPolicy(10, 5, 15),
                        ctx.backups().folder().toString() + "|" + ctx.backups().keep()),
                loaded -> {
                    idle.getValueFactory().setValue(loaded.getKey().idleMinutes());
                    attempts.getValueFactory().setValue(loaded.getKey().maxAttempts());
                    lock.getValueFactory().setValue(loaded.getKey().lockMinutes());
                    String[] b = loaded.getValue().split("\\|");
                    folder.setText(b[0]);
                    keep.getValueFactory().setValue(Integer.parseInt(b[1]));
                },
                dialogs::showError);
        Button save = new Button(Messages.t("settings.saveHome"));
        save.setId("saveHomeSettings");
        save.setOnAction(e -> {
            // read as typed: letters are refused naming the field, never replaced by the old value and saved
            SecurityPolicy policy;
            int kept;
            try {
                policy = security
                        ? new SecurityPolicy(
                                InlineForms.whole(idle, Messages.t("settings.idleMinutes")),
                                InlineForms.whole(attempts, Messages.t("settings.maxAttempts")),
                                InlineForms.whole(lock, Messages.t("settings.lockMinutes")))
                        : null;
                kept = backup ? InlineForms.whole(keep, Messages.t("settings.backupKeep")) : 0;
            } catch (ValidationException bad) {
                dialogs.showError(bad);
                return;
            }
            String to = folder.getText().strip();
            tasks.run(
                    () -> {
                        if (security) {
                            ctx.accounts().setSecurityPolicy(policy);
                        }
                        if (backup) {
                            ctx.backups().configure(Path.of(to), kept);
                        }
                        return true;
                    },
                    ok -> {
                        TypedInput.saved(folder); // the folder stays on screen as saved
                        dialogs.notifySuccess(Messages.t("settings.homeSaved"));
                    },
                    dialogs::showError);
        });
        VBox box = new VBox(12, form, save);
        if (security && ctx.serverAddress() == null) {
            box.getChildren().add(recoveryKeySection(ctx, tasks, dialogs));
            box.getChildren().add(fileKeySection(dialogs));
            box.getChildren().add(sealedKeySection(ctx, tasks, dialogs));
        }
        return box;
    }

    /**
     * 更换数据库密钥 (administrators, a home whose file this PC encrypts): after a confirmation that says what it does
     * and does not do, the window re-encrypts the database and reopens it.
     */
    private Node fileKeySection(DialogService dialogs) {
        Button change = keyButton(
                dialogs, "changeFileKey", "settings.changeFileKey", "settings.changeFileKeyConfirm", changeFileKey);
        return keySection("settings.fileKey", "settings.fileKeyHelp", change);
    }

    /**
     * 更换机密记录密钥 (administrators holding it): a new sealed key, the sealed texts re-sealed under it in the
     * background; the database stays open.
     */
    private Node sealedKeySection(AppContext ctx, TaskRunner tasks, DialogService dialogs) {
        Button[] change = new Button[1];
        change[0] = keyButton(
                dialogs, "changeSealedKey", "settings.changeSealedKey", "settings.changeSealedKeyConfirm", () -> {
                    change[0].setDisable(true);
                    tasks.run(
                            () -> ctx.accounts().rotateSealedKeyNow(),
                            r -> {
                                change[0].setDisable(false);
                                if (r.lostAccess().isEmpty()) {
                                    dialogs.notifySuccess(Messages.t("settings.sealedKeyChanged", r.resealed()));
                                } else {
                                    dialogs.showText(
                                            Messages.t("settings.sealedKey"),
                                            Messages.t(
                                                    "settings.sealedKeyLost",
                                                    r.resealed(),
                                                    String.join(
                                                            "、",
                                                            r.lostAccess().stream()
                                                                    .map(h -> Keyring.RECOVERY_ACTOR.equals(h)
                                                                            ? Messages.t("keyRotation.recoveryKey")
                                                                            : h)
                                                                    .toList())));
                                }
                            },
                            err -> {
                                change[0].setDisable(false);
                                dialogs.showError(err);
                            });
                });
        return keySection("settings.sealedKey", "settings.sealedKeyHelp", change[0]);
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
    private Node recoveryKeySection(AppContext ctx, TaskRunner tasks, DialogService dialogs) {
        FormGrid form = new FormGrid();
        form.heading(Messages.t("settings.recoveryKey"));
        Label help = new Label(Messages.t("settings.recoveryKeyHelp"));
        help.setWrapText(true);
        help.setMaxWidth(560);
        Button make = new Button(Messages.t("settings.newRecoveryKey"));
        make.setId("newRecoveryKey");
        make.setMinWidth(Region.USE_PREF_SIZE);
        make.setOnAction(e -> {
            if (dialogs.confirm(
                    Messages.t("settings.newRecoveryKey"),
                    Messages.t("settings.newRecoveryKeyConfirm"),
                    Messages.t("settings.newRecoveryKey"),
                    Messages.t("common.cancel"))) {
                make.setDisable(true);
                tasks.run(
                        () -> ctx.accounts().newRecoveryKey(),
                        key -> {
                            make.setDisable(false);
                            showNewRecoveryKey(dialogs, new DocumentPrinter(tasks, dialogs), key);
                        },
                        failure -> {
                            make.setDisable(false);
                            dialogs.showError(failure);
                        });
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
    private Node carePlanSettings(AppContext ctx, TaskRunner tasks, DialogService dialogs) {
        FormGrid form = new FormGrid();
        form.heading(Messages.t("settings.carePlan"));
        CheckBox self = new CheckBox(Messages.t("settings.selfApproval"));
        self.setId("selfApproval");
        self.setDisable(true);
        form.field("", false, self, null);
        tasks.run(
                () -> ctx.carePlans().selfApprovalAllowed(),
                allowed -> {
                    self.setSelected(allowed);
                    self.setDisable(false);
                    // Saved as it is ticked: one box needs no separate button.
                    self.selectedProperty()
                            .addListener((o, a, b) -> tasks.run(
                                    () -> {
                                        ctx.carePlans().setSelfApprovalAllowed(b);
                                        return b;
                                    },
                                    ok -> dialogs.notifySuccess(Messages.t("settings.carePlanSaved")),
                                    dialogs::showError));
                },
                dialogs::showError);
        return form;
    }

    @Override
    public Node node() {
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        return scroll;
    }
}
