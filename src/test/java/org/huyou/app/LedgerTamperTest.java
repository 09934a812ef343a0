package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import org.huyou.donations.Donor;
import org.huyou.donations.Fund;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerService;
import org.huyou.donations.LedgerVerifier;
import org.huyou.security.Role;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone with the database in hand changes an amount, deletes a row or swaps two rows with SQL: verification finds
 * each and names the first entry that does not match.
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
        Donor d = ledger.createDonor(Donor.Kind.ENTERPRISE, "滨州爱心企业", Donor.Naming.FULL, null, null, null, null);
        Fund general = ledger.funds().get(0);
        for (int i = 1; i <= 10; i++) {
            ledger.recordDonation(d.id(), general.id(), TestHome.TODAY.minusDays(20 - i), BigDecimal.valueOf(i * 100),
                    LedgerEntry.Channel.BANK_TRANSFER, null);
        }
        assertTrue(ledger.verify().ok());
        return ctx;
    }

    private static void sql(AppContext ctx, String statement) {
        ctx.database().dsl().execute(statement);
    }

    @Test
    void aChangedAmountIsFoundAtItsEntry() {
        try (AppContext ctx = homeWithTenEntries()) {
            sql(ctx, "UPDATE ledger_entry SET amount = 10000 WHERE seq = 4");
            LedgerVerifier.Result r = ctx.ledger().verify();
            assertFalse(r.ok());
            assertEquals(4L, r.firstBad());
            assertEquals("content", r.problem());
        }
    }

    @Test
    void aDeletedRowIsFoundWhereItWas() {
        try (AppContext ctx = homeWithTenEntries()) {
            sql(ctx, "DELETE FROM ledger_entry WHERE seq = 7");
            assertEquals(7L, ctx.ledger().verify().firstBad());
        }
    }

    @Test
    void aDeletedLastRowIsFoundAgainstTheHead() {
        try (AppContext ctx = homeWithTenEntries()) {
            sql(ctx, "DELETE FROM ledger_entry WHERE seq = 10");
            assertEquals(10L, ctx.ledger().verify().firstBad());
        }
    }

    @Test
    void swappedRowsAreFound() {
        try (AppContext ctx = homeWithTenEntries()) {
            // Swap the content of entries 3 and 5, sequence numbers kept: the chain links no longer match.
            sql(ctx, "UPDATE ledger_entry SET seq = -3 WHERE seq = 3");
            sql(ctx, "UPDATE ledger_entry SET seq = 3 WHERE seq = 5");
            sql(ctx, "UPDATE ledger_entry SET seq = 5 WHERE seq = -3");
            LedgerVerifier.Result r = ctx.ledger().verify();
            assertFalse(r.ok());
            assertEquals(3L, r.firstBad());
        }
    }
}
