package org.huyou.common.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huyou.common.HiddenCharacters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The layout rules every PDF of the app gets from {@link PdfText}: a heading stays with its table, a table breaks
 * between rows with its header repeated, and no page holds one row of a table alone. Checked page by page on the text
 * of real documents, with the table starting at every height of the page in turn.
 */
class PdfLayoutTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} lines before, then tables of 44 to 50 rows")
    @ValueSource(ints = {0, 3, 44})
    void aHeadingStaysWithItsTableAndNoRowIsLeftAlone(int linesBefore) throws Exception {
        for (int n = 44; n <= 50; n++) {
            check(write(linesBefore, n), n);
        }
    }

    private static void check(List<String> pages, int n) {
        int headingPage = pageOf(pages, "表格标题");
        assertTrue(
                pages.get(headingPage).contains("第1行"),
                "the heading and the first row share a page: " + pages.get(headingPage));
        for (String page : pages) {
            long rows = page.lines()
                    .filter(l -> l.startsWith("第") && l.contains("行"))
                    .count();
            assertTrue(rows == 0 || rows >= 2, "a page with one row alone: " + page);
            if (rows > 0) {
                assertTrue(page.contains("名称"), "the header is repeated on every page of the table");
            }
        }
        assertTrue(pages.get(pages.size() - 1).contains("第" + n + "行"));
    }

    @Test
    void aShortTableIsNotSplit() throws Exception {
        for (int before = 35; before <= 47; before++) {
            List<String> pages = write(before, 3);
            int at = pageOf(pages, "第1行");
            assertEquals(at, pageOf(pages, "第3行"), "three rows together (" + before + " lines before)");
            assertEquals(at, pageOf(pages, "表格标题"));
        }
    }

    private List<String> write(int linesBefore, int rows) throws Exception {
        Path file = dir.resolve("layout-" + linesBefore + "-" + rows + ".pdf");
        try (PdfText pdf = new PdfText(ChineseFont.require())) {
            for (int i = 0; i < linesBefore; i++) {
                pdf.line("正文" + i);
            }
            pdf.heading("表格标题", 12);
            List<List<String>> body = new ArrayList<>();
            for (int i = 1; i <= rows; i++) {
                body.add(List.of("第" + i + "行", String.valueOf(i)));
            }
            pdf.table(List.of("名称", "数量"), body, new float[] {200, 100}, new boolean[] {false, true});
            pdf.save(file);
        }
        List<String> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDFTextStripper strip = new PDFTextStripper();
                strip.setStartPage(p);
                strip.setEndPage(p);
                pages.add(strip.getText(doc));
            }
        }
        return pages;
    }

    /**
     * A wrapped line never starts with closing punctuation nor ends with opening punctuation, wherever the margin falls
     * (the hours certificate once had a line starting with "，"); nothing is lost or doubled by the wrapping.
     */
    @Test
    void wrappedChineseLinesFollowTheLineBreakingRules() throws Exception {
        Path file = dir.resolve("wrap.pdf");
        List<String> texts = new ArrayList<>();
        String sentence = "兹证明张三（身份证号 371602************）于本院参加志愿服务 3 次，累计服务时长 7.00 小时。" + "感谢“您”的付出、关爱；特此证明：「谢谢」！";
        for (int shift = 0; shift < 50; shift++) {
            texts.add("甲".repeat(shift) + sentence + sentence);
        }
        try (PdfText pdf = new PdfText(ChineseFont.require())) {
            for (String t : texts) {
                pdf.line(t);
                pdf.gap();
            }
            pdf.save(file);
        }
        String all;
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            all = new PDFTextStripper().getText(doc);
        }
        int wrapped = 0;
        for (String line : all.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            assertTrue(PdfText.NO_LINE_START.indexOf(l.charAt(0)) < 0, "a line starts with punctuation: " + l);
            assertTrue(PdfText.NO_LINE_END.indexOf(l.charAt(l.length() - 1)) < 0, "a line ends opening: " + l);
            wrapped++;
        }
        assertTrue(wrapped > texts.size(), "the lines were wrapped");
        List<String> lines =
                all.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = 1; i < lines.size(); i++) {
            String before = lines.get(i - 1);
            char last = before.charAt(before.length() - 1);
            char first = lines.get(i).charAt(0);
            assertTrue(!(numeric(last) && numeric(first)), "a number split: " + before + " / " + lines.get(i));
        }
        String joined = all.replaceAll("\\s", "");
        for (String t : texts) {
            assertTrue(joined.contains(t.replaceAll("\\s", "")), "wrapped whole: " + t);
        }
    }

    private static boolean numeric(char c) {
        return Character.isDigit(c) || c == '.' || c == '*' || c == '-';
    }

    @Test
    void aBreakBeforeClosingPunctuationTakesTheCharacterBeforeItAlong() {
        assertEquals(5, PdfText.breakAt("院内经费 0.00 元", 7), "0.00 goes down whole");
        assertEquals(9, PdfText.breakAt("院内经费 0.00 元", 9), "a break at a space stands");
        assertEquals(2, PdfText.breakAt("甲乙丙，丁", 3), "丙， go down together");
        assertEquals(1, PdfText.breakAt("甲（乙）", 2), "（ goes down with 乙");
        assertEquals(2, PdfText.breakAt("甲乙丙丁", 2));
        assertEquals(4, PdfText.breakAt("甲乙丙丁", 4), "the end of the text is no break");
        assertEquals(1, PdfText.breakAt("，，，，", 1), "all punctuation: the fitting break stands");
    }

    /**
     * The annual report's chart in English: every category's name is drawn whole, wrapped within its own bar, and
     * apart from its neighbours' (cut to the bar's width they ran together: "Seriously ill or sDe facto unsupp").
     * Read back from the page, every word of every name is a word of its own.
     */
    @Test
    void aChartsCategoryNamesAreWholeAndApart() throws Exception {
        List<String> names = List.of(
                "Orphan",
                "De facto unsupported child",
                "Abandoned infant",
                "Child affected by HIV/AIDS",
                "Child in temporary guardianship",
                "Seriously ill or severely disabled child",
                "Other child in difficulty");
        Path file = dir.resolve("chart.pdf");
        try (PdfText pdf = new PdfText(ChineseFont.require())) {
            pdf.heading("Children in care by category", 12);
            pdf.barChart(names, List.of("Children"), new double[][] {{17, 11, 23, 3, 1, 9, 4}});
            pdf.line("after the chart");
            pdf.save(file);
        }
        String all;
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            all = new PDFTextStripper().getText(doc);
        }
        List<String> words = List.of(all.split("\\s+"));
        for (String name : names) {
            for (String word : name.split(" ")) {
                assertTrue(words.contains(word), "\"" + word + "\" of \"" + name + "\" stands alone: " + all);
            }
        }
        assertTrue(all.indexOf("after the chart") > all.indexOf("difficulty"), "the next line comes below the names");
    }

    /**
     * Text stored before hidden characters were refused (an older file, a server row) neither spoofs nor breaks a
     * document: a direction override, a zero-width or control character and a character the font has no glyph for
     * (Phoenician 𐤀) are each drawn as □, in lines, headings, table cells and chart labels, and nothing else is lost.
     */
    @Test
    void hiddenAndUndrawableCharactersAreDrawnAsAPlaceholder() throws Exception {
        String spoofed = "张\u202E三丰\u202C";
        String hidden = "李\u200B四\u2066五\u0007六\uFEFF";
        String noGlyph = "王\uD802\uDD00五";
        Path file = dir.resolve("hidden.pdf");
        try (PdfText pdf = new PdfText(ChineseFont.require())) {
            pdf.heading("标题" + spoofed, 12);
            pdf.line("姓名：" + spoofed + "，" + hidden + "，" + noGlyph);
            pdf.line("第一段\n第二段\twith tab");
            pdf.table(
                    List.of("名称\u200F", "数量"),
                    List.of(List.of("甲\u202Dxyz", "1"), List.of(noGlyph, "2")),
                    new float[] {200, 100},
                    new boolean[] {false, true});
            pdf.barChart(List.of("一月\u202E"), List.of("系列\u200D"), new double[][] {{3}});
            pdf.save(file);
        }
        String all;
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            all = new PDFTextStripper().getText(doc);
        }
        assertTrue(all.contains("标题张□三丰□"), all);
        assertTrue(all.contains("姓名：张□三丰□，李□四□五□六□，王□五"), all);
        assertTrue(all.contains("第一段") && all.contains("第二段 with tab"), "a line break stays one: " + all);
        assertTrue(all.contains("名称□") && all.contains("甲□xyz") && all.contains("一月□") && all.contains("系列□"), all);
        assertTrue(
                all.codePoints().filter(cp -> !Character.isWhitespace(cp)).noneMatch(HiddenCharacters::hidden),
                "no hidden character reaches the page: " + all);
    }

    private static int pageOf(List<String> pages, String text) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("not found: " + text);
    }
}
