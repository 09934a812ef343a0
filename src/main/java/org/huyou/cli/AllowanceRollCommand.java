package org.huyou.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.huyou.allowance.Roll;
import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.common.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "allowance-roll",
        mixinStandardHelpOptions = true,
        description = "Write the month's basic living allowance roll (XLSX, ID numbers masked) and print its totals "
                + "per category.")
final class AllowanceRollCommand extends HuyouSubcommand {

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM")
    String month;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Override
    public Integer call() {
        YearMonth m;
        try {
            m = YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new UserFacingException("cli.badMonth", month);
        }
        try (AppContext ctx = parent.open()) {
            Roll roll = ctx.allowance()
                    .exportRoll(m, out.toAbsolutePath(), ctx.homeProfile().name());
            List<String> lines = new ArrayList<>();
            List<Object> categories = new ArrayList<>();
            lines.add(Messages.t("cli.rollWritten", out.toAbsolutePath()));
            for (Roll.CategoryTotal t : roll.totals()) {
                lines.add(Messages.t(
                        "cli.rollCategory", t.category().label(), t.people(), t.days(), Money.amount(t.amount())));
                categories.add(HuyouCli.fields(
                        "category",
                        t.category().name(),
                        "label",
                        t.category().label(),
                        "people",
                        t.people(),
                        "days",
                        t.days(),
                        "amount",
                        t.amount()));
            }
            lines.add(Messages.t("cli.rollTotal", roll.people(), Money.amount(roll.total())));
            long problems =
                    roll.lines().stream().filter(l -> !l.problems().isEmpty()).count();
            if (problems > 0) {
                lines.add(Messages.t("cli.rollProblems", problems));
            }
            parent.print(
                    spec.commandLine().getOut(),
                    String.join(System.lineSeparator(), lines),
                    HuyouCli.fields(
                            "month",
                            m.toString(),
                            "file",
                            out.toAbsolutePath(),
                            "people",
                            roll.people(),
                            "total",
                            roll.total(),
                            "categories",
                            categories,
                            "linesWithProblems",
                            problems));
            return 0;
        }
    }
}
