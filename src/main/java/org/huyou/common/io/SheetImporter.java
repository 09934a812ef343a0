package org.huyou.common.io;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One register's import as the shared screen and command drive it: the fields its columns can go to, a preview
 * that reports every problem by row and column, and an all-or-nothing commit of a preview without problems.
 */
public interface SheetImporter<P extends SheetImporter.Preview> {

    /** What a file would add and every problem found in it; committed only when there are none. */
    interface Preview {
        List<ImportProblem> problems();

        int rowCount();

        default boolean valid() {
            return problems().isEmpty() && rowCount() > 0;
        }

        /** Data rows with a problem (the header is row 1 and not counted). */
        default long invalidRowCount() {
            return problems().stream()
                    .mapToInt(ImportProblem::row)
                    .filter(r -> r > 1)
                    .distinct()
                    .count();
        }
    }

    /** The fields a file's columns can go to, for the mapping step and {@code --map}. */
    List<ImportField> fields();

    /** The file's columns with the field guessed for each, for the mapping step. */
    List<SheetImport.FileColumn> columns(Path file);

    /** Parses {@code --map "联系电话=ignore,出生年月=birthDate"}. */
    Map<String, String> parseMapping(String spec);

    /** Reads and checks the file, its columns placed by {@code mapping} (header → field key or "ignore") or guessed. */
    P preview(Path file, Map<String, String> mapping);

    /** Adds every row of a valid preview in one transaction; returns how many. */
    int commit(P preview);

    /**
     * What the screen and the command show for this register: the template's resource name under
     * resources/templates (without its ending), the message key of the screen's title ("Import residents") and that
     * of "{0} … imported.".
     */
    record Labels(String template, String titleKey, String doneKey) {}

    /** Constant texts, no data: any logged-in user may read them. */
    Labels labels();

    /**
     * The template's example dates, each with the date to write instead: one this home would take today (a date of
     * the shipped template may fall in a month this home has closed, and the example was refused as typed).
     * Asked in the background when the template is saved; none by default.
     */
    default Map<LocalDate, LocalDate> templateDates() {
        return Map.of();
    }
}
