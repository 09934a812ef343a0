package org.huyou.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.huyou.app.AppContext;
import org.huyou.openday.OpenDayRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "openday-sessions", mixinStandardHelpOptions = true,
        description = "Print the open-day sessions the rule gives for a year: one line per session, starting with its "
                + "date as YYYY-MM-DD, then its time slots and capacity.")
final class OpenDaySessionsCommand implements Callable<Integer> {

    @ParentCommand
    HuyouCli parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--year", required = true, paramLabel = "YYYY")
    int year;

    @Override
    public Integer call() {
        try (AppContext ctx = parent.open()) {
            OpenDayRule rule = ctx.openDay().rule();
            for (LocalDate d : rule.sessionDates(year)) {
                spec.commandLine().getOut().println(d + " " + rule.slots().stream().map(OpenDayRule.Slot::toString)
                        .collect(Collectors.joining(" ")) + " " + rule.capacityPerSlot());
            }
            return 0;
        }
    }
}
