package org.huyou.donations.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huyou.common.FieldError;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.HeaderMapping;
import org.huyou.common.io.ImportField;
import org.huyou.common.io.ImportProblem;
import org.huyou.common.io.SheetImport;
import org.huyou.common.io.SheetImporter;
import org.huyou.donations.Donor;
import org.huyou.donations.LedgerService;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;

/**
 * Imports a home's donor register through the shared pipeline ({@link SheetImport}): one donor a row with the fields
 * of the donor form, checked as the form checks them; a donor given twice (in the file or already registered) is
 * reported by row. One wrong row adds nobody.
 */
public final class DonorImporter implements SheetImporter<DonorImportPreview> {

    private static final Labels LABELS = new Labels("donors-template", "donorImport.title", "donorImport.done");

    /** The template's columns, in order, labelled as the donor form labels them. */
    public static final List<ImportField> FIELDS = List.of(
            field("name", true, "捐赠人", "姓名", "名称", "单位名称", "捐赠单位", "Donor", "Name"),
            field("kind", true, "类型", "捐赠人类别", "Type", "Kind"),
            field("naming", true, "公示方式", "署名", "公示", "Naming", "Disclosure"),
            field("phone", false, "电话", "手机", "联系方式", "Phone", "Mobile"),
            field("address", false, "地址", "联系地址", "Address"),
            field("contactPerson", false, "联系人", "Contact", "Contact person"),
            field("note", false, "备注", "说明", "Note", "Notes"));

    private final LedgerService ledger;
    private final CurrentUser user;

    public DonorImporter(LedgerService ledger, CurrentUser user) {
        this.ledger = ledger;
        this.user = user;
    }

    private static ImportField field(String key, boolean required, String... aliases) {
        return new ImportField(key, "donor." + key, required, List.of(aliases));
    }

    @Override
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public List<ImportField> fields() {
        user.require(AppModule.DONATIONS, Action.CREATE);
        return FIELDS;
    }

    @Override
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public List<SheetImport.FileColumn> columns(Path file) {
        user.require(AppModule.DONATIONS, Action.CREATE);
        return SheetImport.columns(file, FIELDS);
    }

    @Override
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public Map<String, String> parseMapping(String spec) {
        user.require(AppModule.DONATIONS, Action.CREATE);
        return HeaderMapping.parse(spec, FIELDS);
    }

    @Override
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public DonorImportPreview preview(Path file, Map<String, String> mapping) {
        user.require(AppModule.DONATIONS, Action.CREATE);
        List<LedgerService.NewDonor> rows = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        Map<String, String> columnOf = new HashMap<>();
        List<ImportProblem> problems;
        try {
            problems = new ArrayList<>(SheetImport.read(file, FIELDS, mapping, c -> {
                rows.add(new LedgerService.NewDonor(
                        c.coded("kind", Donor.Kind.class),
                        c.optional("name"),
                        c.coded("naming", Donor.Naming.class),
                        c.optional("phone"),
                        c.optional("address"),
                        c.optional("contactPerson"),
                        c.optional("note")));
                rowNumbers.add(c.row());
                FIELDS.forEach(f -> columnOf.put(f.key(), c.column(f.key())));
            }));
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserFacingException u) {
                throw u;
            }
            throw new UserFacingException(e, "import.unreadable", file.getFileName());
        }
        if (!rows.isEmpty()) {
            ledger.donorRefusals(rows).forEach((i, errors) -> {
                int row = rowNumbers.get(i);
                for (FieldError e : errors) {
                    String column = columnOf.getOrDefault(e.field(), e.field());
                    if (problems.stream()
                            .anyMatch(p -> p.row() == row && p.column().equals(column))) {
                        continue; // an unknown type was named already; "required" would say it twice
                    }
                    String message = e.messageKey().equals("import.duplicateOfEntry")
                            ? Messages.t("import.duplicateInFile", rowNumbers.get((Integer) e.args()[0] - 1))
                            : e.message();
                    problems.add(new ImportProblem(row, column, message));
                }
            });
            problems.sort(Comparator.comparingInt(ImportProblem::row));
        }
        return new DonorImportPreview(file.getFileName().toString(), rows, problems);
    }

    @Override
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public int commit(DonorImportPreview preview) {
        user.require(AppModule.DONATIONS, Action.CREATE);
        if (!preview.valid()) {
            throw new UserFacingException("import.notValid", preview.problems().size());
        }
        return ledger.importDonors(preview.rows(), preview.source());
    }

    @Override
    @AnyUser
    public Labels labels() {
        return LABELS;
    }
}
