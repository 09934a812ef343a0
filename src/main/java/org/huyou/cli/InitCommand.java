package org.huyou.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.huyou.app.HomeAccess;
import org.huyou.common.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Set up a new home without a screen: the encrypted database, the first administrator and the "
                + "keyring. Prints the recovery key once: write it down.")
final class InitCommand implements Callable<Integer> {

    @ParentCommand
    HuyouCli parent;

    @Spec
    CommandSpec spec;

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
        char[] password = parent.passwords.apply(Messages.t("cli.passwordPrompt", admin));
        HomeAccess.NewHome home2 = HomeAccess.setUp(parent.dataDir(), home, region, admin, displayName,
                new String(password), parent.clock);
        try (var ctx = home2.context()) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(Messages.t("cli.initDone", ctx.dataDir()));
            out.println(Messages.t("setup.recoveryKeyLabel") + " " + home2.recoveryKey());
            out.println(Messages.t("setup.recoveryKeyWarning"));
        }
        return 0;
    }
}
