package org.huyou.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import org.huyou.residents.io.ImportPreview;
import org.huyou.residents.io.ImportProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import-residents", mixinStandardHelpOptions = true,
        description = "Import residents from the CSV or XLSX template. Prints a report by row; "
                + "imports nothing and exits 1 if any row is invalid.")
final class ImportResidentsCommand implements Callable<Integer> {

    @ParentCommand
    HuyouCli parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The filled-in template (.csv or .xlsx).")
    Path file;

    @Option(names = "--check", description = "Only check the file and print the report; import nothing.")
    boolean checkOnly;

    @Override
    public Integer call() {
        try (AppContext ctx = parent.open()) {
            ImportPreview preview = ctx.residentImporter().preview(file);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!preview.valid()) {
                List<Object> problems = new ArrayList<>();
                for (ImportProblem p : preview.problems()) {
                    if (!parent.json()) {
                        err.println(Messages.t("cli.importReport", p.row(), p.column(), p.message()));
                    }
                    problems.add(HuyouCli.fields("row", p.row(), "column", p.column(), "message", p.message()));
                }
                parent.printError(err, HuyouCli.USER_ERROR, Messages.t("cli.importFailed", problems.size()),
                        HuyouCli.fields("problems", problems));
                return HuyouCli.USER_ERROR;
            }
            if (checkOnly) {
                parent.print(out, Messages.t("cli.importOk", preview.rows().size()),
                        HuyouCli.fields("checkOnly", true, "rows", preview.rows().size(), "imported", 0));
                return 0;
            }
            int n = ctx.residentImporter().commit(preview);
            parent.print(out, Messages.t("cli.imported", n),
                    HuyouCli.fields("checkOnly", false, "rows", preview.rows().size(), "imported", n));
            return 0;
        }
    }
}
