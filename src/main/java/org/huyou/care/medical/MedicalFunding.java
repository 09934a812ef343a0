package org.huyou.care.medical;

import java.math.BigDecimal;

/**
 * What a surgery or treatment cost and what each source paid (明天计划, medical insurance, a donation fund, the
 * institution); the donation share names the ledger's payment from the restricted fund ({@code ledgerSeq}).
 */
public record MedicalFunding(
        long medicalRecordId,
        BigDecimal cost,
        BigDecimal tomorrowPlan,
        BigDecimal insurance,
        BigDecimal donation,
        BigDecimal institution,
        Long ledgerSeq,
        int version) {

    /** What no source has paid (yet): the cost less the shares. */
    public BigDecimal unpaid() {
        return cost.subtract(tomorrowPlan)
                .subtract(insurance)
                .subtract(donation)
                .subtract(institution);
    }

    /** One year's surgeries or treatments paid (in part) by one source: how many, and the source's amount. */
    public record YearTotal(
            int year, MedicalRecord.Kind kind, MedicalRecord.Funding source, int count, BigDecimal amount) {}
}
