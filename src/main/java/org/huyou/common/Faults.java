package org.huyou.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Every failure as the one sentence a user reads and whether it is damage (or an unexpected fault) rather than a
 * mistake in what the user gave: the command line's exit code (1 or 2) and the window's dialog both come from here,
 * so a new kind of file-system fault is named in one place. A translated refusal ({@link UserFacingException}) keeps its
 * own sentence; a file-system fault names the file or folder; anything else is the general apology (the log has the
 * details).
 */
public final class Faults {

    /** What to tell the user, and whether it is damage or an unexpected fault (exit 2) rather than a mistake (1). */
    public record Fault(String message, boolean damage, String messageKey) {}

    private Faults() {}

    public static Fault describe(Throwable t) {
        for (Throwable cur = t; cur != null; cur = cur.getCause()) {
            if (cur instanceof UserFacingException u) {
                return new Fault(u.userMessage(), u instanceof DamagedDataException, u.messageKey());
            }
        }
        for (Throwable cur = t; cur != null; cur = cur.getCause()) {
            if (cur instanceof IOException io) {
                return fileFault(io);
            }
            if (cur instanceof UncheckedIOException u) {
                return fileFault(u.getCause());
            }
        }
        return fault("error.unexpected", true);
    }

    /** A file-system fault named by its file: a mistake the user can correct (1), or the disk's own trouble (2). */
    static Fault fileFault(IOException e) {
        String file = e instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : "";
        String reason = String.valueOf(e instanceof FileSystemException fs ? fs.getReason() : e.getMessage())
                .toLowerCase(Locale.ROOT);
        if (reason.contains("no space left")
                || reason.contains("not enough space")
                || reason.contains("disk full")
                || reason.contains("quota")) {
            return fault("fault.diskFull", true, file);
        }
        if (reason.contains("read-only file system")) {
            return fault("fault.readOnly", false, file);
        }
        if (e instanceof AccessDeniedException
                || reason.contains("permission denied")
                || reason.contains("operation not permitted")) {
            return fault("fault.accessDenied", false, file);
        }
        if (e instanceof NotDirectoryException
                || reason.contains("not a directory")
                || e instanceof FileAlreadyExistsException) {
            return fault("fault.notAFolder", false, file);
        }
        if (e instanceof NoSuchFileException) {
            return fault("fault.noSuchFile", false, file);
        }
        return file.isEmpty()
                ? fault("fault.io", true, String.valueOf(e.getMessage()))
                : fault("fault.ioFile", true, file);
    }

    private static Fault fault(String key, boolean damage, Object... args) {
        return new Fault(Messages.t(key, args), damage, key);
    }
}
