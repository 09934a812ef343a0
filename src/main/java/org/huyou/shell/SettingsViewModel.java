package org.huyou.shell;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.huyou.app.AppContext;
import org.huyou.app.HomeAccess;
import org.huyou.app.Preferences;
import org.huyou.app.ServerConnection;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.security.AccountService.SecurityPolicy;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.Keyring;

/**
 * The settings (ADR 0014): this PC's display for everyone; the home's security policy and backup, the keys, the care
 * plan's self-approval and this PC's server connection for those allowed. Numbers are kept as typed, so that letters
 * are refused naming their field rather than replaced by the old value and saved.
 */
final class SettingsViewModel {

    private final AppContext ctx;
    private final Preferences prefs;
    private final TaskRunner tasks;
    private final Notices notices;
    private final Runnable onApply;
    private final BooleanProperty selfApprovalReady = new SimpleBooleanProperty(false);
    private final BooleanProperty makingRecoveryKey = new SimpleBooleanProperty(false);
    private final BooleanProperty changingSealedKey = new SimpleBooleanProperty(false);
    private Runnable onHomeLoaded = () -> {};
    private Runnable onHomeSaved = () -> {};

    final ObjectProperty<Locale> language = new SimpleObjectProperty<>();
    final ObjectProperty<Preferences.Theme> theme = new SimpleObjectProperty<>();
    final ObjectProperty<Preferences.FontSize> fontSize = new SimpleObjectProperty<>();

    /** As typed; the spinners' first values until the home's are read. */
    final StringProperty idleMinutes = new SimpleStringProperty("10");

    final StringProperty maxAttempts = new SimpleStringProperty("5");
    final StringProperty lockMinutes = new SimpleStringProperty("15");
    final StringProperty backupFolder = new SimpleStringProperty("");
    final StringProperty backupKeep = new SimpleStringProperty("14");
    final BooleanProperty selfApproval = new SimpleBooleanProperty(false);
    /** This PC's connection to a server home, its password never shown back. */
    final ServerConnectionInput server;

    /** {@code onApply} redraws the window once the display settings are kept. */
    SettingsViewModel(AppContext ctx, Preferences prefs, TaskRunner tasks, Notices notices, Runnable onApply) {
        this.ctx = ctx;
        this.prefs = prefs;
        this.tasks = tasks;
        this.notices = notices;
        this.onApply = onApply;
        language.set(prefs.locale());
        theme.set(prefs.theme());
        fontSize.set(prefs.fontSize());
        server = new ServerConnectionInput(ctx.serverAddress(), ctx.serverAccount());
    }

    /** The security policy's part: for those who manage accounts. */
    boolean showsSecurity() {
        return ctx.currentUser().can(AppModule.ACCOUNTS, Action.EDIT);
    }

    /** The backup's part; a server home is backed up on the server: no folder or count of this PC's to set. */
    boolean showsBackup() {
        return ctx.currentUser().can(AppModule.BACKUP, Action.APPROVE) && ctx.serverAddress() == null;
    }

    /** The recovery, file and sealed keys: administrators of a home whose file this PC encrypts. */
    boolean showsKeys() {
        return showsSecurity() && ctx.serverAddress() == null;
    }

    boolean showsCarePlan() {
        return ctx.currentUser().can(AppModule.CARE_PLAN, Action.APPROVE);
    }

    /** The server's address, or null for a home on this PC. */
    String serverAddress() {
        return ctx.serverAddress();
    }

    /** An administrator of a server home may change this PC's connection. */
    boolean editsServer() {
        return ctx.serverAddress() != null && showsSecurity();
    }

    Path dataDir() {
        return ctx.dataDir();
    }

    /** Reads the home's settings shown here, in the background. */
    void load() {
        if (showsSecurity() || showsBackup()) {
            boolean security = showsSecurity();
            tasks.run(
                    () -> Map.entry(
                            security ? ctx.accounts().securityPolicy() : new SecurityPolicy(10, 5, 15),
                            Map.entry(
                                    ctx.backups().folder().toString(),
                                    ctx.backups().keep())),
                    loaded -> {
                        idleMinutes.set(Integer.toString(loaded.getKey().idleMinutes()));
                        maxAttempts.set(Integer.toString(loaded.getKey().maxAttempts()));
                        lockMinutes.set(Integer.toString(loaded.getKey().lockMinutes()));
                        backupFolder.set(loaded.getValue().getKey());
                        backupKeep.set(Integer.toString(loaded.getValue().getValue()));
                        onHomeLoaded.run();
                    },
                    notices::showError);
        }
        if (showsCarePlan()) {
            tasks.run(
                    () -> ctx.carePlans().selfApprovalAllowed(),
                    allowed -> {
                        selfApproval.set(allowed);
                        selfApprovalReady.set(true);
                        // Saved as it is ticked: one box needs no separate button.
                        selfApproval.addListener((o, a, b) -> saveSelfApproval(b));
                    },
                    notices::showError);
        }
    }

    /** Keeps this PC's display settings; the window is then redrawn with them. */
    void apply() {
        prefs.setLocale(language.get());
        prefs.setTheme(theme.get());
        prefs.setFontSize(fontSize.get());
        onApply.run();
    }

    /** Saves the security policy and the backup's folder and count, as typed: letters refused naming the field. */
    void saveHome() {
        boolean security = showsSecurity();
        boolean backup = showsBackup();
        SecurityPolicy policy;
        int kept;
        try {
            policy = security
                    ? new SecurityPolicy(
                            whole("idleMinutes", "settings.idleMinutes", idleMinutes),
                            whole("maxAttempts", "settings.maxAttempts", maxAttempts),
                            whole("lockMinutes", "settings.lockMinutes", lockMinutes))
                    : null;
            kept = backup ? whole("backupKeep", "settings.backupKeep", backupKeep) : 0;
        } catch (ValidationException bad) {
            notices.showError(bad);
            return;
        }
        String to = backupFolder.get().strip();
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
                    onHomeSaved.run();
                    notices.notifySuccess(Messages.t("settings.homeSaved"));
                },
                notices::showError);
    }

    private static int whole(String fieldId, String labelKey, StringProperty typed) {
        return InlineForms.whole(fieldId, Messages.t(labelKey), typed.get());
    }

    /** A new recovery key, the old one dead at once; {@code show} shows it, once. The View asks first. */
    void newRecoveryKey(Consumer<String> show) {
        makingRecoveryKey.set(true);
        tasks.run(
                () -> ctx.accounts().newRecoveryKey(),
                key -> {
                    makingRecoveryKey.set(false);
                    show.accept(key);
                },
                failure -> {
                    makingRecoveryKey.set(false);
                    notices.showError(failure);
                });
    }

    /**
     * A new sealed key, the sealed texts re-sealed under it; the database stays open. Those who lost access with it
     * are named in a text handed to {@code explainLoss}. The View asks first.
     */
    void changeSealedKey(Consumer<String> explainLoss) {
        changingSealedKey.set(true);
        tasks.run(
                () -> ctx.accounts().rotateSealedKeyNow(),
                r -> {
                    changingSealedKey.set(false);
                    if (r.lostAccess().isEmpty()) {
                        notices.notifySuccess(Messages.t("settings.sealedKeyChanged", r.resealed()));
                    } else {
                        explainLoss.accept(Messages.t(
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
                failure -> {
                    changingSealedKey.set(false);
                    notices.showError(failure);
                });
    }

    private void saveSelfApproval(boolean allowed) {
        tasks.run(
                () -> {
                    ctx.carePlans().setSelfApprovalAllowed(allowed);
                    return allowed;
                },
                ok -> notices.notifySuccess(Messages.t("settings.carePlanSaved")),
                notices::showError);
    }

    /** Tries the typed connection and keeps it (a malformed address refused naming it); the password then cleared. */
    void saveServer() {
        ServerConnection connection;
        try {
            connection = server.connection();
        } catch (UserFacingException bad) {
            notices.showError(bad);
            return;
        }
        tasks.run(
                () -> {
                    HomeAccess.changeServerConnection(ctx, connection);
                    return true;
                },
                ok -> {
                    server.clearPassword();
                    notices.notifySuccess(Messages.t("settings.serverSaved"));
                },
                notices::showError);
    }

    /** What the View does once the home's settings are read (the spinners take the values as theirs). */
    void setOnHomeLoaded(Runnable onHomeLoaded) {
        this.onHomeLoaded = onHomeLoaded;
    }

    /** What the View does once they are saved (the folder stays on screen as saved). */
    void setOnHomeSaved(Runnable onHomeSaved) {
        this.onHomeSaved = onHomeSaved;
    }

    /** False until the home's choice is read: the box waits. */
    ReadOnlyBooleanProperty selfApprovalReadyProperty() {
        return selfApprovalReady;
    }

    ReadOnlyBooleanProperty makingRecoveryKeyProperty() {
        return makingRecoveryKey;
    }

    ReadOnlyBooleanProperty changingSealedKeyProperty() {
        return changingSealedKey;
    }
}
