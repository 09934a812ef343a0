package org.huyou.donations.io;

import java.util.List;
import org.huyou.common.io.ImportProblem;
import org.huyou.common.io.SheetImporter;

/**
 * What a file of opening balances or of past donations would append to the ledger, and every problem found in it.
 * It may be committed only when there are none.
 */
public record LedgerImportPreview<R>(String source, List<R> rows, List<ImportProblem> problems)
        implements SheetImporter.Preview {

    public LedgerImportPreview {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    @Override
    public int rowCount() {
        return rows.size();
    }
}
