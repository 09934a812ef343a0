package org.huyou.residents.io;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.huyou.common.Messages;
import org.huyou.common.io.ImportField;
import org.huyou.residents.ResidentValidator;

/**
 * The columns of the resident import template, in order. Headers are read in Chinese or English, and under the
 * other names homes' own registers use for them (出生年月, 身份证号码, 组别...).
 */
public enum Column {
    RECORD_NO(ResidentValidator.RECORD_NO, false, "档案编号", "编号", "档案号码", "Record number", "No"),
    NAME(ResidentValidator.NAME, true, "儿童姓名", "名字", "姓名（现名）", "Full name"),
    FORMER_NAME(ResidentValidator.FORMER_NAME, false, "原名", "Previous name"),
    GENDER(ResidentValidator.GENDER, true, "性别（男/女）", "Sex"),
    BIRTH_DATE(ResidentValidator.BIRTH_DATE, true, "出生年月", "出生年月日", "生日", "出生时间", "Date of birth", "DOB", "Birthday"),
    BIRTH_DATE_ESTIMATED("birthDateEstimated", false, "生日为估计", "出生日期是否估计", "Birth date estimated"),
    ETHNICITY(ResidentValidator.ETHNICITY, false, "族别", "Nationality"),
    ID_NUMBER(ResidentValidator.ID_NUMBER, false, "身份证", "身份证号码", "公民身份号码", "身份证件号码", "ID", "ID number", "ID card"),
    HOUSEHOLD(ResidentValidator.HOUSEHOLD, false, "户籍", "户口所在地", "户籍所在地", "Hukou"),
    CATEGORY(ResidentValidator.CATEGORY, true, "类别", "儿童类型", "Type"),
    ADMISSION_DATE(ResidentValidator.ADMISSION_DATE, true, "入院时间", "入住日期", "入院年月", "Admitted", "Date admitted"),
    ADMISSION_SOURCE(ResidentValidator.ADMISSION_SOURCE, true, "来源", "入院方式", "Source"),
    ADMISSION_FROM(ResidentValidator.ADMISSION_FROM, false, "送养单位", "转出机构", "送交单位", "From"),
    DISABILITY_TYPE(ResidentValidator.DISABILITY_TYPE, false, "残疾类别", "残疾情况", "Disability"),
    DISABILITY_GRADE(ResidentValidator.DISABILITY_GRADE, false, "残疾级别", "Disability level"),
    GUARDIANSHIP(ResidentValidator.GUARDIANSHIP, true, "监护", "监护状况", "Guardian"),
    GUARDIANSHIP_NOTE(ResidentValidator.GUARDIANSHIP_NOTE, false, "监护备注", "Guardian note"),
    LIVING_GROUP(ResidentValidator.LIVING_GROUP, false, "组别", "班组", "生活小组", "所在组", "Group"),
    NOTE(ResidentValidator.NOTE, false, "说明", "Remarks", "Notes", "Comment");

    /** The template's fields as the import pipeline maps a file's columns to them. */
    public static final List<ImportField> FIELDS =
            Arrays.stream(values()).map(Column::importField).toList();

    private final String field;
    private final boolean required;
    private final List<String> aliases;

    Column(String field, boolean required, String... aliases) {
        this.field = field;
        this.required = required;
        this.aliases = List.of(aliases);
    }

    public String field() {
        return field;
    }

    public boolean required() {
        return required;
    }

    public ImportField importField() {
        return new ImportField(field, "field." + field, required, aliases);
    }

    /** The header in the current language. */
    public String header() {
        return Messages.t("field." + field);
    }

    public static Optional<Column> ofField(String field) {
        return Arrays.stream(values()).filter(c -> c.field.equals(field)).findFirst();
    }
}
