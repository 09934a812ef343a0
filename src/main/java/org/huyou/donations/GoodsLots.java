package org.huyou.donations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What is left of each receipt of one item on the shelf, by the ledger's one rule: a receipt adds a lot; an issue
 * takes the goods that had not expired on its day, the earliest expiry first (as a store room is run), then anything
 * left, ties in receipt order; a lot issued in full is gone. The repository keeps the result ({@code goods_lot}) and
 * applies each new move here, or replays an item's moves when an entry lands before its latest one.
 */
final class GoodsLots {

    record Lot(long receiptSeq, LocalDate received, LocalDate expiry, BigDecimal remaining) {}

    private static final Comparator<Lot> RECEIPT_ORDER =
            Comparator.comparing(Lot::received).thenComparingLong(Lot::receiptSeq);

    private final List<Lot> lots;

    /** The lots as kept, in any order. */
    GoodsLots(List<Lot> lots) {
        this.lots = new ArrayList<>(lots);
        this.lots.sort(RECEIPT_ORDER);
    }

    void receive(long seq, LocalDate date, BigDecimal quantity, LocalDate expiry) {
        lots.add(new Lot(seq, date, expiry, quantity));
        lots.sort(RECEIPT_ORDER);
    }

    void issue(LocalDate date, BigDecimal quantity) {
        BigDecimal wanted = quantity;
        List<Lot> order = new ArrayList<>(lots); // a stable sort: receipt order breaks ties
        order.sort(
                Comparator.comparing((Lot b) -> b.expiry() != null && b.expiry().isBefore(date))
                        .thenComparing(Lot::expiry, Comparator.nullsLast(Comparator.naturalOrder())));
        for (Lot b : order) {
            if (wanted.signum() <= 0) {
                break;
            }
            BigDecimal take = b.remaining().min(wanted);
            wanted = wanted.subtract(take);
            lots.set(
                    lots.indexOf(b),
                    new Lot(
                            b.receiptSeq(),
                            b.received(),
                            b.expiry(),
                            b.remaining().subtract(take)));
        }
        lots.removeIf(b -> b.remaining().signum() <= 0);
    }

    /** A move: a receipt (quantity above zero) or an issue (below). */
    void apply(long seq, LocalDate date, BigDecimal quantity, LocalDate expiry) {
        if (quantity.signum() > 0) {
            receive(seq, date, quantity, expiry);
        } else if (quantity.signum() < 0) {
            issue(date, quantity.negate());
        }
    }

    List<Lot> lots() {
        return List.copyOf(lots);
    }
}
