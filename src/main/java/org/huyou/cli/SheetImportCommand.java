package org.huyou.cli;

import org.huyou.app.AppContext;
import org.huyou.common.io.SheetImporter;
import picocli.CommandLine.Mixin;

/**
 * An {@code import-…} command: the options and run every register's import shares ({@link SheetImportRun}), for the
 * importer and template a subclass names.
 */
abstract class SheetImportCommand<P extends SheetImporter.Preview> extends HuyouSubcommand {

    @Mixin
    SheetImportRun run;

    private final String templateName;

    /** {@code templateName}: the template's resource name, written by {@code --template} without opening a home. */
    SheetImportCommand(String templateName) {
        this.templateName = templateName;
    }

    /** The register's importer in the opened home. */
    abstract SheetImporter<P> importer(AppContext ctx);

    @Override
    public final Integer call() {
        return run.run(parent, spec, this::importer, templateName);
    }
}
