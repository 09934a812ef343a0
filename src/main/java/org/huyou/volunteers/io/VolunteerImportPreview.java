package org.huyou.volunteers.io;

import java.util.List;
import org.huyou.common.io.ImportProblem;
import org.huyou.common.io.SheetImporter;
import org.huyou.volunteers.VolunteerService;

/** What a volunteer list would add, and every problem found in it. It may be committed only when there are none. */
public record VolunteerImportPreview(String source, List<VolunteerService.Imported> rows, List<ImportProblem> problems)
        implements SheetImporter.Preview {

    @Override
    public int rowCount() {
        return rows.size();
    }
}
