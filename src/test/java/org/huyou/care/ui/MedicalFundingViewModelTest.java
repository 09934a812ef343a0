package org.huyou.care.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.huyou.care.medical.MedicalFunding;
import org.huyou.care.medical.MedicalRecord;
import org.huyou.care.medical.PaymentChoice;
import org.huyou.donations.Donor;
import org.huyou.donations.Fund;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.donations.Payment;
import org.huyou.donations.PaymentRequest;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The medical funding pane without controls, on a real home: a surgery's shares typed with a word refused beside
 * that field and nothing saved, shares above the cost refused beside the cost, the live sum, the medical fund's
 * payment picked filling the donation share and saved with the funding; a record without a funding (a check-up)
 * hides the pane.
 */
class MedicalFundingViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, Role.DIRECTOR);

    final HeardNotices heard = home.heard;
    MedicalFundingViewModel vm;
    MedicalRecord surgery;
    long payment;
    int changes;

    @BeforeEach
    void open() {
        var ledger = home.ctx().ledger();
        long fund = ledger.funds().stream()
                .filter(f -> f.purpose() == Fund.Purpose.MEDICAL)
                .findFirst()
                .orElseThrow()
                .id();
        Donor d = ledger.createDonor(
                new NewDonor(Donor.Kind.ENTERPRISE, "爱心企业", Donor.Naming.FULL, null, null, null, null));
        ledger.recordDonation(
                d.id(),
                fund,
                DAY.minusDays(30),
                new BigDecimal("50000.00"),
                LedgerEntry.Channel.BANK_TRANSFER,
                "定向医疗救助");
        home.as(Role.FINANCE_OFFICER);
        PaymentRequest asked = ledger.recordUse(new Payment(
                        fund,
                        DAY.minusDays(3),
                        new BigDecimal("8000.00"),
                        Fund.Purpose.MEDICAL,
                        "唇腭裂修复手术费用",
                        "滨州医学院附属医院",
                        "FP-2026-118"))
                .request();
        home.as(Role.DIRECTOR);
        payment = ledger.approveRequest(asked.id(), asked.version()).seq();
        home.as(Role.MEDICAL_STAFF);
        surgery = home.ctx()
                .medicalRecords()
                .add(
                        home.child().id(),
                        MedicalRecord.Kind.SURGERY,
                        DAY.minusDays(5),
                        "唇腭裂修复术",
                        null,
                        MedicalRecord.Funding.DONATION,
                        null);
        vm = new MedicalFundingViewModel(home.ctx().medicalRecords(), home.tasks, heard, true, () -> {
            changes++;
            reload();
        });
        reload();
        vm.show(surgery);
    }

    /** What the medical tab's load hands the pane. */
    private void reload() {
        vm.fundings(home.ctx().medicalRecords().fundings(home.child().id()));
        vm.show(surgery);
    }

    @Test
    void aWordIsRefusedBesideItsFieldThenTheSharesAboveTheCostThenSavedWithThePayment() {
        assertTrue(vm.visible.get());
        assertTrue(vm.detail.get().contains("还没有登记费用"), vm.detail.get());
        assertEquals(2, vm.payments().size(), "none, and the medical fund's open payment");
        assertNull(vm.payment.get());

        vm.amounts.get("cost").set("20000");
        vm.amounts.get("tomorrowPlan").set("15000");
        vm.amounts.get("insurance").set("七千");
        PaymentChoice choice = vm.payments().get(1);
        assertEquals(payment, choice.seq());
        vm.payment.set(choice);
        assertEquals("8000.00", vm.amounts.get("donation").get(), "the payment's amount is the donation share");
        assertTrue(vm.sum.get().startsWith("各来源合计 ¥23,000.00，尚余"), "the word is left out of the sum: " + vm.sum.get());

        vm.save(ok -> assertFalse(ok));
        assertTrue(
                vm.errors.get("insurance").get().contains("不是有效的金额"),
                vm.errors.get("insurance").get());
        assertEquals("insurance", vm.problemField.get(), "the focus goes to the problem");
        assertEquals(List.of(), heard.errors, "said beside the field, not in a dialog");
        assertTrue(home.ctx().medicalRecords().funding(surgery.id()).isEmpty(), "nothing saved");

        vm.amounts.get("insurance").set("7000");
        vm.save(ok -> assertFalse(ok));
        assertTrue(
                vm.errors.get("cost").get().contains("超过了费用总额"),
                vm.errors.get("cost").get());
        assertEquals("cost", vm.problemField.get());
        assertTrue(home.ctx().medicalRecords().funding(surgery.id()).isEmpty(), "refused: nothing half-saved");

        vm.amounts.get("cost").set("30,000");
        boolean[] saved = {false};
        vm.save(ok -> saved[0] = ok);
        assertTrue(saved[0]);
        assertEquals(List.of(), heard.errors);
        assertEquals("费用与资金来源已保存。", heard.last());
        assertEquals(1, changes, "the medical tab reloads");
        MedicalFunding f = home.ctx().medicalRecords().funding(surgery.id()).orElseThrow();
        assertEquals(0, new BigDecimal("30000").compareTo(f.cost()));
        assertEquals(0, new BigDecimal("8000").compareTo(f.donation()));
        assertEquals(Long.valueOf(payment), f.ledgerSeq());
        assertTrue(vm.detail.get().contains("费用总额 ¥30,000.00"), vm.detail.get());
        assertTrue(vm.detail.get().contains("台账第 " + payment + " 号支出"), vm.detail.get());
        assertEquals("30000.00", vm.amounts.get("cost").get(), "the form filled again with what is saved");
        assertEquals(payment, vm.payment.get().seq());
        assertFalse(vm.isDirty());
    }

    @Test
    void thePaymentPickedIsUnsavedUntilSavedOrDiscarded() {
        assertFalse(vm.isDirty());
        vm.payment.set(vm.payments().get(1));
        assertTrue(vm.isDirty(), "another payment picked is unsaved input");
        vm.discard();
        assertFalse(vm.isDirty());
        assertEquals("", vm.amounts.get("donation").get());
    }

    @Test
    void aCheckUpHasNoFundingAndHidesThePane() {
        MedicalRecord checkUp = home.ctx()
                .medicalRecords()
                .add(home.child().id(), MedicalRecord.Kind.CHECKUP, DAY.minusDays(1), "体检", null, null, null);
        vm.show(checkUp);
        assertFalse(vm.visible.get());
        assertNull(vm.shownId());
        vm.save(ok -> assertFalse(ok));
        assertEquals(List.of(), heard.said);
    }
}
