package org.huyou.residents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huyou.common.FieldError;
import org.huyou.common.IdNumber;
import org.huyou.common.io.SafeFileNames;

/**
 * The rules a resident's profile must satisfy before it is saved, checked field by field so that a form can show
 * each reason beside its field and an import can report every problem of a row. Pure: no database.
 */
public final class ResidentValidator {

    public static final String RECORD_NO = "recordNo";
    public static final String NAME = "name";
    public static final String FORMER_NAME = "formerName";
    public static final String GENDER = "gender";
    public static final String BIRTH_DATE = "birthDate";
    public static final String ETHNICITY = "ethnicity";
    public static final String ID_NUMBER = "idNumber";
    public static final String HOUSEHOLD = "householdRegistration";
    public static final String CATEGORY = "category";
    public static final String ADMISSION_DATE = "admissionDate";
    public static final String ADMISSION_SOURCE = "admissionSource";
    public static final String ADMISSION_FROM = "admissionFrom";
    public static final String DISABILITY_TYPE = "disabilityType";
    public static final String DISABILITY_GRADE = "disabilityGrade";
    public static final String GUARDIANSHIP = "guardianship";
    public static final String LIVING_GROUP = "livingGroup";
    public static final String NOTE = "note";

    private ResidentValidator() {}

    public static List<FieldError> validate(Resident r, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        maxLength(errors, RECORD_NO, r.recordNo(), 32);
        if (r.recordNo() != null && !SafeFileNames.plain(r.recordNo())) {
            // it names the files exported for the resident (placement plan, archive)
            errors.add(new FieldError(RECORD_NO, "validation.recordNoCharacters"));
        }
        if (blank(r.name())) {
            errors.add(new FieldError(NAME, "validation.required"));
        } else {
            maxLength(errors, NAME, r.name(), 50);
        }
        maxLength(errors, FORMER_NAME, r.formerName(), 50);
        required(errors, GENDER, r.gender());
        if (r.birthDate() == null) {
            errors.add(new FieldError(BIRTH_DATE, "validation.dateRequired.birthDate"));
        } else if (r.birthDate().isAfter(today)) {
            errors.add(new FieldError(BIRTH_DATE, "validation.dateInFuture"));
        } else if (r.birthDate().isBefore(today.minusYears(120))) {
            errors.add(new FieldError(BIRTH_DATE, "validation.dateTooOld"));
        }
        if (r.ethnicity() != null && !Ethnicity.CODES.contains(r.ethnicity())) {
            errors.add(new FieldError(ETHNICITY, "validation.unknownValue"));
        }
        idNumberProblem(r).ifPresent(errors::add);
        maxLength(errors, HOUSEHOLD, r.householdRegistration(), 200);
        required(errors, CATEGORY, r.category());
        if (r.admissionDate() == null) {
            errors.add(new FieldError(ADMISSION_DATE, "validation.dateRequired.admissionDate"));
        } else if (r.admissionDate().isAfter(today)) {
            errors.add(new FieldError(ADMISSION_DATE, "validation.dateInFuture"));
        } else if (r.birthDate() != null && r.admissionDate().isBefore(r.birthDate())) {
            errors.add(new FieldError(ADMISSION_DATE, "validation.admissionBeforeBirth"));
        }
        required(errors, ADMISSION_SOURCE, r.admissionSource());
        if (r.admissionSource() == AdmissionSource.TRANSFER_IN && blank(r.admissionFrom())) {
            errors.add(new FieldError(ADMISSION_FROM, "validation.transferFromRequired"));
        }
        maxLength(errors, ADMISSION_FROM, r.admissionFrom(), 200);
        required(errors, DISABILITY_TYPE, r.disabilityType());
        if (r.disabilityGrade() != null) {
            if (r.disabilityType() == DisabilityType.NONE) {
                errors.add(new FieldError(DISABILITY_GRADE, "validation.gradeWithoutDisability"));
            } else if (r.disabilityGrade() < 1 || r.disabilityGrade() > 4) {
                errors.add(new FieldError(DISABILITY_GRADE, "validation.gradeRange"));
            }
        }
        required(errors, GUARDIANSHIP, r.guardianship());
        maxLength(errors, NOTE, r.note(), 2000);
        return errors;
    }

    /** The ID number alone: well formed, and agreeing with the birth date and gender fields when they are set. */
    public static Optional<FieldError> idNumberProblem(Resident r) {
        String id = r.idNumber();
        if (id == null) {
            return Optional.empty();
        }
        Optional<IdNumber.Problem> problem = IdNumber.check(id);
        if (problem.isPresent()) {
            return Optional.of(
                    new FieldError(ID_NUMBER, "idnumber." + problem.get().name()));
        }
        LocalDate encoded = IdNumber.parseBirthDate(id).orElseThrow();
        if (r.birthDate() != null && !encoded.equals(r.birthDate())) {
            return Optional.of(new FieldError(ID_NUMBER, "idnumber.BIRTH_DATE_MISMATCH", encoded.toString()));
        }
        if (r.gender() != null && IdNumber.gender(id) != r.gender()) {
            return Optional.of(new FieldError(
                    ID_NUMBER, "idnumber.GENDER_MISMATCH", IdNumber.gender(id).label()));
        }
        return Optional.empty();
    }

    private static void required(List<FieldError> errors, String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "validation.required"));
        }
    }

    private static void maxLength(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "validation.tooLong", max));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
