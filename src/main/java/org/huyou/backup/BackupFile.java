package org.huyou.backup;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.huyou.common.io.PrivateFiles;
import org.huyou.db.Database;
import org.huyou.security.KeyWrap;
import org.huyou.security.Keyring;

/**
 * The backup file's format, written and read: the file carries the keyring (wrapped keys only) and ends with an
 * HMAC-SHA-256 under a key derived from the file key, so any changed byte is found before a restore touches anything.
 *
 * <p>Layout: "HUYOUBK3", keyring length (int) and bytes, the file's bytes up to the HMAC (the last 32 bytes). Earlier
 * versions still restore: version 2 ("HUYOUBK2") held the file in a zip up to the HMAC, which took longer to read back
 * than the file to copy (the JDK inflates even stored blocks through a 512-byte buffer); version 1 ("HUYOUBK1", until
 * November 2026) held H2's SCRIPT of the database (its length as a long before it), run into a new file, which takes
 * about 200 times a file copy for a large home.
 */
final class BackupFile {

    private static final byte[] MAGIC_SCRIPT = "HUYOUBK1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAGIC_ZIPPED_FILE = "HUYOUBK2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAGIC_FILE = "HUYOUBK3".getBytes(StandardCharsets.US_ASCII);
    private static final int MAGIC_LENGTH = 8;
    private static final int MAC_LENGTH = 32;

    private BackupFile() {}

    /** Writes a version-3 backup of the database, under the file key, to {@code raw}. */
    static void write(OutputStream raw, byte[] ring, byte[] fileKey, Database database)
            throws IOException, SQLException {
        Mac mac = mac(fileKey);
        DataOutputStream data = new DataOutputStream(new MacOutputStream(raw, mac));
        data.write(MAGIC_FILE);
        data.writeInt(ring.length);
        data.write(ring);
        database.copyFileTo(data);
        data.flush();
        raw.write(mac.doFinal());
    }

    /** Whether every byte of the backup is as written under this key. */
    static boolean isIntact(Path backup, byte[] key) {
        try (InputStream in = Files.newInputStream(backup)) {
            long size = Files.size(backup);
            if (size < MAGIC_LENGTH + MAC_LENGTH) {
                return false;
            }
            Mac mac = mac(key);
            byte[] buf = new byte[64 * 1024];
            long remaining = size - MAC_LENGTH;
            while (remaining > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
                if (n < 0) {
                    return false;
                }
                mac.update(buf, 0, n);
                remaining -= n;
            }
            byte[] stored = in.readNBytes(MAC_LENGTH);
            return MessageDigest.isEqual(stored, mac.doFinal());
        } catch (IOException e) {
            return false;
        }
    }

    /** See {@link BackupService#keyOf}. */
    static byte[] keyOf(Path backup, byte[] current, Map<String, byte[]> previous) {
        String id = null;
        try {
            Properties ring = new Properties();
            ring.load(new StringReader(new String(keyringOf(backup), StandardCharsets.UTF_8)));
            id = ring.getProperty("file.id");
        } catch (IOException | RuntimeException e) {
            return null;
        }
        List<byte[]> candidates = new ArrayList<>();
        if (id == null || id.equals(Keyring.keyId(current))) {
            candidates.add(current);
        }
        if (id != null && previous.containsKey(id)) {
            candidates.add(previous.get(id));
        }
        if (id == null) {
            candidates.addAll(previous.values());
        }
        for (byte[] key : candidates) {
            if (isIntact(backup, key)) {
                return key;
            }
        }
        return null;
    }

    /** The keyring a backup carries, to restore into an empty folder. */
    static byte[] keyringOf(Path backup) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(backup))) {
            formatOf(in);
            return in.readNBytes(in.readInt());
        }
    }

    /**
     * Writes the database file a backup holds to {@code rebuilt}, whatever its version; a version-1 script is run into
     * a new file in {@code work} under the backup's key.
     */
    static void unpack(Path backup, Path rebuilt, Path work, byte[] backupKey) throws IOException, SQLException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(backup), 1 << 16))) {
            Format format = formatOf(in);
            int ringLength = in.readInt();
            in.skipNBytes(ringLength);
            long contentLength = Files.size(backup) - MAGIC_LENGTH - 4 - ringLength - MAC_LENGTH;
            switch (format) {
                case FILE -> writeFile(in, contentLength, rebuilt);
                case ZIPPED_FILE -> extractFile(in, contentLength, rebuilt);
                case SCRIPT -> runScript(in, in.readLong(), work, backupKey);
            }
        }
    }

    /** What a backup holds, by its magic. */
    private enum Format {
        SCRIPT,
        ZIPPED_FILE,
        FILE
    }

    private static Format formatOf(DataInputStream in) throws IOException {
        byte[] magic = in.readNBytes(MAGIC_LENGTH);
        if (MessageDigest.isEqual(magic, MAGIC_FILE)) {
            return Format.FILE;
        }
        if (MessageDigest.isEqual(magic, MAGIC_ZIPPED_FILE)) {
            return Format.ZIPPED_FILE;
        }
        if (MessageDigest.isEqual(magic, MAGIC_SCRIPT)) {
            return Format.SCRIPT;
        }
        throw new IOException("not a Huyou backup");
    }

    /** Version 3: the file's bytes, as they are. */
    private static void writeFile(InputStream in, long length, Path target) throws IOException {
        try (OutputStream out = PrivateFiles.newOutputStream(target)) {
            copy(in, out, length);
        }
    }

    /** Version 2: the zip's one entry, the database file, written out as it was copied. */
    private static void extractFile(InputStream in, long zipLength, Path target) throws IOException {
        String expected = Database.FILE_NAME + ".mv.db";
        try (ZipInputStream zip = new ZipInputStream(new BoundedInputStream(in, zipLength))) {
            ZipEntry entry = zip.getNextEntry();
            if (entry == null || !entry.getName().equals(expected)) {
                throw new IOException("the backup holds " + (entry == null ? "nothing" : entry.getName()));
            }
            try (OutputStream out = PrivateFiles.newOutputStream(target)) {
                zip.transferTo(out);
            }
        }
    }

    /** Version 1: H2's script, run into a new encrypted file. */
    private static void runScript(InputStream in, long length, Path work, byte[] key) throws IOException, SQLException {
        Path script = work.resolve("script.tmp");
        try (OutputStream out = PrivateFiles.newOutputStream(script)) {
            copy(in, out, length);
        }
        String secret = KeyWrap.hex(key);
        try (Connection c = DriverManager.getConnection(Database.h2Url(work), "sa", Database.h2Password(key))) {
            try (PreparedStatement ps =
                    c.prepareStatement("RUNSCRIPT FROM ? COMPRESSION DEFLATE CIPHER AES " + "PASSWORD ?")) {
                ps.setString(1, script.toString());
                ps.setString(2, secret);
                ps.execute();
            }
            try (Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            }
        }
        Files.delete(script);
    }

    private static void copy(InputStream in, OutputStream out, long len) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long remaining = len;
        while (remaining > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
            if (n < 0) {
                throw new IOException("backup truncated");
            }
            out.write(buf, 0, n);
            remaining -= n;
        }
    }

    private static Mac mac(byte[] key) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(KeyWrap.hmac(key, "huyou-backup-mac"), "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads no further than the zip's end, so the HMAC after it is never taken for zip bytes. */
    private static final class BoundedInputStream extends FilterInputStream {
        private long remaining;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), remaining);
        }

        @Override
        public void close() {
            // the caller closes the backup file
        }
    }

    /** Feeds everything written through it to the MAC. */
    private static final class MacOutputStream extends FilterOutputStream {
        private final Mac mac;

        MacOutputStream(OutputStream out, Mac mac) {
            super(out);
            this.mac = mac;
        }

        @Override
        public void write(int b) throws IOException {
            mac.update((byte) b);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            mac.update(b, off, len);
            out.write(b, off, len);
        }
    }
}
