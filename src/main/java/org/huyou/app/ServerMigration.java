package org.huyou.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import org.huyou.common.DamagedDataException;
import org.huyou.common.UserFacingException;
import org.huyou.db.Database;
import org.huyou.db.DatabaseCopy;
import org.huyou.donations.LedgerRepository;
import org.huyou.donations.LedgerVerifier;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.Keyring;

/**
 * Moves a home from its embedded database to a PostgreSQL server ({@code huyou migrate-to}): every table copied with
 * its keys (audit log and ledger chain included), then checked: the same rows per table, and the ledger chain
 * verified on the server ending in the same head hash as here. Only then does this PC switch to the server; the
 * embedded database and its keyring are kept, untouched, in a folder beside.
 */
public final class ServerMigration {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private ServerMigration() {}

    /** What was moved and how it was checked. */
    public record Report(List<DatabaseCopy.TableCount> counts, long ledgerEntries, String ledgerHead, Path keptAside) {
        public long rows() {
            return counts.stream().mapToLong(DatabaseCopy.TableCount::target).sum();
        }
    }

    /**
     * Copies the open embedded home to the server and switches this PC to it. Needs the administrator's rights over
     * backups and restores (the same power as replacing the database). The context is closed afterwards, and the same
     * user (same password: the accounts moved too) is logged in on the server to record the move in its audit log.
     */
    public static Report migrate(AppContext ctx, ServerConnection server, char[] password, Consumer<String> progress) {
        ctx.currentUser().require(AppModule.BACKUP, Action.APPROVE);
        if (ctx.serverAddress() != null) {
            throw new UserFacingException("migrate.alreadyOnServer", ctx.serverAddress());
        }
        // The chain is checked as part of the move (the administrator's power over the database as a whole, above),
        // not read as donation records: only the count and the head hash are compared.
        LedgerVerifier.Result here =
                new LedgerVerifier(new LedgerRepository(ctx.database().dsl())).verify();
        if (!here.ok()) {
            throw new DamagedDataException("migrate.ledgerBrokenHere", here.firstBad());
        }
        // A server home has no sealed key (its data is not encrypted by this program): the sealed texts are opened on
        // the way, so only someone holding the key moves a home that has them.
        ctx.sealedKey().checkCanOpenAll();
        String who = ctx.currentUser().username();
        List<DatabaseCopy.TableCount> counts;
        try (Database target = server.open()) {
            counts = DatabaseCopy.copy(ctx.database(), target, progress);
            ctx.sealedKey().openSealedTextsIn(target);
        }
        for (DatabaseCopy.TableCount c : counts) {
            if (!c.matches()) {
                throw new UserFacingException("migrate.countsDiffer", c.table(), c.source(), c.target());
            }
        }
        LedgerVerifier.Result there = verifyOnServer(server);
        if (!there.ok()
                || there.entries() != here.entries()
                || !there.headHash().equals(here.headHash())) {
            throw new UserFacingException("migrate.ledgerDiffers", here.entries(), there.entries());
        }
        Path dataDir = ctx.dataDir();
        Clock clock = ctx.clock();
        ctx.close();
        Path aside = switchFolder(dataDir, server, clock);
        try (AppContext onServer = HomeAccess.login(dataDir, who, password, clock)) {
            onServer.audit()
                    .record(
                            AuditLog.RESTORE,
                            "database",
                            null,
                            AuditSummary.of(
                                    "auditSummary.movedToServer",
                                    server.address(),
                                    counts.stream()
                                            .mapToLong(DatabaseCopy.TableCount::target)
                                            .sum(),
                                    there.entries(),
                                    aside.getFileName()),
                            null);
        }
        return new Report(counts, there.entries(), there.headHash(), aside);
    }

    /** The ledger as the server now holds it, checked through the real verifier over a server connection. */
    private static LedgerVerifier.Result verifyOnServer(ServerConnection server) {
        try (Database target = server.open()) {
            return new LedgerVerifier(new LedgerRepository(target.dsl())).verify();
        }
    }

    /** The embedded database and its keyring go aside (kept whole); the folder now points at the server. */
    private static Path switchFolder(Path dataDir, ServerConnection server, Clock clock) {
        Path aside = dataDir.resolve("embedded-before-server-" + STAMP.format(LocalDateTime.now(clock)));
        try {
            Files.createDirectories(aside);
            for (String name : List.of(Database.FILE_NAME + ".mv.db", Keyring.FILE)) {
                Path f = dataDir.resolve(name);
                if (Files.exists(f)) {
                    Files.move(f, aside.resolve(name));
                }
            }
        } catch (IOException e) {
            throw new UserFacingException(e, "error.dataDirNotWritable", dataDir);
        }
        Keyring.createForServer(dataDir);
        server.save(dataDir);
        return aside;
    }
}
