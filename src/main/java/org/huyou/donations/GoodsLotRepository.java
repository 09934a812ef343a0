package org.huyou.donations;

import static org.huyou.db.generated.Tables.GOODS_LOT;
import static org.huyou.db.generated.Tables.GOODS_STOCK;
import static org.huyou.db.generated.Tables.LEDGER_ENTRY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The goods' lots ({@code goods_lot}): what is left of each receipt with its expiry, kept up to date by
 * {@link LedgerRepository} as it appends goods entries, in the same transaction.
 */
public final class GoodsLotRepository {

    private final DSLContext dsl;

    public GoodsLotRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The lots of an item whose lots have nothing yet: the day before any entry. */
    private static final LocalDate NO_MOVES = LocalDate.of(1900, 1, 1);

    /**
     * Applies goods entries to their items' lots ({@code goods_lot}), in the caller's transaction (the one that appends
     * them under the ledger head's lock), as {@link LedgerRepository} does for the running stock: an entry on or after
     * the latest day the lots include is applied to them directly; a backdated one or a reversal replays the item's
     * moves ({@link #rebuildLots}).
     */
    void addToLots(List<LedgerEntry> entries) {
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
}
