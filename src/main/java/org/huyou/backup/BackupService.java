package org.huyou.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.huyou.common.Checks;
import org.huyou.common.DamagedDataException;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.PrivateFiles;
import org.huyou.common.io.WriteBeside;
import org.huyou.db.Database;
import org.huyou.db.SettingsRepository;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.Keyring;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypted, authenticated backups. The content is a consistent copy of the H2 file, pages still encrypted with the
 * file key, in the format of {@link BackupFile}; a restore ({@link DatabaseRestore}) writes the copy beside the current
 * database, opens it with the key, and only then swaps it in. {@link BackupFolder} names, lists and prunes the files.
 */
public final class BackupService extends ServiceBase {

    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
    public static final String EXTENSION = ".huyou-backup";
    public static final int DEFAULT_KEEP = 14;

    private final Path dataDir;
    private final Database database;
    private final Keyring keyring;
    private final byte[] fileKey;
    private final SettingsRepository settings;

    public BackupService(
            Path dataDir,
            Database database,
            Keyring keyring,
            byte[] fileKey,
            ServiceContext context,
            SettingsRepository settings) {
        super(context);
        this.settings = settings;
        this.dataDir = dataDir;
        this.database = database;
        this.keyring = keyring;
        this.fileKey = fileKey.clone();
    }

    @AnyUser
    public Path defaultFolder() {
        return dataDir.resolve("backups");
    }

    /** Where automatic backups go (default: the data folder's backups/). */
    @AnyUser
    public Path folder() {
        return settings.get("backup.folder").map(Path::of).orElse(defaultFolder());
    }

    /** How many automatic backups are kept. */
    @AnyUser
    public int keep() {
        return settings.get("backup.keep").map(Integer::parseInt).orElse(DEFAULT_KEEP);
    }

    @RequiresPermission(module = AppModule.BACKUP, action = Action.APPROVE)
    public void configure(Path folder, int keep) {
        user.require(AppModule.BACKUP, Action.APPROVE);
        Checks checks = new Checks(LocalDate.now(clock));
        checks.range("keep", "settings.backupKeep", keep, 1, 365);
        checks.throwIfAny();
        try {
            Files.createDirectories(folder);
        } catch (IOException | RuntimeException e) {
            throw new UserFacingException(e, "backup.folderUnreadable", folder);
        }
        if (folder().toAbsolutePath().equals(folder.toAbsolutePath()) && keep() == keep) {
            return; // nothing changed: no audit row for it
        }
        settings.put("backup.folder", folder.toAbsolutePath().toString());
        settings.put("backup.keep", String.valueOf(keep));
        audit.record(
                AuditLog.EDIT,
                "backup_settings",
                null,
                AuditSummary.of("auditSummary.backupSettings", folder.toAbsolutePath(), keep),
                null);
    }

    /** "Back up now", or the CLI's backup: to a chosen file. */
    @RequiresPermission(module = AppModule.BACKUP, action = Action.CREATE)
    public Path backupTo(Path out) {
        user.require(AppModule.BACKUP, Action.CREATE);
        write(out);
        audit.record(
                AuditLog.BACKUP, "database", null, AuditSummary.of("auditSummary.backup", out.getFileName()), null);
        return out;
    }

    /**
     * The automatic backup (at exit, and daily at login): into the configured backup folder, keeping the configured
     * number. Runs for whoever is logged in, as the program's own duty; so it takes no folder and no count from the
     * caller (that would let anyone copy the home anywhere, or prune any folder's backups).
     */
    @AnyUser
    public Path automaticBackup() {
        Path folder = folder();
        int keep = keep();
        Path out = named(folder, Messages.t("backup.kindAutomatic"));
        write(out);
        audit.record(
                AuditLog.BACKUP, "database", null, AuditSummary.of("auditSummary.autoBackup", out.getFileName()), null);
        BackupFolder.prune(folder, keep);
        return out;
    }

    /**
     * Whether this program backs the home up: an embedded database, yes; a PostgreSQL server is backed up on the
     * server (pg_dump, the IT department's schedule), where one PC's copy would be neither complete nor timely.
     */
    @AnyUser
    public boolean available() {
        return database.isEmbedded();
    }

    /**
     * Whether the newest backup in the configured folder is older than a day (or there is none); never on a server
     * home.
     */
    @AnyUser
    public boolean dailyBackupDue() {
        return available()
                && list(folder()).stream()
                        .findFirst()
                        .map(p -> {
                            try {
                                return Files.getLastModifiedTime(p)
                                        .toInstant()
                                        .isBefore(clock.instant().minusSeconds(86_400));
                            } catch (IOException e) {
                                return true;
                            }
                        })
                        .orElse(true);
    }

    /** Backups in a folder, newest first. */
    @AnyUser
    public List<Path> list(Path folder) {
        return backupsIn(folder);
    }

    /** Where a backup made now by hand goes: the backup folder, named by the kind and the time. */
    @RequiresPermission(module = AppModule.BACKUP, action = Action.CREATE)
    public Path manualBackupFile() {
        user.require(AppModule.BACKUP, Action.CREATE);
        return named(folder(), Messages.t("backup.kindManual"));
    }

    private Path named(Path folder, String kind) {
        return BackupFolder.named(folder, kind, LocalDateTime.now(clock));
    }

    /** Backups in a folder, newest first; before any home is open (a home whose database is missing). */
    public static List<Path> backupsIn(Path folder) {
        return BackupFolder.list(folder);
    }

    /** Checks a backup's checksum against this home's key without changing anything. */
    @RequiresPermission(module = AppModule.BACKUP, action = Action.VIEW)
    public boolean verify(Path backup) {
        user.require(AppModule.BACKUP, Action.VIEW);
        return keyOf(backup, fileKey, keyring.previousFileKeys(fileKey)) != null;
    }

    /** Checks the permission to restore and that the backup is intact; the caller then closes the home. */
    @RequiresPermission(module = AppModule.BACKUP, action = Action.APPROVE)
    public void prepareRestore(Path backup) {
        user.require(AppModule.BACKUP, Action.APPROVE);
        if (!available()) {
            throw new UserFacingException("backup.onServer");
        }
        if (keyOf(backup, fileKey, keyring.previousFileKeys(fileKey)) == null) {
            throw new DamagedDataException("backup.damaged", backup.getFileName());
        }
        audit.record(
                AuditLog.RESTORE,
                "database",
                null,
                AuditSummary.of("auditSummary.restoreBegins", backup.getFileName()),
                null);
    }

    /**
     * What restoring this backup would take back, one sentence per kind of record, counted from the home's audit
     * log against the backup's own (see {@link AuditLog#lossIfRestored}); empty when nothing. The backup is verified
     * and unpacked into a working folder of the data folder (removed after; a start removes one a crash left), opened
     * read-only, and nothing else is touched.
     */
    @RequiresPermission(module = AppModule.BACKUP, action = Action.APPROVE)
    public List<String> lossIfRestored(Path backup) {
        user.require(AppModule.BACKUP, Action.APPROVE);
        if (!available()) {
            throw new UserFacingException("backup.onServer");
        }
        byte[] backupKey = keyOf(backup, fileKey, keyring.previousFileKeys(fileKey));
        if (backupKey == null) {
            throw new DamagedDataException("backup.damaged", backup.getFileName());
        }
        Path work = dataDir.resolve("restore-preview-" + java.util.UUID.randomUUID());
        Path copy = work.resolve(Database.FILE_NAME + ".mv.db");
        try {
            Files.createDirectories(work);
            BackupFile.unpack(backup, copy, work, backupKey);
            try (Connection c = DatabaseRestore.openKeptAside(copy, backupKey)) {
                return audit.lossIfRestored(c);
            }
        } catch (UserFacingException e) {
            throw e;
        } catch (IOException | SQLException | RuntimeException e) {
            // a backup from before the audit chain, or a file H2 cannot read: say so, restore nothing unasked
            throw new UserFacingException(e, "restore.lossUncounted", backup.getFileName());
        } finally {
            RestoreJournal.deleteTree(work);
        }
    }

    private void write(Path out) {
        if (!available()) {
            throw new UserFacingException("backup.onServer");
        }
        Path tmpOut = WriteBeside.partial(out);
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            // owner-only from the first byte: a backup written at close was readable by every account until the next
            // start
            try (OutputStream raw = new BufferedOutputStream(PrivateFiles.newOutputStream(tmpOut), 1 << 16)) {
                BackupFile.write(raw, keyring.toBytes(), fileKey, database);
            }
            Files.move(tmpOut, out, StandardCopyOption.REPLACE_EXISTING);
            LOG.info("Backup written: {} ({} bytes)", out, Files.size(out));
        } catch (IOException | SQLException e) {
            throw new UserFacingException(e, "backup.failed", out);
        } finally {
            BackupFolder.deleteQuietly(tmpOut);
        }
    }

    /** What a restore carried from the database it replaced: number series raised, disclosures put back. */
    public record Carried(int numbersRaised, List<String> disclosuresPutBack) {}

    /**
     * After a restore, from the database it replaced (the one that gave them out): no receipt, open-day slip or
     * record number already issued is issued again, and every disclosure published stays in the register, its
     * period closed, so the ledger's check names the entries the restore lost instead of saying "intact". One
     * transaction with its audit rows. The program's own duty in the restore, whoever restores.
     */
    @AnyUser
    public Carried carryIssued(Connection replaced) {
        return database.transactions().inTransaction(() -> {
            RestoreCarryRepository repo = new RestoreCarryRepository(database.dsl(), replaced);
            List<RestoreCarryRepository.Raised> raised = repo.raiseNumbers();
            for (RestoreCarryRepository.Raised r : raised) {
                audit.record(
                        AuditLog.RESTORE,
                        "number_series",
                        r.kind() + ":" + r.scope(),
                        AuditSummary.of(
                                "auditSummary.restoreNumbersKept", seriesName(r.kind()), r.scope(), r.was(), r.now()),
                        null);
            }
            List<String> putBack = new java.util.ArrayList<>();
            for (RestoreCarryRepository.PutBack d : repo.putBackDisclosures()) {
                audit.record(
                        AuditLog.RESTORE,
                        "disclosure",
                        d.period(),
                        AuditSummary.of("auditSummary.restoreDisclosurePutBack", d.period(), d.code()),
                        null);
                putBack.add(d.period());
            }
            return new Carried(raised.size(), List.copyOf(putBack));
        });
    }

    private static AuditSummary seriesName(String kind) {
        return switch (kind) {
            case "receipt" -> AuditSummary.of("auditSummary.series.receipt");
            case "slip" -> AuditSummary.of("auditSummary.series.slip");
            default -> AuditSummary.of("auditSummary.series.recordNo");
        };
    }

    // ---- verification and restore, usable before a home is open ---------------------------------------------

    /** Whether every byte of the backup is as written under this key. */
    public static boolean isIntact(Path backup, byte[] key) {
        return BackupFile.isIntact(backup, key);
    }

    /**
     * The file key a backup was made under: the current one, or one this home had before a rotation (the backup's
     * keyring names it; a backup from before rotations existed is tried against each). Null when none fits every
     * byte: the backup is damaged, or another home's.
     */
    public static byte[] keyOf(Path backup, byte[] current, Map<String, byte[]> previous) {
        return BackupFile.keyOf(backup, current, previous);
    }

    /**
     * The sentence that ends a restore: where the replaced database is kept, or (into a new folder, or in place of a
     * missing database) that none was replaced; never a placeholder where a path belongs.
     */
    public static String restoredSentence(Path backup, Path keptAside, Path dataDir) {
        return keptAside == null
                ? Messages.t("backup.restoredNothingReplaced", backup.getFileName(), dataDir.toAbsolutePath())
                : Messages.t("backup.restored", backup.getFileName(), keptAside.toAbsolutePath());
    }

    /** The keyring a backup carries, to restore into an empty folder. */
    public static byte[] keyringOf(Path backup) throws IOException {
        return BackupFile.keyringOf(backup);
    }

    /**
     * Replaces the home's database with the backup's content, crash-safe in the order {@link RestoreJournal} writes
     * down: verify the backup, unpack it beside the current database, open it with the key, fsync, mark the decision,
     * then swap by renames. The home must be closed. Returns where the replaced database was kept (null when there
     * was none); the restore stays {@linkplain RestoreJournal#pending pending} until its audit is written.
     */
    public static Path replaceDatabase(Path dataDir, Path backup, byte[] key, Clock clock) {
        return replaceDatabase(dataDir, backup, key, Map.of(), clock, null);
    }

    /**
     * As {@link #replaceDatabase(Path, Path, byte[], Clock)}, for a home whose file key may have changed since the
     * backup: a backup made under one of the {@code previous} keys is rebuilt under that key, then re-encrypted under
     * the current one before it replaces anything, so the home's keyring keeps opening it. {@code user} is who
     * restores, for the audit row written when the restore completes (null: written by the caller).
     */
    public static Path replaceDatabase(
            Path dataDir, Path backup, byte[] key, Map<String, byte[]> previous, Clock clock, String user) {
        return DatabaseRestore.replaceDatabase(dataDir, backup, key, previous, clock, user);
    }

    /**
     * The database a restore replaced, opened read-only (it is kept as it was: the evidence of what happened
     * before the restore), to carry its later audit rows into the restored one.
     */
    public static Connection openKeptAside(Path keptAside, byte[] key) throws SQLException {
        return DatabaseRestore.openKeptAside(keptAside, key);
    }
}
