package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import org.huyou.cli.HuyouCli;
import org.huyou.donations.DisclosureService;
import org.huyou.donations.Donor;
import org.huyou.donations.Fund;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerHash;
import org.huyou.donations.LedgerRepository;
import org.huyou.donations.LedgerService;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.donations.LedgerVerifier;
import org.huyou.security.Role;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The attacks a chain alone cannot see: someone with the database rewrites the chain from an edited entry on
 * (recomputing every hash and the head), or cuts entries off its end and moves the head back. The chain then
 * verifies in itself; the verification code printed on an earlier disclosure does not match, and both the register
 * of disclosures and a code typed from paper ({@code verify-ledger --code}) say so.
 */
class PublishedCodeTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private Path home() {
        return dir.resolve("home");
    }

    int cli(String... args) {
        CommandLine cl = HuyouCli.commandLine(prompt -> TestHome.PASSWORD.toCharArray(), TestHome.CLOCK);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    int verifyLedger(String... more) {
        String[] base = {"verify-ledger", "--data-dir", home().toString(), "-u", "cw"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return cli(all);
    }

    /** The published period's end: the ten donations fall in it, the two after it in the next, open one. */
    private static final LocalDate PUBLISHED_TO = TestHome.TODAY.minusDays(10);

    /**
     * Ten donations, a disclosure published (its code: entry 10), then two more donations, dated after the published
     * period (a published period takes no new entry): the chain goes on past the code, as it does in a home.
     */
    private String tenEntriesDisclosedThenTwoMore() {
        try (AppContext ctx = TestHome.open(home())) {
            ctx.accounts().create("cw", "财务", TestHome.PASSWORD, EnumSet.of(Role.FINANCE_OFFICER, Role.DIRECTOR));
            ctx.login().logout();
            ctx.login().login("cw", TestHome.PASSWORD.toCharArray());
            LedgerService ledger = ctx.ledger();
            Donor d = ledger.createDonor(
                    new NewDonor(Donor.Kind.ENTERPRISE, "滨州爱心企业", Donor.Naming.FULL, null, null, null, null));
            Fund general = ledger.funds().get(0);
            for (int i = 1; i <= 12; i++) {
                if (i == 11) {
                    DisclosureService.Exported published =
                            ctx.disclosures().export(TestHome.TODAY.minusDays(30), PUBLISHED_TO, dir.resolve("out"));
                    assertEquals(10, published.disclosure().lastSeq());
                }
                assertEquals(i > 10, TestHome.TODAY.minusDays(20 - i).isAfter(PUBLISHED_TO));
                ledger.recordDonation(
                        d.id(),
                        general.id(),
                        TestHome.TODAY.minusDays(20 - i),
                        BigDecimal.valueOf(i * 100),
                        LedgerEntry.Channel.BANK_TRANSFER,
                        null);
            }
            LedgerVerifier.Result r = ledger.verify();
            assertTrue(r.ok(), r.toString());
            return ctx.disclosures().published().get(0).verificationCode();
        }
    }

    /** What someone with the database and the program's source could do: change entry 4, recompute the rest. */
    private static void rewriteFrom(AppContext ctx, long from) {
        LedgerRepository repo = new LedgerRepository(ctx.database().dsl());
        long last = repo.head().lastSeq();
        String previous = repo.entry(from - 1).map(LedgerEntry::hash).orElse(LedgerHash.GENESIS);
        for (long seq = from; seq <= last; seq++) {
            LedgerEntry e = repo.entry(seq).orElseThrow().chained(seq, previous, null);
            String hash = LedgerHash.of(e);
            ctx.database()
                    .dsl()
                    .execute("UPDATE ledger_entry SET prev_hash = ?, hash = ? WHERE seq = ?", previous, hash, seq);
            previous = hash;
        }
        ctx.database().dsl().execute("UPDATE ledger_head SET last_hash = ?", previous);
    }

    private AppContext open() {
        AppContext ctx = TestHome.open(home());
        ctx.login().logout();
        ctx.login().login("cw", TestHome.PASSWORD.toCharArray());
        return ctx;
    }

    @Test
    void anUntouchedLedgerMatchesItsCode() {
        String code = tenEntriesDisclosedThenTwoMore();
        assertTrue(code.startsWith("10-"), code);
        assertEquals(0, verifyLedger("--code", code), err.toString());
        assertTrue(
                out.toString().startsWith("校验码相符：这是" + TestHome.TODAY.minusDays(30) + " 至 " + PUBLISHED_TO + " 的公示（"),
                out.toString());
        assertTrue(out.toString().contains("账簿中第 10 条分录的哈希与它一致"), out.toString());
        // the command line says what the screen says: the ledger is verified, the code signs no file
        assertTrue(out.toString().contains("编制该公示时的账簿（第 1 至 10 条分录）此后未被改动"), out.toString());
        assertTrue(out.toString().contains("不是公示文件的签名"), out.toString());
        assertEquals(0, verifyLedger("--code", " " + code.toUpperCase() + " "), "spaces and capitals forgiven");
        String unpublished;
        try (AppContext ctx = open()) {
            LedgerEntry head = ctx.ledger().entries(Long.MAX_VALUE, 1).get(0);
            unpublished = head.seq() + "-" + head.hash();
        }
        assertEquals(
                HuyouCli.NOT_FOUND,
                verifyLedger("--code", unpublished),
                "the ledger holds entry 12's hash, but no disclosure was published with it");
        assertTrue(err.toString().contains("本院没有以这个校验码发布过公示：账簿第 12 条分录虽有此哈希"), err.toString());
        assertEquals(1, verifyLedger("--code", "10-abc"), "not a code: the user's mistake");
        assertTrue(err.toString().contains("不是校验码"), err.toString());
    }

    @Test
    void aRewrittenChainContradictsTheDisclosure() {
        String code = tenEntriesDisclosedThenTwoMore();
        try (AppContext ctx = open()) {
            ctx.database().dsl().execute("UPDATE ledger_entry SET amount = 40 WHERE seq = 4");
            rewriteFrom(ctx, 4);
            LedgerRepository repo = new LedgerRepository(ctx.database().dsl());
            assertTrue(new LedgerVerifier(repo).verify().ok(), "the chain alone cannot see a rewrite");

            LedgerVerifier.Result r = ctx.ledger().verify();
            assertFalse(r.ok());
            assertNull(r.firstBad());
            assertEquals("rewritten", r.contradiction());
            assertEquals(10, r.contradicted().seq());
            assertEquals(TestHome.TODAY.minusDays(30), r.contradicted().from());
            assertTrue(r.describe().contains("2026-10-24 至 2026-11-13 公示的校验码不符"), r.describe());
            assertTrue(r.describe().contains("第 10 条分录的哈希已不同"), r.describe());
        }
        assertEquals(2, verifyLedger(), "verify-ledger checks the register's codes");
        assertTrue(err.toString().contains("公示的校验码不符"), err.toString());
        assertEquals(2, verifyLedger("--code", code));
        assertTrue(err.toString().contains("账簿与校验码 " + code + " 不符"), err.toString());
    }

    /**
     * A code or an option mistyped is never reported as tampering: an unknown option is a usage error (exit 1), a
     * hash one or two characters off or another entry's hash "not found" (exit 3), each in its own sentence.
     */
    @Test
    void aMistypedCodeOrOptionIsNotFoundOrAUsageErrorNeverTampering() {
        String code = tenEntriesDisclosedThenTwoMore();
        String hash = code.substring(3);
        char first = hash.charAt(0);
        String oneOff = "10-" + (first == 'a' ? 'b' : 'a') + hash.substring(1);
        assertEquals(HuyouCli.NOT_FOUND, verifyLedger("--code", oneOff));
        assertTrue(
                err.toString().contains("没有找到校验码")
                        && err.toString().contains("只差 1 个字符")
                        && err.toString().contains(code),
                err.toString());
        assertFalse(err.toString().contains("不符") || err.toString().contains("被改动后"), err.toString());

        err.getBuffer().setLength(0);
        assertEquals(HuyouCli.NOT_FOUND, verifyLedger("--code", "11-" + hash), "the entry number mistyped");
        assertTrue(err.toString().contains("属于账簿第 10 条分录，而不是第 11 条"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(HuyouCli.NOT_FOUND, verifyLedger("--code", "100-" + hash), "past the end, still a slip");
        assertFalse(err.toString().contains("截掉"), err.toString());

        err.getBuffer().setLength(0);
        assertEquals(HuyouCli.USER_ERROR, verifyLedger("--cdoe", code), "an unknown option");
        assertTrue(err.toString().contains("Usage") || err.toString().contains("用法"), err.toString());
        assertFalse(err.toString().contains("不符"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(HuyouCli.USER_ERROR, verifyLedger("2026-Q3"), "a period where no argument is taken");
        err.getBuffer().setLength(0);
        assertEquals(HuyouCli.USER_ERROR, verifyLedger("--code", "10-" + hash.substring(1)), "not a code at all");
        assertTrue(err.toString().contains("不是校验码"), err.toString());

        err.getBuffer().setLength(0);
        assertEquals(HuyouCli.NOT_FOUND, verifyLedger("--json", "--code", oneOff));
        assertTrue(
                err.toString().contains("\"exitCode\":3") && err.toString().contains("\"likelyMeant\":\"" + code),
                err.toString());
    }

    /** A slip on a ledger that is itself changed: the change is what is reported (exit 2). */
    @Test
    void aSlipOnAChangedLedgerIsStillReportedAsTheChange() {
        String code = tenEntriesDisclosedThenTwoMore();
        try (AppContext ctx = open()) {
            ctx.database().dsl().execute("UPDATE ledger_entry SET amount = 40 WHERE seq = 4");
            rewriteFrom(ctx, 4);
        }
        // the hash of entry 11 typed as entry 12's: a slip, but the register's code no longer holds
        String eleven;
        try (AppContext ctx = open()) {
            eleven = new LedgerRepository(ctx.database().dsl())
                    .entry(11)
                    .orElseThrow()
                    .hash();
        }
        assertEquals(HuyouCli.DAMAGED, verifyLedger("--code", "12-" + eleven));
        assertTrue(err.toString().contains("公示的校验码不符"), err.toString());
        assertTrue(code.startsWith("10-"));
    }

    @Test
    void aRegisterEditedToMatchStillFailsTheCodeOnPaper() {
        String code = tenEntriesDisclosedThenTwoMore();
        try (AppContext ctx = open()) {
            ctx.database().dsl().execute("UPDATE ledger_entry SET amount = 40 WHERE seq = 4");
            rewriteFrom(ctx, 4);
            String forged = "10-"
                    + new LedgerRepository(ctx.database().dsl())
                            .entry(10)
                            .orElseThrow()
                            .hash();
            ctx.database().dsl().execute("UPDATE disclosure SET verification_code = ?", forged);
            assertTrue(ctx.ledger().verify().ok(), "ledger and register now agree with each other");
        }
        assertEquals(2, verifyLedger("--code", code), "the printed code does not");
    }

    @Test
    void aCutTailContradictsTheDisclosure() {
        String code = tenEntriesDisclosedThenTwoMore();
        try (AppContext ctx = open()) {
            LedgerRepository repo = new LedgerRepository(ctx.database().dsl());
            String eighth = repo.entry(8).orElseThrow().hash();
            ctx.database().dsl().execute("DELETE FROM ledger_entry WHERE seq > 8");
            ctx.database().dsl().execute("UPDATE ledger_head SET last_seq = 8, last_hash = ?", eighth);
            assertTrue(new LedgerVerifier(repo).verify().ok(), "the chain alone cannot see a cut tail");

            LedgerVerifier.Result r = ctx.ledger().verify();
            assertFalse(r.ok());
            assertEquals("cut", r.contradiction());
            assertEquals(8, r.entries());
            assertTrue(r.describe().contains("第 10 条分录已不存在：账簿现在止于第 8 条"), r.describe());
        }
        assertEquals(2, verifyLedger("--code", code));
        assertTrue(err.toString().contains("末尾的分录被截掉"), err.toString());
    }
}
