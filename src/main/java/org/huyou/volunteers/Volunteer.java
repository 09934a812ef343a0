package org.huyou.volunteers;

import java.util.Set;
import org.huyou.common.Coded;
import org.huyou.common.IdNumber;

/**
 * A registered volunteer: never sees residents' records; what they are scheduled for carries no care details. A draft
 * for registration has id 0.
 */
public record Volunteer(
        long id,
        String name,
        String idNumber,
        String phone,
        String organisation,
        Set<Specialty> specialties,
        String certificates,
        String availability,
        int version) {

    public enum Specialty implements Coded {
        SPECIAL_EDUCATION,
        PRESCHOOL,
        PSYCHOLOGY,
        REHABILITATION,
        MEDICAL,
        OTHER;

        @Override
        public String labelPrefix() {
            return "specialty";
        }
    }

    /** The ID number as lists show it: first six and last four digits only. */
    public String maskedIdNumber() {
        return idNumber == null ? "" : IdNumber.mask(idNumber);
    }
}
