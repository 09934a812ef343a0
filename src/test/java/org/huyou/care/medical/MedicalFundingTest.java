package org.huyou.care.medical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huyou.app.DirectSql;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.donations.Donor;
import org.huyou.donations.Fund;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.donations.Payment;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A surgery's cost split by who paid: the donation share names the medical fund's payment in the ledger (and only
 * such a payment, of that amount, once), and the totals per year and source equal an independent sum in SQL.
 */
class MedicalFundingTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path dir;

    CareStaff home;
    MedicalRecordService medical;

    @BeforeEach
    void open() {
        home = new CareStaff(dir, TODAY, LocalDate.of(2018, 4, 2));
        medical = home.ctx.medicalRecords();
    }

    @AfterEach
    void close() {
        home.close();
    }

    private long medicalFund() {
        return home.ctx.ledger().funds().stream()
                .filter(f -> f.purpose() == Fund.Purpose.MEDICAL)
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** A donation into the medical fund and a payment out of it to the hospital: the payment's ledger number. */
    private long hospitalPayment(String amount) {
        home.as(Role.DIRECTOR);
        Donor d = home.ctx
                .ledger()
                .createDonor(new NewDonor(Donor.Kind.ENTERPRISE, "爱心企业", Donor.Naming.FULL, null, null, null, null));
        home.ctx
                .ledger()
                .recordDonation(
                        d.id(),
                        medicalFund(),
                        TODAY.minusDays(30),
                        new BigDecimal("50000.00"),
                        LedgerEntry.Channel.BANK_TRANSFER,
                        "定向医疗救助");
        // the finance officer pays; above the approval limit the director approves (a second person)
        home.as(Role.FINANCE_OFFICER);
        org.huyou.donations.LedgerService.UseOutcome paid = home.ctx
                .ledger()
                .recordUse(new Payment(
                        medicalFund(),
                        TODAY.minusDays(3),
                        new BigDecimal(amount),
                        Fund.Purpose.MEDICAL,
                        "唇腭裂修复手术费用",
                        "滨州医学院附属医院",
                        "FP-2026-118"));
        home.as(Role.DIRECTOR);
        long seq = paid.entry() != null
                ? paid.entry().seq()
                : home.ctx
                        .ledger()
                        .approveRequest(paid.request().id(), paid.request().version())
                        .seq();
        home.as(Role.MEDICAL_STAFF);
        return seq;
    }

    @Test
    void aDonationFundedSurgeryNamesTheLedgerPaymentAndTheTotalsBySourceAddUp() throws Exception {
        long payment = hospitalPayment("8000.00");
        home.as(Role.MEDICAL_STAFF);
        MedicalRecord surgery = medical.add(
                home.child.id(),
                MedicalRecord.Kind.SURGERY,
                TODAY.minusDays(5),
                "唇腭裂修复术",
                null,
                MedicalRecord.Funding.DONATION,
                null);
        MedicalRecord checkup =
                medical.add(home.child.id(), MedicalRecord.Kind.CHECKUP, TODAY.minusDays(5), "术前检查", null, null, null);

        ValidationException noLink = assertThrows(
                ValidationException.class,
                () -> medical.recordFunding(new MedicalFunding(
                        surgery.id(),
                        new BigDecimal("30000"),
                        new BigDecimal("15000"),
                        new BigDecimal("7000"),
                        new BigDecimal("8000"),
                        null,
                        null,
                        -1)));
        assertEquals("ledgerSeq", noLink.errors().get(0).field(), "the donation share must name its payment");
        ValidationException wrongAmount = assertThrows(
                ValidationException.class,
                () -> medical.recordFunding(new MedicalFunding(
                        surgery.id(),
                        new BigDecimal("30000"),
                        new BigDecimal("15000"),
                        new BigDecimal("7000"),
                        new BigDecimal("7500"),
                        null,
                        payment,
                        -1)));
        assertEquals("donation", wrongAmount.errors().get(0).field());
        ValidationException tooMuch = assertThrows(
                ValidationException.class,
                () -> medical.recordFunding(new MedicalFunding(
                        surgery.id(),
                        new BigDecimal("20000"),
                        new BigDecimal("15000"),
                        new BigDecimal("7000"),
                        new BigDecimal("8000"),
                        null,
                        payment,
                        -1)));
        assertEquals("cost", tooMuch.errors().get(0).field());
        assertThrows(
                UserFacingException.class,
                () -> medical.recordFunding(new MedicalFunding(
                        checkup.id(), new BigDecimal("300"), null, null, null, new BigDecimal("300"), null, -1)),
                "costs belong to surgeries and treatments");

        MedicalFunding f = medical.recordFunding(new MedicalFunding(
                surgery.id(),
                new BigDecimal("30000"),
                new BigDecimal("15000"),
                new BigDecimal("7000"),
                new BigDecimal("8000"),
                null,
                payment,
                -1));
        assertEquals(payment, f.ledgerSeq(), "the medical record shows how it was paid");
        assertEquals(0, new BigDecimal("0").compareTo(f.unpaid()));
        assertEquals(f, medical.funding(surgery.id()).orElseThrow());

        MedicalRecord second = medical.add(
                home.child.id(),
                MedicalRecord.Kind.TREATMENT,
                TODAY.minusDays(2),
                "术后康复治疗",
                null,
                MedicalRecord.Funding.INSTITUTION,
                null);
        assertEquals(
                "ledgerSeq",
                assertThrows(
                                ValidationException.class,
                                () -> medical.recordFunding(new MedicalFunding(
                                        second.id(),
                                        new BigDecimal("8000"),
                                        null,
                                        null,
                                        new BigDecimal("8000"),
                                        null,
                                        payment,
                                        -1)))
                        .errors()
                        .get(0)
                        .field(),
                "one payment pays for one record");
        medical.recordFunding(new MedicalFunding(
                second.id(),
                new BigDecimal("1200.50"),
                null,
                new BigDecimal("600"),
                null,
                new BigDecimal("600.50"),
                null,
                -1));

        // The ledger's payment and the record it paid for, read from the database as the ledger screen would.
        try (Connection c = DirectSql.connect(home.ctx);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT l.description, m.title FROM ledger_entry l JOIN medical_funding f "
                                + "ON f.ledger_seq = l.seq JOIN medical_record m ON m.id = f.medical_record_id")) {
            assertTrue(rs.next());
            assertEquals("唇腭裂修复术", rs.getString(2));
        }

        home.as(Role.DIRECTOR);
        List<MedicalFunding.YearTotal> totals = medical.fundingByYear(2026, 2026);
        Map<String, BigDecimal> expected = new HashMap<>();
        try (Connection c = DirectSql.connect(home.ctx);
                Statement s = c.createStatement()) {
            for (String[] col : new String[][] {
                {"tomorrow_plan", "TOMORROW_PLAN"},
                {"insurance", "MEDICAL_INSURANCE"},
                {"donation", "DONATION"},
                {"institution", "INSTITUTION"}
            }) {
                try (ResultSet rs = s.executeQuery("SELECT m.kind, COUNT(*), SUM(f." + col[0] + ") FROM "
                        + "medical_funding f JOIN medical_record m ON m.id = f.medical_record_id WHERE "
                        + "m.voided_at IS NULL AND f." + col[0] + " > 0 GROUP BY m.kind")) {
                    while (rs.next()) {
                        expected.put(
                                rs.getString(1) + "/" + col[1] + "/" + rs.getInt(2),
                                rs.getBigDecimal(3).setScale(2));
                    }
                }
            }
        }
        Map<String, BigDecimal> actual = new HashMap<>();
        totals.forEach(t -> actual.put(
                t.kind() + "/" + t.source() + "/" + t.count(), t.amount().setScale(2)));
        assertEquals(expected, actual);
        assertEquals(new BigDecimal("8000.00"), actual.get("SURGERY/DONATION/1"));
        assertEquals(
                new BigDecimal("7600.00"),
                totals.stream()
                        .filter(t -> t.source() == MedicalRecord.Funding.MEDICAL_INSURANCE)
                        .map(MedicalFunding.YearTotal::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .setScale(2));
    }

    @Test
    void aTomorrowPlanApplicationIsARemindedPendingItemUntilApproved() {
        home.as(Role.MEDICAL_STAFF);
        TomorrowPlanApplication a = medical.applyToTomorrowPlan(home.child.id(), "先天性心脏病（房间隔缺损）", TODAY.minusDays(40));
        assertTrue(a.pending());
        assertTrue(
                home.ctx.reminders().due().stream()
                        .anyMatch(r ->
                                r.residentId() == home.child.id() && r.what().contains("明天计划") && r.overdue()),
                "pending for more than 30 days: overdue");
        assertEquals(
                "approvedOn",
                assertThrows(
                                ValidationException.class,
                                () -> medical.recordTomorrowPlanApproval(
                                        a.id(),
                                        a.version(),
                                        TODAY.minusDays(50),
                                        "滨州医学院附属医院",
                                        TODAY.plusDays(10),
                                        new BigDecimal("30000")))
                        .errors()
                        .get(0)
                        .field());
        TomorrowPlanApplication approved = medical.recordTomorrowPlanApproval(
                a.id(), a.version(), TODAY.minusDays(2), "滨州医学院附属医院", TODAY.plusDays(10), new BigDecimal("30000"));
        assertEquals("滨州医学院附属医院", approved.hospital());
        assertEquals(TODAY.plusDays(10), approved.operationDate());
        assertEquals(List.of(approved), medical.tomorrowPlanApplications(home.child.id()));
        assertTrue(
                home.ctx.reminders().due().stream().noneMatch(r -> r.what().contains("明天计划")),
                "approved: no longer pending");
    }
}
