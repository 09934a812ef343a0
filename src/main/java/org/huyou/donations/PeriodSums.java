package org.huyou.donations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A period's sums for its disclosure from one read of its entries: money received, used and carried in per fund,
 * per donor, per fund and purpose, goods in and out per item. They are the sums of {@link LedgerReportRepository}'s
 * SQL (fundSums, donorSums, useSums, goodsSums over the period; DisclosureSumsTest compares them on random ledgers),
 * but one pass over a narrow index instead of nine over the wide rows, each asking per entry whether it was reversed.
 *
 * <p>An entry stands in the period when it is no reversal and no reversal dated up to the period's end reverses it.
 * A standing entry is never a reversal, so it moves an opening balance only when it is one ({@code ck_ledger_reversal}:
 * only a reversal reverses).
 */
final class PeriodSums {

    final Map<Long, BigDecimal> openingMoney = new LinkedHashMap<>();
    final Map<Long, BigDecimal> received = new LinkedHashMap<>();
    final Map<Long, BigDecimal> used = new LinkedHashMap<>();
    final Map<Long, LedgerReportRepository.GoodsSum> goodsIn = new LinkedHashMap<>();
    final Map<Long, LedgerReportRepository.GoodsSum> goodsOut = new LinkedHashMap<>();
    private final Map<Long, Count> donors = new LinkedHashMap<>();
    /** By fund, then purpose: the order the SQL gave them in (a missing purpose first, as SQL sorts NULL). */
    private final Map<Long, Map<String, Count>> uses = new TreeMap<>();

    private record Count(BigDecimal amount, int count) {
        Count plus(BigDecimal a) {
            return new Count(amount.add(a), count + 1);
        }
    }

    static PeriodSums of(LedgerReportRepository sums, LocalDate from, LocalDate to, long maxSeq) {
        Set<Long> reversed = sums.reversedBy(to, maxSeq);
        PeriodSums p = new PeriodSums();
        sums.periodMoves(from, to, maxSeq, m -> {
            if (!LedgerEntry.Kind.REVERSAL.name().equals(m.kind()) && !reversed.contains(m.seq())) {
                p.add(m);
            }
        });
        // an item's value is zero when none of its entries had one (as the SQL's sum was read)
        for (Map<Long, LedgerReportRepository.GoodsSum> goods : List.of(p.goodsIn, p.goodsOut)) {
            goods.replaceAll((id, g) ->
                    g.value() == null ? new LedgerReportRepository.GoodsSum(id, g.quantity(), BigDecimal.ZERO) : g);
        }
        return p;
    }

    private void add(LedgerReportRepository.Move m) {
        if (m.fundId() != null) {
            if (m.donorId() != null) {
                received.merge(m.fundId(), m.amount(), BigDecimal::add);
                donors.merge(m.donorId(), new Count(m.amount(), 1), (a, b) -> a.plus(m.amount()));
            }
            if (LedgerEntry.Kind.OPENING.name().equals(m.kind())) {
                openingMoney.merge(m.fundId(), m.amount(), BigDecimal::add);
            } else if (m.donorId() == null) {
                used.merge(m.fundId(), m.amount(), BigDecimal::add);
                uses.computeIfAbsent(m.fundId(), f -> new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder())))
                        .merge(m.purpose(), new Count(m.amount(), 1), (a, b) -> a.plus(m.amount()));
            }
        }
        if (m.itemId() != null) {
            (m.donorId() != null ? goodsIn : goodsOut)
                    .merge(
                            m.itemId(),
                            new LedgerReportRepository.GoodsSum(m.itemId(), m.quantity(), m.value()),
                            (a, b) -> new LedgerReportRepository.GoodsSum(
                                    a.itemId(), a.quantity().add(b.quantity()), plus(a.value(), b.value())));
        }
    }

    /** SQL's SUM: what is missing is left out, and nothing at all stays missing. */
    private static BigDecimal plus(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    /** Per donor, the sum and count of their money donations standing in the period. */
    List<LedgerReportRepository.DonorSum> donorSums() {
        List<LedgerReportRepository.DonorSum> out = new ArrayList<>();
        donors.forEach((id, c) -> out.add(new LedgerReportRepository.DonorSum(id, c.amount(), c.count())));
        return out;
    }

    /** Per fund and purpose, the payments standing in the period (as positive amounts) and their count. */
    List<LedgerReportRepository.UseSum> useSums() {
        List<LedgerReportRepository.UseSum> out = new ArrayList<>();
        uses.forEach((fund, byPurpose) -> byPurpose.forEach((purpose, c) -> out.add(new LedgerReportRepository.UseSum(
                fund, Fund.Purpose.valueOf(purpose), c.amount().negate(), c.count()))));
        return out;
    }
}
