package org.huyou.common.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The pages of a PDF the app wrote, as pictures (the samples in docs/pdf-samples that people look at), and a picture
 * as a PDF page (a sheet drawn on screen, for the printer).
 */
public final class PdfPages {

    private PdfPages() {}

    /** The first {@code maxPages} pages at {@code dpi} dots per inch, in colour on white. */
    public static List<BufferedImage> render(Path pdf, float dpi, int maxPages) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(doc);
            List<BufferedImage> pages = new ArrayList<>();
            for (int i = 0; i < Math.min(maxPages, doc.getNumberOfPages()); i++) {
                pages.add(renderer.renderImageWithDPI(i, dpi, ImageType.RGB));
            }
            return pages;
        }
    }

    /**
     * A one-page A4 PDF of {@code image}, drawn from the top left inside a 2 cm margin at {@code pointsPerPixel} (made
     * smaller if it would not fit), as bytes: a sheet drawn on screen goes to the printer without becoming a file.
     */
    public static byte[] onePage(BufferedImage image, double pointsPerPixel) throws IOException {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float margin = 2 / 2.54f * 72;
            PDRectangle box = page.getMediaBox();
            float scale = (float) Math.min(
                    pointsPerPixel,
                    Math.min(
                            (box.getWidth() - 2 * margin) / image.getWidth(),
                            (box.getHeight() - 2 * margin) / image.getHeight()));
            float w = image.getWidth() * scale;
            float h = image.getHeight() * scale;
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(
                        LosslessFactory.createFromImage(doc, image), margin, box.getHeight() - margin - h, w, h);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
