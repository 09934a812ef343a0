package org.huyou.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.huyou.app.AppContext;
import org.huyou.app.DataDirs;
import org.huyou.app.Preferences;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code huyou <command>}: batch work from the command line, on the same services as the window. */
@Command(name = "huyou", mixinStandardHelpOptions = true, version = "Huyou 0.1.0",
        description = "Huyou (护佑) command line: batch work on a welfare home's records.",
        subcommands = {DemoCommand.class, ImportResidentsCommand.class, ExportResidentsCommand.class})
public final class HuyouCli {

    private static final Logger LOG = LoggerFactory.getLogger(HuyouCli.class);

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data folder (default: HUYOU_HOME, else the per-user application data folder).")
    String dataDir;

    /** Opens the home's data for a subcommand, in the language chosen on this PC. */
    AppContext open() {
        Path dir = DataDirs.resolve(dataDir);
        Messages.use(Preferences.load(dir).locale());
        return AppContext.open(dir);
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new HuyouCli());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof UserFacingException u) {
                err.println(u.userMessage());
                LOG.info("Command refused: {}", u.messageKey());
            } else {
                err.println(UserFacingException.describe(e));
                LOG.error("Command failed", e);
            }
            err.flush();
            return 2;
        });
        return cl;
    }
}
