package org.huyou.donations;

import java.math.BigDecimal;
import java.text.Collator;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The disclosure's figures as they were computed before issue 31 (one SQL sum per flow over the wide rows, a query per
 * donor), kept to check the one-read computation (DisclosureFigures, PeriodSums) against: computed from the ledger up to its head (see {@link Disclosure} for what a reversal
 * does to them). Every total is the sum of its lines: funds received is the donor lines' sum, used the use lines',
 * corrected the correction lines', and opening + received - used + corrected = closing, the fund's balance that day.
 */
final class SqlDisclosureFigures {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private final LedgerRepository ledger;
    private final LedgerReportRepository sums;

    SqlDisclosureFigures(LedgerRepository ledger) {
        this.ledger = ledger;
        this.sums = ledger.reports();
    }

    Disclosure of(String homeName, LocalDate from, LocalDate to, LocalDateTime madeAt) {
        LedgerRepository.Head head = ledger.head();
        long max = head.lastSeq();
        List<LedgerReportRepository.Correction> corrections = sums.corrections(from, to, max);
        Map<Long, String> fundNames = new LinkedHashMap<>();
        ledger.registers().funds().forEach(f -> fundNames.put(f.id(), f.name()));
        Map<Long, GoodsItem> items = new LinkedHashMap<>();
        ledger.registers().items().forEach(i -> items.put(i.id(), i));
        return new Disclosure(
                homeName,
                from,
                to,
                madeAt,
                donors(from, to, max),
                funds(from, to, max, fundNames, corrections),
                sums.useSums(from, to, max).stream()
                        .map(u -> new Disclosure.UseLine(fundNames.get(u.fundId()), u.purpose(), u.amount(), u.count()))
                        .toList(),
                goods(from, to, max, items, corrections),
                corrections.stream().map(c -> correction(c, fundNames, items)).toList(),
                max,
                head.lastHash());
    }

    private List<Disclosure.FundLine> funds(
            LocalDate from,
            LocalDate to,
            long max,
            Map<Long, String> fundNames,
            List<LedgerReportRepository.Correction> corrections) {
        Map<Long, BigDecimal> opening = sums.fundSums(null, from.minusDays(1), max, LedgerReportRepository.Flow.ALL);
        // a balance carried in on the move-in day opens the period it falls in: it was not received in it
        sums.fundSums(from, to, max, LedgerReportRepository.Flow.OPENING)
                .forEach((f, a) -> opening.merge(f, a, BigDecimal::add));
        Map<Long, BigDecimal> received = sums.fundSums(from, to, max, LedgerReportRepository.Flow.RECEIVED);
        Map<Long, BigDecimal> spent = sums.fundSums(from, to, max, LedgerReportRepository.Flow.USED);
        Map<Long, BigDecimal> corrected = new LinkedHashMap<>();
        corrections.stream()
                .filter(c -> c.fundId() != null)
                .forEach(c -> corrected.merge(c.fundId(), c.amount(), BigDecimal::add));
        List<Disclosure.FundLine> funds = new ArrayList<>();
        fundNames.forEach((id, name) -> {
            BigDecimal o = opening.getOrDefault(id, ZERO);
            BigDecimal r = received.getOrDefault(id, ZERO);
            BigDecimal u = spent.getOrDefault(id, ZERO).negate();
            BigDecimal k = corrected.getOrDefault(id, ZERO);
            if (o.signum() != 0 || r.signum() != 0 || u.signum() != 0 || k.signum() != 0) {
                funds.add(new Disclosure.FundLine(
                        name, o, r, u, k, o.add(r).subtract(u).add(k)));
            }
        });
        return funds;
    }

    private List<Disclosure.DonorLine> donors(LocalDate from, LocalDate to, long max) {
        // Donors who asked not to be named are summed under one public name, so no one can be told apart.
        Map<String, Disclosure.DonorLine> donors = new LinkedHashMap<>();
        for (LedgerReportRepository.DonorSum s : sums.donorSums(from, to, max)) {
            String name = publicName(s.donorId());
            donors.merge(
                    name,
                    new Disclosure.DonorLine(name, s.amount(), s.count()),
                    (a, b) ->
                            new Disclosure.DonorLine(name, a.amount().add(b.amount()), a.donations() + b.donations()));
        }
        // Merging under public names (several 李*, the unnamed) undoes the query's order: the list is sorted again,
        // largest sum first as a reader of a donor list expects, equal sums by the name's pinyin.
        Collator pinyin = Collator.getInstance(Locale.CHINA);
        return donors.values().stream()
                .sorted(Comparator.comparing(Disclosure.DonorLine::amount)
                        .reversed()
                        .thenComparing(Disclosure.DonorLine::publicName, pinyin))
                .toList();
    }

    private List<Disclosure.GoodsLine> goods(
            LocalDate from,
            LocalDate to,
            long max,
            Map<Long, GoodsItem> items,
            List<LedgerReportRepository.Correction> corrections) {
        Map<Long, LedgerReportRepository.GoodsSum> goodsOpening = sums.goodsSums(null, from.minusDays(1), max, null);
        Map<Long, LedgerReportRepository.GoodsSum> goodsIn = sums.goodsSums(from, to, max, true);
        Map<Long, LedgerReportRepository.GoodsSum> goodsOut = sums.goodsSums(from, to, max, false);
        Map<Long, BigDecimal> corrected = new LinkedHashMap<>();
        corrections.stream()
                .filter(c -> c.itemId() != null)
                .forEach(c -> corrected.merge(c.itemId(), c.quantity(), BigDecimal::add));
        List<Disclosure.GoodsLine> goods = new ArrayList<>();
        for (GoodsItem item : items.values()) {
            BigDecimal o = quantity(goodsOpening.get(item.id()));
            BigDecimal in = quantity(goodsIn.get(item.id()));
            BigDecimal out = quantity(goodsOut.get(item.id())).negate();
            BigDecimal k = corrected.getOrDefault(item.id(), ZERO);
            BigDecimal value =
                    goodsIn.containsKey(item.id()) ? goodsIn.get(item.id()).value() : ZERO;
            if (o.signum() != 0 || in.signum() != 0 || out.signum() != 0 || k.signum() != 0) {
                goods.add(new Disclosure.GoodsLine(
                        item.name(),
                        item.unit(),
                        o,
                        in,
                        value,
                        out,
                        k,
                        o.add(in).subtract(out).add(k)));
            }
        }
        return goods;
    }

    private Disclosure.CorrectionLine correction(
            LedgerReportRepository.Correction c, Map<Long, String> fundNames, Map<Long, GoodsItem> items) {
        boolean money = c.fundId() != null;
        GoodsItem item = money ? null : items.get(c.itemId());
        return new Disclosure.CorrectionLine(
                c.date(),
                c.reversedSeq(),
                c.reversedDate(),
                c.reversedKind(),
                money ? fundNames.getOrDefault(c.fundId(), "") : item == null ? "" : item.name(),
                money || item == null ? "" : item.unit(),
                c.donorId() == null ? "" : publicName(c.donorId()),
                money ? c.amount() : null,
                money ? null : c.quantity());
    }

    private String publicName(long donorId) {
        return ledger.registers().donor(donorId).map(Donor::publicName).orElse("");
    }

    private static BigDecimal quantity(LedgerReportRepository.GoodsSum s) {
        return s == null ? ZERO : s.quantity();
    }
}
