package org.huyou.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's files for a home, encrypted as H2's {@code CIPHER=AES} encrypts them (same layout, so existing files open and
 * backups stay interchangeable) but with the JDK's AES ({@link XtsSectors}): H2 spent most of a large read decrypting.
 * A URL names it as {@code jdbc:h2:huyou-aes:/path/huyou}; every file H2 makes for that database (the data file, its
 * temporary files, a compacted copy) is encrypted with the key of its folder, given by {@link #unlock} and kept only
 * in this process, never in the URL, where H2 would print it in its messages.
 */
public final class EncryptedFiles extends FilePathWrapper {

    static final String SCHEME = "huyou-aes";
    /** How an MVStore file begins: its header's first field. */
    private static final byte[] STORE_MAGIC = "H:2,".getBytes(StandardCharsets.ISO_8859_1);
    private static final Map<Path, Key> KEYS = new ConcurrentHashMap<>();

    /** A folder's key and how many handles hold it (a test may open one home twice). */
    private record Key(byte[] password, int holders) {
    }

    static {
        FilePath.register(new EncryptedFiles());
    }

    /** Makes the files in {@code folder} readable with {@code fileKey} until the returned handle is closed. */
    public static Unlocked unlock(Path folder, byte[] fileKey) {
        Path key = keyOf(folder);
        KEYS.merge(key, new Key(password(fileKey), 1), (held, added) -> new Key(added.password, held.holders + 1));
        return new Handle(key);
    }

    /**
     * Whether {@code file} decrypts with {@code fileKey} to the start of an H2 store; a file that is missing or too
     * short to tell counts as opening (what failed was not the key).
     */
    public static boolean opensWith(Path file, byte[] fileKey) {
        try (FileChannel stored = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel content = new EncryptedFileChannel(stored, password(fileKey))) {
            ByteBuffer start = ByteBuffer.allocate(STORE_MAGIC.length);
            return content.read(start, 0) < STORE_MAGIC.length || Arrays.equals(start.array(), STORE_MAGIC);
        } catch (IOException notAKeyProblem) {
            return true;
        }
    }

    /**
     * Runs the sector cipher under a throw-away key until the JIT has compiled it (for the start's warm-up): opening
     * the home decrypts a few hundred sectors, at a tenth of the speed while the code is still interpreted.
     */
    public static void warmUp() {
        XtsSectors xts = new XtsSectors(new byte[16]);
        byte[] sector = new byte[XtsSectors.SECTOR];
        for (int i = 0; i < 2_000; i++) {
            xts.encrypt(i, sector, 0);
            xts.decrypt(i, sector, 0);
        }
    }

    /** H2's CIPHER=AES took the key's hex as its file password, in UTF-16: the same bytes keep the files' AES key. */
    private static byte[] password(byte[] fileKey) {
        return HexFormat.of().formatHex(fileKey).getBytes(StandardCharsets.UTF_16BE);
    }

    /** The H2 URL, without settings, of the database named {@code name} in {@code folder}. */
    public static String url(Path folder, String name) {
        return "jdbc:h2:" + SCHEME + ":" + folder.toAbsolutePath().resolve(name);
    }

    /** An unlocked folder; closing it forgets the key. */
    public interface Unlocked extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Handle implements Unlocked {
        private final Path folder;
        private final AtomicBoolean held = new AtomicBoolean(true);

        Handle(Path folder) {
            this.folder = folder;
        }

        @Override
        public void close() {
            if (held.compareAndSet(true, false)) {
                KEYS.computeIfPresent(folder, (k, key) -> key.holders > 1 ? new Key(key.password, key.holders - 1)
                        : null);
            }
        }
    }

    private static Path keyOf(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        FilePath file = getBase();
        Key key;
        try {
            key = KEYS.get(keyOf(Path.of(file.getParent().toString())));
        } catch (UncheckedIOException noFolder) {
            throw noFolder.getCause();
        }
        if (key == null) {
            throw new IOException("no key for " + file.getName());
        }
        FileChannel channel = file.open(mode);
        try {
            return new EncryptedFileChannel(channel, key.password);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public long size() {
        return EncryptedFileChannel.contentLength(getBase().size());
    }

    @Override
    public InputStream newInputStream() throws IOException {
        return Channels.newInputStream(open("r"));
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        return newFileChannelOutputStream(open("rw"), append);
    }
}
