package org.huyou.donations.io;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.huyou.common.io.ImportField;
import org.huyou.donations.LedgerService;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;

/**
 * Imports each fund's balance on the move-in day (期初余额), one fund a row, as opening entries of the ledger; see
 * {@link LedgerService#importOpeningBalances}. One wrong row appends nothing.
 */
public final class OpeningBalanceImporter
        extends LedgerSheetImporter<LedgerImportPreview<LedgerService.OpeningBalance>> {

    private static final Labels LABELS =
            new Labels("opening-balances-template", "openingImport.title", "openingImport.done");

    public static final List<ImportField> FIELDS = List.of(
            new ImportField("fund", "opening.fund", true, List.of("基金名称", "资金", "账户", "Fund name")),
            new ImportField("date", "opening.date", true, List.of("日期", "迁入日期", "Date", "Move-in day")),
            new ImportField("amount", "opening.amount", true, List.of("余额", "期初金额", "金额", "结余", "Amount", "Balance")),
            new ImportField("note", "ledger.description", false, List.of("备注", "说明", "Note", "Notes")));

    public OpeningBalanceImporter(LedgerService ledger, CurrentUser user) {
        super(ledger, user, FIELDS, LABELS);
    }

    @Override
    protected LedgerImportPreview<LedgerService.OpeningBalance> read(
            Path file, Map<String, String> mapping, List<ImportField> fields) {
        LedgerImportRows<LedgerService.OpeningBalance> read = new LedgerImportRows<>(
                file,
                fields,
                mapping,
                c -> new LedgerService.OpeningBalance(
                        c.optional("fund"), c.date("date"), LedgerImportRows.decimal(c, "amount"), c.optional("note")));
        if (!read.rows.isEmpty()) {
            read.refusals(ledger.openingRefusals(read.rows), Map.of());
        }
        return new LedgerImportPreview<>(file.getFileName().toString(), read.rows, read.problems);
    }

    @Override
    protected int add(LedgerImportPreview<LedgerService.OpeningBalance> preview) {
        return ledger.importOpeningBalances(preview.rows(), preview.source());
    }

    /** The shipped template's example day (2026-01-01), as the ledger would take it now. */
    @Override
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public Map<LocalDate, LocalDate> templateDates() {
        requireCreate();
        return Map.of(LocalDate.of(2026, 1, 1), ledger.firstOpenDay());
    }
}
