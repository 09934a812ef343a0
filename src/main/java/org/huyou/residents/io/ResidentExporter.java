package org.huyou.residents.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.huyou.common.Dates;
import org.huyou.common.IdNumber;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.Csv;
import org.huyou.common.io.Tables;
import org.huyou.common.io.WriteBeside;
import org.huyou.common.io.XlsxWriter;
import org.huyou.residents.Ethnicity;
import org.huyou.residents.LivingGroup;
import org.huyou.residents.Resident;
import org.huyou.residents.ResidentService;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;

/**
 * Writes the register in the import template's format (CSV or XLSX by the file's ending), streaming row by row.
 * ID numbers are masked unless the caller asks for them in full (and may see them): an export is a copy of children's
 * personal data, and is audited with what it contained.
 */
public final class ResidentExporter {

    private final ResidentService service;
    private final CurrentUser user;

    public ResidentExporter(ResidentService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.EXPORT)
    public int export(Path out, boolean fullIdNumbers) {
        user.require(AppModule.RESIDENTS, Action.EXPORT);
        Map<Long, String> groups =
                service.livingGroups().stream().collect(Collectors.toMap(LivingGroup::id, LivingGroup::name));
        int[] count = {0};
        try {
            // Written aside, owner-only, and moved into place: a failed export never leaves a half file under the
            // real name, and another account on the PC never reads the register (ID numbers in full, perhaps).
            WriteBeside.write(
                    out,
                    tmp -> count[0] = Tables.isXlsx(out)
                            ? writeXlsx(tmp, groups, fullIdNumbers)
                            : writeCsv(tmp, groups, fullIdNumbers));
            service.recordExport(out.getFileName().toString(), count[0], fullIdNumbers, header());
            return count[0];
        } catch (IOException | UncheckedIOException e) {
            throw new UserFacingException(e, "export.failed", out);
        }
    }

    @AnyUser
    public static List<String> header() {
        return Arrays.stream(Column.values()).map(Column::header).toList();
    }

    /** A row as text (the CSV's and the import template's cells): dates as yyyy-MM-dd. */
    @AnyUser
    public static List<String> row(Resident r, Function<Long, String> groupName, boolean fullIdNumbers) {
        return cells(r, groupName, fullIdNumbers).stream()
                .map(v -> v instanceof LocalDate d ? Dates.format(d) : v == null ? "" : String.valueOf(v))
                .toList();
    }

    /**
     * A row by the cells' types: dates as dates and the disability grade as a number, so a spreadsheet sorts and
     * filters them as such; everything else (the ID number and record number included) as text.
     */
    @AnyUser
    public static List<Object> cells(Resident r, Function<Long, String> groupName, boolean fullIdNumbers) {
        List<Object> cells = new ArrayList<>();
        for (Column c : Column.values()) {
            cells.add(
                    switch (c) {
                        case RECORD_NO -> r.recordNo();
                        case NAME -> r.name();
                        case FORMER_NAME -> r.formerName();
                        case GENDER -> r.gender().label();
                        case BIRTH_DATE -> r.birthDate();
                        case BIRTH_DATE_ESTIMATED -> Messages.t(r.birthDateEstimated() ? "common.yes" : "common.no");
                        case ETHNICITY -> r.ethnicity() == null ? "" : Ethnicity.label(r.ethnicity());
                        case ID_NUMBER -> fullIdNumbers ? r.idNumber() : IdNumber.mask(r.idNumber());
                        case HOUSEHOLD -> r.householdRegistration();
                        case CATEGORY -> r.category().label();
                        case ADMISSION_DATE -> r.admissionDate();
                        case ADMISSION_SOURCE -> r.admissionSource().label();
                        case ADMISSION_FROM -> r.admissionFrom();
                        case DISABILITY_TYPE -> r.disabilityType().label();
                        case DISABILITY_GRADE -> r.disabilityGrade();
                        case GUARDIANSHIP -> r.guardianship().label();
                        case GUARDIANSHIP_NOTE -> r.guardianshipNote();
                        case LIVING_GROUP -> r.livingGroupId() == null ? "" : groupName.apply(r.livingGroupId());
                        case NOTE -> r.note();
                    });
        }
        return cells;
    }

    private int writeCsv(Path file, Map<Long, String> groups, boolean full) throws IOException {
        int[] count = {0};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(Csv.BOM); // Excel reads UTF-8 Chinese correctly only with the BOM
            Csv.writeRow(w, header());
            service.forEachForExport(full, r -> {
                try {
                    Csv.writeRow(w, row(r, groups::get, full));
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return count[0];
    }

    private int writeXlsx(Path file, Map<Long, String> groups, boolean full) throws IOException {
        int[] count = {0};
        XlsxWriter.write(file, wb -> {
            XlsxWriter.Sheet ws = wb.sheet(Messages.t("export.residentsSheet"));
            ws.row(0, header());
            service.forEachForExport(full, r -> {
                count[0]++;
                ws.row(count[0], cells(r, groups::get, full));
                if (count[0] % 1000 == 0) {
                    try {
                        ws.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        });
        return count[0];
    }
}
