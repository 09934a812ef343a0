package org.huyou.cli;

import org.huyou.app.AppContext;
import org.huyou.common.io.SheetImporter;
import org.huyou.donations.LedgerService;
import org.huyou.donations.io.LedgerImportPreview;
import picocli.CommandLine.Command;

@Command(
        name = "import-donations",
        mixinStandardHelpOptions = true,
        description = "Import the donations (money or goods) a home received before the move, as ledger entries "
                + "with their original dates, from the CSV or XLSX template. Prints a report by row; imports nothing "
                + "and exits 1 if any row is invalid.")
final class ImportDonationsCommand extends SheetImportCommand<LedgerImportPreview<LedgerService.PastDonation>> {

    ImportDonationsCommand() {
        super("donations-template");
    }

    @Override
    SheetImporter<LedgerImportPreview<LedgerService.PastDonation>> importer(AppContext ctx) {
        return ctx.historyImporter();
    }
}
