package org.huyou.donations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.common.RmbUppercase;
import org.huyou.common.UserFacingException;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.security.AuditFilter;
import org.huyou.security.AuditLog;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The donor's receipt (捐赠收据): Chinese whatever the screen's language, with English beneath; a receipt for goods
 * received as for money; any receipt of the ledger printed again from its entry, marked 补打 with the day, under its
 * own number, audited. Each receipt's figures are those of its ledger entry.
 */
class ReceiptsTest {

    static final LocalDate DAY = LocalDate.of(2026, 10, 8);
    static final String HOME = "滨州市儿童福利院";

    @TempDir
    Path dir;

    CareStaff home;
    LedgerService ledger;
    Path receipts;
    Donor firm;

    @BeforeEach
    void open() {
        home = new CareStaff(dir.resolve("home"), DAY, LocalDate.of(2015, 1, 1));
        home.as(Role.FINANCE_OFFICER);
        ledger = home.ctx.ledger();
        receipts = dir.resolve("receipts");
        firm = ledger.createDonor(
                new NewDonor(Donor.Kind.ENTERPRISE, "滨州鲁北化工有限公司", Donor.Naming.FULL, null, null, null, null));
    }

    @AfterEach
    void close() {
        Messages.use(Messages.CHINESE);
        home.close();
    }

    @Test
    void aReceiptIsChineseWithEnglishBeneathWhateverTheScreensLanguage() throws IOException {
        LedgerEntry e = ledger.recordDonation(
                firm.id(),
                ledger.funds().get(0).id(),
                DAY.minusDays(2),
                new BigDecimal("1234.50"),
                LedgerEntry.Channel.CASH,
                "年终捐赠");
        Messages.use(Messages.ENGLISH); // the finance officer's screen in English
        String text = text(ledger.printReceipt(e.seq(), receipts, HOME));
        Messages.use(Messages.CHINESE);
        // the figures are the entry's: its number, its day, its amount in figures and in capitals
        assertLines(
                text,
                "公益事业捐赠收据",
                "收据编号：" + e.receiptNo(),
                "Receipt number: " + e.receiptNo(),
                "捐赠日期：" + e.date(),
                "捐赠人：滨州鲁北化工有限公司",
                "金额（小写）：¥" + Money.amount(e.amount()),
                "Amount: CNY " + Money.amount(e.amount()),
                "金额（大写）：人民币" + RmbUppercase.of(e.amount()),
                "捐赠方式：现金",
                "Paid by: Cash");
        assertEquals("壹仟贰佰叁拾肆元伍角整", RmbUppercase.of(e.amount()));
        assertTrue(
                text.indexOf("收据编号") < text.indexOf("Receipt number"),
                "the Chinese line first, its English beneath: " + text);
        assertTrue(Files.exists(receipts.resolve("捐赠收据_" + e.receiptNo() + ".pdf")), "named in Chinese too");
        assertFalse(text.contains("补打"), "the receipt issued with the donation is no reprint");
    }

    @Test
    void goodsReceivedGetAReceiptOfTheirOwnNumberListingWhatCame() throws IOException {
        LedgerEntry money = ledger.recordDonation(
                firm.id(), ledger.funds().get(0).id(), DAY, new BigDecimal("500"), LedgerEntry.Channel.CASH, null);
        LedgerEntry coats = ledger.recordGoodsIn(new LedgerService.GoodsIn(
                firm.id(),
                DAY,
                "羽绒服",
                "件",
                GoodsItem.Category.CLOTHING,
                new BigDecimal("30"),
                new BigDecimal("4500.00"),
                LedgerEntry.Condition.NEW,
                null,
                null));
        LedgerEntry milk = ledger.recordGoodsIn(new LedgerService.GoodsIn(
                firm.id(),
                DAY,
                "纯牛奶",
                "箱",
                GoodsItem.Category.FOOD,
                new BigDecimal("12.5"),
                null,
                LedgerEntry.Condition.NEW,
                DAY.plusMonths(6),
                null));
        // one gap-free series of the year for money and goods
        assertEquals(
                List.of("2026-000001", "2026-000002", "2026-000003"),
                List.of(money.receiptNo(), coats.receiptNo(), milk.receiptNo()));

        String coat = text(ledger.printReceipt(coats.seq(), receipts, HOME));
        assertLines(
                coat,
                "收据编号：" + coats.receiptNo(),
                "捐赠人：滨州鲁北化工有限公司",
                "捐赠物资：羽绒服",
                "数量：30 件",
                "Quantity: 30 件",
                "成色：全新",
                "估价（小写）：¥" + Money.amount(coats.goodsValue()),
                "估价（大写）：人民币" + RmbUppercase.of(coats.goodsValue()));
        assertEquals("4,500.00", Money.amount(coats.goodsValue()));
        assertFalse(coat.contains("金额"), "goods are no money received: " + coat);

        String milkText = text(ledger.printReceipt(milk.seq(), receipts, HOME));
        assertLines(milkText, "数量：12.5 箱", "有效期至：" + milk.expiry(), "估价：未登记");
        assertFalse(milkText.contains("¥"), "no value recorded, none printed (never ¥0.00): " + milkText);

        LedgerEntry out =
                ledger.issueGoods(coats.itemId(), DAY, new BigDecimal("10"), LedgerEntry.IssuedTo.LIVING_GROUP, null);
        UserFacingException none =
                assertThrows(UserFacingException.class, () -> ledger.printReceipt(out.seq(), receipts, HOME));
        assertEquals("只有捐款和物资入库分录有收据。", none.userMessage());
    }

    @Test
    void anyReceiptIsReprintedFromItsEntryMarkedWithTheDayUnderTheSameNumberAndAudited() throws IOException {
        LedgerEntry first = ledger.recordDonation(
                firm.id(),
                ledger.funds().get(0).id(),
                DAY.minusDays(9),
                new BigDecimal("800"),
                LedgerEntry.Channel.CASH,
                null);
        Path original = ledger.printReceipt(first.seq(), receipts, HOME);
        byte[] originalBytes = Files.readAllBytes(original);
        LedgerEntry later = ledger.recordDonation(
                firm.id(), ledger.funds().get(0).id(), DAY, new BigDecimal("60"), LedgerEntry.Channel.WECHAT_PAY, null);
        home.clock.advance(java.time.Duration.ofDays(3));

        // not only the last one: the first, from its entry
        Path reprint = ledger.reprintReceipt(first.seq(), receipts, HOME);
        Path again = ledger.reprintReceipt(first.seq(), receipts, HOME);
        assertNotEquals(original, reprint);
        assertNotEquals(reprint, again, "a second reprint never overwrites the first");
        assertArrayEquals(originalBytes, Files.readAllBytes(original), "the original is left as it was");
        String text = text(reprint);
        assertLines(
                text,
                "补打 · 补打日期：" + DAY.plusDays(3) + "（收据编号不变）",
                "Reprint, made on " + DAY.plusDays(3),
                "收据编号：" + first.receiptNo(),
                "捐赠日期：" + first.date(),
                "金额（小写）：¥" + Money.amount(first.amount()),
                "金额（大写）：人民币" + RmbUppercase.of(first.amount()));
        assertEquals(
                List.of(first.receiptNo(), later.receiptNo()),
                ledger.entries(Long.MAX_VALUE, 10).stream()
                        .filter(x -> x.receiptNo() != null)
                        .map(LedgerEntry::receiptNo)
                        .sorted()
                        .toList(),
                "a reprint takes no new number");

        home.as(Role.ADMINISTRATOR);
        assertEquals(
                2,
                home.ctx
                        .audit()
                        .count(new AuditFilter(
                                null, AuditLog.EXPORT, "ledger_entry", String.valueOf(first.seq()), null, null)),
                "each reprint is audited");
    }

    @Test
    void aReversedDonationsReceiptIsNotReprinted() {
        LedgerEntry e = ledger.recordDonation(
                firm.id(),
                ledger.funds().get(0).id(),
                DAY.minusDays(1),
                new BigDecimal("300"),
                LedgerEntry.Channel.CASH,
                null);
        ledger.reverse(e.seq(), "金额录错，应为三千元");
        UserFacingException refused =
                assertThrows(UserFacingException.class, () -> ledger.reprintReceipt(e.seq(), receipts, HOME));
        assertEquals("收据 " + e.receiptNo() + " 的捐赠已冲销，不再补打收据。", refused.userMessage());
    }

    /** Goods recorded before they had receipts (or brought by a move-in) keep their entry: no number is made up. */
    @Test
    void anEntryWithoutAReceiptNumberIsNotReprintedAndTheSentenceSaysWhy() {
        LedgerEntry old = LedgerEntry.builder()
                .seq(17)
                .date(DAY)
                .kind(LedgerEntry.Kind.GOODS_IN)
                .donorId(firm.id())
                .itemId(1L)
                .quantity(new BigDecimal("5"))
                .build();
        assertEquals(
                "账簿第 17 条分录登记时没有收据编号（物资收据启用之前或迁入时登记），不能补打；如需收据，请按原登记开具纸质收据。",
                LedgerService.whyNoReceipt(old, false).userMessage());
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Each expected text stands on a line of its own page text (whole lines: a figure is not part of another). */
    private static void assertLines(String text, String... expected) {
        List<String> lines = text.lines().map(String::strip).toList();
        for (String e : expected) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(e)), "\"" + e + "\" in:\n" + text);
        }
    }
}
