package org.huyou.common.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV as spreadsheets write it, read through Apache Commons CSV and our layer (encoding, formulas). */
class CsvTest {

    @TempDir
    Path dir;

    @Test
    void readsAnExcelFileWithLineBreaksAndQuotesInsideCellsInGb18030() throws Exception {
        // Excel on a Chinese Windows: GB18030, CRLF rows, a cell with Alt+Enter line breaks, a cell with quotes,
        // and a cell that began with = typed as text (written with the apostrophe).
        String text = "姓名,备注,公式\r\n"
                + "张三,\"第一行\r\n第二行\",'=SUM(A1)\r\n"
                + "李四,\"他说\"\"你好\"\"，然后走了\",\r\n"
                + "\"王,五\",\"\"\"引号开头\",x\r\n";
        Path file = dir.resolve("excel.csv");
        Files.write(file, text.getBytes(Charset.forName("GB18030")));

        List<List<String>> rows = Tables.read(file);

        assertEquals(
                List.of(
                        List.of("姓名", "备注", "公式"),
                        List.of("张三", "第一行\r\n第二行", "=SUM(A1)"),
                        List.of("李四", "他说\"你好\"，然后走了", ""),
                        List.of("王,五", "\"引号开头", "x")),
                rows);
    }

    @Test
    void rowNumbersCountRowsNotLinesWhenACellHoldsLineBreaks() throws Exception {
        Path file = dir.resolve("lines.csv");
        Files.writeString(file, "\uFEFFa,b\n\"1\n2\n3\",c\nd,e\n");
        StringBuilder seen = new StringBuilder();
        Tables.stream(
                file,
                row -> seen.append(row.number())
                        .append(':')
                        .append(row.cells().get(1).text())
                        .append(' '));
        assertEquals("1:b 2:c 3:e ", seen.toString());
    }

    @Test
    void toleratesWhatSpreadsheetsLeaveBehind() {
        // Text after a closing quote stays part of the cell; a quote left open runs to the end of the file; an empty
        // line is a row with one empty cell; a quote inside an unquoted cell is a quote.
        assertEquals(List.of(List.of("ab", "c")), Csv.parse("\"a\"b,c"));
        assertEquals(List.of(List.of("x", "open\nto the end")), Csv.parse("x,\"open\nto the end"));
        assertEquals(List.of(List.of("a"), List.of(""), List.of("b")), Csv.parse("a\n\nb\n"));
        assertEquals(List.of(List.of("5\"", "3")), Csv.parse("5\",3"));
    }

    @Test
    void writesFormulasAsTextAndQuotesOnlyWhatNeedsIt() throws Exception {
        StringWriter w = new StringWriter();
        Csv.writeRow(w, java.util.Arrays.asList("=1+1", "-3", "@x", "plain", "", null, "a\nb", "say \"hi\""));
        assertEquals("'=1+1,'-3,'@x,plain,,,\"a\nb\",\"say \"\"hi\"\"\"\r\n", w.toString());
        assertEquals(
                List.of(List.of("=1+1", "-3", "@x", "plain", "", "", "a\nb", "say \"hi\"")), Csv.parse(w.toString()));
    }
}
