package org.huyou.cli;

import java.nio.file.Path;
import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "export-residents",
        mixinStandardHelpOptions = true,
        description = "Write the register in the import template's format (.csv or .xlsx by the file's ending). "
                + "ID numbers are masked unless --full-id-numbers is given.")
final class ExportResidentsCommand extends HuyouSubcommand {

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write (.csv or .xlsx).")
    Path out;

    @Option(names = "--full-id-numbers", description = "Write ID numbers in full (for moving data between systems).")
    boolean fullIdNumbers;

    @Override
    public Integer call() {
        try (AppContext ctx = parent.open()) {
            int n = ctx.residentExporter().export(out, fullIdNumbers);
            parent.print(
                    spec.commandLine().getOut(),
                    Messages.t("cli.exported", n, out.toAbsolutePath()),
                    HuyouCli.fields("residents", n, "file", out.toAbsolutePath(), "fullIdNumbers", fullIdNumbers));
            return 0;
        }
    }
}
