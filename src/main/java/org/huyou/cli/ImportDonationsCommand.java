package org.huyou.cli;

import java.util.concurrent.Callable;
import org.huyou.app.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "import-donations",
        mixinStandardHelpOptions = true,
        description = "Import the donations (money or goods) a home received before the move, as ledger entries "
                + "with their original dates, from the CSV or XLSX template. Prints a report by row; imports nothing "
                + "and exits 1 if any row is invalid.")
final class ImportDonationsCommand implements Callable<Integer> {

    @ParentCommand
    HuyouCli parent;

    @Spec
    CommandSpec spec;

    @Mixin
    SheetImportRun run;

    @Override
    public Integer call() {
        return run.run(parent, spec, AppContext::historyImporter, "donations-template");
    }
}
