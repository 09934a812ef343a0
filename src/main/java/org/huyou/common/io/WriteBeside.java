package org.huyou.common.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a file next to its name and moves it into place when complete, so whoever opens the folder (a user, a viewer
 * watching it) never sees half a file; a failed write leaves nothing behind. A folder where the file should go is never
 * replaced (an empty one would have been, silently). Every file written so is owner-only (0600 where the file system
 * has permissions) from its first byte: exports carry names, ID numbers and care details, and another account on the
 * PC must not read them.
 */
public final class WriteBeside {

    /** Writes the content into the path it is given. */
    public interface Content {
        void writeTo(Path partial) throws IOException;
    }

    /** One file of a set written together: where it goes and what it holds. */
    public record Part(Path file, Content content) {}

    private WriteBeside() {}

    /** Where a file is written before it is complete: beside it, its name and ".part". */
    public static Path partial(Path file) {
        return file.toAbsolutePath().resolveSibling(file.getFileName() + ".part");
    }

    /**
     * The partial file made empty and owner-only before the content is written into it (a writer that opens the path
     * keeps those permissions), restricted again once written (in case a writer made the file anew).
     */
    public static Path privatePartial(Path file) throws IOException {
        Path partial = partial(file);
        PrivateFiles.newOutputStream(partial).close();
        return partial;
    }

    public static void write(Path file, Content content) throws IOException {
        Path partial = partial(file);
        try {
            privatePartial(file);
            content.writeTo(partial);
            PrivateFiles.restrict(partial);
            refuseFolder(file.toAbsolutePath());
            move(partial, file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    /**
     * Writes files that belong together (a disclosure's workbook and its PDF) all or none: every one is written beside
     * its name first, then each is moved into place, a file it replaces set aside until all are in; if any cannot be
     * written or moved, the ones already moved are taken back out, what they replaced is put back, and no partial
     * file is left.
     */
    public static void writeAll(List<Part> parts) throws IOException {
        List<Path> partials = new ArrayList<>();
        // each file moved (or about to be) into place, with what it replaced set aside (null: nothing was there)
        List<Path[]> placed = new ArrayList<>();
        try {
            for (Part p : parts) {
                Path partial = partial(p.file());
                partials.add(partial);
                privatePartial(p.file());
                p.content().writeTo(partial);
                PrivateFiles.restrict(partial);
            }
            for (int i = 0; i < parts.size(); i++) {
                Path file = parts.get(i).file().toAbsolutePath();
                refuseFolder(file);
                Path aside = null;
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    aside = Files.createTempFile(file.getParent(), "." + file.getFileName() + "-", ".old");
                    move(file, aside);
                }
                placed.add(new Path[] {file, aside});
                move(partials.get(i), file);
            }
        } catch (IOException | RuntimeException e) {
            undo(placed, partials, e);
            throw e;
        }
        for (Path[] p : placed) {
            if (p[1] != null) {
                Files.deleteIfExists(p[1]);
            }
        }
    }

    /** Takes the moved files back out and puts back what they replaced, last first; its own failures go with {@code e}. */
    private static void undo(List<Path[]> placed, List<Path> partials, Exception e) {
        for (int i = placed.size() - 1; i >= 0; i--) {
            Path file = placed.get(i)[0];
            Path aside = placed.get(i)[1];
            try {
                if (aside != null) {
                    move(aside, file);
                } else {
                    Files.deleteIfExists(file);
                }
            } catch (IOException | RuntimeException again) {
                e.addSuppressed(again);
            }
        }
        for (Path partial : partials) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
        }
    }

    private static void refuseFolder(Path file) throws IOException {
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(file.toString(), null, "a folder is where the file should go");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
