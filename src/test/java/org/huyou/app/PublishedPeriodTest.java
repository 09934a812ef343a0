package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.huyou.cli.HuyouCli;
import org.huyou.common.FieldError;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.db.SettingsRepository;
import org.huyou.db.Transactions;
import org.huyou.donations.Disclosure;
import org.huyou.donations.DisclosureRepository;
import org.huyou.donations.DisclosureService;
import org.huyou.donations.DonationPapers;
import org.huyou.donations.Donor;
import org.huyou.donations.Fund;
import org.huyou.donations.GoodsItem;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerRepository;
import org.huyou.donations.LedgerService;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.donations.Payment;
import org.huyou.donations.PaymentRequest;
import org.huyou.security.Role;
import org.huyou.security.ServiceContext;
import org.huyou.testing.CareStaff;
import org.huyou.testing.TestHome;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A published disclosure never changes: no new entry of any kind, by any path (form, approval, reversal, import,
 * command line), is dated on or before the end of a published period, each refused with the sentence naming the date
 * field, the disclosure's period and code and what to do instead, and writing nothing. Rebuilt after all that and
 * after the ledger went on, the published period says what the public saw.
 */
class PublishedPeriodTest {

    static final LocalDate DAY = LocalDate.of(2026, 10, 8);
    static final LocalDate Q_FROM = LocalDate.of(2026, 7, 1);
    static final LocalDate Q_TO = LocalDate.of(2026, 9, 30);

    @TempDir
    Path dir;

    CareStaff home;
    LedgerService ledger;
    Fund general;
    Fund education;
    Donor firm;
    LedgerEntry coats;
    LedgerEntry july;
    PaymentRequest waiting;
    Disclosure published;

    @BeforeEach
    void publishTheQuarter() {
        home = new CareStaff(dir.resolve("home"), DAY, LocalDate.of(2015, 1, 1));
        home.as(Role.FINANCE_OFFICER);
        ledger = home.ctx.ledger();
        general = ledger.funds().get(0);
        education = ledger.funds().get(1);
        firm = ledger.createDonor(
                new NewDonor(Donor.Kind.ENTERPRISE, "滨州鲁北化工有限公司", Donor.Naming.FULL, null, null, null, null));
        july = ledger.recordDonation(
                firm.id(),
                general.id(),
                LocalDate.of(2026, 7, 5),
                cny("20000"),
                LedgerEntry.Channel.BANK_TRANSFER,
                null);
        ledger.recordUse(new Payment(
                general.id(), LocalDate.of(2026, 8, 1), cny("300"), Fund.Purpose.LIVING, "冬衣", "商场", "PZ-1"));
        coats = ledger.recordGoodsIn(new LedgerService.GoodsIn(
                firm.id(),
                LocalDate.of(2026, 7, 20),
                "冬季棉衣",
                "件",
                GoodsItem.Category.CLOTHING,
                cny("40"),
                cny("3200"),
                LedgerEntry.Condition.NEW,
                null,
                null));
        // typed before the quarter was published, waiting for the director's approval
        waiting = ledger.recordUse(new Payment(
                        general.id(),
                        LocalDate.of(2026, 9, 20),
                        cny("8000"),
                        Fund.Purpose.LIVING,
                        "冬季取暖",
                        "供暖公司",
                        "PZ-2"))
                .request();
        published = home.as(Role.DIRECTOR)
                .ctx
                .disclosures()
                .export(Q_FROM, Q_TO, dir.resolve("out"))
                .disclosure();
    }

    @AfterEach
    void close() {
        if (home != null) {
            home.close();
        }
    }

    @Test
    void everyKindOfEntryByEveryPathIntoThePublishedQuarterIsRefusedAndWritesNothing() {
        String state = state();
        LocalDate inside = LocalDate.of(2026, 9, 30);
        LocalDate before = LocalDate.of(2026, 6, 15); // before the quarter: it would change its opening balance

        home.as(Role.FINANCE_OFFICER);
        assertRefused(
                inside,
                () -> ledger.recordDonation(
                        firm.id(), general.id(), inside, cny("100"), LedgerEntry.Channel.CASH, null));
        assertRefused(
                before,
                () -> ledger.recordDonation(
                        firm.id(), general.id(), before, cny("100"), LedgerEntry.Channel.CASH, null));
        assertRefused(
                inside,
                () -> ledger.recordUse(
                        new Payment(general.id(), inside, cny("10"), Fund.Purpose.LIVING, null, "商场", null)));
        assertRefused(
                inside,
                () -> ledger.recordUse(
                        new Payment(general.id(), inside, cny("6000"), Fund.Purpose.LIVING, null, "商场", null)));
        assertRefused(
                inside,
                () -> ledger.recordGoodsIn(new LedgerService.GoodsIn(
                        firm.id(),
                        inside,
                        "书包",
                        "个",
                        GoodsItem.Category.EDUCATION,
                        cny("5"),
                        null,
                        LedgerEntry.Condition.NEW,
                        null,
                        null)));
        assertRefused(
                inside, () -> ledger.issueGoods(coats.itemId(), inside, cny("2"), LedgerEntry.IssuedTo.KITCHEN, null));

        home.as(Role.FINANCE_OFFICER);
        Map<Integer, List<FieldError>> history = ledger.historyRefusals(List.of(
                past(inside, "王五", general.name(), cny("50"), null),
                past(before, "王五", general.name(), cny("50"), null),
                past(inside, "王五", null, null, cny("3"))));
        assertEquals(List.of(0, 1, 2), List.copyOf(history.keySet()));
        history.values()
                .forEach(errors ->
                        assertSentence(errors.get(0), errors.get(0).args()[1].toString()));
        assertThrows(
                ValidationException.class,
                () -> ledger.importDonationHistory(
                        List.of(past(inside, "王五", general.name(), cny("50"), null)), "history.csv"));
        ValidationException opening = assertThrows(
                ValidationException.class,
                () -> ledger.importOpeningBalances(
                        List.of(new LedgerService.OpeningBalance(education.name(), inside, cny("500"), null)),
                        "opening.csv"));
        assertTrue(opening.userMessage().contains("期初日期：2026-09-30 不晚于已公示的"), opening.userMessage());

        assertEquals(state, state(), "nothing written: no entry, receipt, item, donor, request or audit row");
        assertTrue(ledger.verify().ok());
        assertEquals(published.lastSeq(), ledger.verify().entries(), "the chain ends where the disclosure's code says");

        // the way the sentence shows: dated today, the actual day noted, no receipt number skipped
        LedgerEntry late = ledger.recordDonation(
                firm.id(), general.id(), DAY, cny("100"), LedgerEntry.Channel.CASH, "实际收到日期 2026-09-30");
        assertEquals("2026-000003", late.receiptNo()); // after July's donation and the coats' receipt
        assertSameFigures(published, rebuilt());
    }

    /**
     * A request typed before its quarter was published is approved after: the payment is entered when approved, on
     * the approval day, since its own date now lies in the published quarter; the quarter stays as published.
     */
    @Test
    void aRequestDatedInAPublishedPeriodIsEnteredOnTheDayItIsApproved() {
        home.as(Role.DIRECTOR);
        LedgerEntry paid = ledger.approveRequest(waiting.id(), waiting.version());
        assertEquals(DAY, paid.date(), "entered on the approval day");
        assertEquals(0, cny("-8000").compareTo(paid.amount()));
        assertEquals(List.of(), ledger.pendingRequests(), "approved, not left waiting");
        assertTrue(ledger.verify().ok());
        assertSameFigures(published, rebuilt());
    }

    /** A reversal is dated the day it is made: on a published period's last day it waits until the day after. */
    @Test
    void aReversalIsNeverDatedIntoAPublishedPeriodAndTheQuarterRebuiltIsWhatWasPublished() {
        home.as(Role.FINANCE_OFFICER);
        LedgerEntry october = ledger.recordDonation(
                firm.id(), general.id(), LocalDate.of(2026, 10, 2), cny("999"), LedgerEntry.Channel.CASH, null);
        home.as(Role.DIRECTOR)
                .ctx
                .disclosures()
                .export(LocalDate.of(2026, 10, 1), DAY, dir.resolve("out")); // a period ending today
        String state = state();
        home.as(Role.FINANCE_OFFICER);
        ValidationException today =
                assertThrows(ValidationException.class, () -> ledger.reverse(october.seq(), "金额登记错误"));
        FieldError e = today.errors().get(0);
        assertEquals("date", e.field());
        assertTrue(
                e.message().startsWith("冲销日期：冲销记在今天（2026-10-08），而今天不晚于已公示的 2026-10-01 至 2026-10-08 期间的截止日")
                        && e.message().contains("请在 2026-10-08 之后再冲销"),
                e.message());
        assertThrows(ValidationException.class, () -> ledger.reverse(july.seq(), "捐赠人退款"), "nor an older entry");
        assertEquals(state, state(), "nothing written");

        home.clock.advance(Duration.ofDays(1));
        LedgerEntry reversal = ledger.reverse(july.seq(), "捐赠人退款");
        assertEquals(DAY.plusDays(1), reversal.date(), "in the open period");
        ledger.recordDonation(firm.id(), general.id(), DAY.plusDays(1), cny("50"), LedgerEntry.Channel.CASH, null);
        assertSameFigures(published, rebuilt());
        Disclosure later = home.as(Role.DIRECTOR).ctx.disclosures().build(DAY.plusDays(1), DAY.plusDays(1));
        assertEquals(
                List.of(july.seq()),
                later.corrections().stream()
                        .map(Disclosure.CorrectionLine::reversedSeq)
                        .toList(),
                "the correction of the published quarter is the later period's line");
    }

    /** An entry appended while the disclosure's files were written is one they lack: the publication is refused. */
    @Test
    void anEntryDatedInThePeriodWhileItsDisclosureIsWrittenStopsThePublication() throws Exception {
        home.as(Role.FINANCE_OFFICER);
        LedgerEntry october = ledger.recordDonation(
                firm.id(), general.id(), LocalDate.of(2026, 10, 2), cny("999"), LedgerEntry.Channel.CASH, null);
        home.as(Role.DIRECTOR);
        DonationPapers writeThenAppend = new DonationPapers() {
            @Override
            public void disclosure(Disclosure d, Path xlsx, Path pdf, Path font) throws java.io.IOException {
                Files.writeString(xlsx, "x");
                Files.writeString(pdf, "p");
                ledger.recordDonation(
                        firm.id(), general.id(), LocalDate.of(2026, 10, 3), cny("1"), LedgerEntry.Channel.CASH, null);
            }

            @Override
            public void receipt(Receipt receipt, Path file, Path font) {}
        };
        var dsl = home.ctx.database().dsl();
        DisclosureService racing = new DisclosureService(
                new LedgerRepository(dsl),
                new DisclosureRepository(dsl),
                () -> "滨州市儿童福利院",
                new SettingsRepository(dsl),
                new ServiceContext(new Transactions(dsl), home.ctx.currentUser(), home.ctx.audit(), home.ctx.clock()),
                writeThenAppend);
        Path out = dir.resolve("racing");
        UserFacingException refused = assertThrows(
                UserFacingException.class,
                () -> racing.export(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7), out));
        assertTrue(refused.userMessage().contains("2026-10-01 至 2026-10-07 的公示写出期间"), refused.userMessage());
        assertEquals(1, home.ctx.disclosures().published().size(), "not registered");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(0, files.count(), "its files are gone: no one posts them");
        }
        assertEquals(october.seq() + 1, ledger.verify().entries(), "the entry stands; the publication does not");
    }

    /** The command line's imports go through the same check. */
    @Test
    void theCommandLineImportIsRefusedWithTheSentence() throws Exception {
        home.close();
        Path f = dir.resolve("history.csv");
        Files.writeString(
                f,
                "捐赠日期,捐赠人名称,基金,金额（元）,捐赠方式\r\n2026-09-30,王五," + general.name() + ",50.00,现金\r\n",
                StandardCharsets.UTF_8);
        StringWriter err = new StringWriter();
        CommandLine cl = HuyouCli.commandLine(prompt -> TestHome.PASSWORD.toCharArray(), TestHome.CLOCK);
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        String finance = CareStaff.name(Role.FINANCE_OFFICER);
        assertEquals(
                HuyouCli.USER_ERROR,
                cl.execute(
                        "import-donations", "--data-dir", dir.resolve("home").toString(), "-u", finance, f.toString()));
        assertTrue(
                err.toString().contains("2026-09-30 不晚于已公示的 2026-07-01 至 2026-09-30 期间的截止日")
                        && err.toString().contains(published.verificationCode()),
                err.toString());
        try (AppContext ctx = TestHome.open(dir.resolve("home"))) {
            TestHome.loginAs(ctx, "reader", Role.FINANCE_OFFICER);
            assertEquals(
                    published.lastSeq(),
                    ctx.ledger().entries(Long.MAX_VALUE, 100).size(),
                    "nothing appended");
        }
        home = null; // closed above
    }

    private void assertRefused(LocalDate date, Runnable attempt) {
        ValidationException e = assertThrows(ValidationException.class, attempt::run);
        assertSentence(e.errors().get(0), date.toString());
    }

    private void assertSentence(FieldError e, String date) {
        assertEquals("date", e.field());
        assertTrue(
                e.message()
                                .contains(date + " 不晚于已公示的 2026-07-01 至 2026-09-30 期间的截止日（该期公示的校验码 "
                                        + published.verificationCode() + "）")
                        && e.message().contains("请按 2026-09-30 之后未公示期间的日期登记，把实际日期写在摘要里")
                        && e.message().contains("请冲销，或在以后的期间登记更正"),
                e.message());
    }

    private static final List<String> AUDITED =
            List.of("ledger_entry", "donor", "goods_item", "payment_request", "disclosure");

    /** Everything a refused entry could have left behind, read as the director. */
    private String state() {
        AppContext ctx = home.as(Role.DIRECTOR).ctx;
        var dsl = ctx.database().dsl();
        String s = Stream.of("ledger_entry", "donor", "goods_item", "payment_request", "disclosure")
                .map(t -> t + "=" + dsl.fetchCount(DSL.table(t)))
                .collect(Collectors.joining(" "));
        s += " audited="
                + dsl.fetchCount(DSL.table("audit_log"), DSL.field("entity").in(AUDITED));
        return s + " pending=" + ledger.pendingRequests().size() + " head="
                + ledger.verify().entries();
    }

    private Disclosure rebuilt() {
        return home.as(Role.DIRECTOR).ctx.disclosures().build(Q_FROM, Q_TO);
    }

    /** What the public read: every line and total; the code and the moment of making aside. */
    private static void assertSameFigures(Disclosure was, Disclosure now) {
        Supplier<String> what = () -> was + "\n" + now;
        assertEquals(was.donors(), now.donors(), what);
        assertEquals(was.funds(), now.funds(), what);
        assertEquals(was.uses(), now.uses(), what);
        assertEquals(was.goods(), now.goods(), what);
        assertEquals(was.corrections(), now.corrections(), what);
        assertEquals(was.total(), now.total(), what);
    }

    private static LedgerService.PastDonation past(
            LocalDate date, String donor, String fund, BigDecimal amount, BigDecimal quantity) {
        return new LedgerService.PastDonation(
                date,
                donor,
                null,
                null,
                fund,
                amount,
                fund == null ? null : LedgerEntry.Channel.CASH,
                quantity == null ? null : "冬季棉衣",
                quantity,
                quantity == null ? null : "件",
                null,
                null,
                null,
                null);
    }

    private static BigDecimal cny(String s) {
        return new BigDecimal(s);
    }
}
