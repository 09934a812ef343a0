package org.huyou.donations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.huyou.app.DirectSql;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disclosure sums its period in one read of the entries (issue 31: nine SQL sums over the wide rows and a query
 * per donor took over a second at 100,000 entries). On random ledgers (opening balances, donations by named, masked
 * and anonymous donors, payments of every purpose, goods in and out, reversals within a period and of earlier ones)
 * every period's disclosure is the one the former SQL computation ({@link SqlDisclosureFigures}) gives, to the scale
 * of each amount and the order of each list.
 */
class DisclosureSumsTest {

    @TempDir
    Path dir;

    @Test
    void theOneReadGivesTheFiguresTheSqlSumsGave() throws SQLException {
        for (long seed = 1; seed <= 3; seed++) {
            compareOn(seed);
        }
    }

    private void compareOn(long seed) throws SQLException {
        Random random = new Random(seed);
        LocalDate start = LocalDate.of(2026, 1, 5);
        try (CareStaff home = new CareStaff(dir.resolve("home-" + seed), start, LocalDate.of(2015, 1, 1))) {
            home.as(Role.FINANCE_OFFICER);
            LedgerService ledger = home.ctx.ledger();
            List<Fund> funds = ledger.funds();
            ledger.importOpeningBalances(
                    List.of(new LedgerService.OpeningBalance(
                            funds.stream()
                                    .filter(f -> !f.restricted())
                                    .findFirst()
                                    .orElseThrow()
                                    .name(),
                            start,
                            new BigDecimal("20000.00"),
                            null)),
                    "期初.csv");
            List<Donor> donors = new ArrayList<>();
            String[] names = {"张明华", "滨州鲁北化工有限公司", "李不留名", "张明远", "王芳", "李四"};
            for (int i = 0; i < names.length; i++) {
                donors.add(ledger.createDonor(new NewDonor(
                        i == 1 ? Donor.Kind.ENTERPRISE : Donor.Kind.INDIVIDUAL,
                        names[i],
                        Donor.Naming.values()[i % Donor.Naming.values().length],
                        null,
                        null,
                        null,
                        null)));
            }
            List<LedgerEntry> written = new ArrayList<>();
            for (int day = 0; day < 120; day += 1 + random.nextInt(3)) {
                LocalDate date = start.plusDays(day);
                // entries of the day are made that day; a reversal is dated the day it is made
                home.clock.advance(Duration.ofDays(
                        date.toEpochDay() - LocalDate.now(home.clock).toEpochDay()));
                for (int n = random.nextInt(4); n >= 0; n--) {
                    written.add(oneMove(ledger, random, date, funds, donors));
                }
                if (random.nextInt(4) == 0 && !written.isEmpty()) {
                    LedgerEntry e = written.remove(random.nextInt(written.size()));
                    try {
                        ledger.reverse(e.seq(), "录入错误");
                    } catch (RuntimeException refused) {
                        // an issue already reversed, or goods no longer in stock: another draw
                    }
                }
            }
            home.as(Role.DIRECTOR);
            try (Connection c = DirectSql.connect(home.ctx)) {
                comparePeriods(seed, start, new LedgerRepository(DirectSql.jooq(home.ctx, c)));
            }
        }
    }

    private static void comparePeriods(long seed, LocalDate start, LedgerRepository repo) {
        LocalDateTime madeAt = LocalDateTime.of(2026, 6, 1, 9, 0);
        int periods = 0;
        for (LocalDate[] p : List.of(
                new LocalDate[] {start, start.plusDays(30)},
                new LocalDate[] {start.plusDays(31), start.plusDays(59)},
                new LocalDate[] {start.plusDays(60), start.plusDays(119)},
                new LocalDate[] {start.plusDays(10), start.plusDays(10)},
                new LocalDate[] {start.minusDays(30), start.minusDays(1)},
                new LocalDate[] {start, start.plusDays(119)})) {
            Disclosure now = new DisclosureFigures(repo).of("护佑", p[0], p[1], madeAt);
            Disclosure before = new SqlDisclosureFigures(repo).of("护佑", p[0], p[1], madeAt);
            assertEquals(before, now, "seed " + seed + ", " + p[0] + ".." + p[1]);
            assertEquals(before.donors().toString(), now.donors().toString(), "the amounts' scale too");
            assertEquals(before.funds().toString(), now.funds().toString());
            assertEquals(before.goods().toString(), now.goods().toString());
            periods += now.donors().isEmpty() ? 0 : 1;
        }
        assertFalse(periods < 3, "the periods have donations to compare");
    }

    private static LedgerEntry oneMove(
            LedgerService ledger, Random random, LocalDate date, List<Fund> funds, List<Donor> donors) {
        Fund fund = funds.get(random.nextInt(funds.size()));
        Fund general = funds.stream().filter(f -> !f.restricted()).findFirst().orElseThrow();
        Donor donor = donors.get(random.nextInt(donors.size()));
        BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(300_000), 2);
        return switch (random.nextInt(5)) {
            case 0, 1 ->
                ledger.recordDonation(donor.id(), fund.id(), date, amount, LedgerEntry.Channel.BANK_TRANSFER, null);
            case 2 ->
                ledger.recordUse(new Payment(
                                general.id(),
                                date,
                                BigDecimal.valueOf(100 + random.nextInt(30_000), 2),
                                Fund.Purpose.values()[random.nextInt(Fund.Purpose.values().length)],
                                "用途",
                                "收款方",
                                null))
                        .entry();
            case 3 ->
                ledger.recordGoodsIn(new LedgerService.GoodsIn(
                        donor.id(),
                        date,
                        random.nextBoolean() ? "大米" : "纯牛奶",
                        random.nextBoolean() ? "袋" : "箱",
                        GoodsItem.Category.FOOD,
                        BigDecimal.valueOf(5 + random.nextInt(20)),
                        random.nextBoolean() ? amount : null,
                        LedgerEntry.Condition.NEW,
                        date.plusYears(1),
                        null));
            default -> {
                List<LedgerService.Stock> stock = ledger.stock(date).stream()
                        .filter(s -> s.issuable().signum() > 0)
                        .toList();
                yield stock.isEmpty()
                        ? ledger.recordDonation(donor.id(), fund.id(), date, amount, LedgerEntry.Channel.CASH, null)
                        : ledger.issueGoods(
                                stock.get(0).item().id(), date, BigDecimal.ONE, LedgerEntry.IssuedTo.KITCHEN, null);
            }
        };
    }
}
