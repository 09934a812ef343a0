package org.huyou.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify-backup", mixinStandardHelpOptions = true,
        description = "Check a backup's checksum under this home's key; exit 1 when any byte was changed.")
final class VerifyBackupCommand implements Callable<Integer> {

    @ParentCommand
    HuyouCli parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
        try (AppContext ctx = parent.open()) {
            if (ctx.backups().verify(file)) {
                spec.commandLine().getOut().println(Messages.t("backup.intact", file.getFileName()));
                return 0;
            }
            spec.commandLine().getErr().println(Messages.t("backup.damaged", file.getFileName()));
            return 1;
        }
    }
}
