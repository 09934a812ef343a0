package org.huyou.cli;

import java.nio.file.Path;
import java.util.Arrays;
import org.huyou.app.HomeAccess;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import picocli.CommandLine.Command;

@Command(
        name = "recover",
        mixinStandardHelpOptions = true,
        description = "Forgotten passwords: with the recovery key (typed at the prompt, or one line on standard "
                + "input), give the administrator named by --user a new password (from HUYOU_PASSWORD, else asked "
                + "for twice). A wrong recovery key counts toward the lockout like a wrong password.")
final class RecoverCommand extends HuyouSubcommand {

    @Override
    public Integer call() {
        if (parent.user == null || parent.user.isBlank()) {
            throw new UserFacingException("cli.userRequired");
        }
        String admin = parent.user.strip();
        Path dir = parent.dataDir();
        String key = parent.readSecretLine(Messages.t("cli.recoveryKeyPrompt"));
        if (key == null || key.isBlank()) {
            throw new UserFacingException("cli.noRecoveryKey");
        }
        try (HomeAccess.Recovery recovery = HomeAccess.startRecovery(dir, null, key, parent.clock)) {
            char[] password = parent.newPassword(admin);
            try {
                recovery.setPassword(admin, new String(password));
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        parent.print(spec.commandLine().getOut(), Messages.t("cli.recovered", admin), HuyouCli.fields("user", admin));
        return HuyouCli.OK;
    }
}
