package org.huyou.cli;

import org.huyou.app.AppContext;
import org.huyou.common.io.SheetImporter;
import org.huyou.donations.io.DonorImportPreview;
import picocli.CommandLine.Command;

@Command(
        name = "import-donors",
        mixinStandardHelpOptions = true,
        description = "Import a home's donor register (type, name, disclosure naming, contact) from the CSV or XLSX "
                + "template. Prints a report by row; imports nothing and exits 1 if any row is invalid.")
final class ImportDonorsCommand extends SheetImportCommand<DonorImportPreview> {

    ImportDonorsCommand() {
        super("donors-template");
    }

    @Override
    SheetImporter<DonorImportPreview> importer(AppContext ctx) {
        return ctx.donorImporter();
    }
}
