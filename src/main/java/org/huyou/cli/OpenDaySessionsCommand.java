package org.huyou.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.huyou.app.AppContext;
import org.huyou.openday.OpenDayRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "openday-sessions",
        mixinStandardHelpOptions = true,
        description = "Print the open-day sessions the rule gives for a year: one line per session, starting with its "
                + "date as YYYY-MM-DD, then its time slots and capacity.")
final class OpenDaySessionsCommand extends HuyouSubcommand {

    @Option(names = "--year", required = true, paramLabel = "YYYY")
    int year;

    @Override
    public Integer call() {
        try (AppContext ctx = parent.open()) {
            OpenDayRule rule = ctx.openDay().rule();
            List<String> lines = new ArrayList<>();
            List<Object> sessions = new ArrayList<>();
            for (LocalDate d : rule.sessionDates(year)) {
                lines.add(d + " "
                        + rule.slots().stream().map(OpenDayRule.Slot::toString).collect(Collectors.joining(" ")) + " "
                        + rule.capacityPerSlot());
                sessions.add(HuyouCli.fields(
                        "date",
                        d,
                        "slots",
                        rule.slots().stream().map(OpenDayRule.Slot::toString).toList(),
                        "capacityPerSlot",
                        rule.capacityPerSlot()));
            }
            parent.print(
                    spec.commandLine().getOut(),
                    String.join(System.lineSeparator(), lines),
                    HuyouCli.fields("year", year, "sessions", sessions));
            return 0;
        }
    }
}
