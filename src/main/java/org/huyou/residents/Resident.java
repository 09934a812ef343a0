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
        return copy(newId, newVersion, recordNo, idNumber, livingGroupId);
    }

    public Resident withRecordNo(String newRecordNo) {
        return copy(id, version, newRecordNo, idNumber, livingGroupId);
    }

    /** The same profile with another ID number: the masked one a viewer or an export without full numbers gets. */
    public Resident withIdNumber(String newIdNumber) {
        return copy(id, version, recordNo, newIdNumber, livingGroupId);
    }

    public Resident withLivingGroupId(Long newLivingGroupId) {
        return copy(id, version, recordNo, idNumber, newLivingGroupId);
    }

    /** The profile with the fields the withers change: the one place that lists every field again. */
    private Resident copy(Long id, Integer version, String recordNo, String idNumber, Long livingGroupId) {
        return new Resident(
                id,
                version,
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
}
