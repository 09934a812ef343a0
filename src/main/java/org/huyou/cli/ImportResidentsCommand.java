package org.huyou.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import org.huyou.common.io.ImportTemplates;
import org.huyou.residents.io.ImportPreview;
import org.huyou.common.io.ImportProblem;
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

    @Parameters(paramLabel = "FILE", description = "The filled-in template (.csv or .xlsx).", arity = "0..1")
    Path file;

    @Option(names = "--map", paramLabel = "COLUMN=FIELD,...",
            description = "Which field a column of the file goes to, where its header does not say: "
                    + "\"联系电话=ignore,出生年月=birthDate\" (a field's key or label, or ignore).")
    String map;

    @Option(names = "--template", paramLabel = "FILE",
            description = "Write the template (.xlsx or .csv, by the name's ending) to FILE and import nothing.")
    Path template;

    @Option(names = "--check", description = "Only check the file and print the report; import nothing.")
    boolean checkOnly;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (template != null) {
            ImportTemplates.write("residents-template", template);
            parent.print(out, Messages.t("cli.templateWritten", template), HuyouCli.fields("template", template));
            return 0;
        }
        if (file == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "FILE is required");
        }
        try (AppContext ctx = parent.open()) {
            ImportPreview preview = ctx.residentImporter().preview(file, ctx.residentImporter().parseMapping(map));
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
