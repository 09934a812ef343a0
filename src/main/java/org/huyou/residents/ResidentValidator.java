package org.huyou.residents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huyou.common.Checks;
import org.huyou.common.FieldError;
import org.huyou.common.IdNumber;
import org.huyou.common.Messages;
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
    public static final String GUARDIANSHIP_NOTE = "guardianshipNote";
    public static final String LIVING_GROUP = "livingGroup";
    public static final String NOTE = "note";

    private ResidentValidator() {}

    public static List<FieldError> validate(Resident r, LocalDate today) {
        Checks c = new Checks(today); // its sentences name the field ("姓名：必填。")
        maxLength(c, RECORD_NO, r.recordNo(), 32);
        // it names the files exported for the resident (placement plan, archive)
        c.rule(r.recordNo() == null || SafeFileNames.plain(r.recordNo()), RECORD_NO, "validation.recordNoCharacters");
        c.text(NAME, label(NAME), r.name(), 50, true);
        maxLength(c, FORMER_NAME, r.formerName(), 50);
        c.required(GENDER, label(GENDER), r.gender());
        LocalDate birth = r.birthDate();
        c.pastDate(BIRTH_DATE, label(BIRTH_DATE), birth, "validation.dateRequired.birthDate");
        c.rule(
                birth == null || birth.isAfter(today) || !birth.isBefore(today.minusYears(120)),
                BIRTH_DATE,
                "validation.dateTooOld",
                Messages.t(label(BIRTH_DATE)));
        c.rule(
                r.ethnicity() == null || Ethnicity.CODES.contains(r.ethnicity()),
                ETHNICITY,
                "validation.unknownValue",
                Messages.t(label(ETHNICITY)));
        List<FieldError> errors = new ArrayList<>(c.errors());
        idNumberProblem(r).ifPresent(errors::add);
        Checks rest = new Checks(today);
        maxLength(rest, HOUSEHOLD, r.householdRegistration(), 200);
        rest.required(CATEGORY, label(CATEGORY), r.category());
        LocalDate admission = r.admissionDate();
        rest.pastDate(ADMISSION_DATE, label(ADMISSION_DATE), admission, "validation.dateRequired.admissionDate");
        rest.rule(
                admission == null || admission.isAfter(today) || birth == null || !admission.isBefore(birth),
                ADMISSION_DATE,
                "validation.admissionBeforeBirth");
        rest.required(ADMISSION_SOURCE, label(ADMISSION_SOURCE), r.admissionSource());
        rest.rule(
                r.admissionSource() != AdmissionSource.TRANSFER_IN || !blank(r.admissionFrom()),
                ADMISSION_FROM,
                "validation.transferFromRequired");
        maxLength(rest, ADMISSION_FROM, r.admissionFrom(), 200);
        rest.required(DISABILITY_TYPE, label(DISABILITY_TYPE), r.disabilityType());
        if (r.disabilityGrade() != null) {
            if (r.disabilityType() == DisabilityType.NONE) {
                rest.rule(false, DISABILITY_GRADE, "validation.gradeWithoutDisability");
            } else {
                rest.rule(
                        r.disabilityGrade() >= 1 && r.disabilityGrade() <= 4,
                        DISABILITY_GRADE,
                        "validation.gradeRange");
            }
        }
        rest.required(GUARDIANSHIP, label(GUARDIANSHIP), r.guardianship());
        maxLength(rest, GUARDIANSHIP_NOTE, r.guardianshipNote(), 500);
        rest.lines(NOTE, label(NOTE), r.note(), 2000, false); // typed in a multi-line box
        errors.addAll(rest.errors());
        return errors;
    }

    /** The label of a field of the form, as the editor shows it: {@code field.} and the field's name. */
    public static String label(String field) {
        return "field." + field;
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

    private static void maxLength(Checks c, String field, String value, int max) {
        c.text(field, label(field), value, max, false);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
