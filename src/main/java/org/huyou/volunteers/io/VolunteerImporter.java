package org.huyou.volunteers.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.huyou.common.Coded;
import org.huyou.common.FieldError;
import org.huyou.common.IdNumber;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.HeaderMapping;
import org.huyou.common.io.ImportCells;
import org.huyou.common.io.ImportField;
import org.huyou.common.io.ImportProblem;
import org.huyou.common.io.SheetImport;
import org.huyou.common.io.SheetImporter;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;
import org.huyou.volunteers.BackgroundCheck;
import org.huyou.volunteers.Training;
import org.huyou.volunteers.Volunteer;
import org.huyou.volunteers.VolunteerService;

/**
 * Imports a home's existing volunteer list through the shared pipeline ({@link SheetImport}): one volunteer a row,
 * with their latest criminal-record inquiry and one training when the row gives them. A duplicate (same ID number,
 * or same name and phone, in the file or in the register) is reported by row; one wrong row adds nobody.
 */
public final class VolunteerImporter implements SheetImporter<VolunteerImportPreview> {

    private static final Labels LABELS =
            new Labels("volunteers-template", "volunteerImport.title", "volunteerImport.done");

    /** The template's columns, in order; a row's check and training are read only when one of their cells is filled. */
    public static final List<ImportField> FIELDS = List.of(
            field("name", true, "姓名", "志愿者姓名", "Name", "Full name"),
            field("phone", true, "电话", "手机", "手机号", "手机号码", "联系方式", "Mobile", "Phone"),
            field("idNumber", false, "身份证", "身份证号码", "公民身份号码", "ID", "ID card"),
            field("organisation", false, "单位", "工作单位", "所在单位", "团队", "所属组织", "Organization", "Team"),
            field("specialties", false, "特长", "专业特长", "Skills"),
            field("certificates", false, "证书", "资格证书", "Certificates"),
            field("availability", false, "服务时间", "可服务时间", "Availability"),
            field("checkedOn", false, "无犯罪记录查询日期", "查询日期", "背景审查日期", "Check date"),
            field("checkResult", false, "查询结果", "背景审查结果", "Check result"),
            field("validUntil", false, "有效期至", "查询有效期", "Valid until"),
            field("checkReference", false, "查询凭证号", "Check reference"),
            field("trainingCourse", false, "培训课程", "培训", "Training"),
            field("trainingDate", false, "培训日期", "Training date"),
            field("trainingHours", false, "培训学时", "学时", "Training hours"));

    private static final List<String> CHECK_FIELDS =
            List.of("checkedOn", "checkResult", "validUntil", "checkReference");
    private static final List<String> TRAINING_FIELDS = List.of("trainingCourse", "trainingDate", "trainingHours");
    /** The service's field names for a check's and a training's fields, as this file's columns. */
    private static final Map<String, String> COLUMN_OF = Map.of(
            "check.checkedOn",
            "checkedOn",
            "check.result",
            "checkResult",
            "check.validUntil",
            "validUntil",
            "check.reference",
            "checkReference",
            "training.course",
            "trainingCourse",
            "training.trainedOn",
            "trainingDate",
            "training.hours",
            "trainingHours");

    private final VolunteerService service;
    private final CurrentUser user;

    public VolunteerImporter(VolunteerService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    private static ImportField field(String key, boolean required, String... aliases) {
        return new ImportField(key, "volunteerImport.field." + key, required, List.of(aliases));
    }

    @Override
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.CREATE)
    public List<ImportField> fields() {
        user.require(AppModule.VOLUNTEERS, Action.CREATE);
        return FIELDS;
    }

    @Override
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.CREATE)
    public List<SheetImport.FileColumn> columns(Path file) {
        user.require(AppModule.VOLUNTEERS, Action.CREATE);
        return SheetImport.columns(file, FIELDS);
    }

    @Override
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.CREATE)
    public Map<String, String> parseMapping(String spec) {
        user.require(AppModule.VOLUNTEERS, Action.CREATE);
        return HeaderMapping.parse(spec, FIELDS);
    }

    /** Reads and checks the file; every problem the commit would refuse is reported here by row and column. */
    @Override
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.CREATE)
    public VolunteerImportPreview preview(Path file, Map<String, String> mapping) {
        user.require(AppModule.VOLUNTEERS, Action.CREATE);
        List<VolunteerService.Imported> rows = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        // the headers the file gave the ID number and phone, which a duplicate is reported under
        String[] columns = {"", ""};
        List<ImportProblem> problems;
        try {
            problems = SheetImport.read(file, FIELDS, mapping, cells -> {
                VolunteerService.Imported r = parseRow(cells);
                for (FieldError e : service.check(r)) {
                    String key = COLUMN_OF.getOrDefault(e.field(), e.field());
                    if (!cells.failed(key)) {
                        cells.problem(key, e.messageKey(), e.args());
                    }
                }
                rows.add(r);
                rowNumbers.add(cells.row());
                columns[0] = cells.column("idNumber");
                columns[1] = cells.column("phone");
            });
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserFacingException u) {
                throw u;
            }
            throw new UserFacingException(e, "import.unreadable", file.getFileName());
        }
        Map<Integer, List<FieldError>> clashes = service.duplicates(
                rows.stream().map(VolunteerService.Imported::volunteer).toList());
        if (!clashes.isEmpty()) {
            List<ImportProblem> all = new ArrayList<>(problems);
            clashes.forEach((i, errors) -> {
                for (FieldError e : errors) {
                    String column = e.field().equals("idNumber") ? columns[0] : columns[1];
                    String message = e.messageKey().equals("import.duplicateOfEntry")
                            ? Messages.t("import.duplicateInFile", rowNumbers.get((Integer) e.args()[0] - 1))
                            : e.message();
                    all.add(new ImportProblem(rowNumbers.get(i), column, message));
                }
            });
            all.sort(Comparator.comparingInt(ImportProblem::row));
            problems = all;
        }
        return new VolunteerImportPreview(file.getFileName().toString(), rows, problems);
    }

    @Override
    @RequiresPermission(module = AppModule.VOLUNTEERS, action = Action.CREATE)
    public int commit(VolunteerImportPreview preview) {
        user.require(AppModule.VOLUNTEERS, Action.CREATE);
        if (!preview.valid()) {
            throw new UserFacingException("import.notValid", preview.problems().size());
        }
        return service.importAll(preview.rows(), preview.source());
    }

    @Override
    @AnyUser
    public Labels labels() {
        return LABELS;
    }

    private static VolunteerService.Imported parseRow(ImportCells c) {
        String id = c.textNotNumber("idNumber");
        if (id != null && id.contains("*")) {
            c.problem("idNumber", "import.maskedId");
        }
        Volunteer v = new Volunteer(
                0,
                c.optional("name"),
                id == null ? null : IdNumber.normalize(id),
                c.optional("phone"),
                c.optional("organisation"),
                specialties(c),
                c.optional("certificates"),
                c.optional("availability"),
                0);
        BackgroundCheck check = null;
        if (CHECK_FIELDS.stream().anyMatch(k -> !c.text(k).isEmpty())) {
            LocalDate on = c.date("checkedOn");
            BackgroundCheck.Result result = c.coded("checkResult", BackgroundCheck.Result.class);
            check = new BackgroundCheck(0, 0, on, result, c.date("validUntil"), c.optional("checkReference"));
        }
        Training training = null;
        if (TRAINING_FIELDS.stream().anyMatch(k -> !c.text(k).isEmpty())) {
            training = new Training(0, 0, c.optional("trainingCourse"), c.date("trainingDate"), hours(c));
        }
        return new VolunteerService.Imported(v, check, training);
    }

    /** Specialties as a home writes them: "特殊教育、康复" or "Psychology, Medical". */
    private static Set<Volunteer.Specialty> specialties(ImportCells c) {
        Set<Volunteer.Specialty> s = EnumSet.noneOf(Volunteer.Specialty.class);
        for (String part : c.text("specialties").split("[,，、;；/]")) {
            if (part.isBlank()) {
                continue;
            }
            Optional<Volunteer.Specialty> one = c.parsed(
                    Volunteer.Specialty.class.getName(), part.strip(), t -> Coded.parse(Volunteer.Specialty.class, t));
            if (one.isEmpty()) {
                c.problem("specialties", "import.unknownValue", part.strip());
            } else {
                s.add(one.get());
            }
        }
        return s;
    }

    private static BigDecimal hours(ImportCells c) {
        String s = c.text("trainingHours");
        if (s.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            c.problem("trainingHours", "import.notANumber", s);
            return null;
        }
    }
}
