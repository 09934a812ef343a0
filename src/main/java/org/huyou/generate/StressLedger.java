package org.huyou.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.huyou.common.Gender;
import org.huyou.donations.Donor;
import org.huyou.donations.Fund;
import org.huyou.donations.GoodsItem;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerEntry.Kind;
import org.huyou.donations.LedgerHash;
import org.huyou.donations.LedgerRepository;
import org.huyou.residents.demo.DemoHome;

/**
 * Years of the donation ledger, chained exactly as the ledger service chains it (so verifying the chain passes):
 * money donations with receipt numbers per year, uses that never overdraw their fund, goods in and out that never
 * overdraw their stock, and now and then a reversal of a recent donation.
 */
final class StressLedger {

    private static final int CHUNK = 20_000;
    private static final String[] FUNDS = {"非限定性捐赠基金", "助学专项基金", "医疗救助专项基金", "康复专项基金", "生活改善专项基金"};
    private static final Fund.Purpose[] PURPOSES = {
        Fund.Purpose.GENERAL,
        Fund.Purpose.EDUCATION,
        Fund.Purpose.MEDICAL,
        Fund.Purpose.REHABILITATION,
        Fund.Purpose.LIVING
    };
    private static final String[][] ITEMS = {
        {"奶粉", "罐", "FOOD"},
        {"纸尿裤", "包", "SUPPLIES"},
        {"儿童冬衣", "件", "CLOTHING"},
        {"图书", "册", "EDUCATION"},
        {"文具套装", "套", "EDUCATION"},
        {"大米", "袋", "FOOD"},
        {"食用油", "桶", "FOOD"},
        {"感冒药", "盒", "MEDICINE"},
        {"被褥", "套", "SUPPLIES"},
        {"玩具", "件", "OTHER"}
    };
    private static final String[] ENTERPRISES = {"滨州爱心商贸有限公司", "黄河建设集团", "渤海实业有限公司", "鲁北化工有限公司", "滨州市慈善总会", "邹平纺织有限公司"};
    private static final int[] AMOUNTS = {50, 100, 100, 200, 200, 500, 500, 1_000, 1_000, 2_000, 5_000, 10_000, 50_000};
    private static final String[] PAYEES = {"滨州市人民医院", "滨城区特殊教育学校", "滨州市康复中心", "惠民县供销社", "滨州市新华书店"};
    private static final LedgerEntry.Channel[] CHANNELS = LedgerEntry.Channel.values();

    private final LedgerRepository repo;
    private final LocalDate today;
    private final Random rnd;

    StressLedger(LedgerRepository repo, LocalDate today, Random rnd) {
        this.repo = repo;
        this.today = today;
        this.rnd = rnd;
    }

    long insert(long count, int years, ChunkRunner chunks) {
        if (count == 0) {
            return 0;
        }
        LocalDateTime now = today.atTime(8, 0);
        List<Long> funds = new ArrayList<>();
        List<Long> items = new ArrayList<>();
        List<Long> donors = new ArrayList<>();
        int donorCount = (int) Math.max(10, count / 20);
        chunks.run(() -> {
            for (int i = 0; i < FUNDS.length; i++) {
                funds.add(repo.registers().insertFund(FUNDS[i], i > 0, PURPOSES[i], StressRepository.GENERATOR, now));
            }
            for (String[] it : ITEMS) {
                items.add(repo.registers()
                        .itemFor(it[0], it[1], GoodsItem.Category.valueOf(it[2]), StressRepository.GENERATOR, now));
            }
        });
        for (int from = 0; from < donorCount; from += CHUNK) {
            int start = from;
            chunks.run(() -> {
                for (int i = start; i < Math.min(donorCount, start + CHUNK); i++) {
                    donors.add(repo.registers().insertDonor(donor(i), StressRepository.GENERATOR, now));
                }
            });
        }
        Chain chain = new Chain(funds, items, donors, today.minusYears(years), count);
        for (long from = 0; from < count; from += CHUNK) {
            long to = Math.min(count, from + CHUNK);
            List<LedgerEntry> page = new ArrayList<>();
            for (long seq = from + 1; seq <= to; seq++) {
                page.add(chain.next(seq));
            }
            chunks.run(() -> {
                for (int i = 0; i < page.size(); i += StressRepository.BATCH) {
                    repo.insertAll(page.subList(i, Math.min(page.size(), i + StressRepository.BATCH)));
                }
                repo.moveHead(
                        page.get(page.size() - 1).seq(),
                        page.get(page.size() - 1).hash());
            });
        }
        chunks.run(() -> chain.receipts.forEach(repo::setReceiptCounter));
        return count;
    }

    private Donor donor(int i) {
        int kind = rnd.nextInt(10);
        if (kind < 6) {
            return new Donor(
                    0,
                    Donor.Kind.INDIVIDUAL,
                    DemoHome.surname(rnd) + DemoHome.givenName(rnd, rnd.nextBoolean() ? Gender.MALE : Gender.FEMALE),
                    rnd.nextInt(3) == 0 ? Donor.Naming.MASKED : Donor.Naming.FULL,
                    "139" + String.format("%08d", i),
                    null,
                    null,
                    null,
                    0);
        } else if (kind < 9) {
            return new Donor(
                    0,
                    Donor.Kind.ENTERPRISE,
                    ENTERPRISES[rnd.nextInt(ENTERPRISES.length)] + "（" + i + "）",
                    Donor.Naming.FULL,
                    null,
                    null,
                    null,
                    null,
                    0);
        }
        return new Donor(0, Donor.Kind.ANONYMOUS, "匿名" + i, Donor.Naming.ANONYMOUS, null, null, null, null, 0);
    }

    /** The chain being built: balances and stocks so nothing overdraws, recent donations to reverse, the last hash. */
    private final class Chain {
        final List<Long> funds;
        final List<Long> items;
        final List<Long> donors;
        final LocalDate start;
        final long days;
        final long count;
        final Map<Long, BigDecimal> balance = new HashMap<>();
        final Map<Long, BigDecimal> stock = new HashMap<>();
        final Deque<LedgerEntry> reversible = new ArrayDeque<>();
        final Map<Integer, Integer> receipts = new HashMap<>();
        String previous = LedgerHash.GENESIS;

        Chain(List<Long> funds, List<Long> items, List<Long> donors, LocalDate start, long count) {
            this.funds = funds;
            this.items = items;
            this.donors = donors;
            this.start = start;
            this.days = ChronoUnit.DAYS.between(start, today) + 1;
            this.count = count;
        }

        LedgerEntry next(long seq) {
            LocalDate date = start.plusDays((seq - 1) * days / count);
            LedgerEntry draft = draft(date);
            LedgerEntry placed = draft.chained(seq, previous, null);
            LedgerEntry e = placed.chained(seq, previous, LedgerHash.of(placed));
            previous = e.hash();
            if (e.kind() == Kind.DONATION) {
                reversible.addLast(e);
                if (reversible.size() > 50) {
                    reversible.removeFirst();
                }
            }
            return e;
        }

        private LedgerEntry draft(LocalDate date) {
            int roll = rnd.nextInt(100);
            LocalDateTime at = date.atTime(9 + rnd.nextInt(8), rnd.nextInt(60));
            if (roll < 3 && !reversible.isEmpty()) {
                LedgerEntry o = reversible.removeLast();
                if (balance.get(o.fundId()).compareTo(o.amount()) >= 0) {
                    balance.merge(o.fundId(), o.amount().negate(), BigDecimal::add);
                    return money(
                            date,
                            Kind.REVERSAL,
                            o.fundId(),
                            o.amount().negate(),
                            o.donorId(),
                            o.purpose(),
                            o.channel(),
                            "错录冲正",
                            null,
                            o.seq(),
                            at); // as the ledger service reverses
                }
            }
            if (roll < 38) {
                int f = rnd.nextInt(funds.size());
                long fund = funds.get(f);
                BigDecimal amount = BigDecimal.valueOf(AMOUNTS[rnd.nextInt(AMOUNTS.length)] / 2)
                        .setScale(2);
                if (balance.getOrDefault(fund, BigDecimal.ZERO).compareTo(amount) >= 0) {
                    balance.merge(fund, amount.negate(), BigDecimal::add);
                    return money(
                            date,
                            Kind.USE,
                            fund,
                            amount.negate(),
                            null,
                            PURPOSES[f],
                            null,
                            "按预算支出",
                            PAYEES[rnd.nextInt(PAYEES.length)],
                            null,
                            at);
                }
            }
            if (roll >= 50 && roll < 56) {
                long item = items.get(rnd.nextInt(items.size()));
                BigDecimal q = BigDecimal.valueOf(1 + rnd.nextInt(10)).setScale(2);
                if (stock.getOrDefault(item, BigDecimal.ZERO).compareTo(q) >= 0) {
                    stock.merge(item, q.negate(), BigDecimal::add);
                    return goods(date, Kind.GOODS_OUT, item, q.negate(), null, "发放至生活组", at);
                }
            }
            if (roll < 56) {
                long item = items.get(rnd.nextInt(items.size()));
                BigDecimal q = BigDecimal.valueOf(5 + rnd.nextInt(50)).setScale(2);
                stock.merge(item, q, BigDecimal::add);
                return goods(date, Kind.GOODS_IN, item, q, donors.get(rnd.nextInt(donors.size())), "爱心物资", at);
            }
            int f = rnd.nextInt(funds.size());
            long fund = funds.get(f);
            BigDecimal amount =
                    BigDecimal.valueOf(AMOUNTS[rnd.nextInt(AMOUNTS.length)]).setScale(2);
            balance.merge(fund, amount, BigDecimal::add);
            int no = receipts.merge(date.getYear(), 1, Integer::sum);
            return money(
                    date,
                    Kind.DONATION,
                    fund,
                    amount,
                    donors.get(rnd.nextInt(donors.size())),
                    null,
                    CHANNELS[rnd.nextInt(CHANNELS.length)],
                    "捐赠",
                    date.getYear() + "-" + String.format("%06d", no),
                    null,
                    at);
        }

        /** A money entry; {@code receiptOrPayee} is the receipt number of a donation and the payee of a use. */
        private LedgerEntry money(
                LocalDate date,
                Kind kind,
                long fund,
                BigDecimal amount,
                Long donor,
                Fund.Purpose purpose,
                LedgerEntry.Channel channel,
                String description,
                String receiptOrPayee,
                Long reverses,
                LocalDateTime at) {
            boolean use = kind == Kind.USE;
            return LedgerEntry.builder()
                    .date(date)
                    .kind(kind)
                    .fundId(fund)
                    .amount(amount)
                    .donorId(donor)
                    .channel(channel)
                    .purpose(purpose)
                    .description(description)
                    .receiptNo(use ? null : receiptOrPayee)
                    .payee(use ? receiptOrPayee : null)
                    .approvedBy(use ? StressRepository.GENERATOR : null)
                    .reversesSeq(reverses)
                    .createdAt(at)
                    .createdBy(StressRepository.GENERATOR)
                    .build();
        }

        private LedgerEntry goods(
                LocalDate date,
                Kind kind,
                long item,
                BigDecimal quantity,
                Long donor,
                String description,
                LocalDateTime at) {
            boolean in = kind == Kind.GOODS_IN;
            return LedgerEntry.builder()
                    .date(date)
                    .kind(kind)
                    .donorId(donor)
                    .description(description)
                    .itemId(item)
                    .quantity(quantity)
                    .goodsValue(in ? quantity.multiply(BigDecimal.valueOf(40)).setScale(2) : null)
                    .condition(in ? LedgerEntry.Condition.NEW : null)
                    .issuedTo(in ? null : LedgerEntry.IssuedTo.LIVING_GROUP)
                    .createdAt(at)
                    .createdBy(StressRepository.GENERATOR)
                    .build();
        }
    }
}
