package org.huyou.cli;

import java.util.Map;
import org.huyou.app.AppContext;
import org.huyou.security.AuditVerifier;
import picocli.CommandLine.Command;

@Command(
        name = "verify-audit",
        mixinStandardHelpOptions = true,
        description = "Recompute the audit log's hash chain; exit 2 naming the first entry edited, removed or put in "
                + "by hand.")
final class VerifyAuditCommand extends HuyouSubcommand {

    @Override
    public Integer call() {
        try (AppContext ctx = parent.open()) {
            AuditVerifier.Result r = ctx.audit().verifyChain();
            if (!r.ok()) {
                throw r.failure();
            }
            parent.print(
                    spec.commandLine().getOut(),
                    r.describe(),
                    Map.of("intact", true, "entries", r.entries(), "headHash", r.headHash()));
            return HuyouCli.OK;
        }
    }
}
