package org.huyou.donations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huyou.common.Checks;
import org.huyou.common.UserFacingException;
import org.huyou.donations.LedgerService.Stock;
import org.huyou.security.AuditSummary;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/**
 * The goods store: goods received and issued, each an entry in the chain; no stock below zero on any day, nothing
 * issued past its expiry; what is on the shelf and what expires soon. The permission is checked by
 * {@link LedgerService}, which callers use.
 */
final class GoodsStock extends ServiceBase {

    private final LedgerRepository repo;
    private final LedgerChain chain;

    GoodsStock(LedgerRepository repo, ServiceContext context, LedgerChain chain) {
        super(context);
        this.repo = repo;
        this.chain = chain;
    }

    LedgerEntry recordIn(LedgerService.GoodsIn in) {
        Checks checks = new Checks(chain.today());
        checks.pastDate("date", "ledger.date", in.date());
        String name = checks.text("item", "goods.item", in.itemName(), 100, true);
        String u = checks.text("unit", "goods.unit", in.unit(), 16, true);
        checks.required("category", "goods.category", in.category());
        BigDecimal q = LedgerAmounts.quantity(checks, in.quantity());
        BigDecimal v = in.value() == null
                ? null
                : checks.range("value", "goods.value", in.value(), BigDecimal.ZERO, LedgerAmounts.MAX_AMOUNT);
        checks.required("condition", "goods.condition", in.condition());
        checks.rule(
                in.category() == null || !in.category().expires() || in.expiry() != null,
                "expiry",
                "goods.expiryRequired");
        String d = checks.text("description", "ledger.description", in.description(), 300, false);
        checks.throwIfAny();
        repo.registers().donor(in.donorId()).orElseThrow(() -> new UserFacingException("donor.notFound"));
        return tx.inTransaction(() -> {
            chain.openPeriod(in.date());
            long item = repo.registers().itemFor(name, u, in.category(), user.username(), chain.now());
            return chain.append(
                    LedgerEntry.builder()
                            .date(in.date())
                            .kind(LedgerEntry.Kind.GOODS_IN)
                            .donorId(in.donorId())
                            .receiptNo(chain.nextReceiptNo(in.date())) // a donor of goods is owed a receipt too
                            .description(d)
                            .itemId(item)
                            .quantity(q)
                            .goodsValue(v == null ? null : v.setScale(2, RoundingMode.HALF_UP))
                            .condition(in.condition())
                            .expiry(in.expiry())
                            .createdAt(chain.now())
                            .createdBy(user.username())
                            .build(),
                    AuditSummary.of("auditSummary.goods", LedgerEntry.Kind.GOODS_IN, name, q));
        });
    }

    LedgerEntry issue(
            long itemId, LocalDate date, BigDecimal quantity, LedgerEntry.IssuedTo issuedTo, String description) {
        Checks checks = new Checks(chain.today());
        checks.pastDate("date", "ledger.date", date);
        BigDecimal q = LedgerAmounts.quantity(checks, quantity);
        checks.required("issuedTo", "goods.issuedTo", issuedTo);
        String d = checks.text("description", "ledger.description", description, 300, false);
        checks.throwIfAny();
        repo.registers().item(itemId).orElseThrow(() -> new UserFacingException("error.notFound"));
        return tx.inTransaction(() -> {
            chain.openPeriod(date);
            requireStock(itemId, date, q);
            requireNotExpired(itemId, q);
            return chain.append(
                    LedgerEntry.builder()
                            .date(date)
                            .kind(LedgerEntry.Kind.GOODS_OUT)
                            .description(d)
                            .itemId(itemId)
                            .quantity(q.negate())
                            .issuedTo(issuedTo)
                            .createdAt(chain.now())
                            .createdBy(user.username())
                            .build(),
                    AuditSummary.of("auditSummary.goodsOut", LedgerEntry.Kind.GOODS_OUT, q));
        });
    }

    List<Stock> stock(LocalDate on) {
        Map<Long, BigDecimal> expired = on == null ? expiredByItem() : Map.of();
        Map<Long, BigDecimal> stocks = repo.stocks(on);
        return repo.registers().items().stream()
                .map(i -> new Stock(
                        i,
                        stocks.getOrDefault(i.id(), BigDecimal.ZERO.setScale(2)),
                        expired.getOrDefault(i.id(), BigDecimal.ZERO)))
                .toList();
    }

    List<ExpiringGoods> expiring() {
        LocalDate until = chain.today().plusDays(LedgerService.EXPIRY_WINDOW_DAYS);
        Map<Long, GoodsItem> items = new HashMap<>();
        repo.registers().items().forEach(i -> items.put(i.id(), i));
        buildLotsIfMissing();
        // what is left of each receipt on the shelf, not what came in: the list and the stock add up the same
        return repo.lots().lotsExpiringBy(until).stream()
                .map(b -> new ExpiringGoods(items.get(b.itemId()), b.received(), b.remaining(), b.expiry()))
                .toList();
    }

    /** Goods past their expiry are not issued: they are counted apart, to be checked and written off. */
    private void requireNotExpired(long itemId, BigDecimal quantity) {
        BigDecimal expired = expiredByItem().getOrDefault(itemId, BigDecimal.ZERO);
        if (expired.signum() == 0) {
            return;
        }
        BigDecimal issuable = repo.stock(itemId, null).subtract(expired);
        if (issuable.compareTo(quantity) < 0) {
            throw new UserFacingException(
                    "goods.expiredNotIssuable",
                    repo.registers().item(itemId).map(GoodsItem::name).orElse(""),
                    expired.stripTrailingZeros().toPlainString(),
                    issuable.max(BigDecimal.ZERO).stripTrailingZeros().toPlainString(),
                    quantity.stripTrailingZeros().toPlainString());
        }
    }

    void requireStock(long itemId, LocalDate date, BigDecimal quantity) {
        BigDecimal lowest = repo.stock(itemId, date);
        for (BigDecimal s : repo.dailyStockFrom(itemId, date)) {
            lowest = lowest.min(s);
        }
        if (lowest.compareTo(quantity) < 0) {
            throw new UserFacingException(
                    "goods.insufficientStock",
                    repo.registers().item(itemId).map(GoodsItem::name).orElse(""),
                    lowest.stripTrailingZeros().toPlainString(),
                    quantity.stripTrailingZeros().toPlainString());
        }
    }

    /**
     * What is on the shelf comes from the lots ({@code goods_lot}): what is left of each receipt, kept with every
     * goods entry by the rule {@link GoodsLots} states, so the expired count and the expiring list are one indexed
     * query. A home upgraded from before the lots has them built here once, under the ledger head's lock.
     */
    private Map<Long, BigDecimal> expiredByItem() {
        buildLotsIfMissing();
        return repo.lots().expiredByItem(chain.today());
    }

    private void buildLotsIfMissing() {
        if (repo.lots().lotsMissing()) {
            tx.inTransaction(() -> {
                repo.lockHead();
                repo.lots().buildMissingLots();
            });
        }
    }
}
