package org.huyou.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.huyou.app.AppContext;
import org.huyou.app.ServerConnection;
import org.huyou.app.ServerMigration;
import org.huyou.common.Messages;
import org.huyou.db.DatabaseCopy;
import picocli.CommandLine.Command;

@Command(
        name = "migrate-to",
        mixinStandardHelpOptions = true,
        description = "Move this PC's home from its embedded database to an empty database on a PostgreSQL server "
                + "(--db, --db-user): everything is copied, audit log and ledger chain included, then the row counts "
                + "and the ledger chain are checked on the server. Only then does this PC switch to the server; the "
                + "embedded database is kept aside in the data folder. Needs an administrator (--user).")
final class MigrateToCommand extends HuyouSubcommand {

    @Override
    public Integer call() {
        ServerConnection server = parent.server();
        char[] password = parent.password();
        PrintWriter out = spec.commandLine().getOut();
        ServerMigration.Report r;
        try (AppContext ctx = parent.open(password)) {
            r = ServerMigration.migrate(ctx, server, password, table -> {
                if (!parent.json) {
                    out.println("  " + table);
                    out.flush();
                }
            });
        }
        Map<String, Object> tables = new LinkedHashMap<>();
        for (DatabaseCopy.TableCount c : r.counts()) {
            tables.put(c.table(), c.target());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("server", server.address().toString());
        result.put("rows", r.rows());
        result.put("tables", tables);
        result.put("ledgerEntries", r.ledgerEntries());
        result.put("ledgerHead", r.ledgerHead());
        result.put("embeddedKeptIn", r.keptAside().toString());
        parent.print(
                out,
                Messages.t(
                        "cli.migrated",
                        server.address(),
                        r.rows(),
                        r.counts().size(),
                        r.ledgerEntries(),
                        r.keptAside()),
                result);
        return HuyouCli.OK;
    }
}
