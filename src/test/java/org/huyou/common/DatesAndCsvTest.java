package org.huyou.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import org.huyou.common.io.Csv;
import org.junit.jupiter.api.Test;

class DatesAndCsvTest {

    @Test
    void readsDatesAsPeopleTypeThem() {
        LocalDate d = LocalDate.of(2024, 3, 5);
        for (String s : List.of("2024-03-05", "2024/3/5", "20240305", "2024.3.5", "2024年3月5日", " 2024-3-5 ")) {
            assertEquals(d, Dates.parse(s).orElseThrow(), s);
        }
        assertTrue(Dates.parse("2024-02-30").isEmpty());
        assertTrue(Dates.parse("5/3/2024").isEmpty());
        assertTrue(Dates.parse("").isEmpty());
    }

    @Test
    void csvRoundTripWithQuotesCommasAndLineBreaks() throws Exception {
        List<String> row = List.of("a,b", "say \"hi\"", "line\nbreak", "", "张三");
        StringWriter w = new StringWriter();
        Csv.writeRow(w, row);
        Csv.writeRow(w, List.of("x", "y"));
        List<List<String>> back = Csv.parse(w.toString());
        assertEquals(List.of(row, List.of("x", "y")), back);
    }

    @Test
    void decodesUtf8WithBomAndExcelsGb18030() {
        byte[] utf8 = ("\uFEFF姓名,性别").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("姓名,性别", Csv.decode(utf8));
        byte[] gbk = "姓名,性别".getBytes(Charset.forName("GB18030"));
        assertEquals("姓名,性别", Csv.decode(gbk));
    }
}
