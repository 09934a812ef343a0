package org.huyou.residents.io;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huyou.common.FieldError;
import org.huyou.common.Gender;
import org.huyou.common.IdNumber;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.HeaderMapping;
import org.huyou.common.io.ImportCells;
import org.huyou.common.io.ImportField;
import org.huyou.common.io.ImportProblem;
import org.huyou.common.io.SheetImport;
import org.huyou.common.io.SheetImporter;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Ethnicity;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.residents.ResidentService;
import org.huyou.residents.ResidentValidator;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;

/**
 * Imports residents from the template (CSV or XLSX) through the shared pipeline ({@link SheetImport}): a preview
 * that reports every problem by row and column, and an all-or-nothing commit. A file with any invalid row adds
 * nobody. The preview checks everything the commit would refuse (a masked ID number included), so the two agree.
 */
public final class ResidentImporter implements SheetImporter<ImportPreview> {

    private static final Labels LABELS = new Labels("residents-template", "import.title", "import.done");

    private final ResidentService service;
    private final CurrentUser user;

    public ResidentImporter(ResidentService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    /** The fields a file's columns can go to, for the mapping step and {@code --map}. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    @Override
    public List<ImportField> fields() {
        user.require(AppModule.RESIDENTS, Action.CREATE);
        return Column.FIELDS;
    }

    /** The file's columns with the field guessed for each, for the mapping step. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    @Override
    public List<SheetImport.FileColumn> columns(Path file) {
        user.require(AppModule.RESIDENTS, Action.CREATE);
        return SheetImport.columns(file, Column.FIELDS);
    }

    /** Parses {@code --map "联系电话=ignore,出生年月=birthDate"}. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    @Override
    public Map<String, String> parseMapping(String spec) {
        user.require(AppModule.RESIDENTS, Action.CREATE);
        return HeaderMapping.parse(spec, Column.FIELDS);
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public ImportPreview preview(Path file) {
        return preview(file, Map.of());
    }

    /** Reads and checks the file, its columns placed by {@code mapping} (header → field key or "ignore") or guessed. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    @Override
    public ImportPreview preview(Path file, Map<String, String> mapping) {
        user.require(AppModule.RESIDENTS, Action.CREATE);
        List<ImportRow> rows = new ArrayList<>();
        Map<String, Integer> idNumbers = new HashMap<>();
        Map<String, Integer> recordNos = new HashMap<>();
        List<ImportProblem> problems;
        try {
            problems = SheetImport.read(file, Column.FIELDS, mapping, cells -> {
                Resident r = parseRow(cells);
                for (FieldError e : service.check(r)) {
                    if (!cells.failed(e.field())) {
                        cells.problem(e.field(), e.messageKey(), e.args());
                    }
                }
                duplicateInFile(idNumbers, r.idNumber(), cells, ResidentValidator.ID_NUMBER);
                duplicateInFile(recordNos, r.recordNo(), cells, ResidentValidator.RECORD_NO);
                rows.add(new ImportRow(cells.row(), r, cells.optional(ResidentValidator.LIVING_GROUP)));
            });
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserFacingException u) {
                throw u;
            }
            throw new UserFacingException(e, "import.unreadable", file.getFileName());
        }
        // Against the register, for the whole file at once: a query per row made a large file slow.
        Map<Integer, List<FieldError>> clashes = service.uniquenessProblems(
                rows.stream().map(ImportRow::resident).toList());
        if (!clashes.isEmpty()) {
            List<ImportProblem> all = new ArrayList<>(problems);
            clashes.forEach((i, errors) -> {
                for (FieldError e : errors) {
                    String column =
                            Column.ofField(e.field()).map(Column::header).orElse(e.field());
                    all.add(new ImportProblem(rows.get(i).row(), column, e.message()));
                }
            });
            all.sort(Comparator.comparingInt(ImportProblem::row));
            problems = all;
        }
        return new ImportPreview(file.getFileName().toString(), rows, problems);
    }

    /** Adds every row of a valid preview, all or none, creating living groups it names that do not exist. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    @Override
    public int commit(ImportPreview preview) {
        user.require(AppModule.RESIDENTS, Action.CREATE);
        if (!preview.valid()) {
            throw new UserFacingException("import.notValid", preview.problems().size());
        }
        List<Resident> residents = new ArrayList<>(preview.rows().size());
        List<String> groups = new ArrayList<>(preview.rows().size());
        for (ImportRow row : preview.rows()) {
            residents.add(row.resident().withIdAndVersion(null, null));
            groups.add(row.livingGroupName());
        }
        return service.importAll(residents, groups, preview.source());
    }

    @Override
    @AnyUser
    public Labels labels() {
        return LABELS;
    }

    private static Resident parseRow(ImportCells c) {
        Gender gender = c.coded(ResidentValidator.GENDER, Gender.class);
        LocalDate birth = c.date(ResidentValidator.BIRTH_DATE);
        boolean estimated = c.yesNo("birthDateEstimated");
        String ethnicity = ethnicity(c);
        Category category = c.coded(ResidentValidator.CATEGORY, Category.class);
        LocalDate admission = c.date(ResidentValidator.ADMISSION_DATE);
        AdmissionSource source = c.coded(ResidentValidator.ADMISSION_SOURCE, AdmissionSource.class);
        DisabilityType disability = c.coded(ResidentValidator.DISABILITY_TYPE, DisabilityType.class);
        Integer grade = grade(c);
        Guardianship guardianship = c.coded(ResidentValidator.GUARDIANSHIP, Guardianship.class);
        return new Resident(
                null,
                null,
                c.optional(ResidentValidator.RECORD_NO),
                c.optional(ResidentValidator.NAME),
                c.optional(ResidentValidator.FORMER_NAME),
                gender,
                birth,
                estimated,
                ethnicity,
                idNumber(c),
                c.optional(ResidentValidator.HOUSEHOLD),
                category,
                admission,
                source,
                c.optional(ResidentValidator.ADMISSION_FROM),
                disability == null ? DisabilityType.NONE : disability,
                grade,
                guardianship,
                c.optional("guardianshipNote"),
                null,
                c.optional(ResidentValidator.NOTE));
    }

    /**
     * The ID number as text. Excel keeps 15 significant digits of a number, so an 18-digit ID typed into a cell not
     * formatted as text has lost its last digits: refused, saying so. A masked number (as an export writes it
     * unless asked for full numbers) cannot be stored either; the check says so here rather than the commit later.
     */
    private static String idNumber(ImportCells c) {
        String id = IdNumber.normalize(c.textNotNumber(ResidentValidator.ID_NUMBER));
        if (id != null && id.contains("*")) {
            c.problem(ResidentValidator.ID_NUMBER, "import.maskedId");
        }
        return id;
    }

    private static String ethnicity(ImportCells c) {
        String s = c.text(ResidentValidator.ETHNICITY);
        if (s.isEmpty()) {
            return null;
        }
        var code = c.parsed("ethnicity", s, Ethnicity::parse);
        if (code.isEmpty()) {
            c.problem(ResidentValidator.ETHNICITY, "import.unknownValue", s);
        }
        return code.orElse(null);
    }

    private static Integer grade(ImportCells c) {
        String s = c.text(ResidentValidator.DISABILITY_GRADE).replace("级", "").strip();
        if (s.isEmpty()) {
            return null;
        }
        int i = "一二三四".indexOf(s);
        if (s.length() == 1 && i >= 0) {
            return i + 1;
        }
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            c.problem(ResidentValidator.DISABILITY_GRADE, "validation.gradeRange");
            return null;
        }
    }

    private static void duplicateInFile(Map<String, Integer> seen, String value, ImportCells cells, String field) {
        if (value == null) {
            return;
        }
        Integer first = seen.putIfAbsent(value, cells.row());
        if (first != null) {
            cells.problem(field, "import.duplicateInFile", first);
        }
    }
}
