package org.huyou.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scratch file PDFBox reads a document from: the child's paper is on disk only encrypted, read back exactly at
 * any position (as the parser and its views jump about), and gone once the document is closed.
 */
class SealedScratchTest {

    @TempDir
    Path dir;

    @Test
    void theFileHoldsNoPlainTextAndReadsBackExactlyAtAnyPosition() throws Exception {
        byte[] content = new byte[300_001]; // not a multiple of the page or the block
        new Random(7).nextBytes(content);
        byte[] canary = "CANARY-SEALED-SCRATCH".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(canary, 0, content, 70_000, canary.length);
        SealedScratch scratch = SealedScratch.spool(new ByteArrayInputStream(content));
        Path file = scratch.file();
        assertEquals(content.length, Files.size(file));
        assertFalse(
                new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("CANARY"),
                "the scratch file is encrypted");
        try (RandomAccessRead r = scratch.reader(true)) {
            Random jumps = new Random(11);
            for (int i = 0; i < 200; i++) {
                int at = jumps.nextInt(content.length);
                int len = Math.min(content.length - at, 1 + jumps.nextInt(150_000));
                r.seek(at);
                byte[] got = new byte[len];
                r.readFully(got);
                byte[] want = java.util.Arrays.copyOfRange(content, at, at + len);
                assertArrayEquals(want, got, "at " + at + ", " + len + " bytes");
            }
            r.seek(content.length - 1);
            assertEquals(content[content.length - 1] & 0xFF, r.read());
            assertEquals(-1, r.read());
            assertTrue(r.isEOF());
            try (RandomAccessRead view = r.createView(69_990, 100)) {
                view.seek(10);
                byte[] got = new byte[canary.length];
                view.readFully(got);
                assertArrayEquals(canary, got, "a view reads its own part, at its own position");
            }
            assertTrue(Files.exists(file), "closing a view keeps the file");
        }
        assertFalse(Files.exists(file), "closing the owner deletes the file");
    }

    @Test
    void aPdfIsReadThroughItAndClosingTheDocumentDeletesIt() throws Exception {
        Path pdf = TestFiles.pdf(dir.resolve("a.pdf"), "CANARY PDF", 3);
        long before;
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            before = files.filter(f -> f.getFileName().toString().endsWith(".sealed"))
                    .count();
        }
        try (PDDocument doc = SealedScratch.loadPdf(Files.newInputStream(pdf))) {
            assertEquals(3, doc.getNumberOfPages());
            assertTrue(new PDFTextStripper().getText(doc).contains("CANARY PDF"));
            assertTrue(SealedScratch.renderer(doc).renderImageWithDPI(2, 72).getWidth() > 100);
        }
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertEquals(
                    before,
                    files.filter(f -> f.getFileName().toString().endsWith(".sealed"))
                            .count(),
                    "no scratch file left behind");
        }
    }
}
