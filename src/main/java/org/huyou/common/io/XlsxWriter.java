package org.huyou.common.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The one XLSX writer every export uses, streaming row by row (fastexcel): dates as real date cells (yyyy-mm-dd),
 * numbers as number cells, money with two decimals, text as text (never a formula). When finished it also gives each
 * sheet its real dimension and the workbook its default cell style ("Normal"): the streaming library writes "A1" and
 * no named style, which spreadsheet programs read as a damaged or unstyled file (openpyxl warns).
 */
public final class XlsxWriter {

    public static final String MONEY = "#,##0.00";
    public static final String DATE = "yyyy-mm-dd";
    private static final int MAX_SHEET_NAME = 31;
    private static final byte[] DIMENSION = "<dimension ref=\"A1\"/>".getBytes(StandardCharsets.US_ASCII);
    private static final String CELL_XFS_END = "</cellXfs>";
    private static final String DEFAULT_STYLE =
            "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>";

    private final Path file;
    private final Path raw;
    private final OutputStream out;
    private final Workbook wb;
    private final List<Sheet> sheets = new ArrayList<>();

    private XlsxWriter(Path file) throws IOException {
        this.file = file;
        // the caller's partial file is already named safely (WriteBeside); the raw workbook goes beside it
        this.raw = Files.createTempFile(file.toAbsolutePath().getParent(), "xlsx-", ".raw");
        this.out = Files.newOutputStream(raw);
        this.wb = new Workbook(out, "Huyou", "1.0");
    }

    /** Writes the workbook the content fills into this file (a caller's partial file: see {@link WriteBeside}). */
    public static void write(Path file, Content content) throws IOException {
        XlsxWriter w = new XlsxWriter(file);
        try {
            content.fill(w);
            w.finish();
        } finally {
            w.out.close();
            Files.deleteIfExists(w.raw);
        }
    }

    /** What goes into the workbook. */
    public interface Content {
        void fill(XlsxWriter workbook) throws IOException;
    }

    /** A new sheet; names are cut to the 31 characters spreadsheet programs allow. */
    public Sheet sheet(String name) {
        Sheet s = new Sheet(wb.newWorksheet(name.length() > MAX_SHEET_NAME ? name.substring(0, MAX_SHEET_NAME) : name));
        sheets.add(s);
        return s;
    }

    private void finish() throws IOException {
        wb.finish();
        out.close();
        // read by its central directory: the streaming library's local headers do not carry the entries' sizes
        try (ZipFile rawZip = new ZipFile(raw.toFile());
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry e : Collections.list(rawZip.entries())) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                String name = e.getName();
                try (InputStream in = rawZip.getInputStream(e)) {
                    if (name.equals("xl/styles.xml")) {
                        String styles = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        if (!styles.contains("<cellStyles")) {
                            styles = styles.replace(CELL_XFS_END, CELL_XFS_END + DEFAULT_STYLE);
                        }
                        zip.write(styles.getBytes(StandardCharsets.UTF_8));
                    } else if (name.matches("xl/worksheets/sheet\\d+\\.xml")) {
                        int n = Integer.parseInt(name.replaceAll("\\D", ""));
                        copyWithDimension(
                                in, zip, n <= sheets.size() ? sheets.get(n - 1).dimension() : "A1");
                    } else {
                        in.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
        }
    }

    /** Copies a sheet, replacing the placeholder dimension near its start; the rest is streamed unchanged. */
    private static void copyWithDimension(InputStream in, OutputStream zip, String dimension) throws IOException {
        byte[] head = in.readNBytes(8192);
        int at = indexOf(head, DIMENSION);
        if (at < 0) {
            zip.write(head);
        } else {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(head, 0, at);
            b.write(("<dimension ref=\"" + dimension + "\"/>").getBytes(StandardCharsets.US_ASCII));
            b.write(head, at + DIMENSION.length, head.length - at - DIMENSION.length);
            b.writeTo(zip);
        }
        in.transferTo(zip);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Column letters of a zero-based column index (0 → A, 26 → AA). */
    static String column(int c) {
        StringBuilder s = new StringBuilder();
        for (int n = c + 1; n > 0; n = (n - 1) / 26) {
            s.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return s.toString();
    }

    /** One sheet; cells are addressed zero-based, row and column. Empty values leave the cell empty. */
    public static final class Sheet {

        private final Worksheet ws;
        private int lastRow = -1;
        private int lastColumn = -1;

        private Sheet(Worksheet ws) {
            this.ws = ws;
        }

        private void used(int r, int c) {
            lastRow = Math.max(lastRow, r);
            lastColumn = Math.max(lastColumn, c);
        }

        String dimension() {
            return lastRow < 0 ? "A1" : "A1:" + column(lastColumn) + (lastRow + 1);
        }

        public Sheet text(int r, int c, String v) {
            if (v != null && !v.isEmpty()) {
                ws.value(r, c, v);
                used(r, c);
            }
            return this;
        }

        public Sheet number(int r, int c, Number v) {
            if (v != null) {
                ws.value(r, c, v);
                used(r, c);
            }
            return this;
        }

        /** A number cell shown in the given format (e.g. grouped whole numbers). */
        public Sheet number(int r, int c, Number v, String format) {
            if (v != null) {
                ws.value(r, c, v);
                ws.style(r, c).format(format).set();
                used(r, c);
            }
            return this;
        }

        public Sheet money(int r, int c, BigDecimal v) {
            if (v != null) {
                ws.value(r, c, v);
                ws.style(r, c).format(MONEY).set();
                used(r, c);
            }
            return this;
        }

        public Sheet date(int r, int c, LocalDate v) {
            if (v != null) {
                ws.value(r, c, v);
                ws.style(r, c).format(DATE).set();
                used(r, c);
            }
            return this;
        }

        /** A cell by its value's type: a date, money (BigDecimal), another number, else its text. */
        public Sheet cell(int r, int c, Object v) {
            if (v instanceof LocalDate d) {
                return date(r, c, d);
            } else if (v instanceof BigDecimal m) {
                return money(r, c, m);
            } else if (v instanceof Number n) {
                return number(r, c, n);
            }
            return text(r, c, v == null ? null : String.valueOf(v));
        }

        /** A row of cells by their types, from the first column; the next row's index. */
        public int row(int r, List<?> cells) {
            for (int c = 0; c < cells.size(); c++) {
                cell(r, c, cells.get(c));
            }
            return r + 1;
        }

        /** Writes the rows so far out of memory (a long export calls this now and then). */
        public void flush() throws IOException {
            ws.flush();
        }
    }
}
