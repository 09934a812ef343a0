package org.huyou.donations.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.huyou.common.io.ImportField;
import org.huyou.common.io.SheetImport;
import org.huyou.donations.Donor;
import org.huyou.donations.LedgerService;
import org.huyou.security.CurrentUser;

/**
 * Imports a home's donor register through the shared pipeline ({@link SheetImport}): one donor a row with the fields
 * of the donor form, checked as the form checks them; a donor given twice (in the file or already registered) is
 * reported by row. One wrong row adds nobody.
 */
public final class DonorImporter extends LedgerSheetImporter<DonorImportPreview> {

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

    public DonorImporter(LedgerService ledger, CurrentUser user) {
        super(ledger, user, FIELDS, LABELS);
    }

    private static ImportField field(String key, boolean required, String... aliases) {
        return new ImportField(key, "donor." + key, required, List.of(aliases));
    }

    @Override
    protected DonorImportPreview read(Path file, Map<String, String> mapping, List<ImportField> fields) {
        LedgerImportRows<LedgerService.NewDonor> read = new LedgerImportRows<>(
                file,
                fields,
                mapping,
                c -> new LedgerService.NewDonor(
                        c.coded("kind", Donor.Kind.class),
                        c.optional("name"),
                        c.coded("naming", Donor.Naming.class),
                        c.optional("phone"),
                        c.optional("address"),
                        c.optional("contactPerson"),
                        c.optional("note")));
        if (!read.rows.isEmpty()) {
            read.refusals(ledger.donorRefusals(read.rows), Map.of());
        }
        return new DonorImportPreview(file.getFileName().toString(), read.rows, read.problems);
    }

    @Override
    protected int add(DonorImportPreview preview) {
        return ledger.importDonors(preview.rows(), preview.source());
    }
}
