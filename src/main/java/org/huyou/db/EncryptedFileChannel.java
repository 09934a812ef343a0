package org.huyou.db;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.h2.security.SHA256;
import org.h2.store.fs.FileBaseDefault;

/**
 * One encrypted file, in the layout of H2's {@code FileEncrypt} so that a home's existing file opens unchanged and a
 * file written here opens with H2's {@code CIPHER=AES}: a 4 KiB header ({@code H2encrypt\n} and an 8-byte salt), then
 * the content in {@link XtsSectors} under PBKDF2(password, salt, 10 rounds). A content length that is not a whole
 * number of sectors is kept as that many zero bytes after the last sector.
 */
final class EncryptedFileChannel extends FileBaseDefault {

    static final int HEADER_LENGTH = XtsSectors.SECTOR;
    private static final int MASK = XtsSectors.SECTOR - 1;
    private static final byte[] MAGIC = "H2encrypt\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final int SALT_LENGTH = 8;
    private static final int KEY_ROUNDS = 10;
    private static final int KEY_LENGTH = 16;

    private final FileChannel file;
    private final XtsSectors xts;
    private volatile long size;

    EncryptedFileChannel(FileChannel file, byte[] password) throws IOException {
        this.file = file;
        byte[] salt = new byte[SALT_LENGTH];
        long stored = file.size();
        if (stored >= HEADER_LENGTH) {
            readFully(file, MAGIC.length, ByteBuffer.wrap(salt));
            size = contentLength(stored);
        } else {
            new SecureRandom().nextBytes(salt);
            byte[] header = Arrays.copyOf(MAGIC, HEADER_LENGTH);
            System.arraycopy(salt, 0, header, MAGIC.length, SALT_LENGTH);
            writeFully(file, 0, ByteBuffer.wrap(header));
        }
        xts = new XtsSectors(SHA256.getPBKDF2(password, salt, KEY_ROUNDS, KEY_LENGTH));
    }

    /** The content's length for a file of {@code stored} bytes on disk. */
    static long contentLength(long stored) {
        long length = Math.max(0, stored - HEADER_LENGTH);
        return (length & MASK) == 0 ? length : length - XtsSectors.SECTOR;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        if (position < 0) {
            throw new IllegalArgumentException("position " + position);
        }
        long end = size;
        if (!dst.hasRemaining()) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        int length = (int) Math.min(dst.remaining(), end - position);
        long first = position & ~MASK;
        int skip = (int) (position - first);
        int span = (skip + length + MASK) & ~MASK;
        if (skip == 0 && span == length && dst.hasArray()) {
            readSectors(dst.array(), dst.arrayOffset() + dst.position(), first, span);
            dst.position(dst.position() + length);
        } else {
            byte[] sectors = new byte[span];
            readSectors(sectors, 0, first, span);
            dst.put(sectors, skip, length);
        }
        return length;
    }

    private void readSectors(byte[] into, int offset, long position, int length) throws IOException {
        readFully(file, HEADER_LENGTH + position, ByteBuffer.wrap(into, offset, length));
        long sector = position / XtsSectors.SECTOR;
        for (int at = 0; at < length; at += XtsSectors.SECTOR) {
            xts.decrypt(sector++, into, offset + at);
        }
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        if (position < 0) {
            throw new IllegalArgumentException("position " + position);
        }
        int length = src.remaining();
        long first = position & ~MASK;
        int skip = (int) (position - first);
        int span = (skip + length + MASK) & ~MASK;
        byte[] sectors = new byte[span];
        if (skip != 0 || span != length) {
            // a partial sector: keep what the rest of it holds
            long existing = Math.min(span, (size - first + MASK) & ~MASK);
            if (existing > 0) {
                readSectors(sectors, 0, first, (int) existing);
            }
        }
        src.get(sectors, skip, length);
        long sector = first / XtsSectors.SECTOR;
        for (int at = 0; at < span; at += XtsSectors.SECTOR) {
            xts.encrypt(sector++, sectors, at);
        }
        writeFully(file, HEADER_LENGTH + first, ByteBuffer.wrap(sectors));
        long newSize = Math.max(size, position + length);
        size = newSize;
        int tail = (int) (newSize & MASK);
        if (tail > 0 && first + span > (newSize & ~MASK)) {
            writeFully(file, HEADER_LENGTH + first + span, ByteBuffer.allocate(tail));
        }
        return length;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    protected void implTruncate(long newSize) throws IOException {
        if (newSize < 0) {
            throw new IllegalArgumentException("size " + newSize);
        }
        if (newSize >= size) {
            return;
        }
        long sectorsEnd = (newSize + MASK) & ~MASK;
        file.truncate(HEADER_LENGTH + sectorsEnd);
        int tail = (int) (newSize & MASK);
        if (tail > 0) {
            writeFully(file, HEADER_LENGTH + sectorsEnd, ByteBuffer.allocate(tail));
        }
        size = newSize;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        file.force(metaData);
    }

    @Override
    public FileLock tryLock(long position, long length, boolean shared) throws IOException {
        return file.tryLock(position, length, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.close();
    }

    private static void readFully(FileChannel from, long position, ByteBuffer into) throws IOException {
        while (into.hasRemaining()) {
            int n = from.read(into, position);
            if (n < 0) {
                throw new EOFException("encrypted file shorter than its sectors");
            }
            position += n;
        }
    }

    private static void writeFully(FileChannel to, long position, ByteBuffer from) throws IOException {
        while (from.hasRemaining()) {
            position += to.write(from, position);
        }
    }
}
