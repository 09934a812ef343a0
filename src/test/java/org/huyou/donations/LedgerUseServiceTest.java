package org.huyou.donations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.huyou.care.medical.MedicalFunding;
import org.huyou.care.medical.MedicalRecord;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.security.PermissionDeniedException;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A payment from the medical fund that paid a child's surgery says so in the ledger: with the child, the surgery and
 * its date to the director (who may read medical records), as a child's medical cost only to the finance officer.
 */
class LedgerUseServiceTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path dir;

    CareStaff home;

    @BeforeEach
    void open() {
        home = new CareStaff(dir, TODAY, LocalDate.of(2018, 4, 2));
    }

    @AfterEach
    void close() {
        home.close();
    }

    @Test
    void aPaymentNamesTheSurgeryItPaidForAsTheRoleMayKnowIt() {
        home.as(Role.DIRECTOR);
        LedgerService ledger = home.ctx.ledger();
        long fund = ledger.funds().stream()
                .filter(f -> f.purpose() == Fund.Purpose.MEDICAL)
                .findFirst()
                .orElseThrow()
                .id();
        Donor d = ledger.createDonor(
                new NewDonor(Donor.Kind.ENTERPRISE, "爱心企业", Donor.Naming.FULL, null, null, null, null));
        long donation = ledger.recordDonation(
                        d.id(),
                        fund,
                        TODAY.minusDays(30),
                        new BigDecimal("50000.00"),
                        LedgerEntry.Channel.BANK_TRANSFER,
                        "定向医疗救助")
                .seq();
        // above the approval limit: the finance officer asks, the director approves (a second person)
        home.as(Role.FINANCE_OFFICER);
        PaymentRequest asked = ledger.recordUse(new Payment(
                        fund,
                        TODAY.minusDays(3),
                        new BigDecimal("8000.00"),
                        Fund.Purpose.MEDICAL,
                        "手术费用",
                        "滨州医学院附属医院",
                        "FP-2026-118"))
                .request();
        home.as(Role.DIRECTOR);
        long paid = ledger.approveRequest(asked.id(), asked.version()).seq();
        home.as(Role.MEDICAL_STAFF);
        MedicalRecord surgery = home.ctx
                .medicalRecords()
                .add(
                        home.child.id(),
                        MedicalRecord.Kind.SURGERY,
                        TODAY.minusDays(5),
                        "唇腭裂修复术",
                        null,
                        MedicalRecord.Funding.DONATION,
                        null);
        home.ctx
                .medicalRecords()
                .recordFunding(new MedicalFunding(
                        surgery.id(),
                        new BigDecimal("30000"),
                        new BigDecimal("22000"),
                        null,
                        new BigDecimal("8000"),
                        null,
                        paid,
                        -1));

        home.as(Role.DIRECTOR);
        assertEquals(
                Optional.of("王小明 的手术：唇腭裂修复术（" + TODAY.minusDays(5) + "）"),
                home.ctx.ledgerUses().paidFor(paid));
        assertEquals(Optional.empty(), home.ctx.ledgerUses().paidFor(donation), "a donation paid for nothing");

        home.as(Role.FINANCE_OFFICER);
        String masked = home.ctx.ledgerUses().paidFor(paid).orElseThrow();
        assertTrue(masked.contains("医疗费用"), masked);
        assertFalse(masked.contains("王小明") || masked.contains("唇腭裂") || masked.contains("手术"), masked);

        home.as(Role.MEDICAL_STAFF);
        home.ctx.medicalRecords().voidRecord(surgery.id(), "重复登记");
        home.as(Role.DIRECTOR);
        assertTrue(home.ctx.ledgerUses().paidFor(paid).orElseThrow().endsWith("（该医疗记录已作废）"));

        home.as(Role.CAREGIVER);
        assertThrows(
                PermissionDeniedException.class,
                () -> home.ctx.ledgerUses().paidFor(paid),
                "no ledger for those without the donations permission");
    }
}
