package org.huyou.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huyou.app.DirectSql;
import org.huyou.care.medical.MedicalFunding;
import org.huyou.care.medical.MedicalRecord;
import org.huyou.care.medical.MedicalRecordService;
import org.huyou.donations.Donor;
import org.huyou.donations.Fund;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerService;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.donations.Payment;
import org.huyou.donations.PaymentRequest;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 33: surgeries and treatments per year, and their cost by the source that paid it, in the statistics and the
 * annual report, equal an independent sum of the records in SQL (voided ones and other kinds left out); a
 * donation-funded surgery's share appears under donations, and its drill-down lists the surgery.
 */
class MedicalFundingStatisticsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final int YEAR = TODAY.getYear();

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

    private MedicalRecord record(MedicalRecord.Kind kind, LocalDate date, String title) {
        return medical.add(home.child.id(), kind, date, title, null, null, null);
    }

    private void fund(
            MedicalRecord r,
            String cost,
            String plan,
            String insurance,
            String donation,
            String institution,
            Long payment) {
        medical.recordFunding(new MedicalFunding(
                r.id(),
                new BigDecimal(cost),
                amount(plan),
                amount(insurance),
                amount(donation),
                amount(institution),
                payment,
                -1));
    }

    private static BigDecimal amount(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    @Test
    void surgeriesAndTreatmentsByYearAndSourceEqualTheRecordsSummedInSql() throws Exception {
        home.as(Role.DIRECTOR);
        LedgerService ledger = home.ctx.ledger();
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
                LocalDate.of(2025, 1, 5),
                new BigDecimal("50000.00"),
                LedgerEntry.Channel.BANK_TRANSFER,
                "定向医疗救助");
        // above the approval limit: the finance officer asks, the director approves (a second person)
        home.as(Role.FINANCE_OFFICER);
        PaymentRequest asked = ledger.recordUse(new Payment(
                        fund,
                        TODAY.minusDays(3),
                        new BigDecimal("8000.00"),
                        Fund.Purpose.MEDICAL,
                        "唇腭裂修复手术费用",
                        "滨州医学院附属医院",
                        "FP-2026-118"))
                .request();
        home.as(Role.DIRECTOR);
        long payment = ledger.approveRequest(asked.id(), asked.version()).seq();

        home.as(Role.MEDICAL_STAFF);
        fund(
                record(MedicalRecord.Kind.SURGERY, TODAY.minusDays(5), "唇腭裂修复术"),
                "30000",
                "15000",
                "7000",
                "8000",
                null,
                payment);
        fund(
                record(MedicalRecord.Kind.TREATMENT, TODAY.minusDays(40), "术后康复治疗"),
                "1200.50",
                null,
                "600",
                null,
                "600.50",
                null);
        fund(
                record(MedicalRecord.Kind.TREATMENT, TODAY.minusDays(60), "矫形支具"),
                "900",
                null,
                null,
                null,
                "300",
                null); // 600 unpaid
        record(MedicalRecord.Kind.SURGERY, TODAY.minusDays(70), "疝气修补术"); // no cost recorded yet
        fund(
                record(MedicalRecord.Kind.SURGERY, LocalDate.of(2025, 6, 1), "先心病封堵术"),
                "45000",
                "40000",
                "5000",
                null,
                null,
                null);
        MedicalRecord voided = record(MedicalRecord.Kind.SURGERY, TODAY.minusDays(10), "重复登记");
        fund(voided, "99999", "99999", null, null, null, null);
        medical.voidRecord(voided.id(), "重复登记");
        record(MedicalRecord.Kind.CHECKUP, TODAY.minusDays(5), "术前检查"); // not a surgery or treatment

        home.as(Role.DIRECTOR);
        StatisticsService.Dashboard dash = home.ctx.statistics().dashboard(YEAR);
        Map<String, BigDecimal> cases = new HashMap<>();
        Map<String, BigDecimal> paid = new HashMap<>();
        try (Connection c = DirectSql.connect(home.ctx)) {
            String where = " FROM medical_record m LEFT JOIN medical_funding f ON f.medical_record_id = m.id "
                    + "WHERE m.voided_at IS NULL AND m.kind IN ('SURGERY', 'TREATMENT') AND m.event_date BETWEEN ? AND ?";
            for (int y = YEAR - StatisticsService.YEARS_BACK + 1; y <= YEAR; y++) {
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT m.kind, COUNT(*)" + where + " GROUP BY m.kind")) {
                    ps.setObject(1, LocalDate.of(y, 1, 1));
                    ps.setObject(2, LocalDate.of(y, 12, 31));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            cases.put(
                                    y + "/" + ("SURGERY".equals(rs.getString(1)) ? "SURGERIES" : "TREATMENTS"),
                                    rs.getBigDecimal(2));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT SUM(f.tomorrow_plan), SUM(f.insurance), "
                        + "SUM(f.donation), SUM(f.institution), SUM(f.cost) - SUM(f.tomorrow_plan) - SUM(f.insurance) "
                        + "- SUM(f.donation) - SUM(f.institution)" + where)) {
                    ps.setObject(1, LocalDate.of(y, 1, 1));
                    ps.setObject(2, LocalDate.of(y, 12, 31));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        String[] keys = {
                            "PAID_TOMORROW_PLAN", "PAID_INSURANCE", "PAID_DONATION", "PAID_INSTITUTION", "UNPAID"
                        };
                        for (int i = 0; i < keys.length; i++) {
                            BigDecimal v = rs.getBigDecimal(i + 1);
                            if (v != null && v.signum() != 0) {
                                paid.put(y + "/" + keys[i], v);
                            }
                        }
                    }
                }
            }
        }
        StatisticsTest.assertPoints(dash.chart(Figure.MEDICAL_CASES), cases);
        StatisticsTest.assertPoints(dash.chart(Figure.MEDICAL_FUNDING), paid);
        // the figures by hand, so the SQL above is not merely the query restated
        Chart money = dash.chart(Figure.MEDICAL_FUNDING);
        assertEquals(new BigDecimal("8000.00"), money.at(String.valueOf(YEAR), Series.PAID_DONATION.label()));
        assertEquals(new BigDecimal("7600.00"), money.at(String.valueOf(YEAR), Series.PAID_INSURANCE.label()));
        assertEquals(new BigDecimal("600.00"), money.at(String.valueOf(YEAR), Series.UNPAID.label()));
        assertEquals(new BigDecimal("40000.00"), money.at("2025", Series.PAID_TOMORROW_PLAN.label()));
        assertEquals(
                0,
                new BigDecimal("2")
                        .compareTo(
                                dash.chart(Figure.MEDICAL_CASES).at(String.valueOf(YEAR), Series.TREATMENTS.label())),
                "two treatments this year");

        // the donation-funded surgery behind the donations point
        Chart.Point donated = money.points().stream()
                .filter(p ->
                        p.xKey().equals(String.valueOf(YEAR)) && p.seriesKey().equals(Series.PAID_DONATION.name()))
                .findFirst()
                .orElseThrow();
        var rows = home.ctx
                .statistics()
                .drill(YEAR, Figure.MEDICAL_FUNDING, donated)
                .rows();
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).get(3).contains("唇腭裂修复术") && rows.get(0).get(5).equals("8,000.00"), rows.toString());
        Chart.Point surgeries = dash.chart(Figure.MEDICAL_CASES).points().stream()
                .filter(p ->
                        p.xKey().equals(String.valueOf(YEAR)) && p.seriesKey().equals(Series.SURGERIES.name()))
                .findFirst()
                .orElseThrow();
        assertEquals(
                2,
                home.ctx
                        .statistics()
                        .drill(YEAR, Figure.MEDICAL_CASES, surgeries)
                        .rows()
                        .size());

        Path pdf = dir.resolve("report.pdf");
        home.ctx.statistics().annualReport(YEAR, pdf);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
        assertTrue(
                text.contains(YEAR + "年手术2例、治疗2例；费用中明天计划支付15,000.00元，医疗保险7,600.00元，"
                        + "捐赠资金8,000.00元，院内经费900.50元，未支付600.00元"),
                text);
    }
}
