package org.huyou.documents;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Pictures made from documents: thumbnails for the list (an image scaled down, a PDF's first page rendered by PDFBox)
 * and an image reduced on request when added. A PDF is read through a {@link SealedScratch} (an encrypted temporary
 * file, deleted at once), so nothing of a document reaches the disk unencrypted and a 50 MB PDF is not held in memory.
 */
final class DocumentImages {

    private DocumentImages() {}

    /**
     * The image reduced so its longer side is {@code maxSide} pixels, encoded as PNG (a PNG, or a TIFF scan, kept
     * lossless) or JPEG (a photo); null when it is not an image or already no larger.
     */
    static byte[] reduced(ContentType type, Path file, int maxSide) throws IOException {
        if (type == ContentType.PDF || longestSide(file) <= maxSide) {
            return null;
        }
        BufferedImage small;
        try (InputStream in = Files.newInputStream(file)) {
            small = scaled(readSubsampled(in, maxSide), maxSide);
        }
        String format = type == ContentType.JPEG ? "jpg" : "png";
        if (type == ContentType.JPEG && small.getType() != BufferedImage.TYPE_INT_RGB) {
            // JPEG has no alpha channel: drawn onto plain RGB first
            BufferedImage rgb = new BufferedImage(small.getWidth(), small.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.drawImage(small, 0, 0, null);
            g.dispose();
            small = rgb;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(small, format, out)) {
            throw new IOException("no writer for " + format);
        }
        return out.toByteArray();
    }

    /** The longer side of the image in the file, read from its header only. */
    private static int longestSide(Path file) throws IOException {
        try (ImageInputStream iis = ImageIO.createImageInputStream(file.toFile())) {
            return withReader(iis, reader -> Math.max(reader.getWidth(0), reader.getHeight(0)));
        }
    }

    /** The document's picture with its longer side at most {@code maxSide} pixels. */
    static BufferedImage of(ContentType type, InputStream in, int maxSide) throws IOException {
        if (type == ContentType.PDF) {
            try (PDDocument doc = SealedScratch.loadPdf(in)) {
                if (doc.getNumberOfPages() == 0) {
                    throw new IOException("no pages");
                }
                PDRectangle box = doc.getPage(0).getCropBox();
                float scale = maxSide / Math.max(box.getWidth(), box.getHeight());
                return SealedScratch.renderer(doc).renderImage(0, Math.min(scale, 1f));
            }
        }
        return scaled(readSubsampled(in, maxSide * 2), maxSide);
    }

    /**
     * Reads an image keeping about one pixel in {@code step} each way, so a 50 MB scan is never decoded whole: the
     * long side comes out near {@code approxSide} or a little above.
     */
    static BufferedImage readSubsampled(InputStream in, int approxSide) throws IOException {
        try (ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            return withReader(iis, reader -> {
                int longest = Math.max(reader.getWidth(0), reader.getHeight(0));
                int step = Math.max(1, longest / Math.max(1, approxSide));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            });
        }
    }

    /** What is read of an image through its reader. */
    @FunctionalInterface
    private interface ReaderUse<T> {
        T read(ImageReader reader) throws IOException;
    }

    /** Reads the stream with the first reader that knows its format (none: "no reader"), disposed of after. */
    private static <T> T withReader(ImageInputStream iis, ReaderUse<T> use) throws IOException {
        Iterator<ImageReader> readers = iis == null ? null : ImageIO.getImageReaders(iis);
        if (readers == null || !readers.hasNext()) {
            throw new IOException("no reader");
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(iis, true, true);
            return use.read(reader);
        } finally {
            reader.dispose();
        }
    }

    /** The image scaled (smoothly) so its longer side is at most {@code maxSide}; a smaller one is kept as it is. */
    static BufferedImage scaled(BufferedImage src, int maxSide) {
        int longest = Math.max(src.getWidth(), src.getHeight());
        if (longest <= maxSide) {
            return src;
        }
        double f = (double) maxSide / longest;
        int w = Math.max(1, (int) Math.round(src.getWidth() * f));
        int h = Math.max(1, (int) Math.round(src.getHeight() * f));
        BufferedImage out = new BufferedImage(
                w, h, src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
