package org.huyou.common.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;

/**
 * The one import pipeline every register uses: read the file as a stream (CSV or XLSX), map its header to the
 * register's fields, hand each data row to the register as typed cells, and collect every problem by row and
 * column. The register checks its rules on each row and applies the whole file in one transaction, or nothing.
 */
public final class SheetImport {

    private SheetImport() {}

    /** One column of a file and the field it goes to unless the user says otherwise (null: none guessed). */
    public record FileColumn(String header, String field) {}

    /**
     * The columns of the file's header row (its first non-blank row), each with its guessed field; a file that cannot
     * be read is refused in one sentence naming it, for every register alike.
     */
    public static List<FileColumn> columns(Path file, List<ImportField> fields) {
        try {
            return headerColumns(file, fields);
        } catch (IOException | RuntimeException e) {
            throw new UserFacingException(e, "import.unreadable", file.getFileName());
        }
    }

    private static List<FileColumn> headerColumns(Path file, List<ImportField> fields) throws IOException {
        List<FileColumn> columns = new ArrayList<>();
        try {
            Tables.stream(file, row -> {
                if (row.blank()) {
                    return;
                }
                for (SheetCell c : row.cells()) {
                    String h = c.text().strip();
                    if (!h.isEmpty()) {
                        columns.add(new FileColumn(
                                h,
                                HeaderMapping.guess(h, fields)
                                        .map(ImportField::key)
                                        .orElse(null)));
                    }
                }
                throw new Stop(); // only the header is wanted: leave the rest of a large file unread
            });
        } catch (Stop done) {
            // read as far as needed
        }
        return columns;
    }

    /**
     * Reads {@code file} and hands each non-blank data row to {@code eachRow}; returns the problems of the header
     * and of every row (each row's cells collect their own). Rows are not read when the header is wrong.
     */
    public static List<ImportProblem> read(
            Path file, List<ImportField> fields, Map<String, String> choices, Consumer<ImportCells> eachRow)
            throws IOException {
        Map<String, ImportField> byKey = new HashMap<>();
        fields.forEach(f -> byKey.put(f.key(), f));
        List<ImportProblem> problems = new ArrayList<>();
        int[] headerRow = {0};
        int[] dataRows = {0};
        Map<String, Integer> indexOf = new HashMap<>();
        Map<String, String> headerOf = new HashMap<>();
        Map<String, Optional<?>> memo = new HashMap<>();
        try {
            Tables.stream(file, row -> {
                if (row.blank()) {
                    return;
                }
                if (headerRow[0] == 0) {
                    headerRow[0] = row.number();
                    HeaderMapping.Mapped mapped = HeaderMapping.map(row, fields, choices);
                    if (!mapped.problems().isEmpty()) {
                        problems.addAll(mapped.problems());
                        throw new Stop();
                    }
                    mapped.columns().forEach((i, f) -> indexOf.put(f.key(), i));
                    headerOf.putAll(mapped.headerOf());
                    return;
                }
                dataRows[0]++;
                ImportCells cells = new ImportCells(row, indexOf, byKey, headerOf, memo);
                eachRow.accept(cells);
                problems.addAll(cells.problems());
            });
        } catch (Stop header) {
            return problems;
        }
        if (headerRow[0] == 0) {
            problems.add(new ImportProblem(1, "", Messages.t("import.empty")));
        } else if (dataRows[0] == 0) {
            problems.add(new ImportProblem(headerRow[0], "", Messages.t("import.noRows")));
        }
        return problems;
    }

    /** Ends reading early; not an error. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }
}
