package org.huyou.volunteers;

import java.util.Set;
import org.huyou.common.Coded;

/** A registered volunteer: never sees residents' records; what they are scheduled for carries no care details. */
public record Volunteer(long id, String name, String idNumber, String phone, String organisation,
                        Set<Specialty> specialties, String availability, int version) {

    public enum Specialty implements Coded {
        SPECIAL_EDUCATION, PRESCHOOL, PSYCHOLOGY, REHABILITATION, MEDICAL, OTHER;

        @Override
        public String labelPrefix() {
            return "specialty";
        }
    }
}
