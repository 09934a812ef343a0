package org.huyou.donations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.huyou.residents.demo.DemoPartWriter;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.RequiresPermission;

/**
 * A year of the demo home's donations: enterprises, associations and people giving money and goods, payments from
 * the funds (never more than a fund holds), goods issued to the kitchen and the living groups, the older months
 * closed, one large payment waiting for the director. Seed data on the real chain; deterministic for a seed.
 */
public final class DonationDemo {

    private static final String[][] DONORS = {
        {"ENTERPRISE", "滨州鲁北化工有限公司", "FULL"},
        {"ENTERPRISE", "山东京博控股集团", "FULL"},
        {"ORGANISATION", "滨州市爱心志愿者协会", "FULL"},
        {"ORGANISATION", "滨城区慈善总会", "FULL"},
        {"ENTERPRISE", "滨州银座商城", "FULL"},
        {"INDIVIDUAL", "张明华", "MASKED"},
        {"INDIVIDUAL", "李秀英", "MASKED"},
        {"INDIVIDUAL", "王建国", "FULL"},
        {"INDIVIDUAL", "刘芳", "ANONYMOUS"},
        {"INDIVIDUAL", "陈志强", "MASKED"},
        {"ANONYMOUS", "爱心人士", "ANONYMOUS"}
    };
    private static final Object[][] GOODS = {
        {"纯牛奶", "箱", GoodsItem.Category.FOOD, 60, 6}, {"大米", "袋", GoodsItem.Category.FOOD, 80, 12},
        {"冬季棉衣", "件", GoodsItem.Category.CLOTHING, 150, 0}, {"纸尿裤", "包", GoodsItem.Category.SUPPLIES, 70, 0},
        {"书包", "个", GoodsItem.Category.EDUCATION, 90, 0}, {"儿童退烧药", "盒", GoodsItem.Category.MEDICINE, 25, 18}
    };
    private static final String[][] USES = {
        {"LIVING", "生活用品采购", "滨州银座商城"},
        {"EDUCATION", "学期学费及书本费", "滨州市第二中学"},
        {"MEDICAL", "住院自付部分", "滨州市人民医院"},
        {"REHABILITATION", "康复器材", "滨州康复器械有限公司"},
        {"LIVING", "冬季取暖费", "滨州热力公司"}
    };

    private final LedgerService ledger;
    private final LedgerRepository repo;
    private final DemoPartWriter writer;

    public DonationDemo(LedgerService ledger, LedgerRepository repo, DemoPartWriter writer) {
        this.ledger = ledger;
        this.repo = repo;
        this.writer = writer;
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public void load(long seed, LocalDateTime moment) {
        Random rnd = new Random(seed * 17 + 3);
        writer.write(moment, (today, now) -> {
            List<Long> donors = new ArrayList<>();
            for (String[] d : DONORS) {
                donors.add(repo.registers()
                        .insertDonor(
                                new Donor(
                                        0,
                                        Donor.Kind.valueOf(d[0]),
                                        d[1],
                                        Donor.Naming.valueOf(d[2]),
                                        null,
                                        null,
                                        null,
                                        null,
                                        0),
                                "demo",
                                now));
            }
            repo.registers().insertFund("“明天计划”康复项目", true, Fund.Purpose.REHABILITATION, "demo", now);
            List<Fund> funds = repo.registers().funds();
            Map<Long, BigDecimal> balance = new HashMap<>();
            Map<Long, BigDecimal> stock = new HashMap<>();
            Map<String, Long> items = new HashMap<>();
            YearMonth first = YearMonth.from(today).minusMonths(11);
            for (YearMonth m = first; !m.isAfter(YearMonth.from(today)); m = m.plusMonths(1)) {
                int days = m.equals(YearMonth.from(today)) ? today.getDayOfMonth() : m.lengthOfMonth();
                for (int i = 0; i < 3 + rnd.nextInt(4); i++) {
                    Fund f = rnd.nextInt(100) < 55 ? funds.get(0) : funds.get(1 + rnd.nextInt(funds.size() - 1));
                    BigDecimal amount = BigDecimal.valueOf((2 + rnd.nextInt(rnd.nextInt(10) < 8 ? 50 : 500)) * 100L);
                    LocalDate d = m.atDay(1 + rnd.nextInt(days));
                    ledger.seed(
                            LedgerEntry.builder()
                                    .date(d)
                                    .kind(LedgerEntry.Kind.DONATION)
                                    .fundId(f.id())
                                    .amount(amount.setScale(2))
                                    .donorId(donors.get(rnd.nextInt(donors.size())))
                                    .channel(LedgerEntry.Channel.values()[rnd.nextInt(5)])
                                    .createdAt(now)
                                    .createdBy("demo")
                                    .build(),
                            true);
                    balance.merge(f.id(), amount, BigDecimal::add);
                }
                for (int i = 0; i < 2 + rnd.nextInt(3); i++) {
                    String[] u = USES[rnd.nextInt(USES.length)];
                    Fund.Purpose purpose = Fund.Purpose.valueOf(u[0]);
                    Fund f = funds.stream()
                            .filter(x -> x.restricted() && x.purpose() == purpose)
                            .findFirst()
                            .orElse(funds.get(0));
                    BigDecimal available = balance.getOrDefault(f.id(), BigDecimal.ZERO);
                    BigDecimal amount = available
                            .multiply(BigDecimal.valueOf(10 + rnd.nextInt(40)))
                            .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN);
                    if (amount.signum() <= 0) {
                        continue;
                    }
                    // Paid at the month's end, so every donation of the month is already in the fund.
                    LocalDate d = m.atDay(days);
                    ledger.seed(
                            LedgerEntry.builder()
                                    .date(d)
                                    .kind(LedgerEntry.Kind.USE)
                                    .fundId(f.id())
                                    .amount(amount.negate().setScale(2))
                                    .purpose(purpose)
                                    .description(u[1])
                                    .payee(u[2])
                                    .voucherNo("PZ-" + m.getYear() + "-" + (100 + rnd.nextInt(900)))
                                    .approvedBy(
                                            amount.compareTo(LedgerService.DEFAULT_APPROVAL_LIMIT) > 0 ? "demo" : null)
                                    .createdAt(now)
                                    .createdBy("demo")
                                    .build(),
                            false);
                    balance.merge(f.id(), amount.negate(), BigDecimal::add);
                }
                for (int i = 0; i < 2; i++) {
                    Object[] g = GOODS[rnd.nextInt(GOODS.length)];
                    long item = items.computeIfAbsent(
                            (String) g[0],
                            n -> repo.registers().itemFor(n, (String) g[1], (GoodsItem.Category) g[2], "demo", now));
                    BigDecimal qty = BigDecimal.valueOf(10 + rnd.nextInt(40));
                    LocalDate d = m.atDay(1 + rnd.nextInt(Math.max(1, days / 2)));
                    int months = (Integer) g[4];
                    ledger.seed(
                            LedgerEntry.builder()
                                    .date(d)
                                    .kind(LedgerEntry.Kind.GOODS_IN)
                                    .donorId(donors.get(rnd.nextInt(donors.size())))
                                    .itemId(item)
                                    .quantity(qty.setScale(2))
                                    .goodsValue(qty.multiply(BigDecimal.valueOf((Integer) g[3]))
                                            .setScale(2))
                                    .condition(LedgerEntry.Condition.NEW)
                                    .expiry(months == 0 ? null : d.plusMonths(months))
                                    .createdAt(now)
                                    .createdBy("demo")
                                    .build(),
                            true); // goods received get their receipt, as money does
                    stock.merge(item, qty, BigDecimal::add);
                    BigDecimal out = stock.get(item)
                            .multiply(BigDecimal.valueOf(60))
                            .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN);
                    if (out.signum() > 0) {
                        ledger.seed(
                                LedgerEntry.builder()
                                        .date(m.atDay(days))
                                        .kind(LedgerEntry.Kind.GOODS_OUT)
                                        .itemId(item)
                                        .quantity(out.negate().setScale(2))
                                        .issuedTo(
                                                g[2] == GoodsItem.Category.FOOD
                                                        ? LedgerEntry.IssuedTo.KITCHEN
                                                        : LedgerEntry.IssuedTo.LIVING_GROUP)
                                        .createdAt(now)
                                        .createdBy("demo")
                                        .build(),
                                false);
                        stock.merge(item, out.negate(), BigDecimal::add);
                    }
                }
                if (m.isBefore(YearMonth.from(today).minusMonths(1))) {
                    repo.periods().closePeriod(m.toString(), "demo", now);
                }
            }
            repo.requests()
                    .insertRequest(
                            new PaymentRequest(
                                    0,
                                    new Payment(
                                            funds.get(0).id(),
                                            today,
                                            new BigDecimal("12800.00"),
                                            Fund.Purpose.LIVING,
                                            "为各生活组更换冬季被褥",
                                            "滨州银座商城",
                                            "PZ-REQ-1"),
                                    PaymentRequest.Status.PENDING,
                                    "demo",
                                    0,
                                    null,
                                    null),
                            now);
            repo.registers().insertFund("助学专项（2027 届）", true, Fund.Purpose.EDUCATION, "demo", now);
        });
    }
}
