package org.huyou.common.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file next to its name and moves it into place when complete, so whoever opens the folder (a user, a viewer
 * watching it) never sees half a file; a failed write leaves nothing behind.
 */
public final class WriteBeside {

    /** Writes the content into the path it is given. */
    public interface Content {
        void writeTo(Path partial) throws IOException;
    }

    private WriteBeside() {}

    /** Where a file is written before it is complete: beside it, its name and ".part". */
    public static Path partial(Path file) {
        return file.toAbsolutePath().resolveSibling(file.getFileName() + ".part");
    }

    public static void write(Path file, Content content) throws IOException {
        Path partial = partial(file);
        try {
            content.writeTo(partial);
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }
}
