package org.huyou.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import org.huyou.donations.LedgerService;
import org.huyou.donations.LedgerVerifier;
import org.huyou.donations.PublishedCode;
import org.huyou.donations.PublishedDisclosure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "verify-ledger",
        mixinStandardHelpOptions = true,
        description = "Recompute the donation ledger's hash chain and check it against the verification code of "
                + "every disclosure made; exit 2 naming the first entry that does not match or the first disclosure "
                + "the ledger contradicts. A --code that differs from the ledger only by a typing slip (one or two "
                + "characters of its hash, or the hash of another entry), or that no disclosure of this home was "
                + "published with, exits 3, not 2.")
final class VerifyLedgerCommand extends HuyouSubcommand {

    @Option(
            names = "--code",
            paramLabel = "CODE",
            description = "A verification code typed from a printed disclosure (entry-hash): exit 0 when it is a "
                    + "published disclosure's (named) and the ledger still holds it, 2 when the ledger contradicts it, "
                    + "3 when it looks mistyped or no disclosure was published with it.")
    String code;

    @Override
    public Integer call() {
        try (AppContext ctx = parent.open()) {
            LedgerVerifier.Result r =
                    code == null ? ctx.ledger().verify() : ctx.ledger().verifyCode(code);
            if (r.ok()) {
                Map<String, Object> json =
                        new LinkedHashMap<>(Map.of("intact", true, "entries", r.entries(), "headHash", r.headHash()));
                String text = Messages.t("cli.ledgerIntact", r.entries(), r.headHash());
                if (code != null) {
                    long seq = PublishedCode.parse(code).seq();
                    List<PublishedDisclosure> published = ctx.ledger().disclosuresWithCode(code);
                    if (published.isEmpty()) {
                        // the ledger holds the hash, but no disclosure of this home was published with it
                        parent.printError(
                                spec.commandLine().getErr(),
                                HuyouCli.NOT_FOUND,
                                Messages.t("ledger.codeNotPublished", seq),
                                Map.of("codeFound", true, "published", false));
                        return HuyouCli.NOT_FOUND;
                    }
                    text = Messages.t("cli.codeMatches", PublishedDisclosure.describe(published), seq, r.entries());
                    json.put("codeMatches", true);
                    json.put(
                            "published",
                            published.stream()
                                    .map(p -> p.from() + ".." + p.to())
                                    .toList());
                }
                parent.print(spec.commandLine().getOut(), text, json);
                return HuyouCli.OK;
            }
            if (code != null) {
                // A slip of the pen is not tampering: said as such, with its own exit code, once the ledger and the
                // disclosures made verify without the typed code.
                Optional<LedgerService.CodeSlip> slip = ctx.ledger().codeSlip(code);
                if (slip.isPresent()) {
                    LedgerVerifier.Result whole = ctx.ledger().verify();
                    if (!whole.ok()) {
                        throw whole.failure();
                    }
                    LedgerService.CodeSlip s = slip.get();
                    parent.printError(
                            spec.commandLine().getErr(),
                            HuyouCli.NOT_FOUND,
                            s.sentence(),
                            Map.of("codeFound", false, "likelyMeant", s.held().code()));
                    return HuyouCli.NOT_FOUND;
                }
            }
            throw r.failure();
        }
    }
}
