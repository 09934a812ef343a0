package org.huyou.backup.ui;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.huyou.backup.BackupService;
import org.huyou.common.Messages;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.ModuleView;
import org.huyou.common.ui.TaskRunner;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/** Backups: the automatic ones in the backup folder, "back up now", verify, and restore (verified first). */
public final class BackupView implements ModuleView {

    private final BackupService backups;
    private Path folder;
    private final Label where = new Label();
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ListView<Path> list = new ListView<>();
    private final VBox root;

    public BackupView(
            BackupService backups, TaskRunner tasks, DialogService dialogs, CurrentUser user, Consumer<Path> restore) {
        this.backups = backups;
        this.tasks = tasks;
        this.dialogs = dialogs;
        list.setId("backupList");
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getFileName().toString());
            }
        });
        Button now = new Button(Messages.t("backup.now"), Icons.BACKUP.icon());
        now.setId("backupNow");
        now.setDisable(!user.can(AppModule.BACKUP, Action.CREATE));
        now.setOnAction(e -> tasks.run(
                () -> backups.backupTo(backups.manualBackupFile()),
                p -> {
                    dialogs.notifySuccess(Messages.t("backup.done", p));
                    refresh();
                },
                dialogs::showError));
        Button verify = new Button(Messages.t("backup.verify"), Icons.OK.icon());
        verify.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        verify.setOnAction(e -> {
            Path p = list.getSelectionModel().getSelectedItem();
            tasks.run(
                    () -> backups.verify(p),
                    ok -> {
                        if (ok) {
                            dialogs.notifySuccess(Messages.t("backup.intact", p.getFileName()));
                        } else {
                            dialogs.showError(Messages.t("backup.damaged", p.getFileName()));
                        }
                    },
                    dialogs::showError);
        });
        Button restoreButton = new Button(Messages.t("backup.restore"), Icons.HISTORY.icon());
        restoreButton.setId("restoreBackup");
        restoreButton
                .disableProperty()
                .bind(list.getSelectionModel()
                        .selectedItemProperty()
                        .isNull()
                        .or(Bindings.createBooleanBinding(() -> !user.can(AppModule.BACKUP, Action.APPROVE))));
        restoreButton.setOnAction(e -> {
            Path p = list.getSelectionModel().getSelectedItem();
            if (dialogs.confirm(
                    Messages.t("backup.restoreTitle"),
                    Messages.t("backup.restoreText", p.getFileName()),
                    Messages.t("backup.restore"),
                    Messages.t("common.cancel"))) {
                restore.accept(p);
            }
        });
        where.setWrapText(true);
        // A backup carries the keyring of its day: a later change of the file key does not reach it.
        Label keys = new Label(Messages.t("backup.keysNote"));
        keys.setId("backupKeysNote");
        keys.setWrapText(true);
        root = new VBox(10, new HBox(8, now, verify, restoreButton), where, keys, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        root.setPadding(new Insets(10));
        refresh();
    }

    @Override
    public void refresh() {
        tasks.run(
                () -> {
                    Path f = backups.folder(); // a setting in the database: read off the JavaFX thread
                    return Map.entry(f, backups.list(f));
                },
                loaded -> {
                    folder = loaded.getKey();
                    where.setText(Messages.t("backup.folder", folder));
                    list.getItems().setAll(loaded.getValue());
                },
                dialogs::showError);
    }

    @Override
    public Node node() {
        return root;
    }
}
