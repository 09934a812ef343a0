package org.huyou.documents;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.CipherOutputStream;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A document's bytes spooled to a temporary file for PDFBox to read at random (a PDF's cross-reference table is at its
 * end, its pages anywhere), so that a 50 MB PDF is never whole in memory: PDFBox reads the parts a page needs. The
 * file is encrypted with AES-256 in counter mode (seekable) under a key made for it and held in memory only, so the
 * file, a copy of it or one a crash left behind shows nothing of the child's paper; it is deleted when closed. No
 * integrity tag: only this process writes and reads it, for the time of one viewing.
 */
public final class SealedScratch implements Closeable {

    /** The most PDFBox may keep in memory for streams it makes while reading (rendering makes almost none). */
    static final long MEMORY_CACHE_LIMIT = 32L * 1024 * 1024;
    /** Decrypted a page at a time; a multiple of the AES block. */
    private static final int PAGE = 64 * 1024;

    private static final int BLOCK = 16;

    private final Path file;
    private final SecretKeySpec key;
    private final byte[] nonce;
    private final long length;

    private SealedScratch(Path file, SecretKeySpec key, byte[] nonce, long length) {
        this.file = file;
        this.key = key;
        this.nonce = nonce;
        this.length = length;
    }

    /**
     * A PDF read from the stream through a sealed scratch file, rendered page by page by PDFBox with a limited memory
     * cache; closing the document deletes the file.
     */
    public static PDDocument loadPdf(InputStream in) throws IOException {
        SealedScratch scratch = spool(in);
        Reader reader = scratch.reader(true);
        try {
            return Loader.loadPDF(
                    reader, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(MEMORY_CACHE_LIMIT).streamCache);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /**
     * A renderer that may read a scanned page's image at a lower resolution when the page is drawn smaller than the
     * scan (a 300 dpi A4 scan is 100 MB of pixels decoded whole, 25 MB at a quarter).
     */
    public static PDFRenderer renderer(PDDocument doc) {
        PDFRenderer r = new PDFRenderer(doc);
        r.setSubsamplingAllowed(true);
        return r;
    }

    /** Copies the stream into a new scratch file, encrypted as it is written. */
    static SealedScratch spool(InputStream in) throws IOException {
        SecureRandom random = new SecureRandom();
        byte[] keyBytes = new byte[32];
        byte[] nonce = new byte[8];
        random.nextBytes(keyBytes);
        random.nextBytes(nonce);
        SecretKeySpec key = new SecretKeySpec(keyBytes, "AES");
        Path file = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(
                        "huyou-",
                        ".sealed",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile("huyou-", ".sealed");
        try {
            long written;
            try (OutputStream out =
                    new CipherOutputStream(Files.newOutputStream(file), cipher(key, nonce, 0, Cipher.ENCRYPT_MODE))) {
                written = in.transferTo(out);
            }
            return new SealedScratch(file, key, nonce, written);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The encrypted file (for the tests that look for plain text in it). */
    Path file() {
        return file;
    }

    /** How many bytes the document has. */
    long length() {
        return length;
    }

    /** A reader of its own position; the owner's closing deletes the file. */
    Reader reader(boolean owner) throws IOException {
        return new Reader(owner);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    /** AES-CTR positioned at a block: the counter is the nonce followed by the block's number. */
    private static Cipher cipher(SecretKeySpec key, byte[] nonce, long block, int mode) {
        try {
            byte[] iv = ByteBuffer.allocate(BLOCK).put(nonce).putLong(block).array();
            Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
            c.init(mode, key, new IvParameterSpec(iv));
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PDFBox's view of the scratch file: decrypts the page of the file the position is in. */
    final class Reader implements RandomAccessRead {

        private final boolean owner;
        private final FileChannel channel;
        private final byte[] page = new byte[PAGE];
        private final ByteBuffer sealed = ByteBuffer.allocate(PAGE);
        private long pageStart = -1;
        private int pageLength;
        private long position;
        private boolean closed;

        private Reader(boolean owner) throws IOException {
            this.owner = owner;
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
        }

        @Override
        public int read() throws IOException {
            if (!load()) {
                return -1;
            }
            return page[(int) (position++ - pageStart)] & 0xFF;
        }

        @Override
        public int read(byte[] b, int offset, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int done = 0;
            while (done < len && load()) {
                int at = (int) (position - pageStart);
                int n = Math.min(len - done, pageLength - at);
                System.arraycopy(page, at, b, offset + done, n);
                position += n;
                done += n;
            }
            return done == 0 ? -1 : done;
        }

        /** Makes the page holding the position the current one; false at the end. */
        private boolean load() throws IOException {
            if (closed) {
                throw new IOException("closed");
            }
            if (position >= length) {
                return false;
            }
            if (pageStart >= 0 && position >= pageStart && position < pageStart + pageLength) {
                return true;
            }
            long start = position / PAGE * PAGE;
            int n = (int) Math.min(PAGE, length - start);
            sealed.clear().limit(n);
            while (sealed.hasRemaining()) {
                if (channel.read(sealed, start + sealed.position()) < 0) {
                    throw new IOException("scratch file shorter than written");
                }
            }
            try {
                cipher(key, nonce, start / BLOCK, Cipher.DECRYPT_MODE).doFinal(sealed.array(), 0, n, page, 0);
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
            pageStart = start;
            pageLength = n;
            return true;
        }

        @Override
        public long getPosition() {
            return position;
        }

        @Override
        public void seek(long to) throws IOException {
            if (to < 0) {
                throw new IOException("negative position " + to);
            }
            position = Math.min(to, length);
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public boolean isEOF() {
            return position >= length;
        }

        @Override
        public RandomAccessReadView createView(long start, long streamLength) throws IOException {
            // a reader of its own, as PDFBox's file reader does: a view must not move the parser's position
            return new RandomAccessReadView(new Reader(false), start, streamLength, true);
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                channel.close();
            } finally {
                if (owner) {
                    SealedScratch.this.close();
                }
            }
        }
    }
}
