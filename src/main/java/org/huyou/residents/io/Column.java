package org.huyou.residents.io;

import java.util.Arrays;
import java.util.Optional;
import org.huyou.common.Messages;
import org.huyou.residents.ResidentValidator;

/** The columns of the resident import template, in order. Headers are read in Chinese or English. */
public enum Column {
    RECORD_NO(ResidentValidator.RECORD_NO, false),
    NAME(ResidentValidator.NAME, true),
    FORMER_NAME(ResidentValidator.FORMER_NAME, false),
    GENDER(ResidentValidator.GENDER, true),
    BIRTH_DATE(ResidentValidator.BIRTH_DATE, true),
    BIRTH_DATE_ESTIMATED("birthDateEstimated", false),
    ETHNICITY(ResidentValidator.ETHNICITY, false),
    ID_NUMBER(ResidentValidator.ID_NUMBER, false),
    HOUSEHOLD(ResidentValidator.HOUSEHOLD, false),
    CATEGORY(ResidentValidator.CATEGORY, true),
    ADMISSION_DATE(ResidentValidator.ADMISSION_DATE, true),
    ADMISSION_SOURCE(ResidentValidator.ADMISSION_SOURCE, true),
    ADMISSION_FROM(ResidentValidator.ADMISSION_FROM, false),
    DISABILITY_TYPE(ResidentValidator.DISABILITY_TYPE, false),
    DISABILITY_GRADE(ResidentValidator.DISABILITY_GRADE, false),
    GUARDIANSHIP(ResidentValidator.GUARDIANSHIP, true),
    GUARDIANSHIP_NOTE("guardianshipNote", false),
    LIVING_GROUP(ResidentValidator.LIVING_GROUP, false),
    NOTE(ResidentValidator.NOTE, false);

    private final String field;
    private final boolean required;

    Column(String field, boolean required) {
        this.field = field;
        this.required = required;
    }

    public String field() {
        return field;
    }

    public boolean required() {
        return required;
    }

    /** The header in the current language. */
    public String header() {
        return Messages.t("field." + field);
    }

    public static Optional<Column> ofField(String field) {
        return Arrays.stream(values()).filter(c -> c.field.equals(field)).findFirst();
    }

    public static Optional<Column> ofHeader(String header) {
        String h = header.strip().replace("*", "").strip();
        return Arrays.stream(values()).filter(c -> {
            String key = "field." + c.field;
            return h.equals(Messages.load(Messages.CHINESE).getString(key))
                    || h.equalsIgnoreCase(Messages.load(Messages.ENGLISH).getString(key))
                    || h.equalsIgnoreCase(c.field);
        }).findFirst();
    }
}
