package org.huyou.donations;

import static org.huyou.db.generated.Tables.FUND;
import static org.huyou.db.generated.Tables.FUND_MONTH;
import static org.huyou.db.generated.Tables.GOODS_STOCK;
import static org.huyou.db.generated.Tables.LEDGER_ENTRY;
import static org.huyou.db.generated.Tables.LEDGER_HEAD;
import static org.huyou.db.generated.Tables.RECEIPT_COUNTER;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.huyou.db.BulkInsert;
import org.huyou.db.Sql;
import org.huyou.db.generated.Tables;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

/**
 * The ledger's entries and their chain: the head, receipt numbers, appending (with the running stock, lots and
 * fund months kept in the same transaction), reading entries back, the verifier's checkpoint, and balances and stock
 * on a day. Ledger rows are only ever inserted. The ledger's other tables have their own repositories, reached from
 * here so that a service is handed the ledger as one: {@link #registers()} (donors, funds, goods items),
 * {@link #requests()} (payment requests), {@link #periods()} (closed months), {@link #lots()} (goods lots) and
 * {@link #reports()} (disclosure and chart sums).
 */
public final class LedgerRepository {

    private final DSLContext dsl;
    private final LedgerRegisterRepository registers;
    private final PaymentRequestRepository requests;
    private final ClosedPeriodRepository periods;
    private final GoodsLotRepository lots;
    private final LedgerReportRepository reports;

    public LedgerRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.registers = new LedgerRegisterRepository(dsl);
        this.requests = new PaymentRequestRepository(dsl);
        this.periods = new ClosedPeriodRepository(dsl);
        this.lots = new GoodsLotRepository(dsl);
        this.reports = new LedgerReportRepository(dsl);
    }

    /** Donors, funds and goods items. */
    public LedgerRegisterRepository registers() {
        return registers;
    }

    /** Payment requests waiting for the director. */
    public PaymentRequestRepository requests() {
        return requests;
    }

    /** The closed months. */
    public ClosedPeriodRepository periods() {
        return periods;
    }

    /** The goods' lots (what is left of each receipt, with its expiry). */
    public GoodsLotRepository lots() {
        return lots;
    }

    /** The sums disclosures and charts read. */
    public LedgerReportRepository reports() {
        return reports;
    }

    /** The chain's head, locked until the transaction ends: appends happen one at a time. */
    public record Head(long lastSeq, String lastHash) {}

    public Head lockHead() {
        var h = LEDGER_HEAD;
        return dsl.select(h.LAST_SEQ, h.LAST_HASH)
                .from(h)
                .where(h.ID.eq(1))
                .forUpdate()
                .fetchOne(r -> new Head(r.get(h.LAST_SEQ), r.get(h.LAST_HASH)));
    }

    public void moveHead(long seq, String hash) {
        dsl.update(LEDGER_HEAD)
                .set(LEDGER_HEAD.LAST_SEQ, seq)
                .set(LEDGER_HEAD.LAST_HASH, hash)
                .where(LEDGER_HEAD.ID.eq(1))
                .execute();
    }

    public Head head() {
        var h = LEDGER_HEAD;
        return dsl.select(h.LAST_SEQ, h.LAST_HASH)
                .from(h)
                .where(h.ID.eq(1))
                .fetchOne(r -> new Head(r.get(h.LAST_SEQ), r.get(h.LAST_HASH)));
    }

    /** The next receipt number of the year, in the caller's transaction (so a rolled-back entry leaves no gap). */
    public int nextReceiptNo(int year) {
        var c = RECEIPT_COUNTER;
        Integer last = dsl.select(c.LAST_NO)
                .from(c)
                .where(c.RECEIPT_YEAR.eq(year))
                .forUpdate()
                .fetchOne(c.LAST_NO);
        if (last == null) {
            dsl.insertInto(c).set(c.RECEIPT_YEAR, year).set(c.LAST_NO, 1).execute();
            return 1;
        }
        dsl.update(c).set(c.LAST_NO, last + 1).where(c.RECEIPT_YEAR.eq(year)).execute();
        return last + 1;
    }

    public void insert(LedgerEntry e) {
        var l = LEDGER_ENTRY;
        dsl.insertInto(l)
                .set(l.SEQ, e.seq())
                .set(l.ENTRY_DATE, e.date())
                .set(l.KIND, e.kind().name())
                .set(l.FUND_ID, e.fundId())
                .set(l.AMOUNT, e.amount())
                .set(l.DONOR_ID, e.donorId())
                .set(l.CHANNEL, name(e.channel()))
                .set(l.PURPOSE, name(e.purpose()))
                .set(l.DESCRIPTION, e.description())
                .set(l.RECEIPT_NO, e.receiptNo())
                .set(l.PAYEE, e.payee())
                .set(l.VOUCHER_NO, e.voucherNo())
                .set(l.APPROVED_BY, e.approvedBy())
                .set(l.ITEM_ID, e.itemId())
                .set(l.QUANTITY, e.quantity())
                .set(l.GOODS_VALUE, e.goodsValue())
                .set(l.GOODS_CONDITION, name(e.condition()))
                .set(l.EXPIRY_DATE, e.expiry())
                .set(l.ISSUED_TO, name(e.issuedTo()))
                .set(l.REVERSES_SEQ, e.reversesSeq())
                .set(l.CREATED_AT, e.createdAt())
                .set(l.CREATED_BY, e.createdBy())
                .set(l.PREV_HASH, e.prevHash())
                .set(l.HASH, e.hash())
                .set(l.CHAIN_VERSION, (short) e.chainVersion())
                .execute();
        addToStock(List.of(e));
        lots.addToLots(List.of(e));
        addToFundMonths(List.of(e));
    }

    /**
     * Adds goods entries' quantities to the running stock of their items, in the caller's transaction (the one
     * that appends them under the ledger head's lock), so the stock never differs from the entries' sum.
     */
    private void addToStock(List<LedgerEntry> entries) {
        Map<Long, BigDecimal> byItem = new LinkedHashMap<>();
        for (LedgerEntry e : entries) {
            if (e.itemId() != null && e.quantity() != null) {
                byItem.merge(e.itemId(), e.quantity(), BigDecimal::add);
            }
        }
        var g = GOODS_STOCK;
        byItem.forEach((item, q) -> {
            if (dsl.update(g)
                            .set(g.QUANTITY, g.QUANTITY.plus(q))
                            .where(g.ITEM_ID.eq(item))
                            .execute()
                    == 0) {
                dsl.insertInto(g).set(g.ITEM_ID, item).set(g.QUANTITY, q).execute();
            }
        });
    }

    /**
     * Adds money entries to their funds' months ({@code fund_month}: opening balances and their reversals apart,
     * received from donors, used otherwise), in the caller's transaction, as {@link #addToStock} does for goods: sums
     * add up in any order, so a backdated entry or a reversal adds to its own month like any other.
     */
    private void addToFundMonths(List<LedgerEntry> entries) {
        record Month(long fundId, LocalDate start) {}
        Map<Month, BigDecimal[]> sums = new LinkedHashMap<>();
        for (LedgerEntry e : entries) {
            if (e.fundId() != null && e.amount() != null) {
                BigDecimal[] s =
                        sums.computeIfAbsent(new Month(e.fundId(), e.date().withDayOfMonth(1)), k ->
                                new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                if (e.donorId() != null) {
                    s[0] = s[0].add(e.amount());
                } else if (openingMove(e)) {
                    s[2] = s[2].add(e.amount());
                } else {
                    s[1] = s[1].subtract(e.amount());
                }
            }
        }
        var m = FUND_MONTH;
        sums.forEach((month, s) -> {
            if (dsl.update(m)
                            .set(m.RECEIVED, m.RECEIVED.plus(s[0]))
                            .set(m.USED, m.USED.plus(s[1]))
                            .set(m.OPENING, m.OPENING.plus(s[2]))
                            .where(m.FUND_ID.eq(month.fundId()))
                            .and(m.MONTH_START.eq(month.start()))
                            .execute()
                    == 0) {
                dsl.insertInto(m)
                        .set(m.FUND_ID, month.fundId())
                        .set(m.MONTH_START, month.start())
                        .set(m.RECEIVED, s[0])
                        .set(m.USED, s[1])
                        .set(m.OPENING, s[2])
                        .execute();
            }
        });
    }

    /**
     * An opening balance, or the reversal of one (it undoes a balance carried in, not money used); its SQL twin is
     * {@code LedgerReportRepository.openingMove}.
     */
    private boolean openingMove(LedgerEntry e) {
        if (e.kind() == LedgerEntry.Kind.OPENING) {
            return true;
        }
        return e.kind() == LedgerEntry.Kind.REVERSAL
                && e.donorId() == null
                && dsl.fetchExists(
                        LEDGER_ENTRY,
                        LEDGER_ENTRY
                                .SEQ
                                .eq(e.reversesSeq())
                                .and(LEDGER_ENTRY.KIND.eq(LedgerEntry.Kind.OPENING.name())));
    }

    /** Whether a fund has an opening balance not reversed. */
    public boolean hasOpening(long fundId) {
        var l = LEDGER_ENTRY;
        var r = LEDGER_ENTRY.as("r");
        return dsl.fetchExists(DSL.selectOne()
                .from(l)
                .where(l.FUND_ID.eq(fundId))
                .and(l.KIND.eq(LedgerEntry.Kind.OPENING.name()))
                .andNotExists(DSL.selectOne().from(r).where(r.REVERSES_SEQ.eq(l.SEQ))));
    }

    /** Per fund, the day of its opening balance not reversed (a fund has at most one). */
    public Map<Long, LocalDate> openingDays() {
        var l = LEDGER_ENTRY;
        var r = LEDGER_ENTRY.as("r");
        Map<Long, LocalDate> out = new LinkedHashMap<>();
        dsl.select(l.FUND_ID, l.ENTRY_DATE)
                .from(l)
                .where(l.KIND.eq(LedgerEntry.Kind.OPENING.name()))
                .andNotExists(DSL.selectOne().from(r).where(r.REVERSES_SEQ.eq(l.SEQ)))
                .forEach(x -> out.put(x.value1(), x.value2()));
        return out;
    }

    /** Per fund, the day of its earliest entry (an opening balance must come first). */
    public Map<Long, LocalDate> firstEntryDays() {
        var l = LEDGER_ENTRY;
        Map<Long, LocalDate> out = new LinkedHashMap<>();
        dsl.select(l.FUND_ID, DSL.min(l.ENTRY_DATE))
                .from(l)
                .where(l.FUND_ID.isNotNull())
                .groupBy(l.FUND_ID)
                .forEach(x -> out.put(x.value1(), x.value2()));
        return out;
    }

    /** Whether an entry after {@code seq} is dated on or before {@code day}: one a disclosure made at seq lacks. */
    public boolean enteredAfter(long seq, LocalDate day) {
        var l = LEDGER_ENTRY;
        // The key alone in the condition, the date compared here: with the date beside it H2 walked an entry_date
        // index over every entry up to the day (100,001 rows at 100,000 entries) instead of the key's range after
        // the head, which is nearly always empty (2 rows).
        LocalDate earliest =
                dsl.select(DSL.min(l.ENTRY_DATE)).from(l).where(l.SEQ.gt(seq)).fetchOne(0, LocalDate.class);
        return earliest != null && !earliest.isAfter(day);
    }

    /** Entries already chained by the caller, in one JDBC batch (the stress-data generator's path). */
    public void insertAll(List<LedgerEntry> entries) {
        var l = LEDGER_ENTRY;
        List<TableRecord<?>> records = new ArrayList<>();
        for (LedgerEntry e : entries) {
            var rec = dsl.newRecord(l);
            rec.setSeq(e.seq());
            rec.setEntryDate(e.date());
            rec.setKind(e.kind().name());
            rec.setFundId(e.fundId());
            rec.setAmount(e.amount());
            rec.setDonorId(e.donorId());
            rec.setChannel(name(e.channel()));
            rec.setPurpose(name(e.purpose()));
            rec.setDescription(e.description());
            rec.setReceiptNo(e.receiptNo());
            rec.setPayee(e.payee());
            rec.setVoucherNo(e.voucherNo());
            rec.setApprovedBy(e.approvedBy());
            rec.setItemId(e.itemId());
            rec.setQuantity(e.quantity());
            rec.setGoodsValue(e.goodsValue());
            rec.setGoodsCondition(name(e.condition()));
            rec.setExpiryDate(e.expiry());
            rec.setIssuedTo(name(e.issuedTo()));
            rec.setReversesSeq(e.reversesSeq());
            rec.setCreatedAt(e.createdAt());
            rec.setCreatedBy(e.createdBy());
            rec.setPrevHash(e.prevHash());
            rec.setHash(e.hash());
            rec.setChainVersion((short) e.chainVersion());
            records.add(rec);
        }
        BulkInsert.insert(dsl, records);
        addToStock(entries);
        lots.addToLots(entries);
        addToFundMonths(entries);
    }

    /** Sets the receipt counter of a year (after receipts were numbered in bulk). */
    public void setReceiptCounter(int year, int last) {
        var c = RECEIPT_COUNTER;
        dsl.mergeInto(c)
                .using(DSL.selectOne())
                .on(c.RECEIPT_YEAR.eq(year))
                .whenMatchedThenUpdate()
                .set(c.LAST_NO, last)
                .whenNotMatchedThenInsert(c.RECEIPT_YEAR, c.LAST_NO)
                .values(year, last)
                .execute();
    }

    /** The last place a verification found the chain whole up to (empty before the first). */
    public Optional<Head> checkpoint() {
        var c = Tables.CHAIN_CHECKPOINT;
        return dsl.select(c.LAST_SEQ, c.LAST_HASH)
                .from(c)
                .where(c.CHAIN.eq("LEDGER"))
                .fetchOptional(r -> new Head(r.value1(), r.value2()));
    }

    public void saveCheckpoint(long seq, String hash, LocalDateTime at) {
        var c = Tables.CHAIN_CHECKPOINT;
        dsl.mergeInto(c)
                .using(DSL.selectOne())
                .on(c.CHAIN.eq("LEDGER"))
                .whenMatchedThenUpdate()
                .set(c.LAST_SEQ, seq)
                .set(c.LAST_HASH, hash)
                .set(c.VERIFIED_AT, at)
                .whenNotMatchedThenInsert(c.CHAIN, c.LAST_SEQ, c.LAST_HASH, c.VERIFIED_AT)
                .values("LEDGER", seq, hash, at)
                .execute();
    }

    /** The hash stored for an entry (what a published code is checked against). */
    public Optional<String> hashAt(long seq) {
        return dsl.select(LEDGER_ENTRY.HASH)
                .from(LEDGER_ENTRY)
                .where(LEDGER_ENTRY.SEQ.eq(seq))
                .fetchOptional(LEDGER_ENTRY.HASH);
    }

    /** The entry carrying this hash, if any (a code whose entry number was mistyped). */
    public Optional<Long> seqOfHash(String hash) {
        return dsl.select(LEDGER_ENTRY.SEQ)
                .from(LEDGER_ENTRY)
                .where(LEDGER_ENTRY.HASH.eq(hash))
                .limit(1)
                .fetchOptional(LEDGER_ENTRY.SEQ);
    }

    public Optional<LedgerEntry> entry(long seq) {
        return entries(new Sql().sql(ENTRY_COLUMNS + "WHERE seq = ").value(seq)).stream()
                .findFirst();
    }

    /**
     * The chain's entries from {@code fromSeq} to {@code toSeq} in order from one cursor, a few thousand rows fetched
     * at a time, never all held at once: the verifier's read, in plain JDBC by column position (this read is its
     * time).
     */
    public void forEachInChain(long fromSeq, long toSeq, Consumer<LedgerEntry> sink) {
        dsl.connection(c -> {
            boolean auto = c.getAutoCommit();
            if (auto) {
                c.setAutoCommit(false); // PostgreSQL streams by the fetch size only inside a transaction
            }
            boolean h2 = dsl.dialect() == SQLDialect.H2;
            if (h2) {
                // Rows straight from the primary key's cursor: otherwise H2 first copies the 500,000 rows into a
                // temporary result on disk (encrypted as well) and reads them back.
                lazy(c, true);
            }
            try (PreparedStatement ps = c.prepareStatement(CHAIN_SQL)) {
                ps.setFetchSize(2_000);
                ps.setLong(1, fromSeq);
                ps.setLong(2, toSeq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(entry(rs));
                    }
                }
            } finally {
                if (h2) {
                    lazy(c, false);
                }
                if (auto) {
                    c.rollback(); // it only read
                    c.setAutoCommit(true);
                }
            }
        });
    }

    /** Every column of a ledger row, in the order {@link #entry(java.sql.ResultSet)} reads them. */
    private static final String ENTRY_COLUMNS = "SELECT seq, entry_date, kind, fund_id, amount, donor_id, channel, "
            + "purpose, description, receipt_no, payee, voucher_no, approved_by, item_id, quantity, goods_value, "
            + "goods_condition, expiry_date, issued_to, reverses_seq, created_at, created_by, prev_hash, hash, "
            + "chain_version "
            + "FROM ledger_entry ";

    private static final String CHAIN_SQL = ENTRY_COLUMNS + "WHERE seq BETWEEN ? AND ? ORDER BY seq";

    private static void lazy(Connection c, boolean on) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (on) {
                s.execute("SET LAZY_QUERY_EXECUTION TRUE");
            } else {
                s.execute("SET LAZY_QUERY_EXECUTION FALSE");
            }
        }
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        return LedgerEntry.builder()
                .seq(rs.getLong(1))
                .date(rs.getObject(2, LocalDate.class))
                .kind(LedgerEntry.Kind.valueOf(rs.getString(3)))
                .fundId(rs.getObject(4, Long.class))
                .amount(rs.getBigDecimal(5))
                .donorId(rs.getObject(6, Long.class))
                .channel(named(LedgerEntry.Channel.class, rs.getString(7)))
                .purpose(named(Fund.Purpose.class, rs.getString(8)))
                .description(rs.getString(9))
                .receiptNo(rs.getString(10))
                .payee(rs.getString(11))
                .voucherNo(rs.getString(12))
                .approvedBy(rs.getString(13))
                .itemId(rs.getObject(14, Long.class))
                .quantity(rs.getBigDecimal(15))
                .goodsValue(rs.getBigDecimal(16))
                .condition(named(LedgerEntry.Condition.class, rs.getString(17)))
                .expiry(rs.getObject(18, LocalDate.class))
                .issuedTo(named(LedgerEntry.IssuedTo.class, rs.getString(19)))
                .reversesSeq(rs.getObject(20, Long.class))
                .createdAt(rs.getObject(21, LocalDateTime.class))
                .createdBy(rs.getString(22))
                .prevHash(rs.getString(23))
                .hash(rs.getString(24))
                .chainVersion(rs.getInt(25))
                .build();
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** Newest first, a page before {@code beforeSeq}: the ledger screen's list. */
    public List<LedgerEntry> recent(long beforeSeq, int limit) {
        return entries(new Sql()
                .sql(ENTRY_COLUMNS + "WHERE seq < ")
                .value(beforeSeq)
                .sql(" ORDER BY seq DESC LIMIT ")
                .value(limit));
    }

    /** Entries read by {@link #entry(java.sql.ResultSet)}, the one mapping of a ledger row. */
    private List<LedgerEntry> entries(Sql sql) {
        return dsl.connectionResult(c -> {
            List<LedgerEntry> out = new ArrayList<>();
            try (PreparedStatement ps = sql.prepare(c)) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(entry(rs));
                    }
                }
            }
            return out;
        });
    }

    public boolean reversed(long seq) {
        return dsl.fetchExists(LEDGER_ENTRY, LEDGER_ENTRY.REVERSES_SEQ.eq(seq));
    }

    /**
     * A fund's balance from every entry dated on or before {@code on} (null: all): its kept months
     * ({@code fund_month}) before {@code on}'s month, and that month's own entries up to {@code on}, so it never sums
     * the fund's whole history.
     */
    public BigDecimal fundBalance(long fundId, LocalDate on) {
        return balancesOf(fundId, on).getOrDefault(fundId, BigDecimal.ZERO.setScale(2));
    }

    /** Every fund's balance from the entries dated on or before {@code on} (null: all), as {@link #fundBalance}. */
    public Map<Long, BigDecimal> balances(LocalDate on) {
        return balancesOf(null, on);
    }

    /** The balances of one fund, or of every fund when {@code fundId} is null. */
    private Map<Long, BigDecimal> balancesOf(Long fundId, LocalDate on) {
        var m = FUND_MONTH;
        var l = LEDGER_ENTRY;
        LocalDate monthStart = on == null ? null : on.withDayOfMonth(1);
        Map<Long, BigDecimal> out = new LinkedHashMap<>();
        dsl.select(FUND.ID, DSL.sum(m.OPENING.plus(m.RECEIVED).minus(m.USED)))
                .from(FUND)
                .leftJoin(m)
                .on(m.FUND_ID.eq(FUND.ID).and(on == null ? DSL.noCondition() : m.MONTH_START.lt(monthStart)))
                .where(fundId == null ? DSL.noCondition() : FUND.ID.eq(fundId))
                .groupBy(FUND.ID)
                .orderBy(FUND.ID)
                .forEach(r -> out.put(r.value1(), r.value2() == null ? BigDecimal.ZERO.setScale(2) : r.value2()));
        if (on != null) { // the month of the day itself, from its entries
            dsl.select(l.FUND_ID, DSL.sum(l.AMOUNT))
                    .from(l)
                    .where(fundId == null ? l.FUND_ID.isNotNull() : l.FUND_ID.eq(fundId))
                    .and(l.ENTRY_DATE.between(monthStart, on))
                    .groupBy(l.FUND_ID)
                    .forEach(r -> out.merge(r.value1(), r.value2(), BigDecimal::add));
        }
        return out;
    }

    /**
     * An item's stock at the end of {@code on} (null: every entry): the running stock ({@code goods_stock}) less the
     * entries dated after {@code on} (none, or a few, for today), so it never sums the item's whole history.
     */
    public BigDecimal stock(long itemId, LocalDate on) {
        var l = LEDGER_ENTRY;
        BigDecimal running = dsl.select(GOODS_STOCK.QUANTITY)
                .from(GOODS_STOCK)
                .where(GOODS_STOCK.ITEM_ID.eq(itemId))
                .fetchOptional(GOODS_STOCK.QUANTITY)
                .orElse(BigDecimal.ZERO.setScale(2));
        if (on == null) {
            return running;
        }
        BigDecimal later = dsl.select(DSL.sum(l.QUANTITY))
                .from(l)
                .where(l.ITEM_ID.eq(itemId))
                .and(l.ENTRY_DATE.gt(on))
                .fetchOne(0, BigDecimal.class);
        return later == null ? running : running.subtract(later);
    }

    /** Every item's stock at the end of {@code on} (null: every entry), as {@link #stock(long, LocalDate)}. */
    public Map<Long, BigDecimal> stocks(LocalDate on) {
        var l = LEDGER_ENTRY;
        Map<Long, BigDecimal> out = new LinkedHashMap<>();
        dsl.select(GOODS_STOCK.ITEM_ID, GOODS_STOCK.QUANTITY)
                .from(GOODS_STOCK)
                .forEach(r -> out.put(r.value1(), r.value2()));
        if (on == null) {
            return out;
        }
        dsl.select(l.ITEM_ID, DSL.sum(l.QUANTITY))
                .from(l)
                .where(l.ENTRY_DATE.gt(on))
                .and(l.ITEM_ID.isNotNull())
                .groupBy(l.ITEM_ID)
                .forEach(r -> out.merge(r.value1(), r.value2().negate(), BigDecimal::add));
        return out;
    }

    /** Each fund's running balance at the end of every day with an entry after {@code from}: none may go negative. */
    public List<BigDecimal> dailyBalancesFrom(long fundId, LocalDate from) {
        var l = LEDGER_ENTRY;
        return runningByDay(fundBalance(fundId, from.minusDays(1)), l.AMOUNT, l.FUND_ID.eq(fundId), from);
    }

    public List<BigDecimal> dailyStockFrom(long itemId, LocalDate from) {
        var l = LEDGER_ENTRY;
        return runningByDay(stock(itemId, from.minusDays(1)), l.QUANTITY, l.ITEM_ID.eq(itemId), from);
    }

    /** {@code start} plus the day's sum of {@code value} over the entries {@code which}, at the end of each day. */
    private List<BigDecimal> runningByDay(BigDecimal start, Field<BigDecimal> value, Condition which, LocalDate from) {
        var l = LEDGER_ENTRY;
        BigDecimal running = start;
        List<BigDecimal> out = new ArrayList<>();
        for (var r : dsl.select(l.ENTRY_DATE, DSL.sum(value))
                .from(l)
                .where(which)
                .and(l.ENTRY_DATE.ge(from))
                .groupBy(l.ENTRY_DATE)
                .orderBy(l.ENTRY_DATE)
                .fetch()) {
            running = running.add(r.value2());
            out.add(running);
        }
        return out;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
