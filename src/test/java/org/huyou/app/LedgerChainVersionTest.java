package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.huyou.donations.Donor;
import org.huyou.donations.Fund;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerHash;
import org.huyou.donations.LedgerRepository;
import org.huyou.donations.LedgerService;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.donations.LedgerVerifier;
import org.huyou.donations.Payment;
import org.huyou.security.Role;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second hashing rule (length-prefixed fields): text moved between two fields and NULL put for empty text are
 * found, which the first rule ('|' between fields) could not see; a chain begun under the first rule still verifies
 * and goes on under the second; and the switch cannot be undone quietly.
 */
class LedgerChainVersionTest {

    @TempDir
    Path dir;

    private AppContext financeHome() {
        AppContext ctx = TestHome.open(dir);
        ctx.accounts().create("cw", "财务", TestHome.PASSWORD, EnumSet.of(Role.FINANCE_OFFICER, Role.DIRECTOR));
        ctx.login().logout();
        ctx.login().login("cw", TestHome.PASSWORD.toCharArray());
        return ctx;
    }

    private static LedgerVerifier.Result verify(AppContext ctx) {
        LedgerRepository repo = new LedgerRepository(ctx.database().dsl());
        LedgerVerifier.Result walk = new LedgerVerifier(repo, 1, 1).verify();
        assertEquals(walk, new LedgerVerifier(repo, 3, 1).verify(), "three ranges read side by side");
        return walk;
    }

    private static void sql(AppContext ctx, String statement, Object... params) {
        ctx.database().dsl().execute(statement, params);
    }

    /** A payment to "阳光文具店|PZ" with voucher "001", recorded through the service. */
    private static LedgerEntry payment(AppContext ctx) {
        LedgerService ledger = ctx.ledger();
        Donor d = ledger.createDonor(
                new NewDonor(Donor.Kind.ENTERPRISE, "滨州爱心企业", Donor.Naming.FULL, null, null, null, null));
        Fund general = ledger.funds().get(0);
        ledger.recordDonation(
                d.id(),
                general.id(),
                TestHome.TODAY.minusDays(3),
                new BigDecimal("1000"),
                LedgerEntry.Channel.BANK_TRANSFER,
                null);
        return ledger.recordUse(new Payment(
                        general.id(),
                        TestHome.TODAY.minusDays(2),
                        new BigDecimal("200"),
                        Fund.Purpose.GENERAL,
                        "文具",
                        "阳光文具店|PZ",
                        "001"))
                .entry();
    }

    @Test
    void textMovedBetweenPayeeAndVoucherIsFound() {
        try (AppContext ctx = financeHome()) {
            LedgerEntry use = payment(ctx);
            assertEquals(LedgerHash.CURRENT, use.chainVersion());
            // Under the first rule the move would not show: both read "阳光文具店|PZ|001".
            LedgerEntry moved = use.toBuilder()
                    .payee("阳光文具店")
                    .voucherNo("PZ|001")
                    .hash(null)
                    .build();
            assertEquals(LedgerHash.of(use.withChainVersion(1)), LedgerHash.of(moved.withChainVersion(1)));
            assertNotEquals(LedgerHash.of(use), LedgerHash.of(moved));

            sql(ctx, "UPDATE ledger_entry SET payee = ?, voucher_no = ? WHERE seq = ?", "阳光文具店", "PZ|001", use.seq());
            LedgerVerifier.Result r = verify(ctx);
            assertEquals(use.seq(), r.firstBad());
            assertEquals("content", r.problem());
        }
    }

    @Test
    void emptyTextPutForNullIsFound() {
        try (AppContext ctx = financeHome()) {
            LedgerEntry use = payment(ctx);
            assertEquals(null, use.receiptNo(), "a payment has no receipt");
            sql(ctx, "UPDATE ledger_entry SET receipt_no = '' WHERE seq = ?", use.seq());
            LedgerVerifier.Result r = verify(ctx);
            assertEquals(use.seq(), r.firstBad());
            assertEquals("content", r.problem());
        }
    }

    /**
     * Three entries as the code before migration 19 wrote them (the first rule; the migration marks existing rows
     * version 1), then two through today's service: the chain verifies across the switch.
     */
    private AppContext oldChainContinued() {
        AppContext ctx = financeHome();
        LedgerService ledger = ctx.ledger();
        Donor d = ledger.createDonor(
                new NewDonor(Donor.Kind.INDIVIDUAL, "李明", Donor.Naming.FULL, null, null, null, null));
        Fund general = ledger.funds().get(0);
        LedgerRepository repo = new LedgerRepository(ctx.database().dsl());
        String previous = LedgerHash.GENESIS;
        for (int seq = 1; seq <= 3; seq++) {
            LedgerEntry draft = LedgerEntry.builder()
                    .seq(seq)
                    .date(TestHome.TODAY.minusDays(10 - seq))
                    .kind(LedgerEntry.Kind.DONATION)
                    .fundId(general.id())
                    .amount(new BigDecimal(seq * 100 + ".00"))
                    .donorId(d.id())
                    .channel(LedgerEntry.Channel.CASH)
                    .receiptNo("2026-90000" + seq)
                    .createdAt(TestHome.TODAY.minusDays(10 - seq).atTime(9, 0))
                    .createdBy("cw")
                    .prevHash(previous)
                    .build()
                    .withChainVersion(1);
            LedgerEntry e = draft.chained(seq, previous, LedgerHash.of(draft));
            assertEquals(LedgerHash.sha256Hex(LedgerHash.contentV1(draft)), e.hash(), "the first rule's hash");
            repo.insert(e);
            repo.moveHead(seq, e.hash());
            previous = e.hash();
        }
        sql(ctx, "UPDATE ledger_entry SET chain_version = DEFAULT"); // as the migration left the old rows
        assertTrue(verify(ctx).ok());
        ledger.recordDonation(
                d.id(),
                general.id(),
                TestHome.TODAY.minusDays(1),
                new BigDecimal("400"),
                LedgerEntry.Channel.CASH,
                null);
        ledger.recordDonation(
                d.id(), general.id(), TestHome.TODAY, new BigDecimal("500"), LedgerEntry.Channel.CASH, null);
        return ctx;
    }

    @Test
    void aChainBegunUnderTheFirstRuleVerifiesAndGoesOnUnderTheSecond() {
        try (AppContext ctx = oldChainContinued()) {
            LedgerVerifier.Result r = verify(ctx);
            assertTrue(r.ok(), r.toString());
            assertEquals(5, r.entries());
            LedgerRepository repo = new LedgerRepository(ctx.database().dsl());
            assertEquals(1, repo.entry(3).orElseThrow().chainVersion());
            assertEquals(2, repo.entry(4).orElseThrow().chainVersion());
            assertEquals(2, repo.entry(5).orElseThrow().chainVersion());
        }
    }

    @Test
    void anOldEntryStillShowsAChange() {
        try (AppContext ctx = oldChainContinued()) {
            sql(ctx, "UPDATE ledger_entry SET amount = 999 WHERE seq = 2");
            LedgerVerifier.Result r = verify(ctx);
            assertEquals(2L, r.firstBad());
            assertEquals("content", r.problem());
        }
    }

    @Test
    void theSwitchCannotBeFlippedWithoutRehashing() {
        try (AppContext ctx = oldChainContinued()) {
            sql(ctx, "UPDATE ledger_entry SET chain_version = 1 WHERE seq = 5");
            LedgerVerifier.Result r = verify(ctx);
            assertFalse(r.ok());
            assertEquals(5L, r.firstBad());
        }
    }

    @Test
    void aNewEntryRehashedUnderTheFirstRuleBreaksTheOrderOfRules() {
        try (AppContext ctx = oldChainContinued()) {
            // Someone rewrites entry 5 under the weaker rule and moves the head along: each hash is right, the order
            // of the rules is not.
            LedgerRepository repo = new LedgerRepository(ctx.database().dsl());
            LedgerEntry last = repo.entry(5).orElseThrow().withChainVersion(1);
            String hash = LedgerHash.of(last);
            sql(ctx, "UPDATE ledger_entry SET chain_version = 1, hash = ? WHERE seq = 5", hash);
            sql(ctx, "UPDATE ledger_head SET last_hash = ?", hash);
            LedgerVerifier.Result r = verify(ctx);
            assertFalse(r.ok());
            assertEquals(5L, r.firstBad());
            assertEquals("version", r.problem());
        }
    }

    @Test
    void anOpeningBalanceRehashedUnderTheFirstRuleIsNamedByTheVerifier() {
        try (AppContext ctx = financeHome()) {
            Fund general = ctx.ledger().funds().get(0);
            ctx.ledger()
                    .importOpeningBalances(
                            List.of(new LedgerService.OpeningBalance(
                                    general.name(), TestHome.TODAY.minusDays(3), new BigDecimal("1000"), null)),
                            "期初.csv");
            // The only entry rewritten under rule 1, the head moved along: every hash is right in itself and rule 1
            // may begin a chain, so only the kind, newer than rule 1, tells that the app never wrote it.
            LedgerRepository repo = new LedgerRepository(ctx.database().dsl());
            LedgerEntry v1 = repo.entry(1).orElseThrow().withChainVersion(1);
            String hash = LedgerHash.of(v1);
            sql(ctx, "UPDATE ledger_entry SET chain_version = 1, hash = ? WHERE seq = 1", hash);
            sql(ctx, "UPDATE ledger_head SET last_hash = ?", hash);
            LedgerVerifier.Result r = verify(ctx);
            assertFalse(r.ok());
            assertEquals(1L, r.firstBad());
            assertEquals("version", r.problem());
        }
    }
}
