package org.huyou.donations;

import static org.huyou.db.generated.Tables.FUND_MONTH;
import static org.huyou.db.generated.Tables.LEDGER_ENTRY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;

/**
 * The ledger's sums for disclosures and charts: per fund, donor, use and goods item over a period, counting only
 * entries up to {@code maxSeq} (the chain's head when the disclosure is made), and the months' totals.
 *
 * <p>Within a period a sum takes only the entries that stand: a reversed donation is no donation, so an entry
 * reversed by an entry dated in the period is left out together with its reversal (they cancel), and a reversal of
 * an entry dated before the period is a correction of what an earlier period showed ({@link #corrections}), never
 * netted into this period's donations, uses or goods.
 */
public final class LedgerReportRepository {

    private final DSLContext dsl;

    public LedgerReportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Which money moves a sum takes: all of them, money from donors (donations and their reversals), opening
     * balances (and their reversals), or money used (everything else).
     */
    public enum Flow {
        ALL,
        RECEIVED,
        OPENING,
        USED
    }

    /**
     * Sum of amounts per fund dated on or before a day, of one flow: every entry when no first day is given (a
     * balance), only the entries standing in the period from that day when one is.
     */
    public Map<Long, BigDecimal> fundSums(LocalDate from, LocalDate to, long maxSeq, Flow flow) {
        var l = LEDGER_ENTRY;
        Map<Long, BigDecimal> out = new LinkedHashMap<>();
        dsl.select(l.FUND_ID, DSL.sum(l.AMOUNT))
                .from(l)
                .where(l.FUND_ID.isNotNull())
                .and(l.SEQ.le(maxSeq))
                .and(from == null ? DSL.noCondition() : l.ENTRY_DATE.ge(from).and(standing(l, to, maxSeq)))
                .and(l.ENTRY_DATE.le(to))
                .and(
                        switch (flow) {
                            case ALL -> DSL.noCondition();
                            case RECEIVED -> l.DONOR_ID.isNotNull();
                            case OPENING -> openingMove(l);
                            case USED -> l.DONOR_ID.isNull().andNot(openingMove(l));
                        })
                .groupBy(l.FUND_ID)
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    public record DonorSum(long donorId, BigDecimal amount, int count) {}

    /**
     * Per donor, the money donations standing in the period: their sum and how many they are. The disclosure sums
     * its period in one read ({@link PeriodSums}); this and {@link #useSums} are the SQL they are checked against.
     */
    public List<DonorSum> donorSums(LocalDate from, LocalDate to, long maxSeq) {
        var l = LEDGER_ENTRY;
        return dsl.select(l.DONOR_ID, DSL.sum(l.AMOUNT), DSL.count())
                .from(l)
                .where(l.FUND_ID.isNotNull())
                .and(l.DONOR_ID.isNotNull())
                .and(l.SEQ.le(maxSeq))
                .and(l.ENTRY_DATE.between(from, to))
                .and(standing(l, to, maxSeq))
                .groupBy(l.DONOR_ID)
                .orderBy(DSL.sum(l.AMOUNT).desc())
                .fetch(r -> new DonorSum(r.value1(), r.value2(), r.value3()));
    }

    /**
     * One entry of a period with only what its sums need, read from {@code ix_ledger_period_sums} alone (the entries'
     * own rows are wide: the chain's hashes, descriptions).
     */
    public record Move(
            long seq,
            String kind,
            Long fundId,
            Long donorId,
            Long itemId,
            String purpose,
            BigDecimal amount,
            BigDecimal quantity,
            BigDecimal value) {}

    /** Every entry dated in the period up to {@code maxSeq}, reversals included, handed over one at a time. */
    public void periodMoves(LocalDate from, LocalDate to, long maxSeq, Consumer<Move> each) {
        var l = LEDGER_ENTRY;
        try (var rows = dsl.select(
                        l.SEQ, l.KIND, l.FUND_ID, l.DONOR_ID, l.ITEM_ID, l.PURPOSE, l.AMOUNT, l.QUANTITY, l.GOODS_VALUE)
                .from(l)
                .where(l.ENTRY_DATE.between(from, to))
                .and(l.SEQ.le(maxSeq))
                .fetchSize(2_000)
                .fetchLazy()) {
            rows.forEach(r -> each.accept(Records.mapping(Move::new).map(r)));
        }
    }

    /**
     * The entries reversed by a reversal dated on or before {@code to}, up to {@code maxSeq}: the ones that do not
     * stand in a period ending that day (see {@link #standing}), read from {@code ix_ledger_reversals}.
     */
    public Set<Long> reversedBy(LocalDate to, long maxSeq) {
        var l = LEDGER_ENTRY;
        Set<Long> out = new HashSet<>();
        dsl.select(l.REVERSES_SEQ)
                .from(l)
                .where(l.KIND.eq(LedgerEntry.Kind.REVERSAL.name()))
                .and(l.REVERSES_SEQ.isNotNull())
                .and(l.ENTRY_DATE.le(to))
                .and(l.SEQ.le(maxSeq))
                .forEach(r -> out.add(r.value1()));
        return out;
    }

    public record UseSum(long fundId, Fund.Purpose purpose, BigDecimal amount, int count) {}

    /** Per fund and purpose, the payments standing in the period: their sum and how many they are. */
    public List<UseSum> useSums(LocalDate from, LocalDate to, long maxSeq) {
        var l = LEDGER_ENTRY;
        return dsl.select(l.FUND_ID, l.PURPOSE, DSL.sum(l.AMOUNT), DSL.count())
                .from(l)
                .where(l.FUND_ID.isNotNull())
                .and(l.DONOR_ID.isNull())
                .andNot(openingMove(l))
                .and(l.SEQ.le(maxSeq))
                .and(l.ENTRY_DATE.between(from, to))
                .and(standing(l, to, maxSeq))
                .groupBy(l.FUND_ID, l.PURPOSE)
                .orderBy(l.FUND_ID, l.PURPOSE)
                .fetch(r -> new UseSum(
                        r.value1(), Fund.Purpose.valueOf(r.value2()), r.value3().negate(), r.value4()));
    }

    public record GoodsSum(long itemId, BigDecimal quantity, BigDecimal value) {}

    /**
     * Per item: quantities moved on or before a day, from donors (received) or not (issued); every entry when no
     * first day is given (the stock), only those standing in the period from that day when one is.
     */
    public Map<Long, GoodsSum> goodsSums(LocalDate from, LocalDate to, long maxSeq, Boolean fromDonors) {
        var l = LEDGER_ENTRY;
        Map<Long, GoodsSum> out = new LinkedHashMap<>();
        dsl.select(l.ITEM_ID, DSL.sum(l.QUANTITY), DSL.sum(l.GOODS_VALUE))
                .from(l)
                .where(l.ITEM_ID.isNotNull())
                .and(l.SEQ.le(maxSeq))
                .and(from == null ? DSL.noCondition() : l.ENTRY_DATE.ge(from).and(standing(l, to, maxSeq)))
                .and(l.ENTRY_DATE.le(to))
                .and(fromDonors == null ? DSL.noCondition() : fromDonors ? l.DONOR_ID.isNotNull() : l.DONOR_ID.isNull())
                .groupBy(l.ITEM_ID)
                .forEach(r -> out.put(
                        r.value1(),
                        new GoodsSum(r.value1(), r.value2(), r.value3() == null ? BigDecimal.ZERO : r.value3())));
        return out;
    }

    /**
     * A reversal dated in the period of an entry dated before it: what the period corrects of an earlier one. The
     * reversal carries the original's fund or item, donor, and the opposite amount, quantity and value.
     */
    public record Correction(
            long seq,
            LocalDate date,
            long reversedSeq,
            LocalDate reversedDate,
            LedgerEntry.Kind reversedKind,
            Long fundId,
            Long itemId,
            Long donorId,
            BigDecimal amount,
            BigDecimal quantity,
            BigDecimal value) {}

    public List<Correction> corrections(LocalDate from, LocalDate to, long maxSeq) {
        var l = LEDGER_ENTRY;
        var o = LEDGER_ENTRY.as("original");
        return dsl.select(
                        l.SEQ,
                        l.ENTRY_DATE,
                        o.SEQ,
                        o.ENTRY_DATE,
                        o.KIND,
                        l.FUND_ID,
                        l.ITEM_ID,
                        l.DONOR_ID,
                        l.AMOUNT,
                        l.QUANTITY,
                        l.GOODS_VALUE)
                .from(l)
                .join(o)
                .on(o.SEQ.eq(l.REVERSES_SEQ))
                .where(l.KIND.eq(LedgerEntry.Kind.REVERSAL.name()))
                .and(l.SEQ.le(maxSeq))
                .and(l.ENTRY_DATE.between(from, to))
                // an original after the period cannot be (a reversal is dated the day it is made), but would be one
                .and(o.ENTRY_DATE.lt(from).or(o.ENTRY_DATE.gt(to)))
                .orderBy(l.SEQ)
                .fetch(r -> new Correction(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        LedgerEntry.Kind.valueOf(r.value5()),
                        r.value6(),
                        r.value7(),
                        r.value8(),
                        r.value9(),
                        r.value10(),
                        r.value11()));
    }

    /**
     * Whether an entry stands in a period ending {@code to}: not a reversal (one of an entry in the period cancels
     * it, one of an entry before is a {@link Correction}), and not reversed by an entry dated in the period.
     */
    private static Condition standing(org.huyou.db.generated.tables.LedgerEntry l, LocalDate to, long maxSeq) {
        var r = LEDGER_ENTRY.as("reversal");
        return l.KIND.ne(LedgerEntry.Kind.REVERSAL.name())
                .andNotExists(DSL.selectOne()
                        .from(r)
                        .where(r.REVERSES_SEQ.eq(l.SEQ))
                        .and(r.SEQ.le(maxSeq))
                        .and(r.ENTRY_DATE.le(to)));
    }

    /**
     * Each month's money received and used as a disclosure of that month counts them: the entries standing in it. The
     * kept months ({@code fund_month}, a few rows per month however many entries it had) net every reversal into the
     * month it is dated in, which is right for a balance; a reversal of an entry of an earlier month is a correction
     * there, not less money received or used, so those few are taken back out here. (A reversal within the month
     * cancels its entry in both ways of counting.)
     */
    public List<MonthTotals> monthTotals(YearMonth from) {
        var m = FUND_MONTH;
        Map<YearMonth, BigDecimal[]> corrections = corrections(from);
        return dsl.select(m.MONTH_START, DSL.sum(m.RECEIVED), DSL.sum(m.USED))
                .from(m)
                .where(m.MONTH_START.ge(from.atDay(1)))
                .groupBy(m.MONTH_START)
                .orderBy(m.MONTH_START)
                .fetch(r -> {
                    YearMonth month = YearMonth.from(r.value1());
                    BigDecimal[] c =
                            corrections.getOrDefault(month, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    return new MonthTotals(
                            month, r.value2().subtract(c[0]), r.value3().subtract(c[1]));
                });
    }

    /**
     * Per month from {@code from}: what the reversals dated in it of entries of earlier months netted into the kept
     * month, received (a donation's reversal, negative) and used (a payment's reversal, negative), as fund_month
     * counts them (opening balances apart).
     */
    private Map<YearMonth, BigDecimal[]> corrections(YearMonth from) {
        var l = LEDGER_ENTRY;
        var o = LEDGER_ENTRY.as("original");
        var lMonth = DSL.year(l.ENTRY_DATE).mul(12).plus(DSL.month(l.ENTRY_DATE));
        var oMonth = DSL.year(o.ENTRY_DATE).mul(12).plus(DSL.month(o.ENTRY_DATE));
        Map<YearMonth, BigDecimal[]> out = new HashMap<>();
        dsl.select(l.ENTRY_DATE, l.DONOR_ID, l.AMOUNT)
                .from(l)
                .join(o)
                .on(o.SEQ.eq(l.REVERSES_SEQ))
                .where(l.KIND.eq(LedgerEntry.Kind.REVERSAL.name()))
                .and(l.FUND_ID.isNotNull())
                .and(l.ENTRY_DATE.ge(from.atDay(1)))
                .and(oMonth.lt(lMonth))
                .andNot(openingMove(l))
                .forEach(r -> {
                    BigDecimal[] c = out.computeIfAbsent(
                            YearMonth.from(r.value1()), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    if (r.value2() != null) {
                        c[0] = c[0].add(r.value3());
                    } else {
                        c[1] = c[1].subtract(r.value3());
                    }
                });
        return out;
    }

    /** The SQL twin of {@code LedgerRepository.openingMove}: opening balances and the reversals of one. */
    private static Condition openingMove(org.huyou.db.generated.tables.LedgerEntry l) {
        var o = LEDGER_ENTRY.as("opening");
        // reverses_seq IS NOT NULL first: NULL IN (...) is unknown, and NOT unknown would drop every payment
        return l.KIND.eq(LedgerEntry.Kind.OPENING.name())
                .or(l.REVERSES_SEQ
                        .isNotNull()
                        .and(l.REVERSES_SEQ.in(
                                DSL.select(o.SEQ).from(o).where(o.KIND.eq(LedgerEntry.Kind.OPENING.name())))));
    }
}
