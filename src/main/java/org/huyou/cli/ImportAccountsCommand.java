package org.huyou.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "import-accounts",
        mixinStandardHelpOptions = true,
        description = "Import a home's staff accounts (user name, name, roles) from the CSV or XLSX template "
                + "(administrator). Rows without a password column get the first password from HUYOU_NEW_PASSWORD, "
                + "else typed twice, as `accounts add` does. Prints a report by row; creates nothing and exits 1 if "
                + "any row is invalid.")
final class ImportAccountsCommand implements Callable<Integer> {

    @ParentCommand
    HuyouCli parent;

    @Spec
    CommandSpec spec;

    @Mixin
    SheetImportRun run;

    @Override
    public Integer call() {
        // the first password is asked only at the commit, and only when a row has none: a --check asks nothing
        return run.run(
                parent,
                spec,
                ctx -> ctx.accountImporter()
                        .withFirstPassword(() ->
                                parent.newAccountPassword(org.huyou.common.Messages.t("accountImport.passwordFor"))),
                "accounts-template");
    }
}
