package org.huyou.cli;

import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import org.huyou.common.io.SheetImporter;
import org.huyou.security.io.AccountImportPreview;
import picocli.CommandLine.Command;

@Command(
        name = "import-accounts",
        mixinStandardHelpOptions = true,
        description = "Import a home's staff accounts (user name, name, roles) from the CSV or XLSX template "
                + "(administrator). Rows without a password column get the first password from HUYOU_NEW_PASSWORD, "
                + "else typed twice, as `accounts add` does. Prints a report by row; creates nothing and exits 1 if "
                + "any row is invalid.")
final class ImportAccountsCommand extends SheetImportCommand<AccountImportPreview> {

    ImportAccountsCommand() {
        super("accounts-template");
    }

    @Override
    SheetImporter<AccountImportPreview> importer(AppContext ctx) {
        // the first password is asked only at the commit, and only when a row has none: a --check asks nothing
        return ctx.accountImporter()
                .withFirstPassword(() -> parent.newAccountPassword(Messages.t("accountImport.passwordFor")));
    }
}
