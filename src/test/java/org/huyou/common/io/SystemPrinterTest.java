package org.huyou.common.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.print.PrintServiceLookup;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huyou.common.UserFacingException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Printing on a real print system: CUPS with its PDF printer (Debian's cups, cups-bsd and printer-driver-cups-pdf,
 * a queue named {@value #QUEUE}, as .ci/run sets up), which writes each job it prints as a PDF into ~/PDF. The page
 * that comes out is read back. Skipped on a machine without that queue.
 */
class SystemPrinterTest {

    static final String QUEUE = "HuyouPDF";

    @Test
    void aDocumentSentToAPrinterComesOutOfIt() throws Exception {
        Assumptions.assumeTrue(
                Arrays.stream(PrintServiceLookup.lookupPrintServices(null, null))
                        .anyMatch(s -> s.getName().equals(QUEUE)),
                "no CUPS-PDF queue " + QUEUE + " on this machine");
        String token = "HUYOU"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        byte[] pdf = pdfSaying(token);
        Path out = Path.of(System.getProperty("user.home"), "PDF");
        long before = System.currentTimeMillis() - 1000;

        SystemPrinter.print(() -> new ByteArrayInputStream(pdf), QUEUE, 1, "receipt-" + token + ".pdf");

        String printed = null;
        for (long end = System.currentTimeMillis() + 60_000; printed == null && System.currentTimeMillis() < end; ) {
            printed = newPdfContaining(out, before, token).orElse(null);
            if (printed == null) {
                Thread.sleep(500);
            }
        }
        assertTrue(printed != null, "nothing with " + token + " came out in " + out);
    }

    @Test
    void aPrinterThatIsGoneIsSaidByName() {
        UserFacingException gone = assertThrows(
                UserFacingException.class,
                () -> SystemPrinter.print(() -> new ByteArrayInputStream(new byte[0]), "没有这台打印机", 1, "x.pdf"));
        assertEquals("print.printerGone", gone.messageKey());
    }

    /** The recovery key's sheet: a picture made a one-page PDF in memory, drawn where it should be and whole. */
    @Test
    void aSheetDrawnOnScreenBecomesOnePage() throws Exception {
        BufferedImage sheet = new BufferedImage(600, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 300);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 600, 100); // a black band across the top third
        g.dispose();
        byte[] pdf = PdfPages.onePage(sheet, 0.25);
        Path file = Files.createTempFile("sheet", ".pdf");
        try {
            Files.write(file, pdf);
            List<BufferedImage> pages = PdfPages.render(file, 72, 5);
            assertEquals(1, pages.size());
            BufferedImage page = pages.get(0);
            int margin = (int) Math.round(2 / 2.54 * 72);
            // 600 x 300 pixels at 0.25 pt: 150 x 75 pt from the top-left margin; the band is its top 25 pt
            assertTrue(dark(page.getRGB(margin + 75, margin + 10)), "the band at the top left");
            assertTrue(!dark(page.getRGB(margin + 75, margin + 50)), "white below the band");
            assertTrue(!dark(page.getRGB(margin + 200, margin + 10)), "nothing beyond the sheet's width");
        } finally {
            Files.delete(file);
        }
    }

    private static boolean dark(int rgb) {
        return ((rgb >> 16) & 0xFF) < 64 && ((rgb >> 8) & 0xFF) < 64 && (rgb & 0xFF) < 64;
    }

    private static byte[] pdfSaying(String text) throws Exception {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 24);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static Optional<String> newPdfContaining(Path dir, long since, String token) throws Exception {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Path> fresh;
        try (Stream<Path> files = Files.list(dir)) {
            fresh = files.filter(
                            f -> f.toString().endsWith(".pdf") && f.toFile().lastModified() >= since)
                    .toList();
        }
        for (Path f : fresh) {
            try (PDDocument doc = Loader.loadPDF(f.toFile())) {
                String text = new PDFTextStripper().getText(doc);
                if (text.contains(token)) {
                    return Optional.of(f.toString());
                }
            } catch (java.io.IOException stillBeingWritten) {
                // the printer is writing it: read again on the next round
            }
        }
        return Optional.empty();
    }
}
