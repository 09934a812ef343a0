package org.huyou.app;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.huyou.common.UserFacingException;
import org.huyou.security.Keyring;

/**
 * The data folder checked before anything is written to it, so that a folder that is a file, cannot be read or
 * written, or does not exist is refused with one sentence naming it, and a mistyped folder is never created for a
 * command that needs a home. The command line checks it for every command, the window at its start.
 */
public final class DataFolder {

    /** What a command needs of its folder. */
    public enum Need {
        /** A home set up there (a mistyped folder is refused, not created). */
        HOME,
        /** A folder that is or can become a new home: missing is fine when it can be created. */
        NEW_HOME,
        /** Either: a home there, or a new one made from what the command brings (a restore into a new PC). */
        HOME_OR_NEW
    }

    private DataFolder() {}

    /** Refuses the folder with a sentence naming it, unless it can serve {@code need}. */
    public static void check(Path dir, Need need) {
        Path d = dir.toAbsolutePath();
        if (Files.exists(d) && !Files.isDirectory(d)) {
            throw new UserFacingException("folder.notAFolder", d);
        }
        if (Files.isDirectory(d)) {
            if (!Files.isReadable(d) || !Files.isExecutable(d)) {
                throw new UserFacingException("folder.unreadable", d);
            }
            boolean home = Keyring.exists(d);
            if (need == Need.HOME && !home) {
                throw new UserFacingException("folder.noHome", d);
            }
            if (!Files.isWritable(d)) {
                throw new UserFacingException("folder.readOnly", d);
            }
            if (home && !Files.isReadable(d.resolve(Keyring.FILE))) {
                throw new UserFacingException("folder.unreadable", d.resolve(Keyring.FILE));
            }
            return;
        }
        if (need == Need.HOME) {
            throw new UserFacingException("folder.noHome", d);
        }
        // Missing: it will be created, so the nearest folder that exists must take a new folder.
        Path parent = d.getParent();
        while (parent != null && !Files.exists(parent, LinkOption.NOFOLLOW_LINKS) && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent) || !Files.isExecutable(parent)) {
            throw new UserFacingException("folder.cannotCreate", d, parent == null ? d : parent);
        }
    }

    /** Whether the folder is usable for the log file now (an existing folder that takes files). */
    public static boolean writableFolder(Path dir) {
        return Files.isDirectory(dir) && Files.isWritable(dir) && Files.isExecutable(dir);
    }
}
