package org.huyou.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.huyou.app.AppContext;
import org.huyou.bench.ImportBench.HeapPeak;
import org.huyou.common.Gender;
import org.huyou.documents.Document;
import org.huyou.documents.DocumentKind;
import org.huyou.documents.DocumentService;
import org.huyou.documents.SealedScratch;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.testing.TestHome;

/**
 * A scanned booklet of about 48 MiB (A4 pages, each a 300 dpi JPEG scan) added to a child's documents, its first page
 * rendered as the viewer renders it and its thumbnail made as the list makes it, each with the peak heap it used,
 * beside reading the file's bytes once (what holding the PDF in memory costs at least) and the viewer's former way
 * (the whole PDF read into PDFBox's memory buffer).
 */
final class DocumentBench {

    /** The viewer's resolution and the list's thumbnail side (DocumentViewer, DocumentsPart). */
    private static final float VIEW_DPI = 110;

    private static final int THUMB = 48;
    static final long TARGET_BYTES = 48L * 1024 * 1024;

    record Result(
            String size,
            Stats importMs,
            Stats importHeap,
            Stats viewMs,
            Stats viewHeap,
            Stats thumbMs,
            Stats thumbHeap,
            Stats wholeHeap,
            Stats bytesHeap) {}

    private final Path work = Path.of("target", "bench", "documents").toAbsolutePath();

    Result run(int reps) throws Exception {
        ImportBench.clear(work);
        Files.createDirectories(work);
        Path pdf = booklet(work.resolve("booklet.pdf"));
        long size = Files.size(pdf);
        List<Double> importMs = new ArrayList<>();
        List<Double> importHeap = new ArrayList<>();
        List<Double> viewMs = new ArrayList<>();
        List<Double> viewHeap = new ArrayList<>();
        List<Double> thumbMs = new ArrayList<>();
        List<Double> thumbHeap = new ArrayList<>();
        List<Double> wholeHeap = new ArrayList<>();
        List<Double> bytesHeap = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            Path home = work.resolve("home-" + i);
            try (AppContext ctx = TestHome.open(home)) {
                Resident child = ctx.residents()
                        .create(new Resident(
                                null,
                                null,
                                null,
                                "李小花",
                                null,
                                Gender.FEMALE,
                                TestHome.TODAY.minusYears(6),
                                false,
                                "01",
                                null,
                                null,
                                Category.ORPHAN,
                                TestHome.TODAY.minusYears(1),
                                AdmissionSource.CIVIL_AFFAIRS,
                                null,
                                DisabilityType.NONE,
                                null,
                                Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                                null,
                                null,
                                null));
                HeapPeak peak = HeapPeak.start();
                long t = System.nanoTime();
                Document d = ctx.documents()
                        .add(
                                child.id(),
                                new DocumentService.Details(DocumentKind.OTHER, "扫描件", LocalDate.of(2020, 1, 1), null),
                                pdf);
                importMs.add((System.nanoTime() - t) / 1e6);
                importHeap.add(peak.stopMb());

                peak = HeapPeak.start();
                t = System.nanoTime();
                BufferedImage page = ctx.documents().open(d.id(), in -> {
                    try (PDDocument doc = SealedScratch.loadPdf(in)) {
                        return SealedScratch.renderer(doc).renderImageWithDPI(0, VIEW_DPI);
                    }
                });
                viewMs.add((System.nanoTime() - t) / 1e6);
                viewHeap.add(peak.stopMb());
                check(page.getWidth() > 800, "page 1 rendered: " + page.getWidth());

                peak = HeapPeak.start();
                t = System.nanoTime();
                BufferedImage thumb = ctx.documents().thumbnail(d.id(), THUMB);
                thumbMs.add((System.nanoTime() - t) / 1e6);
                thumbHeap.add(peak.stopMb());
                check(Math.max(thumb.getWidth(), thumb.getHeight()) <= THUMB, "thumbnail " + thumb.getWidth());

                // the viewer's former way: the PDF whole in PDFBox's memory buffer, its pages decoded at full size
                peak = HeapPeak.start();
                ctx.documents().open(d.id(), in -> {
                    try (PDDocument doc = Loader.loadPDF(
                            new RandomAccessReadBuffer(in), "", null, null, IOUtils.createMemoryOnlyStreamCache())) {
                        return new PDFRenderer(doc).renderImageWithDPI(0, VIEW_DPI);
                    }
                });
                wholeHeap.add(peak.stopMb());
            }
            peak(bytesHeap, pdf);
            ImportBench.clear(home);
        }
        System.out.printf(
                java.util.Locale.ROOT,
                "  documents %.1f MiB: import %s MiB, view %s MiB, thumbnail %s MiB,"
                        + " whole in memory %s MiB, bytes once %s MiB%n",
                size / 1048576.0,
                importHeap,
                viewHeap,
                thumbHeap,
                wholeHeap,
                bytesHeap);
        return new Result(
                String.format(java.util.Locale.ROOT, "%.0f MiB", size / 1048576.0),
                Stats.of(importMs),
                Stats.of(importHeap),
                Stats.of(viewMs),
                Stats.of(viewHeap),
                Stats.of(thumbMs),
                Stats.of(thumbHeap),
                Stats.of(wholeHeap),
                Stats.of(bytesHeap));
    }

    /** The baseline: the file's bytes read once into the heap. */
    private static void peak(List<Double> into, Path pdf) throws Exception {
        HeapPeak peak = HeapPeak.start();
        byte[] bytes = Files.readAllBytes(pdf);
        into.add(peak.stopMb());
        check(bytes.length > 0, "read");
    }

    /**
     * A booklet of A4 pages, each a 300 dpi colour scan (a JPEG of 2480 × 3508 pixels with text-like strokes and
     * paper noise), as many as make about {@link #TARGET_BYTES}. Written through a scratch file: the writing is not
     * what is measured.
     */
    static Path booklet(Path file) throws Exception {
        Random random = new Random(32);
        BufferedImage scan = new BufferedImage(2480, 3508, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scan.createGraphics();
        g.setColor(new Color(250, 248, 240));
        g.fillRect(0, 0, scan.getWidth(), scan.getHeight());
        g.setColor(new Color(30, 30, 40));
        for (int line = 0; line < 110; line++) {
            for (int x = 200; x < 2280; x += 40 + random.nextInt(20)) {
                g.fillRect(x, 250 + line * 28, 20 + random.nextInt(20), 14 + random.nextInt(6));
            }
        }
        g.dispose();
        for (int i = 0; i < scan.getWidth() * scan.getHeight() / 8; i++) { // paper grain: what makes a scan large
            int x = random.nextInt(scan.getWidth());
            int y = random.nextInt(scan.getHeight());
            int v = 200 + random.nextInt(56);
            scan.setRGB(x, y, (v << 16) | (v << 8) | v);
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(scan, "jpg", jpeg);
        byte[] bytes = jpeg.toByteArray();
        int pages = (int) Math.max(1, TARGET_BYTES / bytes.length);
        try (PDDocument doc = new PDDocument(MemoryUsageSetting.setupTempFileOnly().streamCache)) {
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                PDImageXObject image = JPEGFactory.createFromByteArray(doc, bytes);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }
}
