package org.huyou.backup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.h2.store.fs.encrypt.FileEncrypt;
import org.h2.store.fs.encrypt.FilePathEncrypt;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.PrivateFiles;
import org.huyou.db.Database;
import org.huyou.security.KeyWrap;
import org.huyou.security.Keyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-encrypts the closed H2 database under a new random file key and rewraps the key for the keyring's holders
 * ({@link Keyring#rotatedCopy}). The database file and the keyring cannot be replaced together in one step, so the
 * order below makes a kill at any point leave either the old keyring with the old database or the new keyring with
 * the new database (once {@link #finishInterrupted} has run, which every open does first):
 * <ol>
 *   <li>{@value #FOLDER}/ is made afresh in the data folder (a leftover one without a keyring is removed);</li>
 *   <li>{@value #FOLDER}/huyou.mv.db: the database, page by page decrypted with the old key and encrypted with the new
 *   one; its H2 login changed to the new key; opened to check; synced. The old file is not touched;</li>
 *   <li>{@value #FOLDER}/keyring.properties: the new keyring, written whole and renamed into place. <b>This is the
 *   commit</b>: before it, the old pair stands; after it, the new pair does;</li>
 *   <li>the new database renamed over the old one;</li>
 *   <li>the new keyring renamed over the old one;</li>
 *   <li>{@value #FOLDER}/ removed.</li>
 * </ol>
 * {@link #finishInterrupted}: a {@value #FOLDER}/ with a keyring in it is a committed rotation, finished from step 4
 * (step 4 skipped when the database has moved already); one without is an unfinished one, removed (the old file
 * and keyring were never touched). A lock file keeps a second program from finishing or removing a rotation still
 * under way.
 */
public final class FileKeyRotation {

    private static final Logger LOG = LoggerFactory.getLogger(FileKeyRotation.class);
    public static final String FOLDER = "key-rotation";
    private static final String LOCK = "key-rotation.lock";
    private static final String DB = Database.FILE_NAME + ".mv.db";
    private static final int CHUNK = 1 << 20;

    private FileKeyRotation() {}

    /** Bytes re-encrypted so far, of all. */
    public interface Progress {
        void update(long done, long total);
    }

    /** Where a rotation may be stopped, for the tests that kill one midway. */
    public enum Step {
        DATABASE_WRITTEN,
        KEYRING_COMMITTED,
        DATABASE_MOVED,
        KEYRING_MOVED
    }

    /** Called as each step is reached; a test throws from it to stop the rotation there, as a kill would. */
    public interface StepHook {
        void reached(Step step);
    }

    /** The new file key, the keyring written for it (loaded from the data folder), and who could not be given it. */
    public record Result(byte[] fileKey, Keyring keyring, List<String> lostAccess) {}

    /** Rotates the file key of the closed home in {@code dataDir}; see the class comment for the order. */
    public static Result rotate(Path dataDir, Keyring keyring, byte[] oldKey, Progress progress) {
        return rotate(dataDir, keyring, oldKey, progress, step -> {});
    }

    public static Result rotate(Path dataDir, Keyring keyring, byte[] oldKey, Progress progress, StepHook hook) {
        if (keyring.isServer()) {
            throw new UserFacingException("keyRotation.serverHome");
        }
        try (FileLock lock = lock(dataDir)) {
            finishLocked(dataDir);
            Path work = dataDir.resolve(FOLDER);
            PrivateFiles.createFolder(work);
            byte[] newKey = KeyWrap.random(32);
            reencrypt(dataDir.resolve(DB), oldKey, work.resolve(DB), newKey, progress);
            changeLogin(work, oldKey, newKey);
            hook.reached(Step.DATABASE_WRITTEN);
            Keyring.Rotated rotated = keyring.rotatedCopy(work.resolve(Keyring.FILE), oldKey, newKey);
            rotated.keyring().write(); // the commit
            syncFolder(work);
            hook.reached(Step.KEYRING_COMMITTED);
            moveIn(dataDir, hook);
            LOG.info(
                    "File key rotated in {}; holders without a key pair lost access: {}",
                    dataDir,
                    rotated.lostAccess());
            return new Result(newKey, Keyring.load(dataDir), rotated.lostAccess());
        } catch (IOException | SQLException e) {
            throw new UserFacingException(e, "keyRotation.failed", dataDir);
        }
    }

    /**
     * Finishes or undoes a rotation a kill interrupted (see the class comment); true when there was one. Every open
     * of the home calls this before reading the keyring.
     */
    public static boolean finishInterrupted(Path dataDir) {
        if (!Files.isDirectory(dataDir.resolve(FOLDER))) {
            return false;
        }
        try (FileLock lock = lock(dataDir)) {
            return finishLocked(dataDir);
        } catch (IOException e) {
            throw new UserFacingException(e, "keyRotation.failed", dataDir);
        }
    }

    private static boolean finishLocked(Path dataDir) throws IOException {
        Path work = dataDir.resolve(FOLDER);
        if (!Files.isDirectory(work)) {
            return false;
        }
        if (Files.isRegularFile(work.resolve(Keyring.FILE))) {
            LOG.warn("Finishing a file key rotation that was interrupted after its commit");
            moveIn(dataDir, step -> {});
        } else {
            LOG.warn("Removing a file key rotation that was interrupted before its commit; the old key stands");
            deleteTree(work);
        }
        return true;
    }

    /** Steps 4 to 6. */
    private static void moveIn(Path dataDir, StepHook hook) throws IOException {
        Path work = dataDir.resolve(FOLDER);
        if (Files.exists(work.resolve(DB))) {
            Files.move(
                    work.resolve(DB),
                    dataDir.resolve(DB),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            syncFolder(dataDir);
        }
        hook.reached(Step.DATABASE_MOVED);
        Files.move(
                work.resolve(Keyring.FILE),
                dataDir.resolve(Keyring.FILE),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        syncFolder(dataDir);
        hook.reached(Step.KEYRING_MOVED);
        deleteTree(work);
    }

    /**
     * The database's bytes under a new key: H2's own encrypted file channel reads the old file and writes the new
     * one (what {@code org.h2.tools.ChangeFileEncryption} does, here into another folder and with progress).
     */
    public static void reencrypt(Path source, byte[] oldKey, Path target, byte[] newKey, Progress progress)
            throws IOException {
        Files.deleteIfExists(target);
        try (FileChannel inBase = FileChannel.open(source, StandardOpenOption.READ);
                FileChannel outBase = FileChannel.open(
                        target, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileEncrypt in = new FileEncrypt(source.toString(), filePassword(oldKey), inBase);
                FileEncrypt out = new FileEncrypt(target.toString(), filePassword(newKey), outBase)) {
            PrivateFiles.restrict(target);
            long total = in.size();
            ByteBuffer buf = ByteBuffer.allocate(CHUNK);
            long pos = 0;
            while (pos < total) {
                buf.clear();
                buf.limit((int) Math.min(CHUNK, total - pos));
                while (buf.hasRemaining()) {
                    if (in.read(buf, pos + buf.position()) < 0) {
                        throw new IOException("database file ended early at " + (pos + buf.position()));
                    }
                }
                buf.flip();
                long at = pos;
                while (buf.hasRemaining()) {
                    at += out.write(buf, at);
                }
                pos += buf.limit();
                progress.update(pos, total);
            }
            out.force(true);
        }
    }

    /** H2's file password is the first half of {@link Database#h2Password}. */
    private static byte[] filePassword(byte[] key) {
        return FilePathEncrypt.getPasswordBytes(KeyWrap.hex(key).toCharArray());
    }

    /**
     * H2 keeps a login of its own inside the file, also derived from the file key: the new file is opened with the new
     * file password and the old login, and the login changed; then it must open with the new key alone.
     */
    static void changeLogin(Path work, byte[] oldKey, byte[] newKey) throws SQLException {
        String url = Database.h2Url(work) + ";IFEXISTS=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", KeyWrap.hex(newKey) + " " + KeyWrap.hex(oldKey));
                PreparedStatement ps = c.prepareStatement("ALTER USER SA SET PASSWORD ?");
                Statement st = c.createStatement()) {
            ps.setString(1, KeyWrap.hex(newKey));
            ps.execute();
            st.execute("SHUTDOWN");
        }
        try (Connection c = DriverManager.getConnection(url, "sa", Database.h2Password(newKey));
                Statement st = c.createStatement()) {
            st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES").close();
            st.execute("SHUTDOWN");
        }
    }

    /** One rotation at a time per data folder, across programs too. */
    private static FileLock lock(Path dataDir) throws IOException {
        PrivateFiles.createFolder(dataDir);
        FileChannel channel =
                FileChannel.open(dataDir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new UserFacingException("error.databaseInUse", dataDir);
        }
        return new ClosingLock(lock, channel);
    }

    /** Makes renames in a folder durable where the system allows it (not on Windows, where it is not needed). */
    private static void syncFolder(Path dir) {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Folder sync not supported here: {}", e.toString());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A file lock that closes its channel when released. */
    private static final class ClosingLock extends FileLock {
        private final FileLock inner;

        ClosingLock(FileLock inner, FileChannel channel) {
            super(channel, inner.position(), inner.size(), inner.isShared());
            this.inner = inner;
        }

        @Override
        public boolean isValid() {
            return inner.isValid();
        }

        @Override
        public void release() throws IOException {
            if (inner.isValid()) {
                inner.release();
            }
            channel().close();
        }
    }
}
