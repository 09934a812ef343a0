package org.huyou.donations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A public disclosure is arithmetic: a reversed donation is no donation (neither counted nor summed), a reversal of
 * an earlier period's entry is a correction line of the later period and leaves the earlier disclosure as it was, and
 * every count and total agrees with its lines and with sums this test computes itself from the ledger's entries.
 * The ledger: donations, payments and goods in the first quarter, some reversed within it, some in the second quarter
 * after the first was published, and the second quarter's own entries and reversals.
 */
class DisclosureArithmeticTest {

    static final LocalDate Q1_FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate Q1_TO = LocalDate.of(2026, 3, 31);
    static final LocalDate Q2_FROM = LocalDate.of(2026, 4, 1);
    static final LocalDate Q2_TO = LocalDate.of(2026, 6, 30);

    @TempDir
    Path dir;

    CareStaff home;
    LedgerService ledger;
    Fund general;
    Fund education;
    final Map<Long, String> publicNames = new HashMap<>();
    final Map<Long, String> itemNames = new HashMap<>();
    Disclosure q1Published;

    @BeforeEach
    void ledger() {
        home = new CareStaff(dir.resolve("home"), LocalDate.of(2026, 3, 20), LocalDate.of(2015, 1, 1));
        home.as(Role.FINANCE_OFFICER);
        ledger = home.ctx.ledger();
        general = ledger.funds().get(0);
        education = ledger.funds().get(1);
        Donor zhang = donor(Donor.Kind.INDIVIDUAL, "张明华", Donor.Naming.MASKED);
        Donor firm = donor(Donor.Kind.ENTERPRISE, "滨州鲁北化工有限公司", Donor.Naming.FULL);
        Donor quiet = donor(Donor.Kind.INDIVIDUAL, "李不留名", Donor.Naming.ANONYMOUS);

        // the first quarter, recorded on 20 March
        give(zhang, education, "2026-01-05", "3000");
        LedgerEntry big = give(firm, general, "2026-01-10", "20000");
        LedgerEntry mistaken = give(firm, general, "2026-02-01", "500");
        give(firm, general, "2026-02-15", "1500");
        give(quiet, general, "2026-03-01", "800");
        LedgerEntry fees = pay(education, "2026-02-20", "1200", Fund.Purpose.EDUCATION);
        LedgerEntry coats = pay(general, "2026-03-02", "300", Fund.Purpose.LIVING);
        LedgerEntry milk = ledger.recordGoodsIn(goods(firm, "2026-01-20", "纯牛奶", "箱", "50", "3000"));
        LedgerEntry toKitchen = ledger.issueGoods(
                milk.itemId(), LocalDate.parse("2026-02-01"), new BigDecimal("10"), LedgerEntry.IssuedTo.KITCHEN, null);
        LedgerEntry rice = ledger.recordGoodsIn(goods(zhang, "2026-03-10", "大米", "袋", "20", "400"));
        itemNames.put(milk.itemId(), "纯牛奶");
        itemNames.put(rice.itemId(), "大米");
        // reversed within the quarter: a donation, a payment, goods received
        ledger.reverse(mistaken.seq(), "重复录入");
        ledger.reverse(coats.seq(), "供应商退款");
        ledger.reverse(rice.seq(), "登记错了捐赠人");

        home.clock.advance(Duration.ofDays(16)); // 5 April
        home.as(Role.DIRECTOR);
        q1Published = home.ctx
                .disclosures()
                .export(Q1_FROM, Q1_TO, dir.resolve("out"))
                .disclosure();

        // the second quarter: the first quarter's entries reversed after it was published, and its own
        home.as(Role.FINANCE_OFFICER);
        ledger.reverse(big.seq(), "退回捐赠人：款项用途不符");
        ledger.reverse(fees.seq(), "学校退还学费");
        ledger.reverse(toKitchen.seq(), "发放登记错误，牛奶仍在库");
        give(firm, general, "2026-04-02", "1000");
        LedgerEntry twice = give(zhang, general, "2026-04-03", "200");
        ledger.reverse(twice.seq(), "重复录入");
        pay(general, "2026-04-04", "100", Fund.Purpose.LIVING);
        home.clock.advance(Duration.ofDays(90)); // 4 July
        home.as(Role.DIRECTOR);
    }

    @AfterEach
    void close() {
        home.close();
    }

    @Test
    void eachQuarterAgreesWithTheSumsOfItsEntries() {
        for (LocalDate[] q : List.of(new LocalDate[] {Q1_FROM, Q1_TO}, new LocalDate[] {Q2_FROM, Q2_TO})) {
            Disclosure d = home.ctx.disclosures().build(q[0], q[1]);
            assertAgreesWithEntries(d);
        }
    }

    @Test
    void aReversedDonationIsNeitherCountedNorSummedWithinItsPeriod() {
        Disclosure q1 = home.ctx.disclosures().build(Q1_FROM, Q1_TO);
        Disclosure.DonorLine firm = line(q1, "滨州鲁北化工有限公司");
        assertEquals(new BigDecimal("21500.00"), firm.amount(), "20000 and 1500; the 500 was reversed");
        assertEquals(2, firm.donations(), "the reversed 500 is no donation");
        assertEquals(
                List.of(education.name() + " 1200.00 1"),
                q1.uses().stream()
                        .map(u -> u.fund() + " " + u.amount() + " " + u.payments())
                        .toList(),
                "the only payment from the general fund was reversed: no line for it");
        assertEquals(
                List.of("纯牛奶"),
                q1.goods().stream().map(Disclosure.GoodsLine::item).toList(),
                "rice received and reversed in the quarter: none received, none in stock, no line");
        assertTrue(q1.corrections().isEmpty(), "nothing of an earlier period reversed");

        Disclosure q2 = home.ctx.disclosures().build(Q2_FROM, Q2_TO);
        assertEquals(
                List.of("滨州鲁北化工有限公司 1000.00 1"),
                q2.donors().stream()
                        .map(l -> l.publicName() + " " + l.amount() + " " + l.donations())
                        .toList(),
                "张*'s 200 was reversed the day after: no line, no count");
    }

    @Test
    void aReversalAfterThePeriodWasPublishedIsALaterCorrectionAndTheEarlierDisclosureStands() throws Exception {
        Disclosure q1Now = home.ctx.disclosures().build(Q1_FROM, Q1_TO);
        assertEquals(q1Published.donors(), q1Now.donors());
        assertEquals(q1Published.funds(), q1Now.funds());
        assertEquals(q1Published.uses(), q1Now.uses());
        assertEquals(q1Published.goods(), q1Now.goods());
        assertEquals(new BigDecimal("21500.00"), line(q1Now, "滨州鲁北化工有限公司").amount(), "as published");

        Disclosure q2 = home.ctx.disclosures().build(Q2_FROM, Q2_TO);
        assertEquals(
                List.of(
                        "DONATION " + general.name() + " 滨州鲁北化工有限公司 -20000.00",
                        "USE " + education.name() + "  1200.00",
                        "GOODS_OUT 纯牛奶  10 箱"),
                q2.corrections().stream()
                        .map(c -> c.reversedKind() + " " + c.subject() + " " + c.donor() + " "
                                + (c.money()
                                        ? c.amount().toPlainString()
                                        : c.quantity().stripTrailingZeros().toPlainString() + " " + c.unit()))
                        .toList());
        Disclosure.FundLine g = fundLine(q2, general.name());
        assertEquals(new BigDecimal("1000.00"), g.received(), "the correction is not netted into money received");
        assertEquals(new BigDecimal("-20000.00"), g.corrected());
        assertEquals(new BigDecimal("1200.00"), fundLine(q2, education.name()).corrected());
        assertEquals(0, new BigDecimal("10").compareTo(goodsLine(q2, "纯牛奶").corrected()));
        assertEquals(0, goodsLine(q2, "纯牛奶").issued().signum(), "the reversed issue is not issued in April");

        DisclosureService.Exported out = home.ctx.disclosures().export(Q2_FROM, Q2_TO, dir.resolve("out"));
        String text;
        try (PDDocument pdf = Loader.loadPDF(out.pdf().toFile())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertTrue(text.contains("对以前期间的更正") && text.contains("本期更正（元）"), text);
        assertTrue(
                text.contains("-20,000.00") && text.contains("2026-01-10"),
                "the donation reversed and its day: " + text);
    }

    /** The disclosure against sums computed here from the entries, by the rule a reader expects. */
    private void assertAgreesWithEntries(Disclosure d) {
        List<LedgerEntry> all = ledger.entries(Long.MAX_VALUE, 10_000);
        Map<Long, LedgerEntry> reversalOf = new HashMap<>();
        all.stream()
                .filter(e -> e.kind() == LedgerEntry.Kind.REVERSAL)
                .forEach(e -> reversalOf.put(e.reversesSeq(), e));
        Map<Long, LedgerEntry> bySeq = new HashMap<>();
        all.forEach(e -> bySeq.put(e.seq(), e));
        Predicate<LocalDate> in = day -> !day.isBefore(d.from()) && !day.isAfter(d.to());
        // standing in the period: dated in it, not a reversal, and not reversed by an entry dated in it
        Predicate<LedgerEntry> standing = e -> in.test(e.date())
                && e.kind() != LedgerEntry.Kind.REVERSAL
                && (!reversalOf.containsKey(e.seq())
                        || reversalOf.get(e.seq()).date().isAfter(d.to()));
        Predicate<LedgerEntry> correction = e -> in.test(e.date())
                && e.kind() == LedgerEntry.Kind.REVERSAL
                && bySeq.get(e.reversesSeq()).date().isBefore(d.from());
        String what = d.from() + ".." + d.to() + ": ";

        // donors: each public name's sum and count of standing donations
        Map<String, BigDecimal> donorSums = new TreeMap<>();
        Map<String, Integer> donorCounts = new TreeMap<>();
        all.stream()
                .filter(standing)
                .filter(e -> e.kind() == LedgerEntry.Kind.DONATION)
                .forEach(e -> {
                    donorSums.merge(publicNames.get(e.donorId()), e.amount(), BigDecimal::add);
                    donorCounts.merge(publicNames.get(e.donorId()), 1, Integer::sum);
                });
        Map<String, BigDecimal> shownSums = new TreeMap<>();
        Map<String, Integer> shownCounts = new TreeMap<>();
        d.donors().forEach(l -> {
            shownSums.put(l.publicName(), l.amount());
            shownCounts.put(l.publicName(), l.donations());
        });
        assertEquals(scaled(donorSums), scaled(shownSums), what + "each donor's sum");
        assertEquals(donorCounts, shownCounts, what + "each donor's count");

        // uses: each fund and purpose's sum and count of standing payments
        Map<String, BigDecimal> useSums = new TreeMap<>();
        Map<String, Integer> useCounts = new TreeMap<>();
        all.stream()
                .filter(standing)
                .filter(e -> e.kind() == LedgerEntry.Kind.USE)
                .forEach(e -> {
                    String key = fundName(e.fundId()) + "/" + e.purpose();
                    useSums.merge(key, e.amount().negate(), BigDecimal::add);
                    useCounts.merge(key, 1, Integer::sum);
                });
        Map<String, BigDecimal> shownUses = new TreeMap<>();
        Map<String, Integer> shownUseCounts = new TreeMap<>();
        d.uses().forEach(u -> {
            shownUses.put(u.fund() + "/" + u.purpose(), u.amount());
            shownUseCounts.put(u.fund() + "/" + u.purpose(), u.payments());
        });
        assertEquals(scaled(useSums), scaled(shownUses), what + "each use's sum");
        assertEquals(useCounts, shownUseCounts, what + "each use's count");

        // funds: opening, received, used, corrected, closing, each from the entries; the lines add up
        for (Disclosure.FundLine f : d.funds()) {
            Predicate<LedgerEntry> ofFund =
                    e -> e.fundId() != null && fundName(e.fundId()).equals(f.fund());
            BigDecimal opening = sum(all, ofFund.and(e -> e.date().isBefore(d.from())), LedgerEntry::amount);
            BigDecimal received =
                    sum(all, ofFund.and(standing).and(e -> e.kind() == LedgerEntry.Kind.DONATION), LedgerEntry::amount);
            BigDecimal used = sum(
                            all, ofFund.and(standing).and(e -> e.kind() == LedgerEntry.Kind.USE), LedgerEntry::amount)
                    .negate();
            BigDecimal corrected = sum(all, ofFund.and(correction), LedgerEntry::amount);
            BigDecimal closing = sum(all, ofFund.and(e -> !e.date().isAfter(d.to())), LedgerEntry::amount);
            String fund = what + f.fund() + " ";
            assertEquals(0, opening.compareTo(f.opening()), fund + "opening");
            assertEquals(0, received.compareTo(f.received()), fund + "received");
            assertEquals(0, used.compareTo(f.used()), fund + "used");
            assertEquals(0, corrected.compareTo(f.corrected()), fund + "corrected");
            assertEquals(0, closing.compareTo(f.closing()), fund + "closing is the fund's balance that day");
            assertEquals(
                    0,
                    f.opening()
                            .add(f.received())
                            .subtract(f.used())
                            .add(f.corrected())
                            .compareTo(f.closing()),
                    fund + "opening + received - used + corrected = closing");
        }
        // and no fund or item with a balance or a stock that day is left out
        all.stream()
                .filter(e -> e.fundId() != null && !e.date().isAfter(d.to()))
                .map(e -> fundName(e.fundId()))
                .distinct()
                .filter(f -> sum(
                                        all,
                                        e -> e.fundId() != null
                                                && fundName(e.fundId()).equals(f)
                                                && !e.date().isAfter(d.to()),
                                        LedgerEntry::amount)
                                .signum()
                        != 0)
                .forEach(f ->
                        assertTrue(d.funds().stream().anyMatch(l -> l.fund().equals(f)), what + f + " shown"));
        all.stream()
                .filter(e -> e.itemId() != null && !e.date().isAfter(d.to()))
                .map(e -> itemNames.get(e.itemId()))
                .distinct()
                .filter(i -> sum(
                                        all,
                                        e -> e.itemId() != null
                                                && itemNames.get(e.itemId()).equals(i)
                                                && !e.date().isAfter(d.to()),
                                        LedgerEntry::quantity)
                                .signum()
                        != 0)
                .forEach(i ->
                        assertTrue(d.goods().stream().anyMatch(g -> g.item().equals(i)), what + i + " shown"));
        Disclosure.FundLine total = d.total();
        assertEquals(0, total.received().compareTo(sum(d.donors(), Disclosure.DonorLine::amount)), what + "received");
        assertEquals(0, total.used().compareTo(sum(d.uses(), Disclosure.UseLine::amount)), what + "used");
        assertEquals(
                0,
                total.corrected()
                        .compareTo(sum(
                                d.corrections().stream()
                                        .filter(Disclosure.CorrectionLine::money)
                                        .toList(),
                                Disclosure.CorrectionLine::amount)),
                what + "corrected");
        assertEquals(all.stream().filter(correction).count(), d.corrections().size(), what + "one line per correction");

        // goods: opening, received (and its value), issued, corrected, closing per item
        for (Disclosure.GoodsLine g : d.goods()) {
            Predicate<LedgerEntry> ofItem =
                    e -> e.itemId() != null && itemNames.get(e.itemId()).equals(g.item());
            String item = what + g.item() + " ";
            assertEquals(
                    0,
                    sum(all, ofItem.and(e -> e.date().isBefore(d.from())), LedgerEntry::quantity)
                            .compareTo(g.opening()),
                    item + "opening");
            Predicate<LedgerEntry> received = ofItem.and(standing).and(e -> e.kind() == LedgerEntry.Kind.GOODS_IN);
            assertEquals(0, sum(all, received, LedgerEntry::quantity).compareTo(g.received()), item + "received");
            assertEquals(0, sum(all, received, LedgerEntry::goodsValue).compareTo(g.value()), item + "value");
            assertEquals(
                    0,
                    sum(
                                    all,
                                    ofItem.and(standing).and(e -> e.kind() == LedgerEntry.Kind.GOODS_OUT),
                                    LedgerEntry::quantity)
                            .negate()
                            .compareTo(g.issued()),
                    item + "issued");
            assertEquals(
                    0,
                    sum(all, ofItem.and(correction), LedgerEntry::quantity).compareTo(g.corrected()),
                    item + "fixed");
            assertEquals(
                    0,
                    sum(all, ofItem.and(e -> !e.date().isAfter(d.to())), LedgerEntry::quantity)
                            .compareTo(g.closing()),
                    item + "closing is the stock that day");
            assertEquals(
                    0,
                    g.opening()
                            .add(g.received())
                            .subtract(g.issued())
                            .add(g.corrected())
                            .compareTo(g.closing()),
                    item + "opening + received - issued + corrected = closing");
        }
    }

    private Donor donor(Donor.Kind kind, String name, Donor.Naming naming) {
        Donor d = ledger.createDonor(new NewDonor(kind, name, naming, null, null, null, null));
        publicNames.put(d.id(), d.publicName());
        return d;
    }

    private LedgerEntry give(Donor donor, Fund fund, String day, String amount) {
        return ledger.recordDonation(
                donor.id(),
                fund.id(),
                LocalDate.parse(day),
                new BigDecimal(amount),
                LedgerEntry.Channel.BANK_TRANSFER,
                null);
    }

    private LedgerEntry pay(Fund fund, String day, String amount, Fund.Purpose purpose) {
        return ledger.recordUse(new Payment(
                        fund.id(), LocalDate.parse(day), new BigDecimal(amount), purpose, "用途", "收款方", "PZ"))
                .entry();
    }

    private static LedgerService.GoodsIn goods(
            Donor donor, String day, String item, String unit, String quantity, String value) {
        LocalDate date = LocalDate.parse(day);
        return new LedgerService.GoodsIn(
                donor.id(),
                date,
                item,
                unit,
                GoodsItem.Category.FOOD,
                new BigDecimal(quantity),
                new BigDecimal(value),
                LedgerEntry.Condition.NEW,
                date.plus(1, ChronoUnit.YEARS),
                null);
    }

    private String fundName(long id) {
        return ledger.funds().stream()
                .filter(f -> f.id() == id)
                .map(Fund::name)
                .findFirst()
                .orElseThrow();
    }

    private static <T> BigDecimal sum(List<T> rows, Predicate<T> which, java.util.function.Function<T, BigDecimal> of) {
        return rows.stream()
                .filter(which)
                .map(of)
                .filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static <T> BigDecimal sum(List<T> rows, java.util.function.Function<T, BigDecimal> of) {
        return sum(rows, x -> true, of);
    }

    private static Map<String, BigDecimal> scaled(Map<String, BigDecimal> m) {
        Map<String, BigDecimal> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.setScale(2)));
        return out;
    }

    private static Disclosure.DonorLine line(Disclosure d, String name) {
        return d.donors().stream()
                .filter(l -> l.publicName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Disclosure.FundLine fundLine(Disclosure d, String fund) {
        return d.funds().stream().filter(f -> f.fund().equals(fund)).findFirst().orElseThrow();
    }

    private static Disclosure.GoodsLine goodsLine(Disclosure d, String item) {
        return d.goods().stream().filter(g -> g.item().equals(item)).findFirst().orElseThrow();
    }
}
