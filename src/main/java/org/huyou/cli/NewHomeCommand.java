package org.huyou.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.huyou.app.DataFolder;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that makes a new home in the data folder ({@code init}, {@code connect}): the folder is checked as one
 * for a new home before the command runs.
 */
abstract class NewHomeCommand implements Callable<Integer>, FolderCommand {

    @ParentCommand
    HuyouCli parent;

    @Spec
    CommandSpec spec;

    @Override
    public final DataFolder.Need folderNeed() {
        return DataFolder.Need.NEW_HOME;
    }

    @Override
    public final Path folder() {
        return parent.dataDir();
    }
}
