package org.huyou.cli;

import org.huyou.app.AppContext;
import org.huyou.common.io.SheetImporter;
import org.huyou.volunteers.io.VolunteerImportPreview;
import picocli.CommandLine.Command;

@Command(
        name = "import-volunteers",
        mixinStandardHelpOptions = true,
        description = "Import a home's volunteer list (with a background check and a training per row) from the CSV "
                + "or XLSX template. Prints a report by row; imports nothing and exits 1 if any row is invalid.")
final class ImportVolunteersCommand extends SheetImportCommand<VolunteerImportPreview> {

    ImportVolunteersCommand() {
        super("volunteers-template");
    }

    @Override
    SheetImporter<VolunteerImportPreview> importer(AppContext ctx) {
        return ctx.volunteerImporter();
    }
}
