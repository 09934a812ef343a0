package org.huyou.cli;

import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import org.huyou.residents.demo.DemoHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true, description = "Load the demo home into an empty database.")
final class DemoCommand extends HuyouSubcommand {

    @Option(
            names = "--residents",
            defaultValue = "" + DemoHome.DEFAULT_RESIDENTS,
            description = "How many residents (default ${DEFAULT-VALUE}).")
    int residents;

    @Option(
            names = "--seed",
            defaultValue = "" + DemoHome.DEFAULT_SEED,
            description = "Seed; the same seed gives the same home.")
    long seed;

    @Override
    public Integer call() {
        try (AppContext ctx = parent.open()) {
            int n = ctx.loadDemo(residents, seed);
            parent.print(spec.commandLine().getOut(), Messages.t("cli.demoLoaded", n), HuyouCli.fields("residents", n));
            return 0;
        }
    }
}
