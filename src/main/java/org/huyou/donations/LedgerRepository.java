package org.huyou.donations;

import static org.huyou.db.generated.Tables.CLOSED_PERIOD;
import static org.huyou.db.generated.Tables.DONOR;
import static org.huyou.db.generated.Tables.FUND;
import static org.huyou.db.generated.Tables.FUND_MONTH;
import static org.huyou.db.generated.Tables.GOODS_ITEM;
import static org.huyou.db.generated.Tables.GOODS_LOT;
import static org.huyou.db.generated.Tables.GOODS_STOCK;
import static org.huyou.db.generated.Tables.LEDGER_ENTRY;
import static org.huyou.db.generated.Tables.LEDGER_HEAD;
import static org.huyou.db.generated.Tables.PAYMENT_REQUEST;
import static org.huyou.db.generated.Tables.RECEIPT_COUNTER;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.huyou.common.Pinyin;
import org.huyou.db.BulkInsert;
import org.huyou.db.Like;
import org.huyou.db.Sql;
import org.huyou.db.generated.Tables;
import org.huyou.db.generated.tables.records.DonorRecord;
import org.huyou.db.generated.tables.records.FundRecord;
import org.huyou.db.generated.tables.records.GoodsItemRecord;
import org.huyou.db.generated.tables.records.PaymentRequestRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

/** Donors, funds, goods items and the ledger. Ledger rows are only ever inserted. */
public final class LedgerRepository {

    private final DSLContext dsl;

    public LedgerRepository(DSLContext dsl) {
        this.dsl = dsl;
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
        addToLots(List.of(e));
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

    /** An opening balance, or the reversal of one (it undoes a balance carried in, not money used). */
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

    /** The SQL twin of {@link #openingMove}: opening balances and the reversals of one. */
    private static Condition openingMove(org.huyou.db.generated.tables.LedgerEntry l) {
        var o = LEDGER_ENTRY.as("opening");
        // reverses_seq IS NOT NULL first: NULL IN (...) is unknown, and NOT unknown would drop every payment
        return l.KIND.eq(LedgerEntry.Kind.OPENING.name())
                .or(l.REVERSES_SEQ
                        .isNotNull()
                        .and(l.REVERSES_SEQ.in(
                                DSL.select(o.SEQ).from(o).where(o.KIND.eq(LedgerEntry.Kind.OPENING.name())))));
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
        addToLots(entries);
        addToFundMonths(entries);
    }

    /** The lots of an item whose lots have nothing yet: the day before any entry. */
    private static final LocalDate NO_MOVES = LocalDate.of(1900, 1, 1);

    /**
     * Applies goods entries to their items' lots ({@code goods_lot}), in the caller's transaction, as
     * {@link #addToStock} does for the stock: an entry on or after the latest day the lots include is applied to them
     * directly; a backdated one or a reversal replays the item's moves ({@link #rebuildLots}).
     */
    private void addToLots(List<LedgerEntry> entries) {
        Map<Long, List<LedgerEntry>> byItem = new LinkedHashMap<>();
        for (LedgerEntry e : entries) {
            if (e.itemId() != null && e.quantity() != null) {
                byItem.computeIfAbsent(e.itemId(), k -> new ArrayList<>()).add(e);
            }
        }
        var g = GOODS_STOCK;
        byItem.forEach((item, moves) -> {
            LocalDate through = dsl.select(g.LOTS_THROUGH)
                    .from(g)
                    .where(g.ITEM_ID.eq(item))
                    .fetchOptional(g.LOTS_THROUGH)
                    .orElse(null);
            if (through == null) {
                rebuildLots(item);
                return;
            }
            List<GoodsLots.Lot> before = lotsOf(item);
            GoodsLots lots = new GoodsLots(before);
            for (LedgerEntry e : moves) {
                if (e.kind() == LedgerEntry.Kind.REVERSAL || e.date().isBefore(through)) {
                    rebuildLots(item); // history changed before the lots' latest day: replayed, same rule
                    return;
                }
                lots.apply(e.seq(), e.date(), e.quantity(), e.expiry());
                through = e.date();
            }
            saveLots(item, before, lots.lots(), through);
        });
    }

    private List<GoodsLots.Lot> lotsOf(long itemId) {
        var t = GOODS_LOT;
        return dsl.select(t.RECEIPT_SEQ, t.RECEIVED, t.EXPIRY, t.REMAINING)
                .from(t)
                .where(t.ITEM_ID.eq(itemId))
                .fetch(r -> new GoodsLots.Lot(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Writes only the lots that changed: a day's entry touches one or two of an item's lots. */
    private void saveLots(long itemId, List<GoodsLots.Lot> before, List<GoodsLots.Lot> after, LocalDate through) {
        var t = GOODS_LOT;
        Map<Long, GoodsLots.Lot> old = new LinkedHashMap<>();
        before.forEach(l -> old.put(l.receiptSeq(), l));
        for (GoodsLots.Lot l : after) {
            GoodsLots.Lot was = old.remove(l.receiptSeq());
            if (was == null) {
                dsl.insertInto(t)
                        .set(t.RECEIPT_SEQ, l.receiptSeq())
                        .set(t.ITEM_ID, itemId)
                        .set(t.RECEIVED, l.received())
                        .set(t.EXPIRY, l.expiry())
                        .set(t.REMAINING, l.remaining())
                        .execute();
            } else if (was.remaining().compareTo(l.remaining()) != 0) {
                dsl.update(t)
                        .set(t.REMAINING, l.remaining())
                        .where(t.RECEIPT_SEQ.eq(l.receiptSeq()))
                        .execute();
            }
        }
        if (!old.isEmpty()) {
            dsl.deleteFrom(t).where(t.RECEIPT_SEQ.in(old.keySet())).execute();
        }
        dsl.update(GOODS_STOCK)
                .set(GOODS_STOCK.LOTS_THROUGH, through)
                .where(GOODS_STOCK.ITEM_ID.eq(itemId))
                .execute();
    }

    /** Replays every goods move of one item, neither reversed, in the order they happened (date, then number). */
    private void rebuildLots(long itemId) {
        var l = LEDGER_ENTRY;
        var r = LEDGER_ENTRY.as("r");
        GoodsLots lots = new GoodsLots(List.of());
        LocalDate[] through = {NO_MOVES};
        dsl.select(l.SEQ, l.ENTRY_DATE, l.QUANTITY, l.EXPIRY_DATE)
                .from(l)
                .where(l.ITEM_ID.eq(itemId))
                .and(l.KIND.in("GOODS_IN", "GOODS_OUT"))
                .andNotExists(DSL.selectOne().from(r).where(r.REVERSES_SEQ.eq(l.SEQ)))
                .orderBy(l.ENTRY_DATE, l.SEQ)
                .forEach(x -> {
                    lots.apply(x.value1(), x.value2(), x.value3(), x.value4());
                    through[0] = x.value2();
                });
        saveLots(itemId, lotsOf(itemId), lots.lots(), through[0]);
    }

    /** Whether some item's lots are not built yet (a home upgraded from before them). */
    public boolean lotsMissing() {
        return dsl.fetchExists(DSL.selectOne().from(GOODS_STOCK).where(GOODS_STOCK.LOTS_THROUGH.isNull()));
    }

    /** Builds the lots of every item that has none yet; the caller holds the ledger head's lock. */
    public void buildMissingLots() {
        dsl.select(GOODS_STOCK.ITEM_ID)
                .from(GOODS_STOCK)
                .where(GOODS_STOCK.LOTS_THROUGH.isNull())
                .fetch(GOODS_STOCK.ITEM_ID)
                .forEach(this::rebuildLots);
    }

    /** A lot on the shelf: what is left of one receipt. */
    public record Lot(long itemId, LocalDate received, BigDecimal remaining, LocalDate expiry) {}

    /** The lots expiring on or before {@code until} (or expired), earliest expiry first. */
    public List<Lot> lotsExpiringBy(LocalDate until) {
        var t = GOODS_LOT;
        return dsl.select(t.ITEM_ID, t.RECEIVED, t.REMAINING, t.EXPIRY)
                .from(t)
                .where(t.EXPIRY.le(until))
                .orderBy(t.EXPIRY, t.RECEIVED, t.RECEIPT_SEQ)
                .fetch(r -> new Lot(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Per item, what of its stock expired before {@code today}. */
    public Map<Long, BigDecimal> expiredByItem(LocalDate today) {
        var t = GOODS_LOT;
        Map<Long, BigDecimal> out = new LinkedHashMap<>();
        dsl.select(t.ITEM_ID, DSL.sum(t.REMAINING))
                .from(t)
                .where(t.EXPIRY.lt(today))
                .groupBy(t.ITEM_ID)
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
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

    public boolean periodClosed(String period) {
        return dsl.fetchExists(CLOSED_PERIOD, CLOSED_PERIOD.PERIOD.eq(period));
    }

    public void closePeriod(String period, String actor, LocalDateTime now) {
        dsl.insertInto(CLOSED_PERIOD)
                .set(CLOSED_PERIOD.PERIOD, period)
                .set(CLOSED_PERIOD.CLOSED_AT, now)
                .set(CLOSED_PERIOD.CLOSED_BY, actor)
                .execute();
    }

    public List<String> closedPeriods() {
        return dsl.select(CLOSED_PERIOD.PERIOD)
                .from(CLOSED_PERIOD)
                .orderBy(CLOSED_PERIOD.PERIOD.desc())
                .fetch(CLOSED_PERIOD.PERIOD);
    }

    // Donors, funds, items

    public long insertDonor(Donor d, String actor, LocalDateTime now) {
        var t = DONOR;
        return dsl.insertInto(t)
                .set(t.KIND, d.kind().name())
                .set(t.NAME, d.name())
                .set(t.NAMING, d.naming().name())
                .set(t.PHONE, d.phone())
                .set(t.ADDRESS, d.address())
                .set(t.CONTACT_PERSON, d.contactPerson())
                .set(t.NOTE, d.note())
                .set(t.NAME_PINYIN, Pinyin.full(d.name()))
                .set(t.NAME_INITIALS, Pinyin.initials(d.name()))
                .set(t.CREATED_AT, now)
                .set(t.CREATED_BY, actor)
                .returning(t.ID)
                .fetchOne(t.ID);
    }

    public Optional<Donor> donor(long id) {
        return dsl.selectFrom(DONOR).where(DONOR.ID.eq(id)).fetchOptional(LedgerRepository::donor);
    }

    /**
     * The donors found by what was typed, at most {@code limit}: part of the name (any letters), and for Latin letters
     * also the start of the name's pinyin or initials (binzhou, bz → 滨州…; spaces between syllables ignored). The
     * anonymous donor first, then in pinyin order; with nothing typed, the first page of them all.
     */
    public List<Donor> donors(String query, int limit) {
        var t = DONOR;
        String q = query == null ? "" : query.strip();
        Condition where = DSL.noCondition();
        if (!q.isEmpty()) {
            where = Like.containsIgnoreCase(t.NAME, q);
            String letters = q.replace(" ", "").toLowerCase(Locale.ROOT);
            if (Pinyin.looksLikePinyin(letters)) {
                where = where.or(Like.prefix(t.NAME_PINYIN, letters)).or(Like.prefix(t.NAME_INITIALS, letters));
            }
        }
        return dsl.selectFrom(t)
                .where(where)
                .orderBy(DSL.when(t.KIND.eq(Donor.Kind.ANONYMOUS.name()), 0).otherwise(1), t.NAME_PINYIN, t.NAME, t.ID)
                .limit(limit)
                .fetch(LedgerRepository::donor);
    }

    /** The names of these donors by id (bound, a few hundred at a time): the ledger list's donor column. */
    public Map<Long, String> donorNames(Collection<Long> ids) {
        List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
        Map<Long, String> out = new HashMap<>();
        for (int i = 0; i < all.size(); i += 500) {
            dsl.select(DONOR.ID, DONOR.NAME)
                    .from(DONOR)
                    .where(DONOR.ID.in(all.subList(i, Math.min(all.size(), i + 500))))
                    .forEach(r -> out.put(r.value1(), r.value2()));
        }
        return out;
    }

    /** The donors with one of these names (bound, a few hundred at a time): an import's check for donors known. */
    public List<Donor> donorsNamed(List<String> names) {
        List<Donor> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i += 500) {
            out.addAll(dsl.selectFrom(DONOR)
                    .where(DONOR.NAME.in(names.subList(i, Math.min(names.size(), i + 500))))
                    .fetch(LedgerRepository::donor));
        }
        return out;
    }

    public long insertFund(String name, boolean restricted, Fund.Purpose purpose, String actor, LocalDateTime now) {
        var f = FUND;
        return dsl.insertInto(f)
                .set(f.NAME, name)
                .set(f.RESTRICTED, restricted)
                .set(f.PURPOSE, purpose.name())
                .set(f.CREATED_AT, now)
                .set(f.CREATED_BY, actor)
                .returning(f.ID)
                .fetchOne(f.ID);
    }

    public List<Fund> funds() {
        return dsl.selectFrom(FUND).orderBy(FUND.ID).fetch(LedgerRepository::fund);
    }

    public Optional<Fund> fund(long id) {
        return dsl.selectFrom(FUND).where(FUND.ID.eq(id)).fetchOptional(LedgerRepository::fund);
    }

    public long itemFor(String name, String unit, GoodsItem.Category category, String actor, LocalDateTime now) {
        var g = GOODS_ITEM;
        return dsl.select(g.ID)
                .from(g)
                .where(g.NAME.eq(name))
                .and(g.UNIT.eq(unit))
                .fetchOptional(g.ID)
                .orElseGet(() -> dsl.insertInto(g)
                        .set(g.NAME, name)
                        .set(g.UNIT, unit)
                        .set(g.CATEGORY, category.name())
                        .set(g.CREATED_AT, now)
                        .set(g.CREATED_BY, actor)
                        .returning(g.ID)
                        .fetchOne(g.ID));
    }

    public List<GoodsItem> items() {
        return dsl.selectFrom(GOODS_ITEM).orderBy(GOODS_ITEM.NAME).fetch(LedgerRepository::item);
    }

    public Optional<GoodsItem> item(long id) {
        return dsl.selectFrom(GOODS_ITEM).where(GOODS_ITEM.ID.eq(id)).fetchOptional(LedgerRepository::item);
    }

    // Payment requests awaiting the director

    public long insertRequest(
            long fundId,
            LocalDate date,
            BigDecimal amount,
            Fund.Purpose purpose,
            String description,
            String payee,
            String voucher,
            String actor,
            LocalDateTime now) {
        var p = PAYMENT_REQUEST;
        return dsl.insertInto(p)
                .set(p.FUND_ID, fundId)
                .set(p.REQUEST_DATE, date)
                .set(p.AMOUNT, amount)
                .set(p.PURPOSE, purpose.name())
                .set(p.DESCRIPTION, description)
                .set(p.PAYEE, payee)
                .set(p.VOUCHER_NO, voucher)
                .set(p.STATUS, "PENDING")
                .set(p.CREATED_AT, now)
                .set(p.CREATED_BY, actor)
                .returning(p.ID)
                .fetchOne(p.ID);
    }

    public Optional<PaymentRequest> request(long id) {
        return dsl.selectFrom(PAYMENT_REQUEST)
                .where(PAYMENT_REQUEST.ID.eq(id))
                .fetchOptional(LedgerRepository::request);
    }

    public List<PaymentRequest> pendingRequests() {
        return dsl.selectFrom(PAYMENT_REQUEST)
                .where(PAYMENT_REQUEST.STATUS.eq("PENDING"))
                .orderBy(PAYMENT_REQUEST.ID)
                .fetch(LedgerRepository::request);
    }

    /** The sum of a fund's requests still waiting: money spoken for until the director decides. */
    public BigDecimal pendingTotal(long fundId) {
        var p = PAYMENT_REQUEST;
        BigDecimal b = dsl.select(DSL.sum(p.AMOUNT))
                .from(p)
                .where(p.FUND_ID.eq(fundId))
                .and(p.STATUS.eq("PENDING"))
                .fetchOne(0, BigDecimal.class);
        return b == null ? BigDecimal.ZERO : b;
    }

    /** Requests still waiting, then those {@code requestedBy} made that were decided since {@code since}. */
    public List<PaymentRequest> requestsToShow(String requestedBy, LocalDateTime since) {
        var p = PAYMENT_REQUEST;
        return dsl.selectFrom(p)
                .where(p.STATUS.eq("PENDING"))
                .or(p.CREATED_BY.eq(requestedBy).and(p.DECIDED_AT.ge(since)))
                .orderBy(DSL.when(p.STATUS.eq("PENDING"), 0).otherwise(1), p.ID.desc())
                .fetch(LedgerRepository::request);
    }

    public boolean decide(
            long id, int version, PaymentRequest.Status status, Long seq, String actor, LocalDateTime now) {
        return decide(id, version, status, seq, actor, now, null);
    }

    public boolean decide(
            long id,
            int version,
            PaymentRequest.Status status,
            Long seq,
            String actor,
            LocalDateTime now,
            String reason) {
        var p = PAYMENT_REQUEST;
        return dsl.update(p)
                        .set(p.STATUS, status.name())
                        .set(p.DECIDED_BY, actor)
                        .set(p.DECIDED_AT, now)
                        .set(p.LEDGER_SEQ, seq)
                        .set(p.DECISION_REASON, reason)
                        .set(p.VERSION, p.VERSION.plus(1))
                        .where(p.ID.eq(id))
                        .and(p.VERSION.eq(version))
                        .and(p.STATUS.eq("PENDING"))
                        .execute()
                == 1;
    }

    // Disclosure figures: entries up to {@code maxSeq} (the chain's head when the disclosure is made)

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

    /** Sum of amounts per fund dated on or before a day (from a day, when given), of one flow. */
    public Map<Long, BigDecimal> fundSums(LocalDate from, LocalDate to, long maxSeq, Flow flow) {
        var l = LEDGER_ENTRY;
        Map<Long, BigDecimal> out = new LinkedHashMap<>();
        dsl.select(l.FUND_ID, DSL.sum(l.AMOUNT))
                .from(l)
                .where(l.FUND_ID.isNotNull())
                .and(l.SEQ.le(maxSeq))
                .and(from == null ? DSL.noCondition() : l.ENTRY_DATE.ge(from))
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

    public List<DonorSum> donorSums(LocalDate from, LocalDate to, long maxSeq) {
        var l = LEDGER_ENTRY;
        return dsl.select(l.DONOR_ID, DSL.sum(l.AMOUNT), DSL.count(l.RECEIPT_NO))
                .from(l)
                .where(l.FUND_ID.isNotNull())
                .and(l.DONOR_ID.isNotNull())
                .and(l.SEQ.le(maxSeq))
                .and(l.ENTRY_DATE.between(from, to))
                .groupBy(l.DONOR_ID)
                .orderBy(DSL.sum(l.AMOUNT).desc())
                .fetch(r -> new DonorSum(r.value1(), r.value2(), r.value3()));
    }

    public record UseSum(long fundId, Fund.Purpose purpose, BigDecimal amount, int count) {}

    public List<UseSum> useSums(LocalDate from, LocalDate to, long maxSeq) {
        var l = LEDGER_ENTRY;
        return dsl.select(l.FUND_ID, l.PURPOSE, DSL.sum(l.AMOUNT), DSL.count(l.PAYEE))
                .from(l)
                .where(l.FUND_ID.isNotNull())
                .and(l.DONOR_ID.isNull())
                .andNot(openingMove(l))
                .and(l.SEQ.le(maxSeq))
                .and(l.ENTRY_DATE.between(from, to))
                .groupBy(l.FUND_ID, l.PURPOSE)
                .orderBy(l.FUND_ID, l.PURPOSE)
                .fetch(r -> new UseSum(
                        r.value1(), Fund.Purpose.valueOf(r.value2()), r.value3().negate(), r.value4()));
    }

    public record GoodsSum(long itemId, BigDecimal quantity, BigDecimal value) {}

    /** Per item: quantities moved in the dates given, from donors (received) or not (issued). */
    public Map<Long, GoodsSum> goodsSums(LocalDate from, LocalDate to, long maxSeq, Boolean fromDonors) {
        var l = LEDGER_ENTRY;
        Map<Long, GoodsSum> out = new LinkedHashMap<>();
        dsl.select(l.ITEM_ID, DSL.sum(l.QUANTITY), DSL.sum(l.GOODS_VALUE))
                .from(l)
                .where(l.ITEM_ID.isNotNull())
                .and(l.SEQ.le(maxSeq))
                .and(from == null ? DSL.noCondition() : l.ENTRY_DATE.ge(from))
                .and(l.ENTRY_DATE.le(to))
                .and(fromDonors == null ? DSL.noCondition() : fromDonors ? l.DONOR_ID.isNotNull() : l.DONOR_ID.isNull())
                .groupBy(l.ITEM_ID)
                .forEach(r -> out.put(
                        r.value1(),
                        new GoodsSum(r.value1(), r.value2(), r.value3() == null ? BigDecimal.ZERO : r.value3())));
        return out;
    }

    /** Goods received with an expiry on or before {@code until}, of items still in stock: what to use or check. */
    public record Expiring(GoodsItem item, LocalDate received, BigDecimal quantity, LocalDate expiry) {}

    /** Per month from {@code from}: money received from donors and money used (both as positive sums). */
    public record MonthTotals(YearMonth month, BigDecimal received, BigDecimal used) {}

    /** From the kept months ({@code fund_month}): a few rows per month, however many entries it had. */
    public List<MonthTotals> monthTotals(YearMonth from) {
        var m = FUND_MONTH;
        return dsl.select(m.MONTH_START, DSL.sum(m.RECEIVED), DSL.sum(m.USED))
                .from(m)
                .where(m.MONTH_START.ge(from.atDay(1)))
                .groupBy(m.MONTH_START)
                .orderBy(m.MONTH_START)
                .fetch(r -> new MonthTotals(YearMonth.from(r.value1()), r.value2(), r.value3()));
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static Donor donor(DonorRecord r) {
        return new Donor(
                r.getId(),
                Donor.Kind.valueOf(r.getKind()),
                r.getName(),
                Donor.Naming.valueOf(r.getNaming()),
                r.getPhone(),
                r.getAddress(),
                r.getContactPerson(),
                r.getNote(),
                r.getVersion());
    }

    private static Fund fund(FundRecord r) {
        // shown, not stored: no fund's name is written back from a Fund
        return new Fund(
                r.getId(),
                Fund.shownName(r.getName()),
                r.getRestricted(),
                Fund.Purpose.valueOf(r.getPurpose()),
                r.getActive());
    }

    private static GoodsItem item(GoodsItemRecord r) {
        return new GoodsItem(r.getId(), r.getName(), r.getUnit(), GoodsItem.Category.valueOf(r.getCategory()));
    }

    private static PaymentRequest request(PaymentRequestRecord r) {
        return new PaymentRequest(
                r.getId(),
                r.getFundId(),
                r.getRequestDate(),
                r.getAmount(),
                Fund.Purpose.valueOf(r.getPurpose()),
                r.getDescription(),
                r.getPayee(),
                r.getVoucherNo(),
                PaymentRequest.Status.valueOf(r.getStatus()),
                r.getCreatedBy(),
                r.getVersion(),
                r.getDecidedBy(),
                r.getDecisionReason());
    }
}
