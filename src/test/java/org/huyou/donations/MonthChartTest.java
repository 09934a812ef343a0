package org.huyou.donations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The finance screen's twelve months count money received and used as a disclosure of each month does: a reversal of
 * an earlier month's entry is a correction (shown apart), not less money received or used in the month it is made;
 * an entry reversed within its month is neither. Checked against an independent sum of the ledger's entries and
 * against the disclosure built for each month.
 */
class MonthChartTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path dir;

    CareStaff home;

    @BeforeEach
    void open() {
        home = new CareStaff(dir, TODAY, LocalDate.of(2018, 4, 2));
    }

    @AfterEach
    void close() {
        home.close();
    }

    @Test
    void theMonthsCountAsTheDisclosureDoesAndCorrectionsStayApart() {
        home.as(Role.DIRECTOR);
        LedgerService ledger = home.ctx.ledger();
        long fund = ledger.funds().get(0).id();
        Donor d = ledger.createDonor(
                new NewDonor(Donor.Kind.ENTERPRISE, "爱心企业", Donor.Naming.FULL, null, null, null, null));
        LedgerEntry september = donation(ledger, fund, d, LocalDate.of(2026, 9, 10), "3000");
        donation(ledger, fund, d, LocalDate.of(2026, 10, 1), "5000");
        LedgerEntry november = donation(ledger, fund, d, LocalDate.of(2026, 11, 2), "700");
        LedgerEntry october = ledger.recordUse(new Payment(
                        fund, LocalDate.of(2026, 10, 5), new BigDecimal("400"), Fund.Purpose.LIVING, "冬衣", "商场", "P1"))
                .entry();
        ledger.recordUse(new Payment(
                fund, LocalDate.of(2026, 11, 5), new BigDecimal("250"), Fund.Purpose.LIVING, "文具", "书店", "P2"));
        // reversed today: September's donation and October's payment (corrections), November's donation (cancelled)
        ledger.reverse(september.seq(), "重复登记");
        ledger.reverse(october.seq(), "付款退回");
        ledger.reverse(november.seq(), "录入错误");

        Map<YearMonth, List<BigDecimal>> chart = new TreeMap<>();
        for (MonthTotals m : ledger.lastTwelveMonths()) {
            chart.put(m.month(), List.of(m.received().setScale(2), m.used().setScale(2)));
        }
        Map<YearMonth, List<BigDecimal>> independent = standingPerMonth(ledger.entries(Long.MAX_VALUE, 1000));
        assertEquals(independent, only(chart, independent.keySet()), "chart " + chart);
        assertEquals(List.of(new BigDecimal("3000.00"), new BigDecimal("0.00")), chart.get(YearMonth.of(2026, 9)));
        assertEquals(List.of(new BigDecimal("5000.00"), new BigDecimal("400.00")), chart.get(YearMonth.of(2026, 10)));
        assertEquals(
                List.of(new BigDecimal("0.00"), new BigDecimal("250.00")),
                chart.get(YearMonth.of(2026, 11)),
                "the corrections of September and October are not netted into November");

        DisclosureService disclosures = home.ctx.disclosures();
        for (YearMonth m : List.of(YearMonth.of(2026, 9), YearMonth.of(2026, 10), YearMonth.of(2026, 11))) {
            Disclosure shown = disclosures.build(m.atDay(1), m.atEndOfMonth());
            BigDecimal received =
                    shown.funds().stream().map(Disclosure.FundLine::received).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal used =
                    shown.funds().stream().map(Disclosure.FundLine::used).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(
                    List.of(received.setScale(2), used.setScale(2)),
                    chart.get(m),
                    "as the disclosure of " + m + " counts them");
        }
    }

    private static LedgerEntry donation(LedgerService ledger, long fund, Donor d, LocalDate on, String amount) {
        return ledger.recordDonation(d.id(), fund, on, new BigDecimal(amount), LedgerEntry.Channel.BANK_TRANSFER, null);
    }

    /** Per month: donations and payments dated in it that no reversal dated in the same month undid. */
    private static Map<YearMonth, List<BigDecimal>> standingPerMonth(List<LedgerEntry> entries) {
        Map<Long, LocalDate> reversedOn = entries.stream()
                .filter(e -> e.kind() == LedgerEntry.Kind.REVERSAL)
                .collect(Collectors.toMap(LedgerEntry::reversesSeq, LedgerEntry::date));
        Map<YearMonth, List<BigDecimal>> out = new TreeMap<>();
        for (LedgerEntry e : entries) {
            boolean money = e.kind() == LedgerEntry.Kind.DONATION || e.kind() == LedgerEntry.Kind.USE;
            LocalDate undone = reversedOn.get(e.seq());
            if (!money || (undone != null && YearMonth.from(undone).equals(YearMonth.from(e.date())))) {
                continue;
            }
            List<BigDecimal> sums =
                    out.computeIfAbsent(YearMonth.from(e.date()), k -> List.of(BigDecimal.ZERO, BigDecimal.ZERO));
            out.put(
                    YearMonth.from(e.date()),
                    e.kind() == LedgerEntry.Kind.DONATION
                            ? List.of(sums.get(0).add(e.amount()), sums.get(1))
                            : List.of(sums.get(0), sums.get(1).subtract(e.amount())));
        }
        out.replaceAll((k, v) -> List.of(v.get(0).setScale(2), v.get(1).setScale(2)));
        assertTrue(out.size() >= 3, out.toString());
        return out;
    }

    private static Map<YearMonth, List<BigDecimal>> only(Map<YearMonth, List<BigDecimal>> m, Set<YearMonth> months) {
        Map<YearMonth, List<BigDecimal>> out = new TreeMap<>(m);
        out.keySet().retainAll(months);
        return out;
    }
}
