package org.huyou.common.io;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes) read and written by Apache Commons CSV;
 * what is ours is the layer around it. Files saved by Excel on a Chinese Windows are GB18030 rather than UTF-8, so
 * reading tries UTF-8 strictly and falls back; a cell a spreadsheet would run as a formula is written as text.
 */
public final class Csv {

    public static final char BOM = '\uFEFF';

    /**
     * RFC 4180 with CRLF between rows, lenient as spreadsheets' files need: text after a closing quote is kept
     * (<code>"a"b</code> reads ab), and a quote left open at the end of the file closes there.
     */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setRecordSeparator("\r\n")
            .setTrailingData(true)
            .setLenientEof(true)
            .get();

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {}

    /** Decodes a file's bytes: UTF-8 (with or without BOM) when valid, else GB18030. */
    public static String decode(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return s.isEmpty() || s.charAt(0) != BOM ? s : s.substring(1);
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    /**
     * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe, which
     * spreadsheets show as text and {@link #restoreFormulaText} removes again on import.
     */
    public static String neutralizeFormula(String value) {
        if (!value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    public static String restoreFormulaText(String value) {
        if (value.length() > 1 && value.charAt(0) == '\'' && FORMULA_STARTS.indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }

    /** Every row of {@code text}, each cell's neutralised formula restored. */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        forEachRow(text, rows::add);
        return rows;
    }

    /** Hands each row of {@code text} to {@code each} as the parser reads it, formulas restored as in {@link #parse}. */
    public static void forEachRow(String text, Consumer<List<String>> each) {
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(FORMAT)
                .get()) {
            for (CSVRecord record : parser) {
                List<String> row = new ArrayList<>(record.size());
                for (String cell : record) {
                    row.add(restoreFormulaText(cell));
                }
                each.accept(row);
            }
        } catch (IOException | UncheckedIOException e) {
            // lenient as the format is, a string read can fail only on malformed text the format refuses
            throw new IllegalArgumentException("unreadable CSV", e);
        }
    }

    /**
     * Writes one row, each cell's formula neutralised, quoted where RFC 4180 needs it. An empty or null cell is
     * written as nothing (the library would quote an empty first cell).
     */
    public static void writeRow(Writer out, List<String> cells) throws IOException {
        Object[] values = new Object[cells.size()];
        for (int i = 0; i < values.length; i++) {
            String cell = cells.get(i);
            values[i] = cell == null || cell.isEmpty() ? null : neutralizeFormula(cell);
        }
        FORMAT.printRecord(out, values);
    }
}
