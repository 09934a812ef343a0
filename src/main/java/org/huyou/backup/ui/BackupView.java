package org.huyou.backup.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.huyou.backup.BackupService;
import org.huyou.common.Messages;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.PageModule;
import org.huyou.common.ui.TaskRunner;
import org.huyou.security.CurrentUser;

/** Backups: the automatic ones in the backup folder, "back up now", verify, and restore (verified first). */
public final class BackupView extends PageModule {

    private final BackupViewModel vm;

    public BackupView(
            BackupService backups, TaskRunner tasks, DialogService dialogs, CurrentUser user, Consumer<Path> restore) {
        vm = new BackupViewModel(backups, tasks, dialogs, user);
        ListView<Path> list = new ListView<>(vm.files());
        list.setId("backupList");
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getFileName().toString());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selected.set(b));
        Button now = new Button(Messages.t("backup.now"), Icons.BACKUP.icon());
        now.setId("backupNow");
        now.setDisable(!vm.mayBackUp());
        now.setOnAction(e -> vm.backUpNow());
        Button verify = new Button(Messages.t("backup.verify"), Icons.OK.icon());
        verify.disableProperty().bind(vm.nothingSelected());
        verify.setOnAction(e -> vm.verifySelected());
        Button restoreButton = new Button(Messages.t("backup.restore"), Icons.HISTORY.icon());
        restoreButton.setId("restoreBackup");
        restoreButton.disableProperty().bind(vm.restoreDisabled());
        restoreButton.setOnAction(e -> {
            Path p = vm.selected.get();
            vm.lossIfRestored(loss -> {
                String word = Messages.t("restore.confirmWord");
                boolean go = loss.isEmpty()
                        ? dialogs.confirm(
                                Messages.t("backup.restoreTitle"),
                                Messages.t("backup.restoreText", p.getFileName()),
                                Messages.t("backup.restore"),
                                Messages.t("common.cancel"))
                        // work done since the backup is lost: said kind by kind, and confirmed by typing
                        : dialogs.confirmByTyping(
                                Messages.t("restore.lossTitle"),
                                Messages.t("restore.lossText", p.getFileName(), String.join("\n", loss), word),
                                word,
                                Messages.t("backup.restore"));
                if (go) {
                    restore.accept(p);
                }
            });
        });
        Label where = new Label();
        where.textProperty().bind(vm.folder());
        where.setWrapText(true);
        // A backup carries the keyring of its day: a later change of the file key does not reach it.
        Label keys = new Label(Messages.t("backup.keysNote"));
        keys.setId("backupKeysNote");
        keys.setWrapText(true);
        // the list gives up its height when the page is shorter (notices showing), never the sentences their lines
        where.setMinHeight(Region.USE_PREF_SIZE);
        keys.setMinHeight(Region.USE_PREF_SIZE);
        VBox root = new VBox(10, new HBox(8, now, verify, restoreButton), where, keys, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        root.setPadding(new Insets(10));
        showPage(root, vm::refresh);
    }
}
