package org.huyou.donations.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.huyou.common.FieldError;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.ImportCells;
import org.huyou.common.io.ImportField;
import org.huyou.common.io.ImportProblem;
import org.huyou.common.io.SheetImport;

/**
 * What the ledger's imports share: a file read into rows through {@link SheetImport}, then the service's refusals of
 * each row put back on the row and column of the file they belong to.
 */
final class LedgerImportRows<R> {

    final List<R> rows = new ArrayList<>();
    final List<ImportProblem> problems;
    private final List<Integer> rowNumbers = new ArrayList<>();
    private final Map<String, String> columnOf = new HashMap<>();

    /** Reads the file; {@code read} turns the cells of a row into one row for the service. */
    LedgerImportRows(Path file, List<ImportField> fields, Map<String, String> mapping, Function<ImportCells, R> read) {
        try {
            problems = new ArrayList<>(SheetImport.read(file, fields, mapping, c -> {
                rows.add(read.apply(c));
                rowNumbers.add(c.row());
                fields.forEach(f -> columnOf.put(f.key(), c.column(f.key())));
            }));
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserFacingException u) {
                throw u;
            }
            throw new UserFacingException(e, "import.unreadable", file.getFileName());
        }
    }

    /**
     * Adds the service's refusals (by position in the list) to the report, each on its row and on the column of
     * {@code fieldOf} (the service's field name → the import's field key; a name not in it is the key itself). A
     * cell already reported (a value that could not be read) is not reported again as missing.
     */
    void refusals(Map<Integer, List<FieldError>> refusals, Map<String, String> fieldOf) {
        refusals.forEach((i, errors) -> {
            int row = rowNumbers.get(i);
            for (FieldError e : errors) {
                String key = fieldOf.getOrDefault(e.field(), e.field());
                String column = columnOf.getOrDefault(key, key);
                if (problems.stream().anyMatch(p -> p.row() == row && p.column().equals(column))) {
                    continue;
                }
                String message = e.messageKey().equals("import.duplicateOfEntry")
                        ? Messages.t("import.duplicateInFile", rowNumbers.get((Integer) e.args()[0] - 1))
                        : e.message();
                problems.add(new ImportProblem(row, column, message));
            }
        });
        problems.sort(Comparator.comparingInt(ImportProblem::row));
    }

    /** A number cell (an amount, a quantity): null when blank, a problem on the cell when it is not a number. */
    static BigDecimal decimal(ImportCells c, String key) {
        String s = c.text(key)
                .replace(",", "")
                .replace("，", "")
                .replace("¥", "")
                .replace("￥", "")
                .strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            c.problem(key, "import.notANumber", c.text(key));
            return null;
        }
    }
}
