package org.huyou.cli;

import java.nio.file.Path;
import org.huyou.app.DataFolder;

/**
 * A command whose folder is not simply a home to open: a new home ({@code init}, {@code connect}, {@code generate}'s
 * own folder) or either ({@code restore}). Checked before the command runs; commands without it need a home.
 */
interface FolderCommand {

    DataFolder.Need folderNeed();

    /** The folder checked; null when the command uses none. */
    Path folder();
}
