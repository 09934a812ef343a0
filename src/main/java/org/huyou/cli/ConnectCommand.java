package org.huyou.cli;

import java.util.Map;
import org.huyou.app.HomeAccess;
import org.huyou.app.HomeProfile;
import org.huyou.app.ServerConnection;
import org.huyou.common.Messages;
import picocli.CommandLine.Command;

@Command(
        name = "connect",
        mixinStandardHelpOptions = true,
        description = "Make this PC work on a home already set up on a PostgreSQL server (--db, --db-user): the "
                + "connection is tried, then kept in the data folder with its password sealed. Staff then log in "
                + "with their own accounts.")
final class ConnectCommand extends NewHomeCommand {

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
