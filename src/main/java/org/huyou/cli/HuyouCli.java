package org.huyou.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.huyou.app.AppContext;
import org.huyou.app.DataDirs;
import org.huyou.app.DataFolder;
import org.huyou.app.HomeAccess;
import org.huyou.app.Preferences;
import org.huyou.app.ServerConnection;
import org.huyou.common.DamagedDataException;
import org.huyou.common.Dates;
import org.huyou.common.Faults;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.db.ServerAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code huyou <command>}: batch work from the command line, on the same services and permissions as the window.
 * Every command but {@code init} and {@code connect} logs in as {@code --user}, with the password from
 * {@code HUYOU_PASSWORD} or a prompt. Exit codes: 0 done, 1 refused (the user's mistake, with a message), 2 damaged
 * data or an unexpected failure, 3 a code given not found (mistyped, not damage).
 */
@Command(
        name = "huyou",
        mixinStandardHelpOptions = true,
        version = "Huyou 0.1.0",
        description = "Huyou (护佑) command line: batch work on a welfare home's records.",
        subcommands = {
            InitCommand.class,
            DemoCommand.class,
            ImportResidentsCommand.class,
            ImportVolunteersCommand.class,
            ImportAccountsCommand.class,
            ImportDonorsCommand.class,
            ImportDonationsCommand.class,
            ImportOpeningBalancesCommand.class,
            ExportResidentsCommand.class,
            BackupCommand.class,
            VerifyBackupCommand.class,
            RestoreCommand.class,
            VerifyLedgerCommand.class,
            VerifyAuditCommand.class,
            DisclosureCommand.class,
            OpenDaySessionsCommand.class,
            AllowanceRollCommand.class,
            GenerateCommand.class,
            ConnectCommand.class,
            MigrateToCommand.class,
            RecoverCommand.class,
            AccountsCommand.class,
            AnnualReportCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:refused: a mistake in the command or the input (the message says which)",
            "2:damaged data (a backup, the ledger chain, the settings) or an unexpected failure (see the log)",
            "3:not found: what was given (a verification code) looks mistyped; nothing was found damaged"
        })
public final class HuyouCli {

    private static final Logger LOG = LoggerFactory.getLogger(HuyouCli.class);
    public static final String PASSWORD_VARIABLE = "HUYOU_PASSWORD";
    /** A new account's first password (accounts add, accounts reset-password), kept apart from the caller's own. */
    public static final String NEW_PASSWORD_VARIABLE = "HUYOU_NEW_PASSWORD";

    @Option(
            names = "--data-dir",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description = "Data folder (default: HUYOU_HOME, else the per-user application data folder).")
    String dataDir;

    @Option(
            names = {"-u", "--user"},
            scope = ScopeType.INHERIT,
            paramLabel = "USER",
            description = "Log in as this user (password from HUYOU_PASSWORD, or asked for).")
    String user;

    @Option(
            names = "--db",
            scope = ScopeType.INHERIT,
            paramLabel = "URL",
            description = "A home on a PostgreSQL server, postgresql://host:port/name: for init (a new home there), "
                    + "connect (this PC joins it) and migrate-to (move this PC's home there). Other commands use the "
                    + "connection the data folder keeps.")
    String db;

    @Option(
            names = "--db-user",
            scope = ScopeType.INHERIT,
            paramLabel = "USER",
            defaultValue = "huyou",
            description = "The server account (default: ${DEFAULT-VALUE}); its password from HUYOU_DB_PASSWORD, "
                    + "or asked for.")
    String dbUser;

    @Option(
            names = "--json",
            scope = ScopeType.INHERIT,
            description = "Print the result (or the refusal) as one JSON object, for scripts.")
    boolean json;

    public static final int OK = 0;
    public static final int USER_ERROR = 1;
    public static final int DAMAGED = 2;
    /** A code or name given that the home does not hold, most likely mistyped: never reported as damage. */
    public static final int NOT_FOUND = 3;

    /** Where passwords come from: the environment variable, else the console. Tests supply their own. */
    final Function<String, char[]> passwords;
    /** Where a colleague's new password is typed: the console only (see {@link #newAccountPassword}); tests: theirs. */
    Function<String, char[]> newPasswords;

    final Clock clock;
    /** Standard input, for secrets given on it (the recovery key); tests supply their own. */
    final BufferedReader in;

    HuyouCli(Function<String, char[]> passwords, Clock clock, Reader in) {
        this.passwords = passwords;
        this.newPasswords = passwords;
        this.clock = clock;
        this.in = new BufferedReader(in);
    }

    /**
     * A secret typed at the console without echo, or else one line of standard input (a script's pipe); null when
     * there is none.
     */
    String readSecretLine(String prompt) {
        Console console = inIsSystemIn ? System.console() : null;
        if (console != null) {
            char[] typed = console.readPassword("%s", prompt);
            return typed == null ? null : new String(typed);
        }
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean inIsSystemIn;

    /**
     * A new password for {@code user}: {@code HUYOU_PASSWORD} when set, else asked for twice (a mistyped new password
     * would lock its owner out).
     */
    char[] newPassword(String user) {
        char[] first = passwords.apply(Messages.t("cli.newPasswordPrompt", user));
        String fromEnv = System.getenv(PASSWORD_VARIABLE);
        if (fromEnv == null || fromEnv.isEmpty()) {
            char[] second = passwords.apply(Messages.t("cli.newPasswordAgainPrompt", user));
            if (!Arrays.equals(first, second)) {
                throw new UserFacingException("setup.passwordsDiffer");
            }
        }
        return first;
    }

    /**
     * Someone else's new password (an account being created or reset): {@code HUYOU_NEW_PASSWORD} when set, else
     * typed twice. Never {@code HUYOU_PASSWORD}: that is the administrator's own, and must not become a colleague's.
     */
    char[] newAccountPassword(String account) {
        String fromEnv = System.getenv(NEW_PASSWORD_VARIABLE);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        char[] first = newPasswords.apply(Messages.t("cli.accounts.newPasswordPrompt", account));
        char[] second = newPasswords.apply(Messages.t("cli.accounts.newPasswordAgainPrompt", account));
        if (!Arrays.equals(first, second)) {
            throw new UserFacingException("setup.passwordsDiffer");
        }
        return first;
    }

    Path dataDir() {
        Path dir = DataDirs.resolve(dataDir);
        Messages.use(Preferences.load(dir).locale());
        return dir;
    }

    /** Logs in and opens the home for a subcommand. */
    AppContext open() {
        return open(password());
    }

    /** The {@code --user}, required. */
    String user() {
        if (user == null || user.isBlank()) {
            throw new UserFacingException("cli.userRequired");
        }
        return user;
    }

    /** The {@code --user}'s password (the variable, else asked for). */
    char[] password() {
        if (user == null || user.isBlank()) {
            throw new UserFacingException("cli.userRequired");
        }
        return passwords.apply(Messages.t("cli.passwordPrompt", user));
    }

    AppContext open(char[] password) {
        Path dir = dataDir();
        if (user == null || user.isBlank()) {
            throw new UserFacingException("cli.userRequired");
        }
        AppContext ctx = HomeAccess.login(dir, user, password, clock);
        warnOfLoginJournalAlert(ctx);
        return ctx;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /**
     * An administrator working only from the command line must learn too that the login journal was changed outside
     * the program (on standard error, so {@code --json} output stays one object); shown, it is not shown again.
     */
    private void warnOfLoginJournalAlert(AppContext ctx) {
        ctx.login().loginJournalAlert().ifPresent(alert -> {
            PrintWriter err = spec.commandLine().getErr();
            err.println(
                    json
                            ? Json.of(fields("warning", Messages.t("cli.journalAlert", alert)))
                            : Messages.t("cli.journalAlert", alert));
            err.flush();
            ctx.login().acknowledgeLoginJournalAlert();
        });
    }

    /** The server named by {@code --db}, with the server account's password (the variable, else asked for). */
    ServerConnection server() {
        if (db == null || db.isBlank()) {
            throw new UserFacingException("cli.dbRequired");
        }
        ServerAddress address = ServerAddress.parse(db);
        String fromEnv = System.getenv(ServerConnection.PASSWORD_VARIABLE);
        char[] password = fromEnv != null && !fromEnv.isEmpty()
                ? fromEnv.toCharArray()
                : passwords.apply(Messages.t("cli.dbPasswordPrompt", dbUser, address));
        return new ServerConnection(address, dbUser, password);
    }

    /** Named values in order, nulls allowed (unlike Map.of): {@code fields("file", f, "rows", n)}. */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    boolean json() {
        return json;
    }

    /** The result as the user asked for it: the sentence, or (with {@code --json}) one object. */
    void print(PrintWriter out, String sentence, Map<String, ?> fields) {
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("ok", true);
            all.putAll(fields);
            out.println(Json.of(all));
        } else {
            out.println(sentence);
        }
        out.flush();
    }

    AppContext restoreIntoNewFolder(Path backup) {
        Path dir = dataDir();
        if (user == null || user.isBlank()) {
            throw new UserFacingException("cli.userRequired");
        }
        return HomeAccess.restoreIntoNewFolder(
                dir, backup, user, passwords.apply(Messages.t("cli.passwordPrompt", user)), clock);
    }

    public static int run(String... args) {
        CommandLine cl = commandLine(
                HuyouCli::passwordFromEnvironmentOrConsole,
                Clock.systemDefaultZone(),
                new InputStreamReader(System.in, Charset.defaultCharset()));
        ((HuyouCli) cl.getCommand()).inIsSystemIn = true;
        ((HuyouCli) cl.getCommand()).newPasswords = HuyouCli::newPasswordFromConsole;
        try {
            return cl.execute(args);
        } catch (RuntimeException | Error e) { // what picocli lets through (an Error from a command): one sentence
            return ((HuyouCli) cl.getCommand()).refuse(cl.getErr(), e);
        }
    }

    public static CommandLine commandLine(Function<String, char[]> passwords, Clock clock) {
        return commandLine(passwords, clock, new StringReader(""));
    }

    /** The command line with its standard input given (tests pipe a recovery key in). */
    public static CommandLine commandLine(Function<String, char[]> passwords, Clock clock, Reader in) {
        HuyouCli cli = new HuyouCli(passwords, clock, in);
        CommandLine cl = new CommandLine(cli);
        cl.setCaseInsensitiveEnumValuesAllowed(true); // --roles director as well as DIRECTOR
        // Dates as the import and the forms accept them (2026-07-01, 2026/7/1, 20260701), years 2000 to 2100.
        cl.registerConverter(LocalDate.class, HuyouCli::date);
        // Before a command touches its folder: refused with a sentence naming it when it is a file, cannot be read
        // or written, or holds no home for a command that needs one (a mistyped folder is never created).
        cl.setExecutionStrategy(parseResult -> {
            if (!helpAsked(parseResult)) {
                try {
                    cli.checkFolder(parseResult
                            .asCommandLineList()
                            .get(parseResult.asCommandLineList().size() - 1));
                } catch (RuntimeException e) {
                    throw new CommandLine.ExecutionException(cl, "folder refused", e);
                }
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        // The one place a command's failure becomes what the user reads: a sentence and exit 1 (a mistake in what
        // was given) or 2 (damage, a disk fault, or anything unexpected; the log has the details). Never throws.
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> cli.refuse(commandLine.getErr(), e));
        // A mistyped command or option is the user's mistake (picocli's own default would be 2).
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            // --json may come after the option that failed, so picocli has not set it yet: read it from the words.
            cli.json |= Arrays.asList(args).contains("--json");
            String message = null;
            for (Throwable t = e; t != null && message == null; t = t.getCause()) {
                if (t instanceof UserFacingException u) {
                    message = u.userMessage();
                }
            }
            if (message == null) {
                message = Messages.t("cli.badArguments", e.getMessage());
            }
            LOG.info("Command line refused: {}", e.getMessage());
            cli.printError(c.getErr(), USER_ERROR, message);
            if (!cli.json) {
                c.usage(c.getErr());
            }
            return USER_ERROR;
        });
        return cl;
    }

    /** Prints the refusal for any failure (exit 1 or 2, {@link Faults}); never throws, never a stack trace. */
    int refuse(PrintWriter err, Throwable e) {
        Faults.Fault fault;
        try {
            fault = Faults.describe(e);
        } catch (RuntimeException | Error broken) {
            fault = new Faults.Fault("error.unexpected", true, "error.unexpected");
        }
        int code = fault.damage() ? DAMAGED : USER_ERROR;
        try {
            if (e instanceof UserFacingException u && !(e instanceof DamagedDataException)) {
                LOG.info("Command refused: {}", u.messageKey());
            } else {
                LOG.error("Command failed ({})", fault.messageKey(), e);
            }
        } catch (RuntimeException | Error logFailed) {
            // the log is the details' place; the sentence below is what matters
        }
        printError(err, code, fault.message());
        return code;
    }

    /**
     * What {@link org.huyou.app.Launcher} prints when even the command line could not be set up (a missing class,
     * no memory): one sentence in the user's language, exit 2.
     */
    public static int lastResort(Throwable t, String... args) {
        try {
            HuyouCli cli = new HuyouCli(p -> new char[0], Clock.systemDefaultZone(), new StringReader(""));
            cli.json = Arrays.asList(args).contains("--json");
            return cli.refuse(new CommandLine(cli).getErr(), t); // picocli's standard error, as every refusal
        } catch (Throwable worse) {
            return DAMAGED; // not even a sentence can be printed; the exit code still says it failed
        }
    }

    private static boolean helpAsked(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.isUsageHelpRequested() || r.isVersionHelpRequested()) {
                return true;
            }
        }
        return false;
    }

    /** The command's folder as it needs it ({@link FolderCommand}); a command that says nothing needs a home. */
    void checkFolder(CommandLine command) {
        Object c = command.getCommand();
        if (c == this) {
            return; // "huyou" alone: picocli prints the usage
        }
        if (c instanceof FolderCommand f) {
            Path folder = f.folder();
            if (folder != null) {
                DataFolder.check(folder, f.folderNeed());
            }
        } else {
            DataFolder.check(dataDir(), DataFolder.Need.HOME);
        }
        Path dir = dataDir();
        if (HomeAccess.isSetUp(dir)) {
            // An interrupted restore completed, leftovers removed; what cannot be removed is said (not in --json,
            // whose standard error is the refusal's one object).
            var report = HomeAccess.startUp(dir);
            if (!report.kept().isEmpty() && !json) {
                command.getErr().println(Messages.t("restore.leftoversKept", report.kept()));
                command.getErr().flush();
            }
        }
    }

    /** A date option's value; a refusal is the sentence the user reads. */
    static LocalDate date(String text) {
        LocalDate d = Dates.parse(text).orElseThrow(() -> new UserFacingException("cli.badDate", text));
        if (d.getYear() < 2000 || d.getYear() > 2100) {
            throw new UserFacingException("cli.dateOutOfRange", text);
        }
        return d;
    }

    private void printError(PrintWriter err, int code, String message) {
        printError(err, code, message, Map.of());
    }

    /** A refusal, with what a script needs to act on it ({@code details}) when {@code --json} was asked for. */
    void printError(PrintWriter err, int code, String message, Map<String, ?> details) {
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("ok", false);
            o.put("exitCode", code);
            o.put("error", message);
            o.putAll(details);
            err.println(Json.of(o));
        } else {
            err.println(message);
        }
        err.flush();
    }

    static char[] newPasswordFromConsole(String prompt) {
        Console console = System.console();
        char[] pw = console == null ? null : console.readPassword("%s", prompt);
        if (pw == null) {
            throw new UserFacingException("cli.accounts.noNewPassword", NEW_PASSWORD_VARIABLE);
        }
        return pw;
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
