package org.huyou.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import org.huyou.donations.Disclosure;
import org.huyou.donations.DisclosureService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "disclosure", mixinStandardHelpOptions = true,
        description = "Write the public disclosure of donations for a period (XLSX and PDF) into a folder; print the "
                + "totals and the verification code.")
final class DisclosureCommand implements Callable<Integer> {

    @ParentCommand
    HuyouCli parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate to;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Override
    public Integer call() {
        try (AppContext ctx = parent.open()) {
            DisclosureService.Exported e = ctx.disclosures().export(from, to, out);
            Disclosure.FundLine t = e.disclosure().total();
            var w = spec.commandLine().getOut();
            w.println(Messages.t("cli.disclosureWritten", e.xlsx(), e.pdf()));
            w.println(Messages.t("cli.disclosureTotals", t.opening().toPlainString(), t.received().toPlainString(),
                    t.used().toPlainString(), t.closing().toPlainString()));
            w.println(Messages.t("disclosure.verification", e.disclosure().verificationCode()));
            return 0;
        }
    }
}
