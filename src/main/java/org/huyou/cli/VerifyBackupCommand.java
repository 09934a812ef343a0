package org.huyou.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.huyou.app.AppContext;
import org.huyou.common.DamagedDataException;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "verify-backup",
        mixinStandardHelpOptions = true,
        description = "Check a backup's checksum under this home's key; exit 2 when it is damaged (any byte "
                + "changed, or a backup of another home).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:intact",
            "1:refused: a mistake in the command (no such file, a wrong user or password)",
            "2:damaged: a byte changed, or a backup of another home"
        })
final class VerifyBackupCommand extends HuyouSubcommand {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException("fault.noSuchFile", file.toAbsolutePath());
        }
        try (AppContext ctx = parent.open()) {
            if (ctx.backups().verify(file)) {
                parent.print(
                        spec.commandLine().getOut(),
                        Messages.t("backup.intact", file.getFileName()),
                        Map.of("file", file.toAbsolutePath().toString(), "intact", true));
                return HuyouCli.OK;
            }
            throw new DamagedDataException("backup.damaged", file.getFileName());
        }
    }
}
