package org.huyou.common.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** Reads a CSV or XLSX file into rows of text cells, so that an import does not care which it got. */
public final class Tables {

    private Tables() {
    }

    public static boolean isXlsx(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /** All rows of the file (of the first sheet for XLSX), as text; a date cell becomes yyyy-MM-dd. */
    public static List<List<String>> read(Path file) throws IOException {
        if (isXlsx(file)) {
            return readXlsx(file);
        }
        return Csv.parse(Csv.decode(Files.readAllBytes(file)));
    }

    private static List<List<String>> readXlsx(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        // with the cells' formats: without them no number cell is known to be a date (Excel's and our own exports)
        try (InputStream in = Files.newInputStream(file);
             ReadableWorkbook wb = new ReadableWorkbook(in, new ReadingOptions(true, false))) {
            Sheet sheet = wb.getFirstSheet();
            try (Stream<Row> stream = sheet.openStream()) {
                for (Row row : (Iterable<Row>) stream::iterator) {
                    int index = row.getRowNum() - 1;
                    while (rows.size() < index) {
                        rows.add(List.of()); // keep row numbers true to the sheet
                    }
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(text(row.getCell(i)));
                    }
                    rows.add(cells);
                }
            }
        }
        return rows;
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER && cell.getDataFormatId() != null && isDateFormat(cell)) {
            return cell.asDate().toLocalDate().toString();
        }
        if (cell.getType() == CellType.NUMBER) {
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        String t = cell.getText();
        return t == null ? "" : t;
    }

    private static boolean isDateFormat(Cell cell) {
        String fmt = cell.getDataFormatString();
        if (fmt == null) {
            int id = cell.getDataFormatId();
            return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
        }
        String f = fmt.toLowerCase(Locale.ROOT);
        return f.contains("yy") || f.contains("d") && f.contains("m") || f.contains("年");
    }
}
