package org.huyou.care.growth;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One measurement with its z-scores (null where the references do not cover the age or nothing was measured).
 * {@code flagged} is true when any z-score is below -2 (underweight, stunting) or above +2.
 */
public record GrowthPoint(
        long id,
        long residentId,
        LocalDate date,
        int ageInDays,
        BigDecimal heightCm,
        BigDecimal weightKg,
        BigDecimal headCm,
        String note,
        Double weightZ,
        Double heightZ,
        Double headZ,
        Double bmiZ,
        String recordedBy,
        LocalDateTime voidedAt,
        String voidedBy,
        String voidReason) {

    public boolean voided() {
        return voidedAt != null;
    }

    public boolean flagged() {
        for (Double z : new Double[] {weightZ, heightZ, headZ, bmiZ}) {
            if (z != null && (z < -2 || z > 2)) {
                return true;
            }
        }
        return false;
    }

    public Double bmi() {
        if (heightCm == null || weightKg == null) {
            return null;
        }
        double m = heightCm.doubleValue() / 100;
        return weightKg.doubleValue() / (m * m);
    }
}
