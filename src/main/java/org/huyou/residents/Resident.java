package org.huyou.residents;

import java.time.LocalDate;
import org.huyou.common.Gender;

/**
 * A resident's profile as stored. {@code id} and {@code version} are null for a resident not yet saved; an empty
 * {@code recordNo} on a new resident asks the service to number it.
 */
public record Resident(
        Long id,
        Integer version,
        String recordNo,
        String name,
        String formerName,
        Gender gender,
        LocalDate birthDate,
        boolean birthDateEstimated,
        String ethnicity,
        String idNumber,
        String householdRegistration,
        Category category,
        LocalDate admissionDate,
        AdmissionSource admissionSource,
        String admissionFrom,
        DisabilityType disabilityType,
        Integer disabilityGrade,
        Guardianship guardianship,
        String guardianshipNote,
        Long livingGroupId,
        String note) {

    public Resident withIdAndVersion(Long newId, Integer newVersion) {
        return new Resident(
                newId,
                newVersion,
                recordNo,
                name,
                formerName,
                gender,
                birthDate,
                birthDateEstimated,
                ethnicity,
                idNumber,
                householdRegistration,
                category,
                admissionDate,
                admissionSource,
                admissionFrom,
                disabilityType,
                disabilityGrade,
                guardianship,
                guardianshipNote,
                livingGroupId,
                note);
    }

    public Resident withRecordNo(String newRecordNo) {
        return new Resident(
                id,
                version,
                newRecordNo,
                name,
                formerName,
                gender,
                birthDate,
                birthDateEstimated,
                ethnicity,
                idNumber,
                householdRegistration,
                category,
                admissionDate,
                admissionSource,
                admissionFrom,
                disabilityType,
                disabilityGrade,
                guardianship,
                guardianshipNote,
                livingGroupId,
                note);
    }
}
