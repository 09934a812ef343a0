package org.huyou.residents.io;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.huyou.common.Coded;
import org.huyou.common.Dates;
import org.huyou.common.FieldError;
import org.huyou.common.Gender;
import org.huyou.common.IdNumber;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.Tables;
import org.huyou.db.Transactions;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Ethnicity;
import org.huyou.residents.Guardianship;
import org.huyou.residents.LivingGroup;
import org.huyou.residents.Resident;
import org.huyou.residents.ResidentService;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;

/**
 * Imports residents from the template (CSV or XLSX): a preview that reports every problem by row and column, and
 * an all-or-nothing commit. A file with any invalid row adds nobody.
 */
public final class ResidentImporter {

    private static final Set<String> YES = Set.of("是", "y", "yes", "true", "1", "估计", "√");
    private static final Set<String> NO = Set.of("否", "n", "no", "false", "0", "");

    private final ResidentService service;
    private final Transactions tx;
    private final CurrentUser user;

    public ResidentImporter(ResidentService service, Transactions tx, CurrentUser user) {
        this.service = service;
        this.tx = tx;
        this.user = user;
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public ImportPreview preview(Path file) {
        user.require(AppModule.RESIDENTS, Action.CREATE);
        List<List<String>> table;
        try {
            table = Tables.read(file);
        } catch (IOException | RuntimeException e) {
            throw new UserFacingException(e, "import.unreadable", file.getFileName());
        }
        return previewTable(file.getFileName().toString(), table);
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public ImportPreview preview(List<List<String>> table) {
        user.require(AppModule.RESIDENTS, Action.CREATE);
        return previewTable("", table);
    }

    private ImportPreview previewTable(String source, List<List<String>> table) {
        List<ImportProblem> problems = new ArrayList<>();
        int headerIndex = firstNonBlank(table);
        if (headerIndex < 0) {
            return new ImportPreview(source, List.of(), List.of(new ImportProblem(1, "", Messages.t("import.empty"))));
        }
        Map<Integer, Column> columns = mapHeader(table.get(headerIndex), headerIndex + 1, problems);
        for (Column c : Column.values()) {
            if (c.required() && !columns.containsValue(c)) {
                problems.add(new ImportProblem(headerIndex + 1, c.header(), Messages.t("import.missingColumn")));
            }
        }
        if (!problems.isEmpty()) {
            return new ImportPreview(source, List.of(), problems);
        }
        List<ImportRow> rows = new ArrayList<>();
        Map<String, Integer> idNumbers = new HashMap<>();
        Map<String, Integer> recordNos = new HashMap<>();
        for (int i = headerIndex + 1; i < table.size(); i++) {
            List<String> cells = table.get(i);
            if (isBlank(cells)) {
                continue;
            }
            int rowNo = i + 1;
            Map<Column, String> values = new EnumMap<>(Column.class);
            columns.forEach((index, column) -> values.put(column, index < cells.size() ? cells.get(index).strip() : ""));
            List<ImportProblem> rowProblems = new ArrayList<>();
            Resident r = parseRow(rowNo, values, rowProblems);
            Set<String> failedFields = new HashSet<>();
            rowProblems.forEach(p -> failedFields.add(p.column()));
            List<FieldError> ruleErrors = new ArrayList<>(service.check(r));
            ruleErrors.addAll(service.uniquenessProblems(r));
            for (FieldError e : ruleErrors) {
                String header = Column.ofField(e.field()).map(Column::header).orElse(e.field());
                if (!failedFields.contains(header)) {
                    rowProblems.add(new ImportProblem(rowNo, header, e.message()));
                }
            }
            duplicateInFile(idNumbers, r.idNumber(), rowNo, Column.ID_NUMBER, rowProblems);
            duplicateInFile(recordNos, r.recordNo(), rowNo, Column.RECORD_NO, rowProblems);
            problems.addAll(rowProblems);
            rows.add(new ImportRow(rowNo, r, emptyToNull(values.get(Column.LIVING_GROUP))));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new ImportProblem(headerIndex + 1, "", Messages.t("import.noRows")));
        }
        return new ImportPreview(source, rows, problems);
    }

    /** Adds every row of a valid preview in one transaction, creating living groups it names that do not exist. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public int commit(ImportPreview preview) {
        user.require(AppModule.RESIDENTS, Action.CREATE);
        if (!preview.valid()) {
            throw new UserFacingException("import.notValid", preview.problems().size());
        }
        return tx.inTransaction(() -> {
            Map<String, Long> groups = new HashMap<>();
            for (LivingGroup g : service.livingGroups()) {
                groups.put(g.name(), g.id());
            }
            List<Resident> residents = new ArrayList<>();
            for (ImportRow row : preview.rows()) {
                Long groupId = null;
                if (row.livingGroupName() != null) {
                    groupId = groups.computeIfAbsent(row.livingGroupName(),
                            name -> service.createLivingGroup(name).id());
                }
                Resident r = row.resident();
                residents.add(new Resident(null, null, r.recordNo(), r.name(), r.formerName(), r.gender(),
                        r.birthDate(), r.birthDateEstimated(), r.ethnicity(), r.idNumber(),
                        r.householdRegistration(), r.category(), r.admissionDate(), r.admissionSource(),
                        r.admissionFrom(), r.disabilityType(), r.disabilityGrade(), r.guardianship(),
                        r.guardianshipNote(), groupId, r.note()));
            }
            int n = service.createAll(residents);
            service.recordImport(preview.source(), n);
            return n;
        });
    }

    private Resident parseRow(int rowNo, Map<Column, String> v, List<ImportProblem> problems) {
        Cells cells = new Cells(rowNo, v, problems);
        Gender gender = cells.coded(Column.GENDER, Gender.class);
        LocalDate birth = cells.date(Column.BIRTH_DATE);
        boolean estimated = cells.yesNo(Column.BIRTH_DATE_ESTIMATED);
        String ethnicity = cells.ethnicity();
        Category category = cells.coded(Column.CATEGORY, Category.class);
        LocalDate admission = cells.date(Column.ADMISSION_DATE);
        AdmissionSource source = cells.coded(Column.ADMISSION_SOURCE, AdmissionSource.class);
        DisabilityType disability = cells.coded(Column.DISABILITY_TYPE, DisabilityType.class);
        Integer grade = cells.grade();
        Guardianship guardianship = cells.coded(Column.GUARDIANSHIP, Guardianship.class);
        return new Resident(null, null, emptyToNull(v.get(Column.RECORD_NO)), emptyToNull(v.get(Column.NAME)),
                emptyToNull(v.get(Column.FORMER_NAME)), gender, birth, estimated, ethnicity,
                IdNumber.normalize(v.get(Column.ID_NUMBER)), emptyToNull(v.get(Column.HOUSEHOLD)), category, admission,
                source, emptyToNull(v.get(Column.ADMISSION_FROM)),
                disability == null ? DisabilityType.NONE : disability, grade, guardianship,
                emptyToNull(v.get(Column.GUARDIANSHIP_NOTE)), null, emptyToNull(v.get(Column.NOTE)));
    }

    /** Typed reading of one row's cells; a cell that cannot be read adds a problem and reads as null. */
    private record Cells(int row, Map<Column, String> values, List<ImportProblem> problems) {

        String raw(Column c) {
            String s = values.get(c);
            return s == null ? "" : s;
        }

        void problem(Column c, String key, Object... args) {
            problems.add(new ImportProblem(row, c.header(), Messages.t(key, args)));
        }

        <E extends Enum<E> & Coded> E coded(Column c, Class<E> type) {
            String s = raw(c);
            if (s.isEmpty()) {
                return null; // "required" is the validator's to say
            }
            Optional<E> e = Coded.parse(type, s);
            if (e.isEmpty()) {
                problem(c, "import.unknownValue", s);
            }
            return e.orElse(null);
        }

        LocalDate date(Column c) {
            String s = raw(c);
            if (s.isEmpty()) {
                return null;
            }
            Optional<LocalDate> d = Dates.parse(s);
            if (d.isEmpty()) {
                problem(c, "validation.badDate", s);
            }
            return d.orElse(null);
        }

        boolean yesNo(Column c) {
            String s = raw(c).toLowerCase(Locale.ROOT);
            if (YES.contains(s)) {
                return true;
            }
            if (!NO.contains(s)) {
                problem(c, "import.unknownValue", raw(c));
            }
            return false;
        }

        String ethnicity() {
            String s = raw(Column.ETHNICITY);
            if (s.isEmpty()) {
                return null;
            }
            Optional<String> code = Ethnicity.parse(s);
            if (code.isEmpty()) {
                problem(Column.ETHNICITY, "import.unknownValue", s);
            }
            return code.orElse(null);
        }

        Integer grade() {
            String s = raw(Column.DISABILITY_GRADE).replace("级", "").strip();
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
                problem(Column.DISABILITY_GRADE, "validation.gradeRange");
                return null;
            }
        }
    }

    private static void duplicateInFile(Map<String, Integer> seen, String value, int rowNo, Column column,
                                        List<ImportProblem> problems) {
        if (value == null) {
            return;
        }
        Integer first = seen.putIfAbsent(value, rowNo);
        if (first != null) {
            problems.add(new ImportProblem(rowNo, column.header(), Messages.t("import.duplicateInFile", first)));
        }
    }

    private static Map<Integer, Column> mapHeader(List<String> header, int rowNo, List<ImportProblem> problems) {
        Map<Integer, Column> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i).strip();
            if (h.isEmpty()) {
                continue;
            }
            Optional<Column> c = Column.ofHeader(h);
            if (c.isEmpty()) {
                problems.add(new ImportProblem(rowNo, h, Messages.t("import.unknownColumn")));
            } else if (columns.containsValue(c.get())) {
                problems.add(new ImportProblem(rowNo, h, Messages.t("import.repeatedColumn")));
            } else {
                columns.put(i, c.get());
            }
        }
        return columns;
    }

    private static int firstNonBlank(List<List<String>> table) {
        for (int i = 0; i < table.size(); i++) {
            if (!isBlank(table.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
