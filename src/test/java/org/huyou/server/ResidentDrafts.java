package org.huyou.server;

import java.time.LocalDate;
import org.huyou.common.Gender;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;

/** Residents as a form would hand them to the service (the load benchmark edits with them too). */
public final class ResidentDrafts {

    private ResidentDrafts() {}

    public static Resident draft(String name, LocalDate birth) {
        return new Resident(
                null,
                null,
                null,
                name,
                null,
                Gender.FEMALE,
                birth,
                false,
                "01",
                null,
                null,
                Category.ORPHAN,
                LocalDate.of(2020, 1, 10),
                AdmissionSource.CIVIL_AFFAIRS,
                null,
                DisabilityType.NONE,
                null,
                Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                null,
                null,
                null);
    }

    public static Resident withNote(Resident r, String note) {
        return new Resident(
                r.id(),
                r.version(),
                r.recordNo(),
                r.name(),
                r.formerName(),
                r.gender(),
                r.birthDate(),
                r.birthDateEstimated(),
                r.ethnicity(),
                r.idNumber(),
                r.householdRegistration(),
                r.category(),
                r.admissionDate(),
                r.admissionSource(),
                r.admissionFrom(),
                r.disabilityType(),
                r.disabilityGrade(),
                r.guardianship(),
                r.guardianshipNote(),
                r.livingGroupId(),
                note);
    }
}
