package org.huyou.cli;

import java.util.concurrent.Callable;
import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import org.huyou.donations.LedgerVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify-ledger", mixinStandardHelpOptions = true,
        description = "Recompute the donation ledger's hash chain; exit 2 naming the first entry that does not match.")
final class VerifyLedgerCommand implements Callable<Integer> {

    @ParentCommand
    HuyouCli parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (AppContext ctx = parent.open()) {
            LedgerVerifier.Result r = ctx.ledger().verify();
            if (r.ok()) {
                parent.print(spec.commandLine().getOut(), Messages.t("cli.ledgerIntact", r.entries(), r.headHash()),
                        java.util.Map.of("intact", true, "entries", r.entries(), "headHash", r.headHash()));
                return HuyouCli.OK;
            }
            throw new org.huyou.common.DamagedDataException("cli.ledgerBroken", r.firstBad(),
                    Messages.t("ledgerProblem." + r.problem()));
        }
    }
}
