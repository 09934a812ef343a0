package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumSet;
import org.huyou.donations.Donor;
import org.huyou.donations.Fund;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerRepository;
import org.huyou.donations.LedgerService;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.donations.LedgerVerifier;
import org.huyou.security.Role;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone with the database in hand changes an amount, deletes a row or swaps two rows with SQL: verification finds
 * each and names the first entry that does not match. Every case is also checked with the ten entries cut into three
 * ranges read side by side (1-3, 4-6, 7-), as a long chain is: the answer must be the single walk's.
 */
class LedgerTamperTest {

    @TempDir
    Path dir;

    private AppContext homeWithTenEntries() {
        AppContext ctx = TestHome.open(dir);
        ctx.accounts().create("cw", "财务", TestHome.PASSWORD, EnumSet.of(Role.FINANCE_OFFICER));
        ctx.login().logout();
        ctx.login().login("cw", TestHome.PASSWORD.toCharArray());
        LedgerService ledger = ctx.ledger();
        Donor d = ledger.createDonor(
                new NewDonor(Donor.Kind.ENTERPRISE, "滨州爱心企业", Donor.Naming.FULL, null, null, null, null));
        Fund general = ledger.funds().get(0);
        for (int i = 1; i <= 10; i++) {
            ledger.recordDonation(
                    d.id(),
                    general.id(),
                    TestHome.TODAY.minusDays(20 - i),
                    BigDecimal.valueOf(i * 100),
                    LedgerEntry.Channel.BANK_TRANSFER,
                    null);
        }
        assertTrue(ledger.verify().ok());
        return ctx;
    }

    /** The service's answer, after checking that a single walk and three ranges give the same. */
    private static LedgerVerifier.Result verify(AppContext ctx) {
        LedgerRepository repo = new LedgerRepository(ctx.database().dsl());
        LedgerVerifier.Result walk = new LedgerVerifier(repo, 1, 1).verify();
        assertEquals(walk, new LedgerVerifier(repo, 3, 1).verify(), "three ranges read side by side");
        LedgerVerifier.Result r = ctx.ledger().verify();
        assertEquals(walk, r);
        return r;
    }

    private static void sql(AppContext ctx, String statement) {
        ctx.database().dsl().execute(statement);
    }

    @Test
    void aChangedAmountIsFoundAtItsEntry() {
        try (AppContext ctx = homeWithTenEntries()) {
            sql(ctx, "UPDATE ledger_entry SET amount = 10000 WHERE seq = 4");
            LedgerVerifier.Result r = verify(ctx);
            assertFalse(r.ok());
            assertEquals(4L, r.firstBad());
            assertEquals("content", r.problem());
        }
    }

    @Test
    void aDeletedRowIsFoundWhereItWas() {
        try (AppContext ctx = homeWithTenEntries()) {
            sql(ctx, "DELETE FROM ledger_entry WHERE seq = 7");
            assertEquals(7L, verify(ctx).firstBad());
        }
    }

    @Test
    void aDeletedLastRowIsFoundAgainstTheHead() {
        try (AppContext ctx = homeWithTenEntries()) {
            sql(ctx, "DELETE FROM ledger_entry WHERE seq = 10");
            assertEquals(10L, verify(ctx).firstBad());
        }
    }

    @Test
    void swappedRowsAreFound() {
        try (AppContext ctx = homeWithTenEntries()) {
            // Swap the content of entries 3 and 5, sequence numbers kept: the chain links no longer match.
            sql(ctx, "UPDATE ledger_entry SET seq = -3 WHERE seq = 3");
            sql(ctx, "UPDATE ledger_entry SET seq = 3 WHERE seq = 5");
            sql(ctx, "UPDATE ledger_entry SET seq = 5 WHERE seq = -3");
            LedgerVerifier.Result r = verify(ctx);
            assertFalse(r.ok());
            assertEquals(3L, r.firstBad());
        }
    }

    @Test
    void anEmptyLedgerIsWhole() {
        try (AppContext ctx = TestHome.open(dir)) {
            TestHome.loginAs(ctx, "cw", Role.FINANCE_OFFICER);
            LedgerVerifier.Result r = verify(ctx);
            assertTrue(r.ok(), r.toString());
            assertEquals(0, r.entries());
        }
    }

    @Test
    void aWholeChainCutIntoRangesIsWhole() {
        try (AppContext ctx = homeWithTenEntries()) {
            LedgerVerifier.Result r = verify(ctx);
            assertTrue(r.ok());
            assertEquals(10, r.entries());
        }
    }

    @Test
    void aDeletedFirstRowOfARangeIsFound() {
        try (AppContext ctx = homeWithTenEntries()) {
            sql(ctx, "DELETE FROM ledger_entry WHERE seq = 4");
            LedgerVerifier.Result r = verify(ctx);
            assertEquals(4L, r.firstBad());
            assertEquals("missing", r.problem());
            assertEquals(3, r.entries());
        }
    }

    @Test
    void aDeletedLastRowOfARangeIsFound() {
        try (AppContext ctx = homeWithTenEntries()) {
            sql(ctx, "DELETE FROM ledger_entry WHERE seq = 6");
            assertEquals(6L, verify(ctx).firstBad());
        }
    }

    @Test
    void rowsSwappedAcrossRangesAreFound() {
        try (AppContext ctx = homeWithTenEntries()) {
            sql(ctx, "UPDATE ledger_entry SET seq = -3 WHERE seq = 3");
            sql(ctx, "UPDATE ledger_entry SET seq = 3 WHERE seq = 4");
            sql(ctx, "UPDATE ledger_entry SET seq = 4 WHERE seq = -3");
            assertEquals(3L, verify(ctx).firstBad());
        }
    }

    @Test
    void aBrokenLinkAtARangesStartIsFound() {
        try (AppContext ctx = homeWithTenEntries()) {
            sql(ctx, "UPDATE ledger_entry SET prev_hash = hash WHERE seq = 7");
            LedgerVerifier.Result r = verify(ctx);
            assertEquals(7L, r.firstBad());
            assertEquals("link", r.problem());
        }
    }

    @Test
    void ofTwoChangesTheEarlierIsNamed() {
        try (AppContext ctx = homeWithTenEntries()) {
            sql(ctx, "UPDATE ledger_entry SET amount = 1 WHERE seq = 8");
            sql(ctx, "UPDATE ledger_entry SET amount = 1 WHERE seq = 2");
            LedgerVerifier.Result r = verify(ctx);
            assertEquals(2L, r.firstBad());
            assertEquals("content", r.problem());
        }
    }

    @Test
    void openingTheScreenChecksOnlyWhatCameAfterTheCheckpoint() {
        try (AppContext ctx = homeWithTenEntries()) { // its last full verification left the checkpoint at 10
            LedgerService ledger = ctx.ledger();
            sql(ctx, "UPDATE ledger_entry SET amount = 10000 WHERE seq = 4");
            assertTrue(ledger.verifySinceCheckpoint().ok(), "entries up to the checkpoint are not read again");
            assertEquals(4L, ledger.verify().firstBad(), "the full verification reads them all");

            sql(ctx, "UPDATE ledger_entry SET amount = 400 WHERE seq = 4");
            assertTrue(ledger.verify().ok());
            Fund general = ledger.funds().get(0);
            Donor d = ledger.donors(null, 1).get(0);
            ledger.recordDonation(d.id(), general.id(), TestHome.TODAY, BigDecimal.TEN, LedgerEntry.Channel.CASH, null);
            ledger.recordDonation(d.id(), general.id(), TestHome.TODAY, BigDecimal.ONE, LedgerEntry.Channel.CASH, null);
            sql(ctx, "UPDATE ledger_entry SET amount = 99 WHERE seq = 12");
            LedgerVerifier.Result r = ledger.verifySinceCheckpoint();
            assertEquals(12L, r.firstBad(), "an entry after the checkpoint is checked");
            assertEquals("content", r.problem());
        }
    }

    @Test
    void aChangedCheckpointEntryMakesTheOpeningCheckWalkTheWholeChain() {
        try (AppContext ctx = homeWithTenEntries()) {
            sql(ctx, "UPDATE ledger_entry SET amount = 1 WHERE seq = 3");
            sql(ctx, "UPDATE ledger_entry SET hash = prev_hash WHERE seq = 10");
            LedgerVerifier.Result r = ctx.ledger().verifySinceCheckpoint();
            assertEquals(3L, r.firstBad(), "the walk starts over from the first entry");
        }
    }
}
