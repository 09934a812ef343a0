package org.huyou.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.huyou.app.HomeAccess;
import org.huyou.app.ServerConnection;
import org.huyou.common.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = "Set up a new home without a screen: the encrypted database, the first administrator and the "
                + "keyring. Prints the recovery key once: write it down. With --db, the home is set up on that "
                + "PostgreSQL server's (empty) database instead, and this PC keeps the connection.")
final class InitCommand extends NewHomeCommand {

    @Option(names = "--home", required = true, paramLabel = "NAME", description = "The home's name.")
    String home;

    @Option(names = "--region", defaultValue = "", paramLabel = "REGION", description = "Province / city / county.")
    String region;

    @Option(names = "--admin", required = true, paramLabel = "USER", description = "The administrator's user name.")
    String admin;

    @Option(names = "--display-name", paramLabel = "NAME", description = "The administrator's name as shown.")
    String displayName;

    @Override
    public Integer call() {
        ServerConnection server = parent.db == null ? null : parent.server();
        char[] password = parent.passwords.apply(Messages.t("cli.passwordPrompt", admin));
        HomeAccess.Setup setup = new HomeAccess.Setup(home, region, admin, displayName, new String(password));
        HomeAccess.NewHome home2 = server == null
                ? HomeAccess.setUp(parent.dataDir(), setup, parent.clock)
                : HomeAccess.setUpOnServer(parent.dataDir(), server, setup, parent.clock);
        try (var ctx = home2.context()) {
            PrintWriter out = spec.commandLine().getOut();
            String where =
                    server == null ? ctx.dataDir().toString() : server.address().toString();
            String sentence = Messages.t("cli.initDone", where)
                    + (home2.recoveryKey() == null
                            ? ""
                            : System.lineSeparator() + Messages.t("setup.recoveryKeyLabel") + " " + home2.recoveryKey()
                                    + System.lineSeparator() + Messages.t("setup.recoveryKeyWarning"));
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("dataDir", ctx.dataDir().toString());
            fields.put("server", server == null ? null : server.address().toString());
            fields.put("recoveryKey", home2.recoveryKey());
            parent.print(out, sentence, fields);
        }
        return HuyouCli.OK;
    }
}
