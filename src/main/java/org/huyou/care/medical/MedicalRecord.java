package org.huyou.care.medical;

import java.time.LocalDate;
import org.huyou.common.Coded;

/** A dated medical record of one kind; {@code nextDue} asks for a follow-up (next dose, next checkup, renewal). */
public record MedicalRecord(
        long id,
        long residentId,
        Kind kind,
        LocalDate date,
        String title,
        String detail,
        Funding funding,
        LocalDate nextDue,
        String recordedBy,
        boolean voided,
        String voidReason) {

    public enum Kind implements Coded {
        DIAGNOSIS,
        CHECKUP,
        IMMUNISATION,
        HOSPITAL_VISIT,
        SURGERY,
        TREATMENT,
        INSURANCE;

        @Override
        public String labelPrefix() {
            return "medicalKind";
        }
    }

    /** Who pays: the Tomorrow Plan (明天计划) funds surgery and rehabilitation for orphans. */
    public enum Funding implements Coded {
        TOMORROW_PLAN,
        MEDICAL_INSURANCE,
        DONATION,
        INSTITUTION,
        OTHER;

        @Override
        public String labelPrefix() {
            return "funding";
        }
    }
}
