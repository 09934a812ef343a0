package org.huyou.common.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder is its user's alone: on Linux and macOS the folder (and the folders in it) 0700, its files 0600, so
 * another account on the same PC reads neither the database nor the keyring nor the logs. Set when the folder is made
 * and fixed again at every start (a copy or another program may have widened them). On Windows nothing is done: the
 * default data folder is in the user's own profile, which other users cannot open.
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static Logger log() {
        return LoggerFactory.getLogger(PrivateFiles.class);
    }

    private PrivateFiles() {}

    public static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the folder (and missing parents) if needed; the folder itself becomes owner-only. */
    public static void createFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (posix(dir)) {
            Files.setPosixFilePermissions(dir, FOLDER);
        }
    }

    /** Makes a file owner-only (before anything secret is written to it, where the caller can). */
    public static void restrict(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /**
     * Opens a file for writing that is owner-only from its first byte: on Linux and macOS a new file is created 0600
     * (not with the process's default, which lets every account read it until the next start fixes it), and a file
     * left from an earlier try is restricted before it is truncated.
     */
    public static OutputStream newOutputStream(Path file) throws IOException {
        if (posix(file)) {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.setPosixFilePermissions(file, FILE);
            } else {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            }
        }
        return Files.newOutputStream(file);
    }

    /**
     * Makes the folder and everything in it owner-only. Links are not followed (a link to elsewhere is not ours to
     * change). A file that cannot be changed is logged, not fatal: the folder's own 0700 already keeps others out.
     */
    public static void secure(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !posix(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    set(d, FOLDER);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        set(f, FILE);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    log().warn("Could not check the permissions of {}: {}", f, e.toString());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log().warn("Could not make {} private: {}", dir, e.toString());
        }
    }

    private static void set(Path p, Set<PosixFilePermission> wanted) {
        try {
            if (!Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
                Files.setPosixFilePermissions(p, wanted);
            }
        } catch (IOException | SecurityException e) {
            log().warn("Could not make {} private: {}", p, e.toString());
        }
    }
}
