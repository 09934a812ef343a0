package org.huyou.shell;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.huyou.app.AppContext;
import org.huyou.app.HomeAccess;
import org.huyou.app.Preferences;
import org.huyou.backup.FileKeyRotation;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.DocumentPrinter;
import org.huyou.common.ui.EditableCells;
import org.huyou.common.ui.FxTaskRunner;
import org.huyou.common.ui.ShellActions;
import org.huyou.common.ui.TypedInput;
import org.huyou.residents.ui.RegisterHeadStart;
import org.huyou.security.Accounts;
import org.huyou.security.AuditLog;
import org.huyou.security.Keyring;
import org.huyou.security.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which screen the window shows: first set-up, login, a user's main window, or the lock screen. Locking keeps the
 * user's main window and open forms aside; the same user finds them again after logging in, another user starts
 * from a fresh main window and sees nothing of them.
 */
public final class AppFrame extends StackPane implements ShellActions {

    /** Made when first used, not when the class loads: this class is on the way to the first window. */
    private static Logger log() {
        return LoggerFactory.getLogger(AppFrame.class);
    }

    private static final Duration HOUSEKEEPING_DELAY = Duration.seconds(20);

    private final Path dataDir;
    private final Preferences prefs;
    private final FxTaskRunner tasks;
    private final DialogService dialogs;
    private final Clock clock;
    private final Stage stage;
    private final Map<String, Parked> parked = new HashMap<>();
    private AppContext ctx;
    private IdleMonitor idle;
    private String lastUser;
    /** Read from the database in the background at login, so the JavaFX thread never queries it. */
    private String homeName;

    private int idleMinutes = 10;
    /** The register's first page, asked for by the login's background task for the main window it opens. */
    private volatile RegisterHeadStart registerHeadStart;

    /** A locked user's screen and the dialogs it had open, hidden until that user logs in again. */
    private record Parked(MainWindow main, List<Window> windows) {}

    public AppFrame(
            Stage stage, Path dataDir, Preferences prefs, FxTaskRunner tasks, DialogService dialogs, Clock clock) {
        this.stage = stage;
        this.dataDir = dataDir;
        this.prefs = prefs;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.clock = clock;
        getStyleClass().add("app-frame");
        if (stage.getScene() != null) {
            TypedInput.install(stage.getScene()); // typed, unsaved input anywhere in the window is known
        }
        if (HomeAccess.isSetUp(dataDir)) {
            showLogin(null);
        } else {
            showSetup();
        }
    }

    public AppContext context() {
        return ctx;
    }

    private void show(Parent screen) {
        getChildren().setAll(screen);
    }

    private void showSetup() {
        show(new SetupView(
                new SetupViewModel(tasks, dataDir, clock, this::readHomeSettings, home -> {
                    ctx = home.context();
                    if (home.recoveryKey() == null) {
                        enterMain(); // a server home: its data is protected by the server, no key of ours
                    } else {
                        show(SetupView.recoveryKeyPage(
                                home.recoveryKey(), new DocumentPrinter(tasks, dialogs), this::enterMain));
                    }
                }),
                this::showJoinServer));
    }

    /** Another office PC joining a home already on a server; the staff then log in as usual. */
    private void showJoinServer() {
        show(new JoinServerView(
                new JoinServerViewModel(tasks, dataDir, clock, profile -> {
                    homeName = profile.name();
                    showLogin(Messages.t("join.connected", profile.name()));
                }),
                this::showSetup));
    }

    private void showLogin(String notice) {
        LoginViewModel model = new LoginViewModel(
                tasks,
                dataDir,
                lastUser,
                (user, password) -> {
                    AppContext opened = ctx;
                    boolean fresh = opened == null; // else behind the lock screen: the user's window may be parked
                    if (fresh) {
                        opened = HomeAccess.login(dataDir, user, password, clock);
                    } else {
                        opened.login().login(user, password);
                    }
                    readHomeSettings(opened);
                    // the register's rows are read while the JavaFX thread builds the window that shows them
                    registerHeadStart = fresh && Sidebar.RESIDENTS.shownTo(opened.currentUser()::can)
                            ? RegisterHeadStart.begin(opened.residents())
                            : null;
                    return opened;
                },
                opened -> {
                    ctx = opened;
                    enterMain();
                });
        LoginView view =
                new LoginView(homeName, notice, model, HomeAccess.hasRecoveryKey(dataDir) ? this::showRecovery : null);
        show(view);
        if (ctx == null) {
            offerRestoreIfDataMissing(view);
        }
    }

    /**
     * A keyring without its database: the login says the data is missing and offers the restore from a backup; a new
     * empty database is never made (issue 26). Checked off the JavaFX thread (it also finishes an interrupted
     * restore and removes leftovers).
     */
    private void offerRestoreIfDataMissing(LoginView view) {
        tasks.run(
                () -> HomeAccess.databaseMissing(dataDir) ? HomeAccess.backupsBeside(dataDir) : null,
                backups -> {
                    if (backups != null) {
                        view.offerRestore(
                                Messages.t("login.databaseMissing", dataDir),
                                backups,
                                this::chooseBackupFile,
                                // the backup's date is read off the JavaFX thread, then asked about, then restored
                                (backup, user, password) -> tasks.run(
                                        () -> madeAt(backup),
                                        when -> {
                                            if (!confirmRestore(backup, when)) {
                                                return;
                                            }
                                            tasks.run(
                                                    () -> {
                                                        AppContext opened = HomeAccess.restoreMissingDatabase(
                                                                dataDir, backup, user, password, clock);
                                                        readHomeSettings(opened);
                                                        return opened;
                                                    },
                                                    opened -> {
                                                        ctx = opened;
                                                        enterMain();
                                                        dialogs.notifySuccess(Messages.t(
                                                                "login.restoredMissing", backup.getFileName()));
                                                    },
                                                    failure -> view.refused(UserFacingException.describe(failure)));
                                        },
                                        failure -> view.refused(UserFacingException.describe(failure))));
                    }
                },
                failure -> view.refused(UserFacingException.describe(failure)));
    }

    /**
     * Before a backup replaces the missing data: which backup, of when, and that whatever was done after it is not in
     * it (a click on the only backup listed restored a home without a word).
     */
    private boolean confirmRestore(Path backup, String when) {
        return dialogs.confirm(
                Messages.t("login.restoreConfirmTitle"),
                Messages.t("login.restoreConfirm", backup.getFileName(), when),
                Messages.t("login.restoreMissing"),
                Messages.t("common.cancel"));
    }

    /** When a backup file was made, as the confirmation shows it ("?" when the file cannot be read). */
    private String madeAt(Path backup) {
        try {
            return LocalDateTime.ofInstant(Files.getLastModifiedTime(backup).toInstant(), clock.getZone())
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        } catch (IOException e) {
            return "?";
        }
    }

    private Path chooseBackupFile() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters()
                .add(new FileChooser.ExtensionFilter(
                        Messages.t("login.restoreMissing"), "*" + HomeAccess.BACKUP_EXTENSION));
        File f = chooser.showOpenDialog(stage);
        return f == null ? null : f.toPath();
    }

    /**
     * An administrator is told when the login journal was changed outside the program since the last login (the
     * lockout may have been lifted to keep guessing): once, then it stays in the audit log.
     */
    private void showLoginJournalAlert(AppContext opened) {
        tasks.run(
                () -> opened.login().loginJournalAlert(),
                alert -> alert.ifPresent(details -> {
                    dialogs.showText(
                            Messages.t("login.journalAlert.title"), Messages.t("login.journalAlert.text", details));
                    tasks.run(
                            () -> {
                                opened.login().acknowledgeLoginJournalAlert();
                                return true;
                            },
                            ok -> {},
                            failure -> log().warn("Login journal alert not acknowledged: {}", failure.toString()));
                }),
                failure -> log().warn("Login journal alert not read: {}", failure.toString()));
    }

    /**
     * Forgotten passwords: the recovery key, then an administrator's new password, then back to the login. The home
     * the recovery opened is closed again (unless it is this window's, behind the lock screen).
     */
    private void showRecovery() {
        show(new RecoveryView(new RecoveryViewModel(
                tasks,
                dataDir,
                ctx,
                clock,
                done -> {
                    lastUser = done;
                    showLogin(Messages.t("recovery.done", done));
                },
                () -> showLogin(null))));
    }

    private void enterMain() {
        Session s = ctx.currentUser().session().orElseThrow();
        lastUser = s.username();
        Parked mine = parked.remove(s.username());
        MainWindow main;
        if (mine != null) {
            main = mine.main();
            mine.windows().forEach(w -> ((Stage) w).show());
        } else {
            main = new MainWindow(ctx, homeName, prefs, tasks, dialogs, this, registerHeadStart);
        }
        registerHeadStart = null;
        show(main);
        if (idle == null) {
            idle = new IdleMonitor(stage.getScene(), this::lock);
        }
        idle.start(idleMinutes);
        main.afterLogin();
        showLoginJournalAlert(ctx);
        // Housekeeping waits until the first screen has its rows: a large home's daily backup takes the disk and a
        // core for a minute. Quitting before then still backs up (shutDown).
        AppContext opened = ctx;
        PauseTransition later = new PauseTransition(HOUSEKEEPING_DELAY);
        later.setOnFinished(e -> {
            if (ctx == opened && opened.currentUser().session().isPresent()) {
                verifyAuditChain();
                backupIfDue();
                removeExpiredVisitorData();
            }
        });
        later.play();
    }

    /** The audit log's chain, checked after every login; the audit screen shows the result. */
    private void verifyAuditChain() {
        AppContext c = ctx;
        tasks.run(
                () -> {
                    c.audit().verifyAtLogin();
                    return null;
                },
                r -> {},
                failure -> log().warn("Checking the audit chain failed: {}", failure.toString()));
    }

    /**
     * The open day's retention rule: visitors' names, ID numbers, phones and printed slips go once their time is up,
     * in the background of every login (the status bar shows the work), and a short note says when some went.
     */
    private void removeExpiredVisitorData() {
        AppContext c = ctx;
        tasks.run(
                () -> c.visits().removeExpiredPersonalDataAutomatically(),
                n -> {
                    if (n > 0) {
                        dialogs.notifySuccess(Messages.t("visit.retentionDone", n));
                    }
                },
                failure -> log().warn("Removing expired visitor data failed: {}", failure.toString()));
    }

    /** Runs in the background task of a login: the values the screens need without asking the database. */
    private void readHomeSettings(AppContext c) {
        String name = c.homeProfile().name();
        int minutes = c.accounts().idleLockMinutes();
        Platform.runLater(() -> {
            homeName = name;
            idleMinutes = minutes;
        });
    }

    @Override
    public void rebuild() {
        MainWindow fresh = new MainWindow(ctx, homeName, prefs, tasks, dialogs, this, null);
        show(fresh);
        fresh.showSettings();
    }

    /**
     * Idle or on request: hide everything of the current user, keep it, and ask for a login. Nothing is asked and
     * nothing is lost: unsaved input (text still being typed in a table cell too) waits on the parked screen.
     */
    @Override
    public void lock() {
        if (ctx == null || ctx.currentUser().session().isEmpty()) {
            return;
        }
        EditableCells.commitPendingEdits();
        idle.stop();
        String user = ctx.currentUser().username();
        List<Window> open = new ArrayList<>();
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w != stage && w.isShowing()) {
                open.add(w);
                w.hide();
            }
        }
        if (getChildren().get(0) instanceof MainWindow main) {
            parked.put(user, new Parked(main, open));
        }
        endSessionAndRecord(AuditLog.LOCK);
        showLogin(Messages.t("login.lockedScreen"));
    }

    /** Asks about unsaved input first (保存 / 放弃修改 / 取消); logs out unless the user cancels. */
    @Override
    public void logout() {
        if (getChildren().get(0) instanceof MainWindow main) {
            main.leave(this::endAndLogout);
        } else {
            endAndLogout();
        }
    }

    private void endAndLogout() {
        if (ctx == null || ctx.currentUser().session().isEmpty()) {
            return;
        }
        idle.stop();
        parked.remove(ctx.currentUser().username());
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w != stage) {
                w.hide();
            }
        }
        endSessionAndRecord(AuditLog.LOGOUT);
        showLogin(null);
    }

    /** The session ends at once; its audit row is written in the background (the screen never waits on it). */
    private void endSessionAndRecord(String action) {
        Session ended = ctx.login().endSession().orElse(null);
        AppContext c = ctx;
        tasks.run(
                () -> {
                    c.login().recordEnd(ended, action);
                    return true;
                },
                ok -> {},
                failure -> log().warn("Could not log the end of a session: {}", failure.toString()));
    }

    @Override
    public void restore(Path backup) {
        if (getChildren().get(0) instanceof MainWindow main) {
            main.leave(() -> restoreNow(backup));
        } else {
            restoreNow(backup);
        }
    }

    @Override
    public void changeFileKey(boolean onDemand) {
        if (getChildren().get(0) instanceof MainWindow main) {
            main.leave(() -> changeFileKeyNow(onDemand));
        } else {
            changeFileKeyNow(onDemand);
        }
    }

    /**
     * Closes the home, re-encrypts it under a new file key with a progress bar (bytes done of all), and reopens it
     * for the same user. Other users' parked screens belong to the closed home and go, as at a restore.
     */
    private void changeFileKeyNow(boolean onDemand) {
        // the user comes back to the screen they started from (设置, 账户与权限), not to the first module
        String from = getChildren().get(0) instanceof MainWindow main ? main.currentModule() : null;
        AppContext closing = letGo();
        ProgressBar bar = new ProgressBar(0);
        bar.setPrefWidth(360);
        Label label = new Label(Messages.t("keyRotation.progress", 0, 0));
        label.setId("keyRotationProgress");
        VBox box = new VBox(10, new Label(Messages.t("keyRotation.working")), bar, label);
        box.setAlignment(Pos.CENTER);
        getChildren().setAll(box);
        int[] shown = {-1};
        FileKeyRotation.Progress progress = (done, total) -> {
            int percent = total == 0 ? 100 : (int) (done * 100 / total);
            if (percent != shown[0]) { // a few hundred updates at most, whatever the file's size
                shown[0] = percent;
                Platform.runLater(() -> {
                    bar.setProgress(percent / 100.0);
                    label.setText(Messages.t("keyRotation.progress", done >> 20, total >> 20));
                });
            }
        };
        tasks.run(
                () -> {
                    try {
                        return onDemand
                                ? HomeAccess.rotateFileKey(closing, progress)
                                : HomeAccess.rotateIfDue(closing, progress);
                    } catch (RuntimeException e) {
                        closing.close(); // refused before it closed the home, or failed after: either way, log in again
                        throw e;
                    }
                },
                rotation -> {
                    ctx = rotation.context();
                    enterMain();
                    if (from != null && getChildren().get(0) instanceof MainWindow main) {
                        main.showModule(from);
                    }
                    // what changed and what no longer opens the data: read at leisure, in a dialog that stays until
                    // closed
                    if (rotation.lostAccess().isEmpty()) {
                        dialogs.showText(Messages.t("keyRotation.doneTitle"), Messages.t("keyRotation.done"));
                    } else {
                        dialogs.showText(
                                Messages.t("keyRotation.doneTitle"),
                                Messages.t(
                                        "keyRotation.lostAccess",
                                        String.join(
                                                "、",
                                                rotation.lostAccess().stream()
                                                        .map(h -> h.equals(Keyring.RECOVERY_ACTOR)
                                                                ? Messages.t("keyRotation.recoveryKey")
                                                                : Accounts.displayName(h))
                                                        .toList())));
                    }
                },
                failure -> {
                    dialogs.showError(failure);
                    showLogin(null);
                });
    }

    /**
     * The window's close button: unsaved input on the screen is asked about first; input parked by another user's
     * lock is named, since closing loses it. {@code close} runs unless the user cancels.
     */
    public void closeWindow(Runnable close) {
        Runnable checkParked = () -> {
            EditableCells.commitPendingEdits();
            boolean parkedInput =
                    parked.values().stream().anyMatch(p -> p.main().changes().isDirty());
            if (!parkedInput
                    || dialogs.confirm(
                            Messages.t("unsaved.parkedTitle"),
                            Messages.t("unsaved.parkedText"),
                            Messages.t("unsaved.closeAnyway"),
                            Messages.t("common.cancel"))) {
                close.run();
            }
        };
        if (!getChildren().isEmpty() && getChildren().get(0) instanceof MainWindow main) {
            main.leave(checkParked);
        } else {
            checkParked.run();
        }
    }

    /**
     * Before the home is closed under the user (a key change, a restore): the idle lock stops, other windows go, and
     * the parked screens of the closing home with it. Returns the home to close.
     */
    private AppContext letGo() {
        idle.stop();
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w != stage) {
                w.hide();
            }
        }
        AppContext closing = ctx;
        ctx = null;
        parked.clear();
        return closing;
    }

    private void restoreNow(Path backup) {
        AppContext closing = letGo();
        getChildren().setAll(new ProgressIndicator());
        tasks.run(
                () -> HomeAccess.restore(closing, backup),
                aside -> showLogin(HomeAccess.restoredSentence(backup, aside, dataDir)),
                failure -> {
                    dialogs.showError(failure);
                    showLogin(null);
                });
    }

    private void backupIfDue() {
        AppContext c = ctx;
        tasks.run(
                () -> {
                    if (c.backups().dailyBackupDue()) {
                        c.backups().automaticBackup();
                    }
                    return true;
                },
                ok -> {},
                failure -> log().warn("Daily backup failed: {}", failure.toString()));
    }

    /** At exit: the automatic backup, then close. Runs on the exiting thread: the window is already gone. */
    public void shutDown() {
        if (idle != null) {
            idle.stop();
        }
        if (ctx == null) {
            return;
        }
        try {
            if (ctx.backups().available()) {
                ctx.backups().automaticBackup();
            }
        } catch (RuntimeException e) {
            log().warn("Backup at exit failed: {}", e.toString());
        }
        if (ctx.currentUser().session().isPresent()) {
            ctx.login().logout();
        }
        ctx.close();
    }
}
