package org.huyou.residents.io;

import java.util.List;
import org.huyou.common.io.ImportProblem;
import org.huyou.common.io.SheetImporter;

/** What an import file would add, and every problem found in it. It may be committed only when there are none. */
public record ImportPreview(String source, List<ImportRow> rows, List<ImportProblem> problems)
        implements SheetImporter.Preview {

    @Override
    public int rowCount() {
        return rows.size();
    }
}
