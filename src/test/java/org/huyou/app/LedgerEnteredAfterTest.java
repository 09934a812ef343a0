package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.huyou.donations.Donor;
import org.huyou.donations.Fund;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerRepository;
import org.huyou.donations.LedgerService;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disclosure's last check (nothing dated in the period was entered while its files were written) finds an entry
 * after the head only when it is dated on or before the period's end, whatever order the dates came in.
 */
class LedgerEnteredAfterTest {

    static final LocalDate DAY = LocalDate.of(2026, 10, 8);
    static final LocalDate PERIOD_END = LocalDate.of(2026, 9, 30);

    @TempDir
    Path dir;

    @Test
    void anEntryAfterTheHeadCountsOnlyWhenDatedOnOrBeforeTheDay() {
        CareStaff home = new CareStaff(dir.resolve("home"), DAY, LocalDate.of(2015, 1, 1));
        try {
            home.as(Role.FINANCE_OFFICER);
            LedgerService ledger = home.ctx.ledger();
            Fund general = ledger.funds().get(0);
            Donor firm = ledger.createDonor(
                    new NewDonor(Donor.Kind.ENTERPRISE, "滨州鲁北化工有限公司", Donor.Naming.FULL, null, null, null, null));
            LedgerRepository entries = new LedgerRepository(home.ctx.database().dsl());
            LedgerEntry head = donate(ledger, firm, general, LocalDate.of(2026, 9, 5));
            assertFalse(entries.enteredAfter(head.seq(), PERIOD_END), "nothing after the head");

            LedgerEntry october = donate(ledger, firm, general, LocalDate.of(2026, 10, 3));
            assertFalse(entries.enteredAfter(head.seq(), PERIOD_END), "after the head, dated after the period");
            assertTrue(entries.enteredAfter(head.seq(), LocalDate.of(2026, 10, 3)), "dated on the day itself");

            donate(ledger, firm, general, LocalDate.of(2026, 9, 20)); // entered late, dated inside the period
            assertTrue(entries.enteredAfter(october.seq(), PERIOD_END), "a later entry dated back into the period");
            assertTrue(entries.enteredAfter(head.seq(), PERIOD_END), "found among entries dated after the period");
            assertFalse(entries.enteredAfter(october.seq() + 1, PERIOD_END), "nothing after the newest entry");
        } finally {
            home.close();
        }
    }

    private static LedgerEntry donate(LedgerService ledger, Donor donor, Fund fund, LocalDate date) {
        return ledger.recordDonation(
                donor.id(), fund.id(), date, new BigDecimal("100"), LedgerEntry.Channel.CASH, null);
    }
}
