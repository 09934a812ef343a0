package org.huyou.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.huyou.app.AppContext;
import org.huyou.app.DataFolder;
import org.huyou.app.HomeAccess;
import org.huyou.backup.BackupService;
import org.huyou.common.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = "Replace the home's database with a backup. The backup is verified first; the replaced "
                + "database is kept in the data folder's replaced/ folder. Into an empty data folder, the backup's "
                + "keyring comes along and the password the user had then unlocks it.")
final class RestoreCommand extends HuyouSubcommand implements FolderCommand {

    @Parameters(paramLabel = "FILE")
    Path file;

    @picocli.CommandLine.Option(
            names = "--accept-loss",
            description = "Restore even though records were made after the backup (they are listed without it).")
    boolean acceptLoss;

    @Override
    public DataFolder.Need folderNeed() {
        return DataFolder.Need.HOME_OR_NEW;
    }

    @Override
    public Path folder() {
        return parent.dataDir();
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) { // before a new folder is made for it
            throw new UserFacingException("fault.noSuchFile", file.toAbsolutePath());
        }
        if (!HomeAccess.isSetUp(parent.dataDir())) {
            try (AppContext ctx = parent.restoreIntoNewFolder(file)) {
                parent.print(
                        spec.commandLine().getOut(),
                        BackupService.restoredSentence(file, null, ctx.dataDir()),
                        HuyouCli.fields("backup", file.toAbsolutePath(), "dataDir", ctx.dataDir(), "keptAside", null));
                return 0;
            }
        }
        if (HomeAccess.databaseMissing(parent.dataDir())) {
            // The keyring is here, the database gone: the backup (made under this keyring's key) brings it back.
            try (AppContext ctx = HomeAccess.restoreMissingDatabase(
                    parent.dataDir(), file, parent.user(), parent.password(), parent.clock)) {
                parent.print(
                        spec.commandLine().getOut(),
                        BackupService.restoredSentence(file, null, ctx.dataDir()),
                        HuyouCli.fields("backup", file.toAbsolutePath(), "dataDir", ctx.dataDir(), "keptAside", null));
                return 0;
            }
        }
        AppContext home = parent.open();
        try {
            // what the restore takes back, counted from the audit log: said first, done only when accepted
            java.util.List<String> loss = home.backups().lossIfRestored(file);
            if (!loss.isEmpty() && !acceptLoss) {
                throw new UserFacingException(
                        "restore.lossRefused", file.getFileName(), String.join(System.lineSeparator(), loss));
            }
        } catch (RuntimeException e) {
            home.close();
            throw e;
        }
        Path keptAside = HomeAccess.restore(home, file);
        parent.print(
                spec.commandLine().getOut(),
                BackupService.restoredSentence(file, keptAside, parent.dataDir()),
                HuyouCli.fields("backup", file.toAbsolutePath(), "dataDir", parent.dataDir(), "keptAside", keptAside));
        return 0;
    }
}
