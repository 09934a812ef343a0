package org.huyou.cli;

import org.huyou.app.AppContext;
import org.huyou.common.io.SheetImporter;
import org.huyou.donations.LedgerService;
import org.huyou.donations.io.LedgerImportPreview;
import picocli.CommandLine.Command;

@Command(
        name = "import-opening-balances",
        mixinStandardHelpOptions = true,
        description = "Import each fund's balance on the move-in day (opening balances) from the CSV or XLSX "
                + "template. Prints a report by row; imports nothing and exits 1 if any row is invalid.")
final class ImportOpeningBalancesCommand extends SheetImportCommand<LedgerImportPreview<LedgerService.OpeningBalance>> {

    ImportOpeningBalancesCommand() {
        super("opening-balances-template");
    }

    @Override
    SheetImporter<LedgerImportPreview<LedgerService.OpeningBalance>> importer(AppContext ctx) {
        return ctx.openingImporter();
    }
}
