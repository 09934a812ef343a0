package org.huyou.cli;

import java.nio.file.Path;
import org.huyou.app.DataFolder;

/**
 * A command that makes a new home in the data folder ({@code init}, {@code connect}): the folder is checked as one
 * for a new home before the command runs.
 */
abstract class NewHomeCommand extends HuyouSubcommand implements FolderCommand {

    @Override
    public final DataFolder.Need folderNeed() {
        return DataFolder.Need.NEW_HOME;
    }

    @Override
    public final Path folder() {
        return parent.dataDir();
    }
}
