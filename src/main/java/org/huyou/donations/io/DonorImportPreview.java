package org.huyou.donations.io;

import java.util.List;
import org.huyou.common.io.ImportProblem;
import org.huyou.common.io.SheetImporter;
import org.huyou.donations.LedgerService;

/** What a donor register would add, and every problem found in it. It may be committed only when there are none. */
public record DonorImportPreview(String source, List<LedgerService.NewDonor> rows, List<ImportProblem> problems)
        implements SheetImporter.Preview {

    @Override
    public int rowCount() {
        return rows.size();
    }
}
