package org.huyou.documents;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Real files for the documents' tests: PDFs and images made with the libraries the app reads them with. */
public final class TestFiles {

    private TestFiles() {}

    /**
     * A PDF of {@code pages} pages whose text (uncompressed, so its bytes are in the file as written: a scan for them
     * is meaningful) and title hold {@code text}.
     */
    public static Path pdf(Path file, String text, int pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            doc.getDocumentInformation().setTitle(text);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs =
                        new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                    cs.newLineAtOffset(72, 700);
                    cs.showText(text + " page " + (i + 1));
                    cs.endText();
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /** A small image in {@code format} ("png", "jpg", "tiff"). */
    public static Path image(Path file, String format) throws IOException {
        return image(file, format, 64, 48);
    }

    /** An image of {@code width} × {@code height} pixels in {@code format}, an orange block on black. */
    public static Path image(Path file, String format, int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(width / 8, height / 6, width * 5 / 8, height * 5 / 8);
        g.dispose();
        if (!ImageIO.write(img, format, file.toFile())) {
            throw new IOException("no writer for " + format);
        }
        return file;
    }

    /** The start of a HEIC photo: an ISO base media "ftyp" box with the heic brand. */
    public static Path heic(Path file) throws IOException {
        byte[] head = {
            0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'
        };
        return java.nio.file.Files.write(file, head);
    }
}
