package org.huyou.donations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.security.PermissionDeniedException;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger's rules: receipts, restricted funds, no negative balance or stock, reversals, closed months. */
class LedgerTest {

    static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    @TempDir
    Path dir;

    CareStaff home;
    LedgerService ledger;
    Fund general;
    Fund education;

    @BeforeEach
    void open() {
        home = new CareStaff(dir, DAY, LocalDate.of(2015, 1, 1));
        home.as(Role.FINANCE_OFFICER);
        ledger = home.ctx.ledger();
        general =
                ledger.funds().stream().filter(f -> !f.restricted()).findFirst().orElseThrow();
        education = ledger.funds().stream()
                .filter(f -> f.purpose() == Fund.Purpose.EDUCATION)
                .findFirst()
                .orElseThrow();
    }

    @AfterEach
    void close() {
        home.close();
    }

    Donor donor(String name) {
        return ledger.createDonor(new NewDonor(Donor.Kind.INDIVIDUAL, name, Donor.Naming.FULL, null, null, null, null));
    }

    static BigDecimal cny(String s) {
        return new BigDecimal(s);
    }

    @Test
    void donationsGetGapFreeReceiptNumbersPerYearAndTheChainVerifies() {
        Donor d = donor("张三");
        LedgerEntry a = ledger.recordDonation(
                d.id(), general.id(), DAY.minusYears(1), cny("100"), LedgerEntry.Channel.CASH, null);
        LedgerEntry b =
                ledger.recordDonation(d.id(), general.id(), DAY, cny("200.50"), LedgerEntry.Channel.WECHAT_PAY, null);
        LedgerEntry c =
                ledger.recordDonation(d.id(), education.id(), DAY, cny("300"), LedgerEntry.Channel.ALIPAY, "助学");
        assertEquals("2025-000001", a.receiptNo());
        assertEquals("2026-000001", b.receiptNo());
        assertEquals("2026-000002", c.receiptNo());
        assertThrows(
                ValidationException.class,
                () -> ledger.recordDonation(d.id(), general.id(), DAY, cny("1.005"), LedgerEntry.Channel.CASH, null),
                "fen, not fractions of fen");
        assertThrows(
                ValidationException.class,
                () -> ledger.recordDonation(
                        d.id(), general.id(), DAY.plusDays(1), cny("5"), LedgerEntry.Channel.CASH, null));
        LedgerVerifier.Result r = ledger.verify();
        assertTrue(r.ok());
        assertEquals(3, r.entries());
        assertEquals(c.hash(), r.headHash());
    }

    @Test
    void aRestrictedFundPaysOnlyItsPurposeAndNoFundGoesBelowZeroOnAnyDay() {
        Donor d = donor("李四");
        ledger.recordDonation(
                d.id(), education.id(), DAY.minusDays(10), cny("1000"), LedgerEntry.Channel.BANK_TRANSFER, null);
        UserFacingException wrong = assertThrows(
                UserFacingException.class,
                () -> ledger.recordUse(
                        new Payment(education.id(), DAY, cny("100"), Fund.Purpose.MEDICAL, null, "市儿童医院", null)));
        assertTrue(wrong.userMessage().contains("助学金"), wrong.userMessage());
        assertNotNull(ledger.recordUse(new Payment(
                        education.id(), DAY.minusDays(5), cny("800"), Fund.Purpose.EDUCATION, "秋季学费", "第二中学", "PZ-001"))
                .entry());
        UserFacingException tooMuch = assertThrows(
                UserFacingException.class,
                () -> ledger.recordUse(
                        new Payment(education.id(), DAY, cny("200.01"), Fund.Purpose.EDUCATION, null, "书店", null)));
        assertTrue(tooMuch.userMessage().contains("200.00"), tooMuch.userMessage());
        // A back-dated payment must not overdraw the days after it either.
        ledger.recordDonation(d.id(), education.id(), DAY, cny("500"), LedgerEntry.Channel.CASH, null);
        assertThrows(
                UserFacingException.class,
                () -> ledger.recordUse(new Payment(
                        education.id(), DAY.minusDays(7), cny("300"), Fund.Purpose.EDUCATION, null, "书店", null)),
                "on day -5 the fund held only 200 after the 800 paid");
        assertEquals(
                0,
                cny("700")
                        .compareTo(ledger.balances(null).stream()
                                .filter(b -> b.fund().id() == education.id())
                                .findFirst()
                                .orElseThrow()
                                .balance()));
    }

    @Test
    void aRequestThatWouldOverdrawItsFundIsRefusedWhenMadeAndARejectionKeepsItsReason() {
        Donor d = donor("赵六");
        ledger.recordDonation(d.id(), general.id(), DAY, cny("10000"), LedgerEntry.Channel.BANK_TRANSFER, null);
        LedgerService.UseOutcome first = ledger.recordUse(
                new Payment(general.id(), DAY, cny("8000"), Fund.Purpose.MEDICAL, "手术费", "省儿童医院", null));
        assertEquals(PaymentRequest.Status.PENDING, first.request().status());
        // 10,000 held, 8,000 already asked for: a second request of 6,000 would overdraw it if both were approved
        UserFacingException refused = assertThrows(
                UserFacingException.class,
                () -> ledger.recordUse(
                        new Payment(general.id(), DAY, cny("6000"), Fund.Purpose.LIVING, null, "超市", null)));
        assertTrue(
                refused.userMessage().contains("8,000.00")
                        && refused.userMessage().contains("2,000.00")
                        && refused.userMessage().contains("6,000.00"),
                refused.userMessage());
        assertEquals(1, ledger.requestLines().size(), "nothing was saved");
        LedgerService.RequestLine line = ledger.requestLines().get(0);
        assertEquals(general.id(), line.fund().id());
        assertEquals(0, cny("10000").compareTo(line.fundBalance()), "the list shows the fund and its balance");

        home.as(Role.DIRECTOR);
        assertThrows(
                ValidationException.class,
                () -> ledger.rejectRequest(first.request().id(), first.request().version(), " "),
                "a rejection says why");
        ledger.rejectRequest(first.request().id(), first.request().version(), "请先申请明天计划资助");
        assertTrue(ledger.pendingRequests().isEmpty());

        home.as(Role.FINANCE_OFFICER);
        PaymentRequest seen = ledger.requestLines().stream()
                .map(LedgerService.RequestLine::request)
                .filter(r -> r.id() == first.request().id())
                .findFirst()
                .orElseThrow();
        assertEquals(PaymentRequest.Status.REJECTED, seen.status());
        assertEquals("请先申请明天计划资助", seen.decisionReason(), "the requester reads the reason");
        // the money is no longer spoken for: the 6,000 request now goes in
        assertEquals(
                PaymentRequest.Status.PENDING,
                ledger.recordUse(new Payment(general.id(), DAY, cny("6000"), Fund.Purpose.LIVING, null, "超市", null))
                        .request()
                        .status());
    }

    @Test
    void aLargePaymentWaitsForTheDirectorAndOnlyTheDirectorApprovesClosesAndSetsTheLimit() {
        Donor d = donor("王五");
        ledger.recordDonation(d.id(), general.id(), DAY, cny("20000"), LedgerEntry.Channel.BANK_TRANSFER, null);
        LedgerService.UseOutcome small = ledger.recordUse(
                new Payment(general.id(), DAY, cny("4999.99"), Fund.Purpose.LIVING, null, "超市", "PZ-9"));
        assertNotNull(small.entry());
        assertNull(small.entry().approvedBy());
        LedgerService.UseOutcome large = ledger.recordUse(
                new Payment(general.id(), DAY, cny("8000"), Fund.Purpose.MEDICAL, "手术费", "省儿童医院", "PZ-10"));
        assertNull(large.entry());
        assertEquals(PaymentRequest.Status.PENDING, large.request().status());
        assertThrows(
                PermissionDeniedException.class,
                () -> ledger.approveRequest(large.request().id(), 0));
        assertThrows(PermissionDeniedException.class, () -> ledger.closePeriod(YearMonth.of(2026, 5)));

        home.as(Role.DIRECTOR);
        LedgerEntry paid =
                ledger.approveRequest(large.request().id(), large.request().version());
        assertEquals("director", paid.approvedBy());
        assertEquals(0, cny("-8000").compareTo(paid.amount()));
        assertTrue(ledger.pendingRequests().isEmpty());
        ledger.closePeriod(YearMonth.of(2026, 5));
        home.as(Role.FINANCE_OFFICER);
        UserFacingException closed = assertThrows(
                UserFacingException.class,
                () -> ledger.recordDonation(
                        d.id(), general.id(), LocalDate.of(2026, 5, 31), cny("1"), LedgerEntry.Channel.CASH, null));
        assertTrue(closed.userMessage().contains("2026-05"));
        home.as(Role.CAREGIVER);
        assertThrows(PermissionDeniedException.class, () -> ledger.balances(null));
    }

    /**
     * Separation of duties: an account holding both the director's and the finance officer's roles records a payment
     * above the limit; it waits for another approver, its recorder cannot approve it, and another director can.
     */
    @Test
    void aPaymentAboveTheLimitIsApprovedBySomeoneOtherThanWhoRecordedItWhateverRolesTheyHold() {
        Donor d = donor("钱七");
        ledger.recordDonation(d.id(), general.id(), DAY, cny("20000"), LedgerEntry.Channel.BANK_TRANSFER, null);
        home.as(Role.ADMINISTRATOR);
        home.ctx
                .accounts()
                .create(
                        "both",
                        "兼任院长",
                        org.huyou.testing.TestHome.PASSWORD,
                        java.util.EnumSet.of(Role.DIRECTOR, Role.FINANCE_OFFICER));
        home.ctx.login().logout();
        home.ctx.login().login("both", org.huyou.testing.TestHome.PASSWORD.toCharArray());
        LedgerService.UseOutcome own = ledger.recordUse(
                new Payment(general.id(), DAY, cny("8000"), Fund.Purpose.MEDICAL, "手术费", "省儿童医院", "PZ-11"));
        assertNull(own.entry(), "not paid on its recorder's own approval");
        assertEquals(PaymentRequest.Status.PENDING, own.request().status());
        SecondApproverException self = assertThrows(
                SecondApproverException.class,
                () -> ledger.approveRequest(own.request().id(), own.request().version()));
        assertTrue(
                !self.mayOverride()
                        && self.userMessage().contains("另一位审批人")
                        && self.userMessage().contains("director"),
                self.userMessage());
        assertThrows(
                SecondApproverException.class,
                () -> ledger.approveRequest(own.request().id(), own.request().version(), "院长外出，急需付款"),
                "no reason sets it aside while another can approve");
        assertEquals(1, ledger.pendingRequests().size());
        // below the limit the same account pays at once, as before
        assertNotNull(
                ledger.recordUse(new Payment(general.id(), DAY, cny("100"), Fund.Purpose.LIVING, null, "超市", null))
                        .entry());

        home.as(Role.DIRECTOR);
        LedgerEntry paid =
                ledger.approveRequest(own.request().id(), own.request().version());
        assertEquals("director", paid.approvedBy());
        assertEquals("director", paid.createdBy(), "paid by the approver, asked for by the other");
        assertTrue(ledger.verify().ok());
    }

    /** The home's only approver pays above the limit only with a written reason, which the audit log keeps. */
    @Test
    void theOnlyApproverPaysAboveTheLimitOnlyWithAReasonThatIsAudited() {
        Donor d = donor("孙八");
        ledger.recordDonation(d.id(), general.id(), DAY, cny("20000"), LedgerEntry.Channel.BANK_TRANSFER, null);
        home.as(Role.DIRECTOR);
        SecondApproverException refused = assertThrows(
                SecondApproverException.class,
                () -> ledger.recordUse(
                        new Payment(general.id(), DAY, cny("8000"), Fund.Purpose.MEDICAL, "手术费", "省儿童医院", null)));
        assertTrue(refused.mayOverride());
        assertTrue(
                refused.userMessage().contains("8,000.00")
                        && refused.userMessage().contains("5,000.00"),
                refused.userMessage());
        ValidationException tooShort = assertThrows(
                ValidationException.class,
                () -> ledger.recordUse(
                        new Payment(general.id(), DAY, cny("8000"), Fund.Purpose.MEDICAL, "手术费", "省儿童医院", null), "急"));
        assertEquals("selfApprovalReason", tooShort.errors().get(0).field());
        assertEquals(
                0,
                ledger.entries(Long.MAX_VALUE, 10).stream()
                        .filter(e -> e.kind() == LedgerEntry.Kind.USE)
                        .count(),
                "nothing paid without a reason");

        LedgerEntry paid = ledger.recordUse(
                        new Payment(general.id(), DAY, cny("8000"), Fund.Purpose.MEDICAL, "手术费", "省儿童医院", null),
                        "本院仅一名院长，手术费须今日付清")
                .entry();
        assertEquals("director", paid.approvedBy());
        home.as(Role.ADMINISTRATOR);
        List<org.huyou.security.AuditEntry> overrides = home.ctx
                .audit()
                .browse(new org.huyou.security.AuditFilter(null, "OVERRIDE", "ledger_entry", null, null, null), 10);
        assertEquals(1, overrides.size());
        assertEquals("director", overrides.get(0).username());
        assertEquals(String.valueOf(paid.seq()), overrides.get(0).entityId());
        assertTrue(
                overrides.get(0).summary().contains("本院仅一名院长，手术费须今日付清"),
                overrides.get(0).summary());
    }

    /** The service's own check, so the command line and imports cannot store letters as a phone either. */
    @Test
    void aDonorsPhoneIsAPhoneNumberWhereverItComesFromAndAnUnchangedLimitIsNotAudited() {
        ValidationException letters = assertThrows(
                ValidationException.class,
                () -> ledger.createDonor(
                        new NewDonor(Donor.Kind.INDIVIDUAL, "张三", Donor.Naming.FULL, "abc123", null, null, null)));
        assertEquals("phone", letters.errors().get(0).field());
        assertTrue(
                letters.errors().get(0).message().contains("abc123"),
                letters.errors().get(0).message());
        for (String ok : List.of("13800000000", "0543-3211234", "+86 138 0000 0000", "(0543)3211234转801")) {
            assertEquals(
                    ok,
                    ledger.createDonor(new NewDonor(
                                    Donor.Kind.INDIVIDUAL, "李" + ok, Donor.Naming.FULL, ok, null, null, null))
                            .phone(),
                    ok);
        }
        for (String bad : List.of("12345", "1380000000０x", "电话13800000000", "138-0000-0000-0000-00")) {
            assertThrows(
                    ValidationException.class,
                    () -> ledger.createDonor(
                            new NewDonor(Donor.Kind.INDIVIDUAL, "王", Donor.Naming.FULL, bad, null, null, null)),
                    bad);
        }
        home.as(Role.DIRECTOR);
        ledger.setApprovalLimit(LedgerService.DEFAULT_APPROVAL_LIMIT);
        home.as(Role.ADMINISTRATOR);
        assertTrue(
                home.ctx
                        .audit()
                        .browse(new org.huyou.security.AuditFilter(null, "EDIT", "app_setting", null, null, null), 10)
                        .isEmpty(),
                "the limit did not change: nothing to audit");
    }

    @Test
    void aMistakeIsReversedNeverEditedAndGoodsStockNeverGoesNegative() {
        Donor d = donor("赵六");
        LedgerEntry wrong =
                ledger.recordDonation(d.id(), general.id(), DAY, cny("1000"), LedgerEntry.Channel.CASH, null);
        LedgerEntry reversal = ledger.reverse(wrong.seq(), "金额录错，应为100元");
        assertEquals(0, cny("-1000").compareTo(reversal.amount()));
        assertEquals(wrong.seq(), reversal.reversesSeq());
        assertThrows(UserFacingException.class, () -> ledger.reverse(wrong.seq(), "再次冲销"));
        assertThrows(UserFacingException.class, () -> ledger.reverse(reversal.seq(), "冲销的冲销"));
        ledger.recordDonation(d.id(), general.id(), DAY, cny("100"), LedgerEntry.Channel.CASH, null);

        LedgerEntry in = ledger.recordGoodsIn(new LedgerService.GoodsIn(
                d.id(),
                DAY,
                "纯牛奶",
                "箱",
                GoodsItem.Category.FOOD,
                cny("20"),
                cny("1200"),
                LedgerEntry.Condition.NEW,
                DAY.plusMonths(6),
                null));
        assertThrows(
                ValidationException.class,
                () -> ledger.recordGoodsIn(new LedgerService.GoodsIn(
                        d.id(),
                        DAY,
                        "退烧药",
                        "盒",
                        GoodsItem.Category.MEDICINE,
                        cny("5"),
                        null,
                        LedgerEntry.Condition.NEW,
                        null,
                        null)),
                "medicine needs an expiry date");
        ledger.issueGoods(in.itemId(), DAY, cny("15"), LedgerEntry.IssuedTo.KITCHEN, "早餐");
        UserFacingException none = assertThrows(
                UserFacingException.class,
                () -> ledger.issueGoods(in.itemId(), DAY, cny("6"), LedgerEntry.IssuedTo.LIVING_GROUP, null));
        assertTrue(none.userMessage().contains("纯牛奶"), none.userMessage());
        assertThrows(
                UserFacingException.class,
                () -> ledger.reverse(in.seq(), "重复登记"),
                "15 of the 20 were issued: reversing the whole receipt would make the stock negative");
        assertEquals(0, cny("5").compareTo(ledger.stock(null).get(0).quantity()));
        assertTrue(ledger.verify().ok());
    }

    /**
     * Hundreds of random donations, reversals, payments and goods movements: per fund and in total, opening + in - out
     * = closing for any split date, no fund or stock ever below zero, receipts gap-free per year, the chain whole.
     */
    @Test
    void randomLedgersAlwaysReconcile() {
        Random rnd = new Random(42);
        List<Donor> donors = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            donors.add(donor("捐赠人" + i));
        }
        List<Fund> funds = ledger.funds();
        List<LedgerEntry> written = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < 300; i++) {
            LocalDate date = DAY.minusDays(rnd.nextInt(400));
            Fund fund = funds.get(rnd.nextInt(funds.size()));
            int roll = rnd.nextInt(100);
            try {
                if (roll < 40) {
                    written.add(ledger.recordDonation(
                            donors.get(rnd.nextInt(5)).id(),
                            fund.id(),
                            date,
                            BigDecimal.valueOf(1 + rnd.nextInt(500_000), 2),
                            LedgerEntry.Channel.values()[rnd.nextInt(5)],
                            null));
                } else if (roll < 70) {
                    LedgerService.UseOutcome u = ledger.recordUse(new Payment(
                            fund.id(),
                            date,
                            BigDecimal.valueOf(1 + rnd.nextInt(300_000), 2),
                            rnd.nextBoolean() ? fund.purpose() : Fund.Purpose.values()[rnd.nextInt(6)],
                            null,
                            "收款方",
                            null));
                    if (u.entry() != null) {
                        written.add(u.entry());
                    }
                } else if (roll < 80 && !written.isEmpty()) {
                    written.add(ledger.reverse(
                            written.get(rnd.nextInt(written.size())).seq(), "随机冲销"));
                } else if (roll < 90) {
                    written.add(ledger.recordGoodsIn(new LedgerService.GoodsIn(
                            donors.get(rnd.nextInt(5)).id(),
                            date,
                            "物品" + rnd.nextInt(3),
                            "件",
                            GoodsItem.Category.SUPPLIES,
                            BigDecimal.valueOf(1 + rnd.nextInt(50)),
                            null,
                            LedgerEntry.Condition.NEW,
                            null,
                            null)));
                } else if (!ledger.items().isEmpty()) {
                    GoodsItem item =
                            ledger.items().get(rnd.nextInt(ledger.items().size()));
                    written.add(ledger.issueGoods(
                            item.id(),
                            date,
                            BigDecimal.valueOf(1 + rnd.nextInt(30)),
                            LedgerEntry.IssuedTo.KITCHEN,
                            null));
                }
            } catch (UserFacingException refusedByRule) {
                refused++; // restricted purpose, insufficient balance or stock, already reversed: the rules at work
            }
        }
        assertTrue(written.size() > 150 && refused > 10, written.size() + " written, " + refused + " refused");

        LocalDate split = DAY.minusDays(200);
        for (Fund f : funds) {
            BigDecimal opening = balance(f, split);
            BigDecimal in = BigDecimal.ZERO;
            BigDecimal out = BigDecimal.ZERO;
            BigDecimal running = BigDecimal.ZERO;
            Map<LocalDate, BigDecimal> byDay = new java.util.TreeMap<>();
            for (LedgerEntry e : written) {
                if (f.id() == (e.fundId() == null ? -1 : e.fundId())) {
                    byDay.merge(e.date(), e.amount(), BigDecimal::add);
                    if (e.date().isAfter(split)) {
                        if (e.amount().signum() > 0) {
                            in = in.add(e.amount());
                        } else {
                            out = out.add(e.amount().negate());
                        }
                    }
                }
            }
            for (BigDecimal d : byDay.values()) {
                running = running.add(d);
                assertTrue(running.signum() >= 0, f.name() + " went below zero: " + running);
            }
            assertEquals(0, opening.add(in).subtract(out).compareTo(balance(f, null)), f.name());
        }
        Map<Integer, List<Integer>> receipts = new HashMap<>();
        written.stream()
                .filter(e -> e.receiptNo() != null)
                .forEach(e -> receipts.computeIfAbsent(
                                Integer.parseInt(e.receiptNo().substring(0, 4)), y -> new ArrayList<>())
                        .add(Integer.parseInt(e.receiptNo().substring(5))));
        receipts.forEach((year, numbers) -> {
            List<Integer> sorted = numbers.stream().sorted().toList();
            for (int i = 0; i < sorted.size(); i++) {
                assertEquals(i + 1, sorted.get(i), "receipts of " + year + " are gap-free");
            }
        });
        for (LedgerService.Stock s : ledger.stock(null)) {
            assertTrue(s.quantity().signum() >= 0, s.item().name());
        }
        // the running stock (goods_stock, kept with each entry) equals the entries' own sum, now and on any day
        List<LocalDate> days =
                written.stream().map(LedgerEntry::date).distinct().sorted().toList();
        for (LocalDate on : java.util.Arrays.asList(null, days.get(days.size() / 3), days.get(days.size() / 2))) {
            Map<Long, BigDecimal> summed = new HashMap<>();
            written.stream()
                    .filter(e -> e.itemId() != null && (on == null || !e.date().isAfter(on)))
                    .forEach(e -> summed.merge(e.itemId(), e.quantity(), BigDecimal::add));
            List<LedgerService.Stock> stock = ledger.stock(on);
            assertTrue(stock.size() >= 2, stock.toString());
            for (LedgerService.Stock s : stock) {
                assertEquals(
                        0,
                        summed.getOrDefault(s.item().id(), BigDecimal.ZERO).compareTo(s.quantity()),
                        s.item().name() + " on " + on);
            }
        }
        assertKeptFundMonthsAgreeWith(written);
        LedgerVerifier.Result r = ledger.verify();
        assertTrue(r.ok());
        assertEquals(written.size(), r.entries());
    }

    /**
     * The funds' kept months (fund_month, added to with each entry) against independent sums of the entries written:
     * every fund's balance now and at the end of days across the months (a month's first and last day, the middle of
     * one), and the twelve months' received and used, after backdated entries and reversals.
     */
    private void assertKeptFundMonthsAgreeWith(List<LedgerEntry> written) {
        List<LedgerEntry> money =
                written.stream().filter(e -> e.fundId() != null).toList();
        assertTrue(money.stream().anyMatch(e -> e.kind() == LedgerEntry.Kind.REVERSAL), "some money reversed");
        boolean backdated = false;
        for (int i = 1; i < money.size(); i++) {
            backdated |= money.get(i).date().isBefore(money.get(i - 1).date().withDayOfMonth(1));
        }
        assertTrue(backdated, "some entries dated in a month before the last one's");
        List<LocalDate> days = new ArrayList<>(java.util.Arrays.asList(
                null,
                DAY,
                DAY.minusMonths(3).withDayOfMonth(1),
                DAY.minusMonths(5).withDayOfMonth(1).minusDays(1),
                DAY.minusDays(200),
                DAY.minusDays(399),
                DAY.minusDays(401)));
        money.stream().map(LedgerEntry::date).distinct().limit(10).forEach(days::add);
        for (LocalDate on : days) {
            Map<Long, BigDecimal> summed = new HashMap<>();
            money.stream()
                    .filter(e -> on == null || !e.date().isAfter(on))
                    .forEach(e -> summed.merge(e.fundId(), e.amount(), BigDecimal::add));
            for (LedgerService.FundBalance b : ledger.balances(on)) {
                assertEquals(
                        0,
                        summed.getOrDefault(b.fund().id(), BigDecimal.ZERO).compareTo(b.balance()),
                        b.fund().name() + " on " + on);
            }
        }
        Map<YearMonth, BigDecimal[]> months = new java.util.TreeMap<>();
        YearMonth first = YearMonth.from(DAY).minusMonths(11);
        // as a disclosure of each month counts them: a reversal of an earlier month's entry is a correction, not
        // money received or used in its own month (a reversal within the month still cancels its entry)
        Map<Long, LocalDate> dated = new HashMap<>();
        money.forEach(e -> dated.put(e.seq(), e.date()));
        money.stream().filter(e -> !YearMonth.from(e.date()).isBefore(first)).forEach(e -> {
            BigDecimal[] m = months.computeIfAbsent(
                    YearMonth.from(e.date()), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            boolean correction = e.reversesSeq() != null
                    && YearMonth.from(dated.getOrDefault(e.reversesSeq(), e.date()))
                            .isBefore(YearMonth.from(e.date()));
            if (correction) {
                return;
            }
            if (e.donorId() != null) {
                m[0] = m[0].add(e.amount());
            } else {
                m[1] = m[1].subtract(e.amount());
            }
        });
        List<MonthTotals> kept = ledger.lastTwelveMonths();
        assertEquals(
                List.copyOf(months.keySet()),
                kept.stream().map(MonthTotals::month).toList());
        for (MonthTotals t : kept) {
            assertEquals(0, months.get(t.month())[0].compareTo(t.received()), "received in " + t.month());
            assertEquals(0, months.get(t.month())[1].compareTo(t.used()), "used in " + t.month());
        }
    }

    /**
     * Food with expiry dates received, issued, backdated and reversed at random: the lots kept with each entry give the
     * same expiring list and expired counts as a replay of the entries written, computed here on its own (each issue
     * takes the goods not yet expired on its day, the earliest expiry first, then receipt order).
     */
    @Test
    void theKeptLotsAgreeWithAReplayOfTheEntries() {
        Random rnd = new Random(7);
        Donor d = donor("食品捐赠人");
        List<LedgerEntry> written = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            LocalDate date = DAY.minusDays(rnd.nextInt(90));
            int roll = rnd.nextInt(100);
            try {
                if (roll < 45) {
                    written.add(ledger.recordGoodsIn(new LedgerService.GoodsIn(
                            d.id(),
                            date,
                            "食品" + rnd.nextInt(3),
                            "箱",
                            GoodsItem.Category.FOOD,
                            BigDecimal.valueOf(1 + rnd.nextInt(20)),
                            null,
                            LedgerEntry.Condition.NEW,
                            date.plusDays(rnd.nextInt(120)),
                            null)));
                } else if (roll < 90 && !ledger.items().isEmpty()) {
                    GoodsItem item =
                            ledger.items().get(rnd.nextInt(ledger.items().size()));
                    written.add(ledger.issueGoods(
                            item.id(),
                            date,
                            BigDecimal.valueOf(1 + rnd.nextInt(15)),
                            LedgerEntry.IssuedTo.KITCHEN,
                            null));
                } else if (!written.isEmpty()) {
                    written.add(ledger.reverse(
                            written.get(rnd.nextInt(written.size())).seq(), "冲销"));
                }
            } catch (UserFacingException refusedByRule) {
                // not enough stock, expired goods, already reversed: the rules at work
            }
        }
        java.util.Set<Long> reversed = new java.util.HashSet<>();
        written.stream().filter(e -> e.reversesSeq() != null).forEach(e -> reversed.add(e.reversesSeq()));
        List<LedgerEntry> moves = written.stream()
                .filter(e -> e.kind() != LedgerEntry.Kind.REVERSAL && !reversed.contains(e.seq()))
                .sorted(java.util.Comparator.comparing(LedgerEntry::date).thenComparingLong(LedgerEntry::seq))
                .toList();
        Map<Long, List<BigDecimal[]>> left = new HashMap<>(); // per receipt seq: remaining
        Map<Long, LedgerEntry> receipts = new java.util.LinkedHashMap<>();
        for (LedgerEntry m : moves) {
            if (m.quantity().signum() > 0) {
                receipts.put(m.seq(), m);
                left.put(m.seq(), List.<BigDecimal[]>of(new BigDecimal[] {m.quantity()}));
                continue;
            }
            BigDecimal wanted = m.quantity().negate();
            List<LedgerEntry> candidates = receipts.values().stream()
                    .filter(r -> r.itemId().equals(m.itemId())
                            && left.get(r.seq()).get(0)[0].signum() > 0)
                    .sorted(java.util.Comparator.comparing(
                                    (LedgerEntry r) -> r.expiry().isBefore(m.date()))
                            .thenComparing(LedgerEntry::expiry)
                            .thenComparing(LedgerEntry::date)
                            .thenComparingLong(LedgerEntry::seq))
                    .toList();
            for (LedgerEntry r : candidates) {
                BigDecimal[] rest = left.get(r.seq()).get(0);
                BigDecimal take = rest[0].min(wanted);
                rest[0] = rest[0].subtract(take);
                wanted = wanted.subtract(take);
            }
        }
        Map<Long, BigDecimal> expiredByItem = new HashMap<>();
        List<String> expected = new ArrayList<>();
        for (LedgerEntry r : receipts.values()) {
            BigDecimal rest = left.get(r.seq()).get(0)[0];
            if (rest.signum() > 0 && r.expiry().isBefore(DAY)) {
                expiredByItem.merge(r.itemId(), rest, BigDecimal::add);
            }
            if (rest.signum() > 0 && !r.expiry().isAfter(DAY.plusDays(LedgerService.EXPIRY_WINDOW_DAYS))) {
                expected.add(r.itemId() + " " + r.date() + " "
                        + rest.stripTrailingZeros().toPlainString() + " " + r.expiry());
            }
        }
        assertTrue(written.stream().anyMatch(e -> e.kind() == LedgerEntry.Kind.REVERSAL), "some reversals");
        assertTrue(!expiredByItem.isEmpty() && expected.size() > 3, expected.toString());
        List<String> listed = ledger.expiringGoods().stream()
                .map(x -> x.item().id() + " " + x.received() + " "
                        + x.quantity().stripTrailingZeros().toPlainString() + " " + x.expiry())
                .toList();
        assertEquals(
                expected.stream().sorted().toList(), listed.stream().sorted().toList());
        for (LedgerService.Stock s : ledger.stock(null)) {
            assertEquals(
                    0,
                    expiredByItem.getOrDefault(s.item().id(), BigDecimal.ZERO).compareTo(s.expired()),
                    s.item().name());
        }
    }

    private BigDecimal balance(Fund f, LocalDate on) {
        return ledger.balances(on).stream()
                .filter(b -> b.fund().id() == f.id())
                .findFirst()
                .orElseThrow()
                .balance();
    }
}
