package org.huyou.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import org.huyou.common.io.HeaderMapping;
import org.huyou.common.io.ImportProblem;
import org.huyou.common.io.ImportTemplates;
import org.huyou.common.io.SheetImporter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options and the run every {@code import-…} command shares: FILE, {@code --map}, {@code --check} and
 * {@code --template}, a report by row and column, and exit 1 with nothing imported when any row is wrong.
 */
final class SheetImportRun {

    @Parameters(paramLabel = "FILE", description = "The filled-in template (.csv or .xlsx).", arity = "0..1")
    Path file;

    @Option(
            names = "--map",
            paramLabel = "COLUMN=FIELD,...",
            description = "Which field a column of the file goes to, where its header does not say: "
                    + "\"联系电话=ignore,出生年月=birthDate\" (a field's key or label, or ignore).")
    String map;

    @Option(
            names = "--template",
            paramLabel = "FILE",
            description = "Write the template (.xlsx or .csv, by the name's ending) to FILE and import nothing.")
    Path template;

    @Option(names = "--check", description = "Only check the file and print the report; import nothing.")
    boolean checkOnly;

    /** Writes the template when asked, else checks the file and, unless {@code --check}, imports it. */
    <P extends SheetImporter.Preview> int run(
            HuyouCli parent, CommandSpec spec, Function<AppContext, SheetImporter<P>> importerOf, String templateName) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (template != null) {
            ImportTemplates.write(templateName, template);
            parent.print(out, Messages.t("cli.templateWritten", template), HuyouCli.fields("template", template));
            return 0;
        }
        if (file == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "FILE is required");
        }
        try (AppContext ctx = parent.open()) {
            SheetImporter<P> importer = importerOf.apply(ctx);
            P preview = importer.preview(file, importer.parseMapping(map));
            if (!preview.valid()) {
                List<Object> problems = new ArrayList<>();
                for (ImportProblem p : preview.problems()) {
                    if (!parent.json()) {
                        err.println(Messages.t("cli.importReport", p.row(), p.column(), p.message()));
                    }
                    problems.add(HuyouCli.fields("row", p.row(), "column", p.column(), "message", p.message()));
                }
                if (!parent.json() && HeaderMapping.anyUnknownColumn(preview.problems())) {
                    err.println(Messages.t("cli.mapHint"));
                }
                // a check imports nothing, so it has nothing that failed: it says what it found
                parent.printError(
                        err,
                        HuyouCli.USER_ERROR,
                        Messages.t(checkOnly ? "cli.checkFound" : "cli.importFailed", problems.size()),
                        HuyouCli.fields("checkOnly", checkOnly, "problems", problems));
                return HuyouCli.USER_ERROR;
            }
            if (checkOnly) {
                parent.print(
                        out,
                        Messages.t("cli.importOk", preview.rowCount()),
                        HuyouCli.fields("checkOnly", true, "rows", preview.rowCount(), "imported", 0));
                return 0;
            }
            int n = importer.commit(preview);
            parent.print(
                    out,
                    Messages.t(importer.labels().doneKey(), n),
                    HuyouCli.fields("checkOnly", false, "rows", preview.rowCount(), "imported", n));
            return 0;
        }
    }
}
