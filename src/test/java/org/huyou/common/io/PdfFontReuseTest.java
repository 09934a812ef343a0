package org.huyou.common.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDFs' font is parsed once for many documents ({@link ParsedFonts}), and a document drawn with the kept font is
 * the same as one drawn with a fresh parse: its text reads back, the font is embedded as a subset of the glyphs used,
 * and documents made at once on several threads each hold their own text whole.
 */
class PdfFontReuseTest {

    @TempDir
    Path dir;

    @Test
    void manyDocumentsParseTheFontOnceAndEachReadsBackWhole() throws Exception {
        write("first", 0);
        int parsed = ParsedFonts.parsedSoFar();
        for (int i = 1; i <= 5; i++) {
            Path pdf = write("doc", i);
            assertReadsBack(pdf, i);
        }
        assertEquals(parsed, ParsedFonts.parsedSoFar(), "the font kept from the first document serves the next five");
    }

    @Test
    void documentsMadeAtOnceOnSeveralThreadsEachHoldTheirOwnText() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> made = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                made.add(pool.submit(() -> write("thread", n)));
            }
            for (int i = 0; i < made.size(); i++) {
                assertReadsBack(made.get(i).get(), i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A document of its own number's text: Chinese, digits and a table, as the receipts and disclosures have. */
    private Path write(String name, int n) throws Exception {
        Path file = dir.resolve(name + "-" + n + ".pdf");
        try (PdfText pdf = new PdfText(ChineseFont.require())) {
            pdf.heading("捐赠收据 第" + n + "号", 14);
            pdf.line("兹收到爱心人士张" + n + "捐赠人民币" + (1000 + n) + ".00元，特此致谢。");
            pdf.table(
                    List.of("项目", "金额"),
                    List.of(List.of("儿童营养", (100 + n) + ".50"), List.of("康复训练", (200 + n) + ".25")),
                    new float[] {200, 100},
                    new boolean[] {false, true});
            pdf.save(file);
        }
        return file;
    }

    private static void assertReadsBack(Path file, int n) throws Exception {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("捐赠收据 第" + n + "号"), text);
            assertTrue(text.contains("兹收到爱心人士张" + n + "捐赠人民币" + (1000 + n) + ".00元，特此致谢。"), text);
            assertTrue(text.contains("康复训练") && text.contains((200 + n) + ".25"), text);
            PDPage page = doc.getPage(0);
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertTrue(font instanceof PDType0Font, font.getName());
                // a subset is tagged ABCDEF+ and holds only the glyphs used, a few KB of the font's megabytes
                assertTrue(font.getName().matches("[A-Z]{6}\\+.*"), font.getName());
                long embedded = ((PDType0Font) font)
                        .getDescendantFont()
                        .getFontDescriptor()
                        .getFontFile2()
                        .getLength();
                assertTrue(
                        embedded < Files.size(ChineseFont.require()) / 20, "a subset: " + embedded + " bytes embedded");
            }
        }
    }
}
