package org.huyou.donations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.huyou.common.ValidationException;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.security.AuditEntry;
import org.huyou.security.AuditFilter;
import org.huyou.security.AuditLog;
import org.huyou.security.PermissionDeniedException;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quarter's disclosure: figures reconcile to the cent with the ledger, donors appear as they wished, and the
 * exported XLSX and PDF read back (with real readers) carry the totals, the period and the verification code and no
 * resident's name.
 */
class DisclosureTest {

    static final LocalDate DAY = LocalDate.of(2026, 10, 8);
    static final LocalDate Q_FROM = LocalDate.of(2026, 7, 1);
    static final LocalDate Q_TO = LocalDate.of(2026, 9, 30);

    @TempDir
    Path dir;

    CareStaff home;

    @BeforeEach
    void open() {
        home = new CareStaff(dir.resolve("home"), DAY, LocalDate.of(2015, 1, 1));
        home.as(Role.FINANCE_OFFICER);
        LedgerService ledger = home.ctx.ledger();
        Fund general = ledger.funds().get(0);
        Fund education = ledger.funds().get(1);
        Donor zhang = ledger.createDonor(
                new NewDonor(Donor.Kind.INDIVIDUAL, "张明华", Donor.Naming.MASKED, null, null, null, null));
        Donor firm = ledger.createDonor(
                new NewDonor(Donor.Kind.ENTERPRISE, "滨州鲁北化工有限公司", Donor.Naming.FULL, null, null, null, null));
        Donor quiet = ledger.createDonor(
                new NewDonor(Donor.Kind.INDIVIDUAL, "李不留名", Donor.Naming.ANONYMOUS, null, null, null, null));
        Donor nobody =
                ledger.createDonor(new NewDonor(Donor.Kind.ANONYMOUS, null, Donor.Naming.FULL, null, null, null, null));
        ledger.recordDonation(
                firm.id(),
                general.id(),
                LocalDate.of(2026, 6, 20),
                new BigDecimal("10000"),
                LedgerEntry.Channel.BANK_TRANSFER,
                null); // before the quarter: opening balance
        ledger.recordDonation(
                zhang.id(),
                education.id(),
                LocalDate.of(2026, 7, 5),
                new BigDecimal("3000"),
                LedgerEntry.Channel.WECHAT_PAY,
                null);
        ledger.recordDonation(
                firm.id(),
                general.id(),
                LocalDate.of(2026, 8, 1),
                new BigDecimal("20000.50"),
                LedgerEntry.Channel.BANK_TRANSFER,
                null);
        ledger.recordDonation(
                quiet.id(),
                general.id(),
                LocalDate.of(2026, 8, 9),
                new BigDecimal("500"),
                LedgerEntry.Channel.CASH,
                null);
        ledger.recordDonation(
                nobody.id(),
                general.id(),
                LocalDate.of(2026, 9, 9),
                new BigDecimal("200"),
                LedgerEntry.Channel.CASH,
                null);
        ledger.recordUse(new Payment(
                education.id(),
                LocalDate.of(2026, 9, 1),
                new BigDecimal("1200"),
                Fund.Purpose.EDUCATION,
                "秋季学费",
                "第二中学",
                "PZ-1"));
        ledger.recordUse(new Payment(
                general.id(),
                LocalDate.of(2026, 9, 2),
                new BigDecimal("2345.67"),
                Fund.Purpose.LIVING,
                "冬衣",
                "商场",
                "PZ-2"));
        LedgerEntry milk = ledger.recordGoodsIn(new LedgerService.GoodsIn(
                firm.id(),
                LocalDate.of(2026, 7, 20),
                "纯牛奶",
                "箱",
                GoodsItem.Category.FOOD,
                new BigDecimal("50"),
                new BigDecimal("3000"),
                LedgerEntry.Condition.NEW,
                LocalDate.of(2027, 1, 20),
                null));
        ledger.issueGoods(
                milk.itemId(), LocalDate.of(2026, 8, 1), new BigDecimal("30"), LedgerEntry.IssuedTo.KITCHEN, null);
        ledger.recordDonation(
                firm.id(),
                general.id(),
                LocalDate.of(2026, 10, 2),
                new BigDecimal("999"),
                LedgerEntry.Channel.CASH,
                null); // after the quarter: not in it
    }

    @AfterEach
    void close() {
        home.close();
    }

    @Test
    void theQuarterReconcilesAndNamesDonorsAsTheyWished() {
        assertThrowsDenied();
        home.as(Role.DIRECTOR);
        Disclosure d = home.ctx.disclosures().build(Q_FROM, Q_TO);
        Disclosure.FundLine total = d.total();
        assertEquals(new BigDecimal("10000.00"), total.opening());
        assertEquals(new BigDecimal("23700.50"), total.received());
        assertEquals(new BigDecimal("3545.67"), total.used());
        assertEquals(new BigDecimal("30154.83"), total.closing());
        assertEquals(
                0, total.opening().add(total.received()).subtract(total.used()).compareTo(total.closing()));
        List<String> names =
                d.donors().stream().map(Disclosure.DonorLine::publicName).toList();
        assertEquals(List.of("滨州鲁北化工有限公司", "张*", "爱心人士"), names);
        assertEquals(new BigDecimal("700.00"), d.donors().get(2).amount(), "both unnamed donors under one name");
        Disclosure.GoodsLine milk = d.goods().get(0);
        assertEquals(0, new BigDecimal("20").compareTo(milk.closing()));
        assertEquals(home.ctx.ledger().verify().headHash(), d.lastHash());
    }

    /**
     * Donors merged under one public name (two 李*, the unnamed 爱心人士) take the place of their sum: largest first,
     * equal sums by pinyin (爱 ai before 安 an), as the tester expected (爱心人士 after a smaller 李* was wrong).
     */
    @Test
    void donorsAreListedByTheirMergedSumThenByPinyin() throws Exception {
        LedgerService ledger = home.ctx.ledger();
        Fund general = ledger.funds().get(0);
        Donor li1 = ledger.createDonor(
                new NewDonor(Donor.Kind.INDIVIDUAL, "李甲", Donor.Naming.MASKED, null, null, null, null));
        Donor li2 = ledger.createDonor(
                new NewDonor(Donor.Kind.INDIVIDUAL, "李乙", Donor.Naming.MASKED, null, null, null, null));
        Donor an = ledger.createDonor(
                new NewDonor(Donor.Kind.ORGANISATION, "安心协会", Donor.Naming.FULL, null, null, null, null));
        ledger.recordDonation(
                li1.id(),
                general.id(),
                LocalDate.of(2026, 7, 10),
                new BigDecimal("600"),
                LedgerEntry.Channel.CASH,
                null);
        ledger.recordDonation(
                li2.id(),
                general.id(),
                LocalDate.of(2026, 7, 11),
                new BigDecimal("2500"),
                LedgerEntry.Channel.CASH,
                null);
        ledger.recordDonation(
                an.id(),
                general.id(),
                LocalDate.of(2026, 7, 12),
                new BigDecimal("700"),
                LedgerEntry.Channel.CASH,
                null);
        home.as(Role.DIRECTOR);
        Disclosure d = home.ctx.disclosures().build(Q_FROM, Q_TO);
        assertEquals(
                List.of("滨州鲁北化工有限公司 20000.50", "李* 3100.00", "张* 3000.00", "爱心人士 700.00", "安心协会 700.00"),
                d.donors().stream().map(l -> l.publicName() + " " + l.amount()).toList());

        DisclosureService.Exported out = home.ctx.disclosures().export(Q_FROM, Q_TO, dir.resolve("out"));
        String text;
        try (PDDocument pdf = Loader.loadPDF(out.pdf().toFile())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertTrue(
                text.indexOf("李*") < text.indexOf("张*")
                        && text.indexOf("张*") < text.indexOf("爱心人士")
                        && text.indexOf("爱心人士") < text.indexOf("安心协会"),
                "the PDF lists them in the same order: " + text);
    }

    @Test
    void aDonationsReceiptPrintsItsNumberAndTheAmountInCapitals() throws Exception {
        LedgerEntry e = home.ctx.ledger().entries(Long.MAX_VALUE, 100).stream()
                .filter(x ->
                        x.kind() == LedgerEntry.Kind.DONATION && x.amount().compareTo(new BigDecimal("20000.50")) == 0)
                .findFirst()
                .orElseThrow();
        Path file = home.ctx.ledger().printReceipt(e.seq(), dir.resolve("receipts"), "滨州市儿童福利院");
        String text;
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertTrue(text.contains(e.receiptNo()), text);
        assertTrue(text.contains("贰万元伍角整"), text);
        assertTrue(text.contains("滨州鲁北化工有限公司"), "the donor's own copy names them in full");
    }

    @Test
    void theCalendarSaysWhenADisclosureIsDueUntilOneCoversThePeriod() {
        home.as(Role.DIRECTOR);
        DisclosureService ds = home.ctx.disclosures();
        assertEquals(DisclosureService.Schedule.QUARTERLY, ds.schedule());
        LocalDate[] due = ds.due().orElseThrow();
        assertEquals(List.of(Q_FROM, Q_TO), List.of(due));
        ds.export(Q_FROM, Q_TO, dir.resolve("out"));
        assertTrue(ds.due().isEmpty(), "the third quarter is published");
        ds.setSchedule(DisclosureService.Schedule.MONTHLY);
        assertTrue(ds.due().isEmpty(), "September is inside the published quarter");
        ds.setSchedule(DisclosureService.Schedule.YEARLY);
        assertEquals(
                List.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)),
                List.of(ds.due().orElseThrow()));
    }

    @Test
    void foodExpiringWithinThirtyDaysIsListedWhileInStock() {
        LedgerService ledger = home.ctx.ledger();
        Donor d = ledger.donors(null, 10).get(0);
        LedgerEntry bread = ledger.recordGoodsIn(new LedgerService.GoodsIn(
                d.id(),
                DAY,
                "面包",
                "袋",
                GoodsItem.Category.FOOD,
                new BigDecimal("10"),
                null,
                LedgerEntry.Condition.NEW,
                DAY.plusDays(5),
                null));
        assertEquals(
                List.of("面包"),
                ledger.expiringGoods().stream().map(x -> x.item().name()).toList(),
                "the milk expires in January: not yet");
        ledger.issueGoods(bread.itemId(), DAY, new BigDecimal("10"), LedgerEntry.IssuedTo.KITCHEN, null);
        assertTrue(ledger.expiringGoods().isEmpty(), "all eaten");
    }

    /** Goods past their expiry are counted apart from what can be issued; the expiring list adds up to the stock. */
    @Test
    void expiredGoodsAreCountedApartAndTheExpiringListAgreesWithTheStock() {
        LedgerService ledger = home.ctx.ledger();
        Donor d = ledger.donors(null, 10).get(0);
        LedgerEntry old = ledger.recordGoodsIn(new LedgerService.GoodsIn(
                d.id(),
                DAY.minusDays(5),
                "酸奶",
                "盒",
                GoodsItem.Category.FOOD,
                new BigDecimal("10"),
                null,
                LedgerEntry.Condition.NEW,
                DAY.minusDays(1),
                null));
        ledger.recordGoodsIn(new LedgerService.GoodsIn(
                d.id(),
                DAY.minusDays(2),
                "酸奶",
                "盒",
                GoodsItem.Category.FOOD,
                new BigDecimal("5"),
                null,
                LedgerEntry.Condition.NEW,
                DAY.plusDays(10),
                null));
        LedgerService.Stock yoghurt = ledger.stock(null).stream()
                .filter(s -> s.item().id() == old.itemId())
                .findFirst()
                .orElseThrow();
        assertEquals(0, new BigDecimal("15").compareTo(yoghurt.quantity()));
        assertEquals(0, new BigDecimal("10").compareTo(yoghurt.expired()), "expired yesterday");
        assertEquals(0, new BigDecimal("5").compareTo(yoghurt.issuable()));
        assertEquals(0, yoghurt.quantity().compareTo(expiringOf(ledger, old.itemId())), "the list adds up to stock");

        org.huyou.common.UserFacingException refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.huyou.common.UserFacingException.class,
                () -> ledger.issueGoods(old.itemId(), DAY, new BigDecimal("6"), LedgerEntry.IssuedTo.KITCHEN, null));
        assertTrue(refused.userMessage().contains("过保质期"), refused.userMessage());
        ledger.issueGoods(old.itemId(), DAY, new BigDecimal("5"), LedgerEntry.IssuedTo.KITCHEN, null);
        yoghurt = ledger.stock(null).stream()
                .filter(s -> s.item().id() == old.itemId())
                .findFirst()
                .orElseThrow();
        assertEquals(0, new BigDecimal("10").compareTo(yoghurt.expired()), "the fresh ones went to the kitchen");
        assertEquals(0, yoghurt.issuable().signum());
        assertEquals(0, yoghurt.quantity().compareTo(expiringOf(ledger, old.itemId())));
    }

    private static BigDecimal expiringOf(LedgerService ledger, long itemId) {
        return ledger.expiringGoods().stream()
                .filter(x -> x.item().id() == itemId)
                .map(ExpiringGoods::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private void assertThrowsDenied() {
        org.junit.jupiter.api.Assertions.assertThrows(
                PermissionDeniedException.class,
                () -> home.ctx.disclosures().build(Q_FROM, Q_TO),
                "finance records; the director exports");
    }

    @Test
    void aPeriodNotYetEndedIsNotPublished() throws Exception {
        home.as(Role.DIRECTOR);
        java.time.LocalDate today = java.time.LocalDate.now(home.ctx.clock());
        org.huyou.common.ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.huyou.common.ValidationException.class,
                () -> home.ctx.disclosures().export(today.withDayOfMonth(1), today.plusDays(1), dir.resolve("early")));
        assertEquals("to", e.errors().get(0).field());
        assertTrue(home.ctx.disclosures().published().isEmpty(), "nothing registered");
        assertTrue(!Files.exists(dir.resolve("early")), "nothing written");
    }

    @Test
    void theExportedFilesReadBackWithTheTotalsPeriodAndCode() throws Exception {
        home.as(Role.DIRECTOR);
        DisclosureService.Exported out = home.ctx.disclosures().export(Q_FROM, Q_TO, dir.resolve("out"));
        String code = out.disclosure().verificationCode();

        BigDecimal receivedCell = null;
        try (InputStream in = Files.newInputStream(out.xlsx());
                ReadableWorkbook wb = new ReadableWorkbook(in);
                Stream<Row> rows = wb.getFirstSheet().openStream()) {
            for (Row r : (Iterable<Row>) rows::iterator) {
                if (r.getCellCount() >= 3 && "合计".equals(r.getCellText(0))) {
                    assertEquals(CellType.NUMBER, r.getCell(2).getType(), "a real number cell, not text");
                    receivedCell = r.getCellAsNumber(2).orElseThrow();
                }
            }
        }
        assertEquals(0, new BigDecimal("23700.50").compareTo(receivedCell));

        String text;
        try (PDDocument pdf = Loader.loadPDF(out.pdf().toFile())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertTrue(text.contains("2026-07-01") && text.contains("2026-09-30"), text);
        assertTrue(text.contains("23,700.50"), "the total received");
        assertTrue(text.contains("30,154.83"), "the closing balance");
        assertTrue(text.contains(code), "the verification code");
        assertTrue(text.contains("核对方法") && text.contains("verify-ledger --code"), "how a reader checks it");
        assertTrue(text.contains("张*") && text.contains("爱心人士"));
        for (String moneyHeader : List.of("期初余额（元）", "本期收入（元）", "本期使用（元）", "期末（元）", "金额（元）", "估价（元）")) {
            assertTrue(text.contains(moneyHeader), "every money column says its unit: " + moneyHeader);
        }
        assertFalse(text.contains("张明华") || text.contains("李不留名"), "names kept private as wished");
        assertFalse(text.contains(home.child.name()), "no resident in a disclosure");
        assertEquals(1, home.ctx.disclosures().published().size());
        assertEquals(code, home.ctx.disclosures().published().get(0).verificationCode());
    }

    /**
     * Publishing a period again is explicit: refused in a sentence naming the earlier publication, allowed only as a
     * correction with its reason, which supersedes the earlier one in the register (both kept, audited) and is
     * written beside its files, never over them.
     */
    @Test
    void aPeriodPublishedAgainIsRefusedUnlessCorrectedWithAReasonAndBothStay() throws Exception {
        home.as(Role.DIRECTOR);
        DisclosureService ds = home.ctx.disclosures();
        Path out = dir.resolve("out");
        DisclosureService.Exported first = ds.export(Q_FROM, Q_TO, out);
        byte[] firstPdf = Files.readAllBytes(first.pdf());
        byte[] firstXlsx = Files.readAllBytes(first.xlsx());
        for (String noReason : new String[] {null, "  "}) {
            ValidationException again = assertThrows(
                    ValidationException.class, () -> ds.export(Q_FROM, Q_TO, out, noReason), "twice without asking");
            assertEquals("reason", again.errors().get(0).field());
            String sentence = again.errors().get(0).message();
            assertTrue(sentence.startsWith("该期间（2026-07-01 至 2026-09-30）已于 2026-10-08 "), sentence);
            assertTrue(
                    sentence.contains("由 director 公示")
                            && sentence.contains(first.disclosure().verificationCode()),
                    sentence);
        }
        assertEquals(1, ds.published().size(), "the refusal registers nothing");
        assertEquals(2, files(out), "and writes nothing");

        // the reason is printed on the correction: one key held down or a word is none
        for (String noWords : new String[] {"aaaaaa", "更正"}) {
            ValidationException refused =
                    assertThrows(ValidationException.class, () -> ds.export(Q_FROM, Q_TO, out, noWords), noWords);
            assertEquals("reason", refused.errors().get(0).field());
        }
        assertEquals(1, ds.published().size(), "a refused reason registers nothing");
        assertEquals(2, files(out), "and writes nothing");

        DisclosureService.Exported corrected = ds.export(Q_FROM, Q_TO, out, "捐赠人署名更正");
        assertEquals(first.pdf().getParent(), corrected.pdf().getParent());
        assertTrue(!corrected.pdf().equals(first.pdf()) && !corrected.xlsx().equals(first.xlsx()));
        assertEquals(4, files(out), "both publications' files");
        assertTrue(Arrays.equals(firstPdf, Files.readAllBytes(first.pdf())), "the published PDF is untouched");
        assertTrue(Arrays.equals(firstXlsx, Files.readAllBytes(first.xlsx())), "the published workbook too");
        List<PublishedDisclosure> register = ds.published();
        assertEquals(2, register.size());
        PublishedDisclosure later = register.get(0);
        PublishedDisclosure earlier = register.get(1);
        assertEquals(first.pdf().toString(), earlier.pdf());
        assertEquals(corrected.pdf().toString(), later.pdf());
        assertEquals(earlier.id(), later.supersedes());
        assertEquals("捐赠人署名更正", later.correctionReason());
        assertEquals(later.id(), earlier.supersededBy());
        assertTrue(!later.superseded());
        assertEquals(earlier.id(), corrected.supersedes().orElseThrow().id());
        List<AuditEntry> audited =
                home.ctx.audit().browse(new AuditFilter(null, AuditLog.EXPORT, "disclosure", null, null, null), 10);
        assertEquals(2, audited.size());
        assertTrue(audited.stream().anyMatch(a -> a.summary().contains("捐赠人署名更正")), audited.toString());

        ValidationException nothing = assertThrows(
                ValidationException.class,
                () -> ds.export(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30), out, "更正"));
        assertEquals("reason", nothing.errors().get(0).field());
        assertEquals(2, ds.published().size());
    }

    /** A verification code is named by the published disclosure it belongs to, or said plainly to belong to none. */
    @Test
    void aCodeIsNamedByThePublishedDisclosureItBelongsToOrByNone() {
        home.as(Role.DIRECTOR);
        LedgerService ledger = home.ctx.ledger();
        LedgerEntry last = ledger.entries(Long.MAX_VALUE, 1).get(0);
        String headCode = last.seq() + "-" + last.hash();
        assertTrue(ledger.verifyCode(headCode).ok(), "the ledger holds it");
        assertEquals(List.of(), ledger.disclosuresWithCode(headCode), "but no disclosure was published with it");

        DisclosureService.Exported e = home.ctx.disclosures().export(Q_FROM, Q_TO, dir.resolve("out"));
        assertEquals(headCode, e.disclosure().verificationCode());
        List<PublishedDisclosure> named = ledger.disclosuresWithCode(" " + headCode.toUpperCase() + " ");
        assertEquals(1, named.size());
        assertEquals(
                List.of(Q_FROM, Q_TO, "director"),
                List.of(named.get(0).from(), named.get(0).to(), named.get(0).madeBy()));
        assertTrue(
                named.get(0).describe().startsWith("2026-07-01 至 2026-09-30 的公示（2026-10-08 "),
                named.get(0).describe());
        assertEquals(List.of(), ledger.disclosuresWithCode("1-" + last.hash()), "another entry: none");
    }

    /**
     * The chain itself refuses an entry dated in a published period, whatever path appends it: a path added later
     * that forgets the check (here the demo's seed, which checks nothing) still cannot change a published disclosure.
     */
    @Test
    void theChainRefusesAnEntryIntoAPublishedPeriodWhicheverPathAppendsIt() {
        home.as(Role.DIRECTOR);
        Disclosure published =
                home.ctx.disclosures().export(Q_FROM, Q_TO, dir.resolve("out")).disclosure();
        LedgerService ledger = home.ctx.ledger();
        long entries = ledger.verify().entries();
        for (LedgerEntry.Kind kind : new LedgerEntry.Kind[] {LedgerEntry.Kind.DONATION, LedgerEntry.Kind.REVERSAL}) {
            LedgerEntry draft = LedgerEntry.builder()
                    .date(Q_TO)
                    .kind(kind)
                    .fundId(ledger.funds().get(0).id())
                    .amount(new BigDecimal("1"))
                    .donorId(ledger.donors(null, 1).get(0).id())
                    .channel(LedgerEntry.Channel.CASH)
                    .createdAt(DAY.atStartOfDay())
                    .createdBy("director")
                    .build();
            ValidationException e = assertThrows(ValidationException.class, () -> ledger.seed(draft, false));
            assertEquals("date", e.errors().get(0).field());
            assertTrue(e.userMessage().contains(published.verificationCode()), e.userMessage());
        }
        assertEquals(entries, ledger.verify().entries(), "nothing appended");
        assertEquals(
                published.funds(), home.ctx.disclosures().build(Q_FROM, Q_TO).funds());
    }

    private static long files(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.count();
        }
    }
}
