package org.huyou.donations.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huyou.common.Messages;
import org.huyou.common.ui.DirectTaskRunner;
import org.huyou.donations.Donor;
import org.huyou.donations.Fund;
import org.huyou.donations.GoodsItem;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The payment and goods forms and the ledger tab without controls, on one home's real ledger: what each save sends,
 * what it clears, what is refused by name before the service is asked, and what the ledger's load hands the forms.
 */
class DonationFormsViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 10, 12);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, Role.FINANCE_OFFICER);

    final HeardNotices heard = home.heard;
    List<String> refreshed = new ArrayList<>();
    Donor donor;
    LedgerViewModel ledger;
    UseViewModel use;
    GoodsViewModel goods;

    @BeforeEach
    void open() {
        donor = home.ctx()
                .ledger()
                .createDonor(new NewDonor(Donor.Kind.ENTERPRISE, "滨州爱心企业", Donor.Naming.FULL, null, null, null, null));
        home.ctx()
                .ledger()
                .recordDonation(
                        donor.id(),
                        home.ctx().ledger().funds().get(0).id(),
                        DAY.minusDays(5),
                        new BigDecimal("9000"),
                        LedgerEntry.Channel.BANK_TRANSFER,
                        null);
        DirectTaskRunner tasks = home.tasks;
        use = new UseViewModel(home.ctx().ledger(), tasks, heard, DAY, () -> refreshed.add("use"));
        Receipts receipts = new Receipts(home.dir().resolve("receipts"), () -> "滨州市儿童福利院");
        goods = new GoodsViewModel(home.ctx().ledger(), tasks, heard, DAY, receipts, () -> refreshed.add("goods"));
        ledger = new LedgerViewModel(home.ctx().ledger(), tasks, heard, receipts, l -> {
            use.funds(l.funds());
            goods.lists(l.stock(), l.expiring());
        });
        ledger.refresh();
    }

    @Test
    void theLedgersLoadNamesItsEntriesCountsThemAndGivesTheFormsTheirChoices() {
        assertEquals(1, ledger.entries().size());
        LedgerEntry e = ledger.entries().get(0);
        assertEquals("滨州爱心企业", ledger.donorName(e));
        assertEquals(home.ctx().ledger().funds().get(0).name(), ledger.fundOrItem(e));
        assertEquals("账簿完整：1 条分录，哈希链校验通过。", ledger.statusProperty().get());
        assertFalse(ledger.brokenProperty().get());
        assertEquals(home.ctx().ledger().funds().get(0), use.fund.get(), "the first fund is chosen to begin with");
        assertEquals(home.ctx().ledger().funds(), use.fundList());
        assertTrue(
                use.limitHintProperty().get().contains("5,000.00"),
                use.limitHintProperty().get());
    }

    @Test
    void anEmptyCodeIsRefusedBesideTheFieldAndAnEntryIsReversedWithItsReason() {
        assertFalse(ledger.checkCode());
        assertEquals("请先输入公示上印的校验码。", ledger.codeResultProperty().get());
        assertEquals(List.of(), heard.errors, "said beside the field, not in a dialog");
        ledger.selectedProperty().set(ledger.entries().get(0));
        ledger.reverse("金额录错，应为 900 元");
        assertEquals(List.of(), heard.errors);
        assertEquals(2, ledger.entries().size(), "the ledger is loaded again with the reversal");
        assertEquals(LedgerEntry.Kind.REVERSAL, ledger.entries().get(0).kind());
    }

    @Test
    void aPaymentWithinTheLimitIsRecordedAndOneAboveItBecomesARequest() {
        use.amount.set("");
        use.fund.set(null);
        use.record(f -> Optional.empty(), () -> refreshed.add("then"));
        assertEquals(List.of("请先选择支出的基金。"), heard.errors);
        use.fund.set(use.fundList().get(0));
        use.amount.set("一百");
        use.record(f -> Optional.empty(), () -> refreshed.add("then"));
        assertEquals("金额（元）：“一百”不是有效的金额，请写成 1234.50 或 1,234.50 这样的数字。", heard.last());
        assertEquals("一百", use.amount.get());

        use.amount.set("1,200");
        use.purpose.set(Fund.Purpose.EDUCATION);
        use.payee.set("新华书店");
        use.voucher.set("PZ-7");
        use.note.set("课本");
        use.record(f -> Optional.empty(), () -> refreshed.add("then"));
        LedgerEntry paid = home.ctx().ledger().entries(Long.MAX_VALUE, 1).get(0);
        assertEquals("已登记支出，分录号 " + paid.seq() + "。", use.resultProperty().get(), heard.errors.toString());
        assertEquals(0, new BigDecimal("1200").compareTo(paid.amount().abs()), "paid out: " + paid.amount());
        assertEquals("新华书店", paid.payee());
        assertEquals("课本", paid.description());
        assertEquals(List.of("use", "then"), refreshed);
        assertEquals("", use.amount.get());
        assertEquals("", use.voucher.get());
        assertEquals("新华书店", use.payee.get(), "the payee stays for the next payment");

        use.amount.set("6000");
        use.record(f -> Optional.empty(), () -> {});
        assertTrue(
                use.resultProperty().get().startsWith("金额 6,000.00 元超过审批限额"),
                use.resultProperty().get());
    }

    @Test
    void goodsAreReceivedFromTheDonorChosenAndIssuedFromStock() {
        goods.item.set("羽绒服");
        goods.unit.set("件");
        goods.quantity.set("30");
        goods.receive(() -> refreshed.add("then"));
        assertEquals(List.of(Messages.t("donation.chooseDonorAndFund")), heard.errors);
        goods.donor.set(donor);
        goods.quantity.set("三十");
        goods.receive(() -> refreshed.add("then"));
        assertEquals("数量：“三十”不是有效的数字，请写成 12 或 12.5 这样的数字。", heard.last());
        assertEquals(List.of(), refreshed);

        goods.quantity.set("30");
        goods.value.set("3000");
        goods.category.set(GoodsItem.Category.CLOTHING);
        goods.receive(() -> refreshed.add("then"));
        assertEquals(List.of("goods", "then"), refreshed, heard.errors.toString());
        assertEquals("", goods.item.get());
        assertEquals("", goods.quantity.get());
        assertEquals("件", goods.unit.get(), "the unit stays for the next one");
        assertNull(goods.expiry.get());
        ledger.refresh();
        assertEquals(1, goods.issuable().size());
        assertEquals("羽绒服（件）", ledger.fundOrItem(ledger.entries().get(0)));
        LedgerEntry received = ledger.entries().get(0);
        // the donor of the goods is owed a receipt: written as they are recorded, under the next number
        String written = Messages.t(
                "goods.receiptWritten",
                received.receiptNo(),
                home.dir().resolve("receipts").resolve("捐赠收据_" + received.receiptNo() + ".pdf"));
        assertTrue(heard.said.contains(written), heard.said.toString());
        assertNull(ledger.whyNoReceipt(received), "its receipt can be printed again from the ledger");

        goods.issueItem.set(goods.issuable().get(0));
        goods.issueQuantity.set("12");
        goods.issue(() -> refreshed.add("issued"));
        assertEquals(List.of(), heard.errors.subList(2, heard.errors.size()));
        ledger.refresh();
        assertEquals(0, new BigDecimal("18").compareTo(goods.stock().get(0).quantity()));
        assertEquals("", goods.issueQuantity.get());
        assertEquals("只有捐款和物资入库分录有收据。", ledger.whyNoReceipt(ledger.entries().get(0)), "goods issued: none");
    }

    /** A code the ledger holds but no disclosure was published with is said plainly; a published one is named. */
    @Test
    void aCheckedCodeIsNamedByItsPublishedDisclosureOrSaidToBelongToNone() {
        LedgerEntry last = home.ctx().ledger().entries(Long.MAX_VALUE, 1).get(0);
        String code = last.seq() + "-" + last.hash();
        ledger.code.set(code);
        assertTrue(ledger.checkCode());
        assertEquals(
                "本院没有以这个校验码发布过公示：账簿第 1 条分录虽有此哈希，但已发布的公示中没有它，所以它不能证明任何公示未被改动。" + "请核对是否抄错，或这份公示是否确由本院发布。",
                ledger.codeResultProperty().get());
        assertTrue(ledger.codeRefusedProperty().get(), "shown as a warning, not a match");

        home.as(Role.DIRECTOR);
        home.ctx()
                .disclosures()
                .export(DAY.minusDays(10), DAY.minusDays(1), home.dir().resolve("out"));
        assertTrue(ledger.checkCode());
        String said = ledger.codeResultProperty().get();
        assertTrue(said.startsWith("校验码相符：这是2026-10-02 至 2026-10-11 的公示（2026-10-12 "), said);
        assertTrue(said.contains("由 director 发布）的校验码；账簿中第 1 条分录的哈希与它一致"), said);
        // what was verified is the ledger behind the disclosure, not the figures of a copy: the code signs no file
        assertTrue(said.contains("编制该公示时的账簿（第 1 至 1 条分录）此后未被改动"), said);
        assertTrue(said.contains("不是公示文件的签名"), said);
        assertFalse(said.contains("公示的数据未被改动"), said);
        assertFalse(ledger.codeRefusedProperty().get());
        assertEquals(List.of(), heard.errors);

        // one character copied wrong is a slip, said as the command line says it, not "the ledger contradicts"
        char lastChar = code.charAt(code.length() - 1);
        String slipped = code.substring(0, code.length() - 1) + (lastChar == '0' ? '1' : '0');
        ledger.code.set(slipped);
        assertTrue(ledger.checkCode());
        assertEquals(
                home.ctx().ledger().codeSlip(slipped).orElseThrow().sentence(),
                ledger.codeResultProperty().get());
        assertTrue(ledger.codeResultProperty().get().contains("多半是抄错了，并非账簿被改动"));
        assertTrue(ledger.codeRefusedProperty().get(), "still not a match");
        assertEquals(List.of(), heard.errors);
    }
}
