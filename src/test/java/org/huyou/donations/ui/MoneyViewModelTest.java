package org.huyou.donations.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huyou.common.Messages;
import org.huyou.donations.Donor;
import org.huyou.donations.LedgerEntry;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The money donation form's rules without controls: the synchronous task runner and the real ledger of a home. */
class MoneyViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 10, 12);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, Role.FINANCE_OFFICER);

    final HeardNotices heard = home.heard;
    List<String> refreshed = new ArrayList<>();
    MoneyViewModel vm;

    @BeforeEach
    void open() {
        vm = new MoneyViewModel(
                home.ctx().ledger(),
                home.tasks,
                heard,
                DAY,
                home.dir().resolve("receipts"),
                () -> "测试福利院",
                () -> refreshed.add("refreshed"));
        vm.funds(home.ctx().ledger().funds());
    }

    Donor addDonor(String name) {
        vm.newDonorName.set(name);
        vm.newDonorKind.set(Donor.Kind.ENTERPRISE);
        vm.newDonorPhone.set("05431234567");
        vm.addDonor();
        return vm.donor.get();
    }

    @Test
    void aDonorAddedIsChosenHereAndForTheOtherFormsAndTheRowIsCleared() {
        assertEquals(home.ctx().ledger().funds().get(0), vm.fund.get(), "the first fund is chosen to begin with");
        Donor d = addDonor("滨州爱心企业");
        assertEquals(List.of(), heard.errors);
        assertEquals("滨州爱心企业", d.name());
        assertEquals(Donor.Kind.ENTERPRISE, d.kind());
        assertEquals(d, vm.addedProperty().get(), "the goods form chooses them too");
        assertEquals("", vm.newDonorName.get());
        assertEquals("", vm.newDonorPhone.get());
    }

    @Test
    void withoutADonorOrWithLettersInTheAmountNothingIsRecordedAndTheTextStays() {
        vm.amount.set("100");
        vm.record(e -> refreshed.add("recorded"));
        assertEquals(List.of(Messages.t("donation.chooseDonorAndFund")), heard.errors);
        addDonor("张明华");
        vm.amount.set("12,3a");
        vm.record(e -> refreshed.add("recorded"));
        assertEquals("金额（元）：“12,3a”不是有效的金额，请写成 1234.50 或 1,234.50 这样的数字。", heard.last(), "refused naming the field");
        assertEquals("12,3a", vm.amount.get());
        assertEquals(List.of(), refreshed);
        assertEquals(List.of(), home.ctx().ledger().entries(Long.MAX_VALUE, 10));
        assertFalse(vm.receiptReadyProperty().get());
    }

    @Test
    void theSaveSendsWhatWasTypedClearsTheAmountAndNoteAndSaysTheReceipt() throws Exception {
        Donor d = addDonor("滨州爱心企业");
        vm.day.set(DAY.minusDays(2));
        vm.amount.set("¥１,２３４．５");
        vm.channel.set(LedgerEntry.Channel.CASH);
        vm.note.set("中秋慰问");
        List<LedgerEntry> got = new ArrayList<>();
        vm.record(got::add);
        assertEquals(List.of(), heard.errors);
        LedgerEntry e = home.ctx().ledger().entries(Long.MAX_VALUE, 1).get(0);
        assertEquals(List.of(e.seq()), got.stream().map(LedgerEntry::seq).toList());
        assertEquals(d.id(), e.donorId());
        assertEquals(vm.fund.get().id(), e.fundId());
        assertEquals(DAY.minusDays(2), e.date());
        assertEquals(0, new BigDecimal("1234.50").compareTo(e.amount()));
        assertEquals(LedgerEntry.Channel.CASH, e.channel());
        assertEquals("中秋慰问", e.description());
        assertEquals(List.of("refreshed"), refreshed, "the screen's lists show the new entry");
        assertTrue(vm.cleared());
        assertEquals(d, vm.donor.get(), "the donor and date stay for the next donation");
        assertEquals(DAY.minusDays(2), vm.day.get());
        assertEquals(
                "已登记：收据编号 " + e.receiptNo() + "，金额 1,234.50 元，捐赠人 滨州爱心企业",
                vm.receiptLineProperty().get());
        assertTrue(vm.receiptReadyProperty().get());

        Path receipt = vm.receipt(vm.lastRecorded()).call();
        assertTrue(Files.exists(receipt), receipt.toString());
        vm.receiptDone(e.seq() - 1, "旧的");
        assertTrue(vm.receiptLineProperty().get().startsWith("已登记"), "an earlier receipt's outcome is not said");
        vm.receiptDone(e.seq(), "收据已保存");
        assertTrue(
                vm.receiptLineProperty().get().endsWith("。收据已保存"),
                vm.receiptLineProperty().get());
    }

    /**
     * The form's path into a published period: refused with the sentence naming the date field and the disclosure,
     * nothing recorded, and what was typed kept to be dated again.
     */
    @Test
    void aDonationDatedInAPublishedPeriodIsRefusedByNameAndTheTextStays() {
        Donor d = addDonor("滨州爱心企业");
        home.as(Role.DIRECTOR)
                .ctx()
                .disclosures()
                .export(
                        LocalDate.of(2026, 7, 1),
                        LocalDate.of(2026, 9, 30),
                        home.dir().resolve("out"));
        home.as(Role.FINANCE_OFFICER);
        vm.day.set(LocalDate.of(2026, 9, 28));
        vm.amount.set("500");
        vm.channel.set(LedgerEntry.Channel.CASH);
        vm.note.set("九月的捐款");
        vm.record(e -> refreshed.add("recorded"));
        assertTrue(
                heard.last().startsWith("日期：2026-09-28 不晚于已公示的 2026-07-01 至 2026-09-30 期间的截止日（该期公示的校验码 ")
                        && heard.last().contains("请按 2026-09-30 之后未公示期间的日期登记"),
                heard.last());
        assertEquals(List.of(), refreshed);
        assertEquals(List.of(), home.ctx().ledger().entries(Long.MAX_VALUE, 10));
        assertEquals("500", vm.amount.get());
        assertEquals("九月的捐款", vm.note.get());
        assertEquals(d, vm.donor.get());
    }
}
