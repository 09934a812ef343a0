package org.huyou.security.io;

import java.util.List;
import org.huyou.common.io.ImportProblem;
import org.huyou.common.io.SheetImporter;
import org.huyou.security.AccountService;

/**
 * What a staff list would create, each account with its sheet row, and every problem found in it. A row's password
 * is null when the file gives none: the import's first password is used for it.
 */
public record AccountImportPreview(
        String source, List<AccountService.NewAccount> rows, List<Integer> rowNumbers, List<ImportProblem> problems)
        implements SheetImporter.Preview {

    @Override
    public int rowCount() {
        return rows.size();
    }

    /** Whether some account still needs the first password the import gives. */
    public boolean needsPassword() {
        return rows.stream().anyMatch(r -> r.password() == null);
    }
}
