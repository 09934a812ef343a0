package org.huyou.common.ui;

import java.nio.file.Path;

/** What screens may ask of the frame around them. */
public interface ShellActions {

    void lock();

    void logout();

    /** Rebuilds the main window (after a language or theme change). */
    void rebuild();

    /** Replaces the database with a backup; everyone must log in again afterwards. */
    void restore(Path backup);

    /**
     * Re-encrypts the database under a new file key: on demand (an administrator), or the one an account's
     * deactivation or lost role made due. The window closes the home, shows the progress, and reopens it for the same
     * user.
     */
    void changeFileKey(boolean onDemand);
}
