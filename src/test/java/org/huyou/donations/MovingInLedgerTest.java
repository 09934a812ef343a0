package org.huyou.donations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huyou.common.FieldError;
import org.huyou.common.ValidationException;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.security.PermissionDeniedException;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A home moving in: each fund's balance carried in (an opening entry of its own kind, chained and verified) and the
 * donations received before the move, with their dates. Balances, the twelve months and the disclosures are checked
 * against sums of the entries written, computed here on their own; refusals leave nothing behind.
 */
class MovingInLedgerTest {

    static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    static final LocalDate MOVE_IN = LocalDate.of(2026, 1, 5);

    @TempDir
    Path dir;

    CareStaff home;
    LedgerService ledger;
    Fund general;
    Fund education;

    @BeforeEach
    void open() {
        home = new CareStaff(dir.resolve("home"), DAY, LocalDate.of(2015, 1, 1));
        home.as(Role.FINANCE_OFFICER);
        ledger = home.ctx.ledger();
        general =
                ledger.funds().stream().filter(f -> !f.restricted()).findFirst().orElseThrow();
        education = ledger.funds().stream()
                .filter(f -> f.purpose() == Fund.Purpose.EDUCATION)
                .findFirst()
                .orElseThrow();
    }

    @AfterEach
    void close() {
        home.close();
    }

    static BigDecimal cny(String s) {
        return new BigDecimal(s);
    }

    List<LedgerEntry> all() {
        List<LedgerEntry> out = new ArrayList<>(ledger.entries(Long.MAX_VALUE, 10_000));
        java.util.Collections.reverse(out);
        return out;
    }

    @Test
    void openingBalancesAreChainedAndOpenThePeriodInsteadOfCountingAsReceived() {
        assertEquals(
                2,
                ledger.importOpeningBalances(
                        List.of(
                                new LedgerService.OpeningBalance("非定向捐赠", MOVE_IN, cny("1000"), "2025 年末结余"),
                                new LedgerService.OpeningBalance(education.name(), MOVE_IN, cny("500.50"), null)),
                        "期初.csv"));
        Donor d = ledger.createDonor(
                new NewDonor(Donor.Kind.INDIVIDUAL, "张三", Donor.Naming.FULL, null, null, null, null));
        ledger.recordDonation(
                d.id(), general.id(), LocalDate.of(2026, 2, 10), cny("200"), LedgerEntry.Channel.CASH, null);
        ledger.recordUse(
                new Payment(general.id(), LocalDate.of(2026, 3, 1), cny("150"), Fund.Purpose.LIVING, null, "商店", null));

        List<LedgerEntry> written = all();
        LedgerEntry opening = written.get(0);
        assertEquals(LedgerEntry.Kind.OPENING, opening.kind());
        assertNull(opening.donorId());
        assertNull(opening.receiptNo());
        assertEquals(LedgerHash.CURRENT, opening.chainVersion());
        assertEquals(LedgerHash.of(opening), opening.hash(), "hashed by the canonical rule like any entry");
        assertTrue(ledger.verify().ok());
        // rule 1 predates the kind: an opening rehashed under it (a forger's choice: '|' lets text move) never matches
        LedgerEntry v1 = opening.withChainVersion(1);
        assertFalse(new LedgerHash.Checker().matches(v1.chained(v1.seq(), v1.prevHash(), LedgerHash.of(v1))));

        assertAgreesWithTheEntries(written);
        Disclosure q1 =
                home.as(Role.DIRECTOR).ctx.disclosures().build(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
        Disclosure.FundLine line = q1.funds().stream()
                .filter(f -> f.fund().equals(general.name()))
                .findFirst()
                .orElseThrow();
        assertEquals(0, cny("1000").compareTo(line.opening()), "shown as the opening balance");
        assertEquals(0, cny("200").compareTo(line.received()), "not as a donation received in the period");
        assertEquals(0, cny("150").compareTo(line.used()));
        assertEquals(0, cny("1050").compareTo(line.closing()));
        assertEquals(0, cny("200").compareTo(q1.total().received()));
        assertEquals(0, cny("1500.50").compareTo(q1.total().opening()));
        assertTrue(q1.uses().stream().noneMatch(u -> u.purpose() == null), "an opening is no use of money");
        Disclosure q2 = home.ctx.disclosures().build(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 14));
        assertEquals(0, cny("1550.50").compareTo(q2.total().opening()), "the next period opens with the closing");
        home.as(Role.FINANCE_OFFICER);

        // a second opening balance for a fund is refused while the first stands, and leaves nothing behind
        long head = written.size();
        ValidationException twice = assertThrows(
                ValidationException.class,
                () -> ledger.importOpeningBalances(
                        List.of(new LedgerService.OpeningBalance(general.name(), MOVE_IN, cny("1100"), null)),
                        "again.csv"));
        assertTrue(messages(twice).contains("已有 2026-01-05 的期初余额"), messages(twice));
        assertEquals(head, all().size(), "nothing appended");
        // ... and accepted once the first is reversed; the reversal undoes a balance carried in, not money used
        ledger.reverse(opening.seq(), "对账单金额有误");
        ledger.importOpeningBalances(
                List.of(new LedgerService.OpeningBalance(general.name(), MOVE_IN, cny("1100"), null)), "corrected.csv");
        assertTrue(ledger.verify().ok());
        written = all();
        assertAgreesWithTheEntries(written);
        Disclosure june = home.as(Role.DIRECTOR).ctx.disclosures().build(LocalDate.of(2026, 6, 1), DAY);
        Disclosure.FundLine g = june.funds().stream()
                .filter(f -> f.fund().equals(general.name()))
                .findFirst()
                .orElseThrow();
        // June opens with May's closing (both openings stood then); the reversal made in June is June's correction of
        // an earlier period's entry, never netted into what was received, so no earlier period changes
        assertEquals(0, cny("2150").compareTo(g.opening()), "May's closing: " + g);
        assertEquals(0, BigDecimal.ZERO.compareTo(g.received()));
        assertEquals(0, BigDecimal.ZERO.compareTo(g.used()));
        assertEquals(0, cny("-1000").compareTo(g.corrected()), "the first opening reversed: " + g);
        assertEquals(0, cny("1150").compareTo(g.closing()), "the corrected opening: " + g);
    }

    @Test
    void anOpeningMustBeTheFundsFirstEntryInAnOpenMonth() {
        Donor d = ledger.createDonor(
                new NewDonor(Donor.Kind.INDIVIDUAL, "李四", Donor.Naming.FULL, null, null, null, null));
        ledger.recordDonation(
                d.id(), general.id(), LocalDate.of(2026, 1, 3), cny("10"), LedgerEntry.Channel.CASH, null);
        Map<Integer, List<FieldError>> refused = ledger.openingRefusals(List.of(
                new LedgerService.OpeningBalance(general.name(), MOVE_IN, cny("1000"), null),
                new LedgerService.OpeningBalance("没有这个基金", MOVE_IN, cny("1000"), null),
                new LedgerService.OpeningBalance(education.name(), MOVE_IN, cny("-5"), null),
                new LedgerService.OpeningBalance(education.name(), DAY.plusDays(1), cny("5"), null)));
        assertEquals(List.of(0, 1, 2, 3), List.copyOf(refused.keySet()));
        assertTrue(
                refused.get(0).get(0).message().contains("2026-01-03"),
                refused.get(0).get(0).message());
        assertEquals("opening.noSuchFund", refused.get(1).get(0).messageKey());
    }

    @Test
    void pastDonationsKeepTheirDatesAndNeverChangeAPublishedDisclosure() throws Exception {
        Donor known = ledger.createDonor(
                new NewDonor(Donor.Kind.ENTERPRISE, "滨州爱心餐饮有限公司", Donor.Naming.FULL, null, null, null, null));
        ledger.recordDonation(
                known.id(), general.id(), LocalDate.of(2026, 2, 1), cny("100"), LedgerEntry.Channel.CASH, null);
        home.as(Role.DIRECTOR)
                .ctx
                .disclosures()
                .export(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), dir.resolve("out"));
        home.ctx.ledger().closePeriod(YearMonth.of(2026, 5));
        home.as(Role.FINANCE_OFFICER);
        int donors = ledger.donors(null, 100).size();
        int entries = all().size();

        List<LedgerService.PastDonation> bad = List.of(
                money(LocalDate.of(2026, 3, 31), "王五", "50"), // inside the published quarter
                money(LocalDate.of(2026, 5, 20), "王五", "50"), // a closed month
                money(LocalDate.of(2026, 4, 2), "王五", "50")); // fine on its own
        ValidationException e =
                assertThrows(ValidationException.class, () -> ledger.importDonationHistory(bad, "history.csv"));
        assertTrue(messages(e).contains("2026-03-31 不晚于已公示的 2026-01-01 至 2026-03-31"), messages(e));
        assertTrue(messages(e).contains("日期：2026-05 已结账"), "names the field: " + messages(e));
        assertEquals(entries, all().size(), "nothing appended");
        assertEquals(donors, ledger.donors(null, 100).size(), "no donor added");
        assertTrue(ledger.verify().ok());

        List<LedgerService.PastDonation> rows = List.of(
                money(LocalDate.of(2026, 4, 20), "王五", "300"),
                new LedgerService.PastDonation(
                        LocalDate.of(2026, 4, 3),
                        "滨州爱心餐饮有限公司",
                        null,
                        null,
                        null,
                        null,
                        null,
                        "冬季棉衣",
                        cny("40"),
                        "件",
                        GoodsItem.Category.CLOTHING,
                        null,
                        cny("3200"),
                        null),
                money(LocalDate.of(2026, 4, 2), "王五", "50"),
                money(LocalDate.of(2026, 4, 10), "滨州爱心餐饮有限公司", "2000"));
        assertEquals(4, ledger.importDonationHistory(rows, "history.csv"));
        List<LedgerEntry> added = all().subList(entries, entries + 4);
        assertEquals(
                List.of(
                        LocalDate.of(2026, 4, 2),
                        LocalDate.of(2026, 4, 3),
                        LocalDate.of(2026, 4, 10),
                        LocalDate.of(2026, 4, 20)),
                added.stream().map(LedgerEntry::date).toList(),
                "appended in date order");
        // every row, the goods too, gets the next number of its year, in date order
        assertEquals(
                List.of("2026-000002", "2026-000003", "2026-000004", "2026-000005"),
                added.stream().map(LedgerEntry::receiptNo).toList());
        Donor wang = ledger.donors("王五", 5).get(0);
        assertEquals(Donor.Naming.MASKED, wang.naming(), "a donor added by the import is not named in full");
        assertEquals(donors + 1, ledger.donors(null, 100).size(), "王五 added once for two rows");
        assertEquals(known.id(), added.get(2).donorId(), "a registered donor is matched by name");
        assertTrue(ledger.verify().ok());
        assertAgreesWithTheEntries(all());
        Disclosure april =
                home.as(Role.DIRECTOR).ctx.disclosures().build(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));
        assertEquals(0, cny("2350").compareTo(april.total().received()));
        assertEquals(0, cny("40").compareTo(april.goods().get(0).received()));

        home.as(Role.SOCIAL_WORKER);
        assertThrows(
                PermissionDeniedException.class,
                () -> ledger.importDonationHistory(rows, "x.csv"),
                "only who may record donations imports them");
    }

    static LedgerService.PastDonation money(LocalDate date, String donor, String amount) {
        return new LedgerService.PastDonation(
                date,
                donor,
                null,
                null,
                "非定向捐赠",
                cny(amount),
                LedgerEntry.Channel.BANK_TRANSFER,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    static String messages(ValidationException e) {
        return String.join("\n", e.errors().stream().map(FieldError::message).toList());
    }

    /**
     * Balances on many days and the twelve months against sums of the entries computed here: an opening (or its
     * reversal) counts in the balance but neither as received nor as used.
     */
    private void assertAgreesWithTheEntries(List<LedgerEntry> written) {
        java.util.Set<Long> openings = new java.util.HashSet<>();
        written.stream().filter(e -> e.kind() == LedgerEntry.Kind.OPENING).forEach(e -> openings.add(e.seq()));
        List<LedgerEntry> money =
                written.stream().filter(e -> e.fundId() != null).toList();
        List<LocalDate> days = new ArrayList<>(java.util.Arrays.asList(
                null,
                DAY,
                MOVE_IN,
                MOVE_IN.minusDays(1),
                LocalDate.of(2026, 2, 28),
                LocalDate.of(2026, 4, 2),
                LocalDate.of(2026, 5, 31)));
        for (LocalDate on : days) {
            Map<Long, BigDecimal> summed = new HashMap<>();
            money.stream()
                    .filter(e -> on == null || !e.date().isAfter(on))
                    .forEach(e -> summed.merge(e.fundId(), e.amount(), BigDecimal::add));
            for (LedgerService.FundBalance b : ledger.balances(on)) {
                assertEquals(
                        0,
                        summed.getOrDefault(b.fund().id(), BigDecimal.ZERO).compareTo(b.balance()),
                        b.fund().name() + " on " + on);
            }
        }
        Map<YearMonth, BigDecimal[]> months = new java.util.TreeMap<>();
        for (LedgerEntry e : money) {
            boolean opening = openings.contains(e.seq()) || openings.contains(e.reversesSeq());
            BigDecimal[] m = months.computeIfAbsent(
                    YearMonth.from(e.date()), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            if (e.donorId() != null) {
                m[0] = m[0].add(e.amount());
            } else if (!opening) {
                m[1] = m[1].subtract(e.amount());
            }
        }
        for (MonthTotals t : ledger.lastTwelveMonths()) {
            BigDecimal[] m = months.getOrDefault(t.month(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            assertEquals(0, m[0].compareTo(t.received()), "received in " + t.month());
            assertEquals(0, m[1].compareTo(t.used()), "used in " + t.month());
        }
    }
}
