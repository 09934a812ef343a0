package org.huyou.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import org.huyou.app.DataFolder;
import org.huyou.app.HomeAccess;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.generate.StressGenerator;
import org.huyou.generate.StressProfile;
import org.huyou.security.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Create a new home filled with years of generated records, to measure speed at scale. "
                + "The same seed gives the same data. Stress profile: --residents 20000 --years 20 (5 million care "
                + "entries, 500,000 ledger entries).")
final class GenerateCommand extends HuyouSubcommand implements FolderCommand {

    /** The director account created with the generated home. */
    static final String DIRECTOR = "director";

    @Option(names = "--residents", required = true, paramLabel = "N", description = "How many residents.")
    int residents;

    @Option(
            names = "--years",
            defaultValue = "20",
            paramLabel = "Y",
            description = "Years of history (default ${DEFAULT-VALUE}).")
    int years;

    @Option(names = "--out-data-dir", required = true, paramLabel = "DIR", description = "A new data folder to create.")
    Path out;

    @Option(
            names = "--seed",
            defaultValue = "" + StressProfile.DEFAULT_SEED,
            description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--care-entries", paramLabel = "M", description = "Care entries (default 250 per resident).")
    Long careEntries;

    @Option(names = "--ledger-entries", paramLabel = "L", description = "Ledger entries (default 25 per resident).")
    Long ledgerEntries;

    @Option(
            names = "--long-stay-entries",
            paramLabel = "K",
            description =
                    "Entries on the long-stay child's timeline (default 20000, at most a quarter of the care entries).")
    Integer longStay;

    @Override
    public DataFolder.Need folderNeed() {
        return DataFolder.Need.NEW_HOME;
    }

    @Override
    public Path folder() {
        return out;
    }

    @Override
    public Integer call() {
        if (HomeAccess.isSetUp(out)) {
            throw new UserFacingException("generate.dirNotEmpty", out);
        }
        StressProfile base = StressProfile.of(residents, years, seed);
        long care = careEntries == null ? base.careEntries() : careEntries;
        StressProfile profile = new StressProfile(
                residents,
                years,
                care,
                ledgerEntries == null ? base.ledgerEntries() : ledgerEntries,
                longStay == null ? (int) Math.min(StressProfile.LONG_STAY_ENTRIES, care / 4) : longStay,
                seed);
        String admin = parent.user == null || parent.user.isBlank() ? "admin" : parent.user;
        char[] password = parent.passwords.apply(Messages.t("cli.passwordPrompt", admin));
        HomeAccess.NewHome home = HomeAccess.setUp(
                out,
                new HomeAccess.Setup(Messages.t("generate.homeName"), "", admin, null, new String(password)),
                parent.clock);
        PrintWriter stdout = spec.commandLine().getOut();
        try (var ctx = home.context()) {
            if (!parent.json()) {
                stdout.println(Messages.t("setup.recoveryKeyLabel") + " " + home.recoveryKey());
            }
            StressGenerator.Summary s = ctx.stressGenerator().generate(profile, step -> {
                if (!parent.json()) { // progress is for people; a script gets the one object at the end
                    stdout.println("  " + step);
                    stdout.flush();
                }
            });
            // A director to browse it with (the administrator manages accounts, not records), same password.
            ctx.accounts()
                    .create(
                            DIRECTOR,
                            Messages.t("generate.directorName"),
                            new String(password),
                            EnumSet.of(Role.DIRECTOR));
            parent.print(
                    stdout,
                    Messages.t(
                            "generate.done",
                            out,
                            String.valueOf(s.residents()),
                            String.valueOf(s.careEntries()),
                            String.valueOf(s.ledgerEntries()),
                            String.valueOf(s.millis() / 1000)),
                    HuyouCli.fields(
                            "dataDir",
                            out.toAbsolutePath(),
                            "recoveryKey",
                            home.recoveryKey(),
                            "residents",
                            s.residents(),
                            "careEntries",
                            s.careEntries(),
                            "ledgerEntries",
                            s.ledgerEntries(),
                            "seconds",
                            s.millis() / 1000));
        }
        return 0;
    }
}
