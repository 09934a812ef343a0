package org.huyou.common.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The pages of a PDF the app wrote, as pictures: what goes to the printer through the system's print dialog, and the
 * samples in docs/pdf-samples that people look at. One renderer, so what is checked is what is printed.
 */
public final class PdfPages {

    private PdfPages() {
    }

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

    /** Receives one rendered page; false stops the rendering. */
    @FunctionalInterface
    public interface PageSink {
        boolean accept(BufferedImage page) throws IOException;
    }

    /**
     * Every page at {@code dpi}, one at a time (a long document never has all its pictures in memory), until
     * {@code sink} says stop; returns whether every page was taken.
     */
    public static boolean eachPage(Path pdf, float dpi, PageSink sink) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                if (!sink.accept(renderer.renderImageWithDPI(i, dpi, ImageType.RGB))) {
                    return false;
                }
            }
            return true;
        }
    }
}
