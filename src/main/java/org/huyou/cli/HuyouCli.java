package org.huyou.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import org.huyou.app.AppContext;
import org.huyou.app.DataDirs;
import org.huyou.app.HomeAccess;
import org.huyou.app.Preferences;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code huyou <command>}: batch work from the command line, on the same services and permissions as the window.
 * Every command but {@code init} logs in as {@code --user}, with the password from {@code HUYOU_PASSWORD} or a prompt.
 */
@Command(name = "huyou", mixinStandardHelpOptions = true, version = "Huyou 0.1.0",
        description = "Huyou (护佑) command line: batch work on a welfare home's records.",
        subcommands = {InitCommand.class, DemoCommand.class, ImportResidentsCommand.class,
            ExportResidentsCommand.class, BackupCommand.class, VerifyBackupCommand.class, RestoreCommand.class,
            VerifyLedgerCommand.class, DisclosureCommand.class, OpenDaySessionsCommand.class,
            AllowanceRollCommand.class, GenerateCommand.class})
public final class HuyouCli {

    private static final Logger LOG = LoggerFactory.getLogger(HuyouCli.class);
    public static final String PASSWORD_VARIABLE = "HUYOU_PASSWORD";

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data folder (default: HUYOU_HOME, else the per-user application data folder).")
    String dataDir;

    @Option(names = {"-u", "--user"}, scope = ScopeType.INHERIT, paramLabel = "USER",
            description = "Log in as this user (password from HUYOU_PASSWORD, or asked for).")
    String user;

    /** Where passwords come from: the environment variable, else the console. Tests supply their own. */
    final Function<String, char[]> passwords;
    final Clock clock;

    HuyouCli(Function<String, char[]> passwords, Clock clock) {
        this.passwords = passwords;
        this.clock = clock;
    }

    Path dataDir() {
        Path dir = DataDirs.resolve(dataDir);
        Messages.use(Preferences.load(dir).locale());
        return dir;
    }

    /** Logs in and opens the home for a subcommand. */
    AppContext open() {
        Path dir = dataDir();
        if (user == null || user.isBlank()) {
            throw new UserFacingException("cli.userRequired");
        }
        return HomeAccess.login(dir, user, passwords.apply(Messages.t("cli.passwordPrompt", user)), clock);
    }

    AppContext restoreIntoNewFolder(Path backup) {
        Path dir = dataDir();
        if (user == null || user.isBlank()) {
            throw new UserFacingException("cli.userRequired");
        }
        return HomeAccess.restoreIntoNewFolder(dir, backup, user,
                passwords.apply(Messages.t("cli.passwordPrompt", user)), clock);
    }

    public static int run(String... args) {
        return commandLine(HuyouCli::passwordFromEnvironmentOrConsole, Clock.systemDefaultZone()).execute(args);
    }

    public static CommandLine commandLine(Function<String, char[]> passwords, Clock clock) {
        CommandLine cl = new CommandLine(new HuyouCli(passwords, clock));
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

    static char[] passwordFromEnvironmentOrConsole(String prompt) {
        String fromEnv = System.getenv(PASSWORD_VARIABLE);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new UserFacingException("cli.noPassword", PASSWORD_VARIABLE);
        }
        char[] pw = console.readPassword("%s", prompt);
        if (pw == null) {
            throw new UserFacingException("cli.noPassword", PASSWORD_VARIABLE);
        }
        return pw;
    }
}
