package org.huyou.common.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** Reads a CSV or XLSX file into rows of text cells, so that an import does not care which it got. */
public final class Tables {

    private Tables() {}

    public static boolean isXlsx(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /** All rows of the file (of the first sheet for XLSX), as text; a date cell becomes yyyy-MM-dd. */
    public static List<List<String>> read(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        stream(file, row -> {
            while (rows.size() < row.number() - 1) {
                rows.add(List.of()); // keep row numbers true to the sheet
            }
            rows.add(row.cells().stream().map(SheetCell::text).toList());
        });
        return rows;
    }

    /**
     * Hands each row of the file (the first sheet for XLSX) to {@code each} as it is read, so that a large workbook
     * never sits in memory whole: the sheet's XML is read as a stream and shared strings on demand. A date cell
     * (built-in or custom date format) becomes yyyy-MM-dd; a number keeps its digits and says it was a number.
     */
    public static void stream(Path file, Consumer<SheetRow> each) throws IOException {
        if (isXlsx(file)) {
            streamXlsx(file, each);
            return;
        }
        int[] number = {0};
        Csv.forEachRow(Csv.decode(Files.readAllBytes(file)), row -> {
            List<SheetCell> cells = new ArrayList<>(row.size());
            for (String s : row) {
                cells.add(SheetCell.text(s));
            }
            each.accept(new SheetRow(++number[0], cells));
        });
    }

    private static void streamXlsx(Path file, Consumer<SheetRow> each) throws IOException {
        // Without the cell-format option the reader drops each cell's number format, and a date arrives as its serial.
        ReadingOptions options = new ReadingOptions(true, false);
        try (InputStream in = Files.newInputStream(file);
                ReadableWorkbook wb = new ReadableWorkbook(in, options)) {
            Sheet sheet = wb.getFirstSheet();
            try (Stream<Row> stream = sheet.openStream()) {
                for (Row row : (Iterable<Row>) stream::iterator) {
                    List<SheetCell> cells = new ArrayList<>(row.getCellCount());
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(cell(row.getCell(i)));
                    }
                    each.accept(new SheetRow(row.getRowNum(), cells));
                }
            }
        }
    }

    private static SheetCell cell(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return SheetCell.EMPTY;
        }
        if (cell.getType() == CellType.NUMBER) {
            if (isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
                return SheetCell.text(cell.asDate().toLocalDate().toString());
            }
            return new SheetCell(cell.asNumber().stripTrailingZeros().toPlainString(), true);
        }
        if (cell.getType() == CellType.FORMULA && cell.getRawValue() != null) {
            return SheetCell.text(cell.getRawValue());
        }
        String t = cell.getText();
        return SheetCell.text(t == null ? "" : t);
    }

    /**
     * Whether a number format shows a date: Excel's built-in date formats (14-22, 45-47, and the Chinese ones 27-36,
     * 50-58, which a Chinese Excel writes by id alone) or a custom format with a year or day part once its quoted
     * text, escapes and bracketed parts ([Red], [$-804], [DBNum1]) are removed.
     */
    static boolean isDateFormat(Integer id, String format) {
        if (id != null
                && ((id >= 14 && id <= 22)
                        || (id >= 27 && id <= 36)
                        || (id >= 45 && id <= 47)
                        || (id >= 50 && id <= 58))) {
            return true;
        }
        if (format == null || format.isEmpty() || "General".equalsIgnoreCase(format)) {
            return false;
        }
        String f = format.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\\\.", "")
                .replaceAll("\\[[^\\]]*\\]", "")
                .toLowerCase(Locale.ROOT);
        return f.contains("y") || f.contains("d");
    }
}
