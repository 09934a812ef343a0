package org.huyou.backup.ui;

import java.nio.file.Path;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.backup.BackupService;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/**
 * The backups screen's state and commands: the backup folder and its files, "back up now" and verify. A restore
 * replaces the open home, so the View asks first and hands the chosen file to the shell.
 */
public final class BackupViewModel {

    private final BackupService backups;
    private final TaskRunner tasks;
    private final Notices notices;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final StringProperty folder = new SimpleStringProperty("");
    private final boolean mayBackUp;
    private final boolean mayRestore;

    /** The file the user chose in the list. */
    final ObjectProperty<Path> selected = new SimpleObjectProperty<>();

    public BackupViewModel(BackupService backups, TaskRunner tasks, Notices notices, CurrentUser user) {
        this.backups = backups;
        this.tasks = tasks;
        this.notices = notices;
        this.mayBackUp = user.can(AppModule.BACKUP, Action.CREATE);
        this.mayRestore = user.can(AppModule.BACKUP, Action.APPROVE);
    }

    public ObservableList<Path> files() {
        return files;
    }

    /** "Backups are kept in …". */
    public ReadOnlyStringProperty folder() {
        return folder;
    }

    public boolean mayBackUp() {
        return mayBackUp;
    }

    public BooleanBinding nothingSelected() {
        return selected.isNull();
    }

    /** Restore needs a file and the right to replace the home. */
    public BooleanBinding restoreDisabled() {
        return Bindings.createBooleanBinding(() -> selected.get() == null || !mayRestore, selected);
    }

    public void refresh() {
        tasks.run(
                () -> {
                    Path f = backups.folder(); // a setting in the database: read off the JavaFX thread
                    return Map.entry(f, backups.list(f));
                },
                loaded -> {
                    folder.set(Messages.t("backup.folder", loaded.getKey()));
                    files.setAll(loaded.getValue());
                },
                notices::showError);
    }

    public void backUpNow() {
        tasks.run(
                () -> backups.backupTo(backups.manualBackupFile()),
                p -> {
                    notices.notifySuccess(Messages.t("backup.done", p));
                    refresh();
                },
                notices::showError);
    }

    /**
     * Counts, in the background, what restoring the chosen backup would take back (one sentence per kind; empty:
     * nothing), then hands it to {@code then} on the JavaFX thread for the confirmation.
     */
    public void lossIfRestored(java.util.function.Consumer<java.util.List<String>> then) {
        Path p = selected.get();
        if (p == null) {
            return;
        }
        tasks.run(() -> backups.lossIfRestored(p), then::accept, notices::showError);
    }

    /** Reads the chosen backup through and says whether it is intact. */
    public void verifySelected() {
        Path p = selected.get();
        if (p == null) {
            return;
        }
        tasks.run(
                () -> backups.verify(p),
                ok -> {
                    if (ok) {
                        notices.notifySuccess(Messages.t("backup.intact", p.getFileName()));
                    } else {
                        notices.showError(new UserFacingException("backup.damaged", p.getFileName()));
                    }
                },
                notices::showError);
    }
}
