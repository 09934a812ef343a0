package org.huyou.residents.io;

import java.util.List;
import org.huyou.common.io.ImportProblem;

/** What an import file would add, and every problem found in it. It may be committed only when there are none. */
public record ImportPreview(String source, List<ImportRow> rows, List<ImportProblem> problems) {

    public boolean valid() {
        return problems.isEmpty() && !rows.isEmpty();
    }

    public long invalidRowCount() {
        return problems.stream().mapToInt(ImportProblem::row).filter(r -> r > 1).distinct().count();
    }
}
