package org.huyou.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.huyou.app.HomeAccess;
import org.huyou.app.HomeProfile;
import org.huyou.app.ServerConnection;
import org.huyou.common.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "connect",
        mixinStandardHelpOptions = true,
        description = "Make this PC work on a home already set up on a PostgreSQL server (--db, --db-user): the "
                + "connection is tried, then kept in the data folder with its password sealed. Staff then log in "
                + "with their own accounts.")
final class ConnectCommand implements Callable<Integer>, FolderCommand {

    @ParentCommand
    HuyouCli parent;

    @Spec
    CommandSpec spec;

    @Override
    public org.huyou.app.DataFolder.Need folderNeed() {
        return org.huyou.app.DataFolder.Need.NEW_HOME;
    }

    @Override
    public Path folder() {
        return parent.dataDir();
    }

    @Override
    public Integer call() {
        ServerConnection server = parent.server();
        HomeProfile home = HomeAccess.connectToServer(parent.dataDir(), server, parent.clock);
        parent.print(
                spec.commandLine().getOut(),
                Messages.t("cli.connected", home.name(), server.address()),
                Map.of("home", home.name(), "server", server.address().toString()));
        return HuyouCli.OK;
    }
}
