package org.huyou.cli;

import org.huyou.app.AppContext;
import org.huyou.common.io.SheetImporter;
import org.huyou.residents.io.ImportPreview;
import picocli.CommandLine.Command;

@Command(
        name = "import-residents",
        mixinStandardHelpOptions = true,
        description = "Import residents from the CSV or XLSX template. Prints a report by row; "
                + "imports nothing and exits 1 if any row is invalid.")
final class ImportResidentsCommand extends SheetImportCommand<ImportPreview> {

    ImportResidentsCommand() {
        super("residents-template");
    }

    @Override
    SheetImporter<ImportPreview> importer(AppContext ctx) {
        return ctx.residentImporter();
    }
}
