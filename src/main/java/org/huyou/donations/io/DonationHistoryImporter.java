package org.huyou.donations.io;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.huyou.common.io.ImportField;
import org.huyou.donations.Donor;
import org.huyou.donations.GoodsItem;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerService;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;

/**
 * Imports the donations a home received before the move, money or goods, one a row, as ledger entries with their
 * original dates; see {@link LedgerService#importDonationHistory}. One wrong row appends nothing.
 */
public final class DonationHistoryImporter
        extends LedgerSheetImporter<LedgerImportPreview<LedgerService.PastDonation>> {

    private static final Labels LABELS = new Labels("donations-template", "historyImport.title", "historyImport.done");

    public static final List<ImportField> FIELDS = List.of(
            new ImportField("date", "history.date", true, List.of("日期", "捐赠时间", "到账日期", "Date")),
            new ImportField("donor", "donor.name", true, List.of("捐赠人", "捐赠单位", "姓名", "Donor", "Name")),
            new ImportField("donorKind", "donor.kind", false, List.of("类型", "Donor type", "Type")),
            new ImportField("naming", "donor.naming", false, List.of("署名", "公示方式", "Naming")),
            new ImportField("fund", "opening.fund", false, List.of("基金名称", "Fund name")),
            new ImportField("amount", "ledger.amount", false, List.of("金额", "捐款金额", "Amount")),
            new ImportField("channel", "ledger.channel", false, List.of("方式", "支付方式", "Channel")),
            new ImportField("item", "goods.item", false, List.of("物品", "物资", "物资名称", "Item")),
            new ImportField("quantity", "goods.quantity", false, List.of("Quantity", "Qty")),
            new ImportField("unit", "goods.unit", false, List.of("Unit")),
            new ImportField("category", "goods.category", false, List.of("类别", "Category")),
            new ImportField("expiry", "goods.expiry", false, List.of("保质期至", "Expiry")),
            new ImportField("value", "goods.value", false, List.of("估价", "价值", "Value")),
            new ImportField("note", "ledger.description", false, List.of("备注", "说明", "Note", "Notes")));

    /** The service names a donor's fields as the donor form does. */
    private static final Map<String, String> FIELD_OF = Map.of("name", "donor", "kind", "donorKind");

    public DonationHistoryImporter(LedgerService ledger, CurrentUser user) {
        super(ledger, user, FIELDS, LABELS);
    }

    @Override
    protected LedgerImportPreview<LedgerService.PastDonation> read(
            Path file, Map<String, String> mapping, List<ImportField> fields) {
        LedgerImportRows<LedgerService.PastDonation> read = new LedgerImportRows<>(
                file,
                fields,
                mapping,
                c -> new LedgerService.PastDonation(
                        c.date("date"),
                        c.optional("donor"),
                        c.coded("donorKind", Donor.Kind.class),
                        c.coded("naming", Donor.Naming.class),
                        c.optional("fund"),
                        LedgerImportRows.decimal(c, "amount"),
                        c.coded("channel", LedgerEntry.Channel.class),
                        c.optional("item"),
                        LedgerImportRows.decimal(c, "quantity"),
                        c.optional("unit"),
                        c.coded("category", GoodsItem.Category.class),
                        c.date("expiry"),
                        LedgerImportRows.decimal(c, "value"),
                        c.optional("note")));
        if (!read.rows.isEmpty()) {
            read.refusals(ledger.historyRefusals(read.rows), FIELD_OF);
        }
        return new LedgerImportPreview<>(file.getFileName().toString(), read.rows, read.problems);
    }

    @Override
    protected int add(LedgerImportPreview<LedgerService.PastDonation> preview) {
        return ledger.importDonationHistory(preview.rows(), preview.source());
    }

    /** The shipped template's example days (2025-03-05, 2025-06-01), as the ledger would take them now. */
    @Override
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public Map<LocalDate, LocalDate> templateDates() {
        requireCreate();
        LocalDate open = ledger.firstOpenDay();
        return Map.of(LocalDate.of(2025, 3, 5), open, LocalDate.of(2025, 6, 1), open);
    }
}
