package org.huyou.cli;

import java.nio.file.Path;
import java.util.Map;
import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = "Write an encrypted, checksummed backup of the home's database.")
final class BackupCommand extends HuyouSubcommand {

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The backup file to write.")
    Path out;

    @Override
    public Integer call() {
        try (AppContext ctx = parent.open()) {
            ctx.backups().backupTo(out);
            parent.print(
                    spec.commandLine().getOut(),
                    Messages.t("backup.done", out.toAbsolutePath()),
                    Map.of("file", out.toAbsolutePath().toString()));
            return HuyouCli.OK;
        }
    }
}
