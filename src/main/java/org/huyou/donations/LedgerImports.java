package org.huyou.donations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.huyou.common.Checks;
import org.huyou.common.FieldError;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.donations.LedgerService.OpeningBalance;
import org.huyou.donations.LedgerService.PastDonation;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/**
 * A home's ledger moving in: each fund's opening balance (期初余额) and the donations received before the move, checked
 * row by row against the ledger as it stands and appended in one transaction, or not at all. The permission is
 * checked by {@link LedgerService}, which callers use.
 */
final class LedgerImports extends ServiceBase {

    private final LedgerRepository repo;
    private final LedgerChain chain;

    LedgerImports(LedgerRepository repo, ServiceContext context, LedgerChain chain) {
        super(context);
        this.repo = repo;
        this.chain = chain;
    }

    Map<Integer, List<FieldError>> openingRefusals(List<OpeningBalance> rows) {
        return checkedOpenings(rows).problems();
    }

    int importOpenings(List<OpeningBalance> rows, String source) {
        return tx.inTransaction(() -> {
            repo.lockHead(); // checked under the lock the appends take: no entry can slip in between
            Checked c = checkedOpenings(rows);
            c.throwIfAny();
            int n = chain.appendAll(c.entries());
            audit.record(
                    AuditLog.IMPORT,
                    "ledger_entry",
                    null,
                    AuditSummary.of("auditSummary.openingsImported", source, n),
                    null);
            return n;
        });
    }

    Map<Integer, List<FieldError>> historyRefusals(List<PastDonation> rows) {
        return checkedHistory(rows).problems();
    }

    int importHistory(List<PastDonation> rows, String source) {
        return tx.inTransaction(() -> {
            repo.lockHead();
            Checked c = checkedHistory(rows);
            c.throwIfAny();
            Map<Donor, Long> ids = new IdentityHashMap<>();
            Map<GoodsItem, Long> itemIds = new IdentityHashMap<>();
            List<AuditLog.Change> changes = new ArrayList<>();
            for (Donor d : c.newDonors()) {
                long id = repo.registers().insertDonor(d, user.username(), chain.now());
                ids.put(d, id);
                changes.add(new AuditLog.Change(
                        AuditLog.CREATE, "donor", id, AuditSummary.of("auditSummary.value", d.kind()), null));
            }
            audit.recordAll(changes);
            List<LedgerEntry> placed = new ArrayList<>();
            for (LedgerEntry e : c.entries()) {
                // a new donor was known only by its place among the new ones until it was inserted
                long donor =
                        e.donorId() >= 0 ? e.donorId() : ids.get(c.newDonors().get((int) (-e.donorId() - 1)));
                Long item = e.itemId() == null || e.itemId() >= 0
                        ? e.itemId()
                        : itemIds.computeIfAbsent(
                                c.newItems().get((int) (-e.itemId() - 1)),
                                g -> repo.registers()
                                        .itemFor(g.name(), g.unit(), g.category(), user.username(), chain.now()));
                placed.add(placed(
                        e,
                        donor,
                        item,
                        // goods received are owed a receipt as money is, from the same series (they had none)
                        e.money() || e.kind() == LedgerEntry.Kind.GOODS_IN
                                ? e.date().getYear() + "-"
                                        + String.format(
                                                "%06d",
                                                repo.nextReceiptNo(e.date().getYear()))
                                : null));
            }
            int n = chain.appendAll(placed);
            audit.record(
                    AuditLog.IMPORT,
                    "ledger_entry",
                    null,
                    AuditSummary.of("auditSummary.historyImported", source, n),
                    null);
            return n;
        });
    }

    LocalDate firstOpenDay() {
        return chain.openPeriods().firstOpenDay(chain.today());
    }

    /** Rows checked against the ledger as it stands: the entries to append, in order, and the problems by row. */
    private record Checked(
            List<LedgerEntry> entries,
            List<Donor> newDonors,
            List<GoodsItem> newItems,
            Map<Integer, List<FieldError>> problems) {

        void throwIfAny() {
            RowProblems.throwIfAny(problems);
        }
    }

    private Checked checkedOpenings(List<OpeningBalance> rows) {
        List<Fund> funds = repo.registers().funds();
        Map<Long, LocalDate> opened = new HashMap<>(repo.openingDays());
        Map<Long, LocalDate> first = repo.firstEntryDays();
        Map<Long, Integer> inFile = new HashMap<>();
        OpenPeriods open = chain.openPeriods();
        Map<Integer, List<FieldError>> problems = new TreeMap<>();
        List<LedgerEntry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            OpeningBalance r = rows.get(i);
            Checks checks = new Checks(chain.today());
            checks.text("fund", "opening.fund", r.fund(), 100, true);
            Fund fund = r.fund() == null
                    ? null
                    : funds.stream().filter(f -> f.named(r.fund())).findFirst().orElse(null);
            checks.rule(r.fund() == null || fund != null, "fund", "opening.noSuchFund", r.fund());
            checks.pastDate("date", "opening.date", r.date());
            BigDecimal a = LedgerAmounts.money(checks, r.amount());
            String note = checks.text("note", "ledger.description", r.note(), 300, false);
            open.check(checks, "date", "opening.date", OpenPeriods.TYPED, r.date());
            if (fund != null && r.date() != null) {
                checks.unique(
                        "fund",
                        inFile.putIfAbsent(fund.id(), i),
                        opened.containsKey(fund.id()),
                        "opening.exists",
                        fund.name(),
                        opened.get(fund.id()));
                LocalDate earliest = first.get(fund.id());
                checks.rule(
                        earliest == null || !earliest.isBefore(r.date()),
                        "date",
                        "opening.notFirst",
                        fund.name(),
                        earliest);
            }
            if (!checks.errors().isEmpty()) {
                problems.put(i, new ArrayList<>(checks.errors()));
            } else {
                entries.add(LedgerEntry.builder()
                        .date(r.date())
                        .kind(LedgerEntry.Kind.OPENING)
                        .fundId(fund.id())
                        .amount(a)
                        .description(note)
                        .createdAt(chain.now())
                        .createdBy(user.username())
                        .build());
            }
        }
        return new Checked(entries, List.of(), List.of(), problems);
    }

    private Checked checkedHistory(List<PastDonation> rows) {
        List<Fund> funds = repo.registers().funds();
        Map<Long, LocalDate> opened = repo.openingDays();
        Map<String, GoodsItem> items = new HashMap<>();
        repo.registers().items().forEach(it -> items.put(it.name() + '\u0000' + it.unit(), it));
        Map<String, List<Donor>> known = new HashMap<>();
        repo.registers()
                .donorsNamed(rows.stream()
                        .map(PastDonation::donor)
                        .filter(Objects::nonNull)
                        .map(String::strip)
                        .distinct()
                        .toList())
                .forEach(d ->
                        known.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d));
        Map<String, Integer> created = new HashMap<>();
        List<Donor> newDonors = new ArrayList<>();
        List<GoodsItem> newItems = new ArrayList<>();
        OpenPeriods open = chain.openPeriods();
        Map<Integer, List<FieldError>> problems = new TreeMap<>();
        List<LedgerEntry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PastDonation r = rows.get(i);
            Checks checks = new Checks(chain.today());
            checks.pastDate("date", "ledger.date", r.date());
            open.check(checks, "date", "ledger.date", OpenPeriods.TYPED, r.date());
            String note = checks.text("note", "ledger.description", r.note(), 300, false);
            checks.rule(r.money() != r.goods(), r.money() ? "item" : "fund", "history.moneyOrGoods");
            // the donor: the registered one of that name, else one added with the row's type and naming
            Long donorId = null;
            Donor.Kind kind = r.donorKind() == null ? Donor.Kind.INDIVIDUAL : r.donorKind();
            List<Donor> named =
                    r.donor() == null ? List.of() : known.getOrDefault(r.donor().strip(), List.of());
            if (kind != Donor.Kind.ANONYMOUS && named.size() > 1) {
                checks.rule(false, "donor", "history.donorAmbiguous", r.donor().strip(), named.size());
            } else if (kind != Donor.Kind.ANONYMOUS && named.size() == 1) {
                donorId = named.get(0).id();
            } else {
                Donor d = DonorRegister.checked(
                        checks,
                        new NewDonor(
                                kind,
                                r.donor(),
                                r.naming() == null ? Donor.Naming.MASKED : r.naming(),
                                null,
                                null,
                                null,
                                null));
                if (checks.errors().isEmpty()) {
                    Integer at = kind == Donor.Kind.ANONYMOUS ? null : created.get(d.name());
                    if (at == null) {
                        newDonors.add(d);
                        at = newDonors.size() - 1;
                        if (kind != Donor.Kind.ANONYMOUS) {
                            created.put(d.name(), at);
                        }
                    }
                    donorId = (long) -(at + 1); // resolved once the new donors are inserted
                }
            }
            LedgerEntry e = null;
            if (r.money() && !r.goods()) {
                checks.text("fund", "opening.fund", r.fund(), 100, true);
                Fund fund = r.fund() == null
                        ? null
                        : funds.stream()
                                .filter(f -> f.named(r.fund()))
                                .findFirst()
                                .orElse(null);
                checks.rule(r.fund() == null || fund != null, "fund", "opening.noSuchFund", r.fund());
                BigDecimal a = LedgerAmounts.money(checks, r.amount());
                checks.required("channel", "ledger.channel", r.channel());
                LocalDate opening = fund == null ? null : opened.get(fund.id());
                checks.rule(
                        opening == null || r.date() == null || !r.date().isBefore(opening),
                        "date",
                        "history.beforeOpening",
                        fund == null ? "" : fund.name(),
                        opening);
                if (checks.errors().isEmpty()) {
                    e = LedgerEntry.builder()
                            .date(r.date())
                            .kind(LedgerEntry.Kind.DONATION)
                            .fundId(fund.id())
                            .amount(a)
                            .donorId(donorId)
                            .channel(r.channel())
                            .description(note)
                            .createdAt(chain.now())
                            .createdBy(user.username())
                            .build();
                }
            } else if (r.goods() && !r.money()) {
                String name = checks.text("item", "goods.item", r.item(), 100, true);
                String unit = checks.text("unit", "goods.unit", r.unit(), 16, true);
                BigDecimal q = LedgerAmounts.quantity(checks, r.quantity());
                BigDecimal v = r.value() == null
                        ? null
                        : checks.range("value", "goods.value", r.value(), BigDecimal.ZERO, LedgerAmounts.MAX_AMOUNT);
                GoodsItem item = items.get(name + '\u0000' + unit);
                GoodsItem.Category category = item != null ? item.category() : r.category();
                checks.rule(item != null || category != null, "category", "history.categoryForNewItem", name);
                checks.rule(
                        category == null || !category.expires() || r.expiry() != null,
                        "expiry",
                        "goods.expiryRequired");
                if (checks.errors().isEmpty()) {
                    if (item == null) { // added when the import is written, once for all its rows
                        newItems.add(new GoodsItem(-(newItems.size() + 1), name, unit, category));
                        item = newItems.get(newItems.size() - 1);
                        items.put(name + '\u0000' + unit, item);
                    }
                    long itemId = item.id();
                    e = LedgerEntry.builder()
                            .date(r.date())
                            .kind(LedgerEntry.Kind.GOODS_IN)
                            .donorId(donorId)
                            .description(note)
                            .itemId(itemId)
                            .quantity(q)
                            .goodsValue(v == null ? null : v.setScale(2, RoundingMode.HALF_UP))
                            .expiry(r.expiry())
                            .createdAt(chain.now())
                            .createdBy(user.username())
                            .build();
                }
            }
            if (!checks.errors().isEmpty()) {
                problems.put(i, new ArrayList<>(checks.errors()));
            } else if (e != null) {
                entries.add(e);
            }
        }
        // appended in the order they happened, so the chain's numbers and the receipts follow the dates
        List<LedgerEntry> ordered =
                entries.stream().sorted(Comparator.comparing(LedgerEntry::date)).toList();
        return new Checked(ordered, newDonors, newItems, problems);
    }

    /** A checked entry with its donor, item and receipt as the database numbers them. */
    private static LedgerEntry placed(LedgerEntry e, long donorId, Long itemId, String receipt) {
        return LedgerEntry.builder()
                .date(e.date())
                .kind(e.kind())
                .fundId(e.fundId())
                .amount(e.amount())
                .donorId(donorId)
                .channel(e.channel())
                .purpose(e.purpose())
                .description(e.description())
                .receiptNo(receipt)
                .itemId(itemId)
                .quantity(e.quantity())
                .goodsValue(e.goodsValue())
                .condition(e.condition())
                .expiry(e.expiry())
                .createdAt(e.createdAt())
                .createdBy(e.createdBy())
                .build();
    }
}
