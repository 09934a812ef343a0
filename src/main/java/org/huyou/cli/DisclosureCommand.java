package org.huyou.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.donations.Disclosure;
import org.huyou.donations.DisclosureService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "disclosure",
        mixinStandardHelpOptions = true,
        description = "Write the public disclosure of donations for a period (XLSX and PDF) into a folder; print the "
                + "totals and the verification code. A period already published is refused unless --reason says why "
                + "it is published again (a corrected disclosure superseding the last; no file is overwritten).")
final class DisclosureCommand extends HuyouSubcommand {

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate to;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(
            names = "--reason",
            paramLabel = "TEXT",
            description = "Why a period already published is published again (a corrected disclosure).")
    String reason;

    @Override
    public Integer call() {
        try (AppContext ctx = parent.open()) {
            DisclosureService.Exported e = ctx.disclosures().export(from, to, out, reason);
            Disclosure.FundLine t = e.disclosure().total();
            String sentence = String.join(
                    System.lineSeparator(),
                    Messages.t("cli.disclosureWritten", e.xlsx(), e.pdf()),
                    Messages.t(
                            "cli.disclosureTotals",
                            Money.amount(t.opening()),
                            Money.amount(t.received()),
                            Money.amount(t.used()),
                            Money.amount(t.closing())),
                    Messages.t("disclosure.verification", e.disclosure().verificationCode()));
            if (e.supersedes().isPresent()) {
                sentence += System.lineSeparator()
                        + Messages.t(
                                "disclosure.supersedesText",
                                e.supersedes().get().describe());
            }
            parent.print(
                    spec.commandLine().getOut(),
                    sentence,
                    HuyouCli.fields(
                            "from",
                            from,
                            "to",
                            to,
                            "xlsx",
                            e.xlsx(),
                            "pdf",
                            e.pdf(),
                            "opening",
                            t.opening(),
                            "received",
                            t.received(),
                            "used",
                            t.used(),
                            "closing",
                            t.closing(),
                            "verificationCode",
                            e.disclosure().verificationCode(),
                            "supersedes",
                            e.supersedes().map(p -> p.id()).orElse(null)));
            return 0;
        }
    }
}
