package org.huyou.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
import org.huyou.security.CurrentUser;
import org.huyou.security.KeyWrap;
import org.huyou.security.Keyring;
import org.huyou.security.RequiresPermission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypted, authenticated backups. The content is a consistent copy of the H2 file, pages still encrypted with the
 * file key; the backup file carries the keyring (wrapped keys only) and ends with an HMAC-SHA-256 under a key derived
 * from the file key, so any changed byte is found before a restore touches anything. A restore writes the copy beside
 * the current database, opens it with the key, and only then swaps it in.
 *
 * <p>File layout: "HUYOUBK3", keyring length (int) and bytes, the file's bytes up to the HMAC (the last 32 bytes).
 * Earlier versions still restore: version 2 ("HUYOUBK2") held the file in a zip up to the HMAC, which took longer to
 * read back than the file to copy (the JDK inflates even stored blocks through a 512-byte buffer); version 1
 * ("HUYOUBK1", until November 2026) held H2's SCRIPT of the database (its length as a long before it), run into a new
 * file, which takes about 200 times a file copy for a large home.
 */
public final class BackupService {

    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
    private static final byte[] MAGIC_SCRIPT = "HUYOUBK1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAGIC_ZIPPED_FILE = "HUYOUBK2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAGIC_FILE = "HUYOUBK3".getBytes(StandardCharsets.US_ASCII);
    private static final int MAGIC_LENGTH = 8;
    private static final int MAC_LENGTH = 32;
    /** A backup's name reads as its date and time: {@code huyou-手动-2026-12-03-0915.huyou-backup}. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm");
    /** The program's own working names (a restore's folder, the database kept aside), to the second. */
    private static final DateTimeFormatter WORK_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** The date and time in a backup's name, this one's or the older {@code 20261203-091500}. */
    private static final Pattern NAMED_TIME =
            Pattern.compile("(\\d{4})-?(\\d{2})-?(\\d{2})-(\\d{4})(\\d{2})?(?:-(\\d{1,4}))?\\.");

    public static final String EXTENSION = ".huyou-backup";
    public static final int DEFAULT_KEEP = 14;

    private final Path dataDir;
    private final Database database;
    private final Keyring keyring;
    private final byte[] fileKey;
    private final CurrentUser user;
    private final AuditLog audit;
    private final Clock clock;
    private final SettingsRepository settings;

    public BackupService(
            Path dataDir,
            Database database,
            Keyring keyring,
            byte[] fileKey,
            CurrentUser user,
            AuditLog audit,
            Clock clock,
            SettingsRepository settings) {
        this.settings = settings;
        this.dataDir = dataDir;
        this.database = database;
        this.keyring = keyring;
        this.fileKey = fileKey.clone();
        this.user = user;
        this.audit = audit;
        this.clock = clock;
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
        prune(folder, keep);
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

    /**
     * {@code huyou-<kind>-yyyy-MM-dd-HHmm}, with {@code -2}, {@code -3} ... when that minute has one already. The
     * kind is the program's own word and the time the clock's: no user text reaches the name.
     */
    private Path named(Path folder, String kind) {
        String stem = "huyou-" + kind + "-" + STAMP.format(LocalDateTime.now(clock));
        Path out = folder.resolve(stem + EXTENSION);
        for (int n = 2; Files.exists(out); n++) {
            out = folder.resolve(stem + "-" + n + EXTENSION);
        }
        return out;
    }

    /** Sorts backups by the time in their names (manual and automatic mixed), then by name. */
    private static String sortKey(Path p) {
        String name = p.getFileName().toString();
        Matcher m = NAMED_TIME.matcher(name);
        if (!m.find()) {
            return "0 " + name;
        }
        String nth = m.group(6) == null ? "1" : m.group(6);
        return m.group(1) + m.group(2) + m.group(3) + m.group(4) + (m.group(5) == null ? "00" : m.group(5))
                + "0".repeat(4 - nth.length()) + nth + " " + name;
    }

    /** Backups in a folder, newest first; before any home is open (a home whose database is missing). */
    public static List<Path> backupsIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(EXTENSION))
                    .sorted(Comparator.comparing(BackupService::sortKey).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UserFacingException(e, "backup.folderUnreadable", folder);
        }
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

    private void write(Path out) {
        if (!available()) {
            throw new UserFacingException("backup.onServer");
        }
        Path tmpOut = WriteBeside.partial(out);
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            byte[] ring = keyring.toBytes();
            Mac mac = mac(fileKey);
            // owner-only from the first byte: a backup written at close was readable by every account until the next
            // start
            try (OutputStream raw = new BufferedOutputStream(PrivateFiles.newOutputStream(tmpOut), 1 << 16)) {
                DataOutputStream data = new DataOutputStream(new MacOutputStream(raw, mac));
                data.write(MAGIC_FILE);
                data.writeInt(ring.length);
                data.write(ring);
                database.copyFileTo(data);
                data.flush();
                raw.write(mac.doFinal());
            }
            Files.move(tmpOut, out, StandardCopyOption.REPLACE_EXISTING);
            LOG.info("Backup written: {} ({} bytes)", out, Files.size(out));
        } catch (IOException | SQLException e) {
            throw new UserFacingException(e, "backup.failed", out);
        } finally {
            deleteQuietly(tmpOut);
        }
    }

    private void prune(Path folder, int keep) {
        List<Path> all = list(folder);
        for (int i = Math.max(1, keep); i < all.size(); i++) {
            deleteQuietly(all.get(i));
        }
    }

    // ---- verification and restore, usable before a home is open ---------------------------------------------

    /** Whether every byte of the backup is as written under this key. */
    public static boolean isIntact(Path backup, byte[] key) {
        try (InputStream in = Files.newInputStream(backup)) {
            long size = Files.size(backup);
            if (size < MAGIC_LENGTH + MAC_LENGTH) {
                return false;
            }
            Mac mac = mac(key);
            byte[] buf = new byte[64 * 1024];
            long remaining = size - MAC_LENGTH;
            while (remaining > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
                if (n < 0) {
                    return false;
                }
                mac.update(buf, 0, n);
                remaining -= n;
            }
            byte[] stored = in.readNBytes(MAC_LENGTH);
            return MessageDigest.isEqual(stored, mac.doFinal());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The file key a backup was made under: the current one, or one this home had before a rotation (the backup's
     * keyring names it; a backup from before rotations existed is tried against each). Null when none fits every
     * byte: the backup is damaged, or another home's.
     */
    public static byte[] keyOf(Path backup, byte[] current, Map<String, byte[]> previous) {
        String id = null;
        try {
            Properties ring = new Properties();
            ring.load(new StringReader(new String(keyringOf(backup), StandardCharsets.UTF_8)));
            id = ring.getProperty("file.id");
        } catch (IOException | RuntimeException e) {
            return null;
        }
        List<byte[]> candidates = new ArrayList<>();
        if (id == null || id.equals(Keyring.keyId(current))) {
            candidates.add(current);
        }
        if (id != null && previous.containsKey(id)) {
            candidates.add(previous.get(id));
        }
        if (id == null) {
            candidates.addAll(previous.values());
        }
        for (byte[] key : candidates) {
            if (isIntact(backup, key)) {
                return key;
            }
        }
        return null;
    }

    /** The keyring a backup carries, to restore into an empty folder. */
    public static byte[] keyringOf(Path backup) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(backup))) {
            formatOf(in);
            return in.readNBytes(in.readInt());
        }
    }

    /** What a backup holds, by its magic. */
    private enum Format {
        SCRIPT,
        ZIPPED_FILE,
        FILE
    }

    private static Format formatOf(DataInputStream in) throws IOException {
        byte[] magic = in.readNBytes(MAGIC_LENGTH);
        if (MessageDigest.isEqual(magic, MAGIC_FILE)) {
            return Format.FILE;
        }
        if (MessageDigest.isEqual(magic, MAGIC_ZIPPED_FILE)) {
            return Format.ZIPPED_FILE;
        }
        if (MessageDigest.isEqual(magic, MAGIC_SCRIPT)) {
            return Format.SCRIPT;
        }
        throw new IOException("not a Huyou backup");
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
        byte[] backupKey = keyOf(backup, key, previous);
        if (backupKey == null) {
            throw new DamagedDataException("backup.damaged", backup.getFileName());
        }
        String stamp = WORK_STAMP.format(LocalDateTime.now(clock));
        Path work = dataDir.resolve("restore-" + stamp);
        Path rebuilt = work.resolve(Database.FILE_NAME + ".mv.db");
        Path current = dataDir.resolve(Database.FILE_NAME + ".mv.db");
        Path keptAside = Files.exists(current)
                ? dataDir.resolve("replaced").resolve(Database.FILE_NAME + "-" + stamp + ".mv.db")
                : null;
        boolean marked = false;
        try {
            deleteTree(work);
            Files.createDirectories(work);
            try (DataInputStream in =
                    new DataInputStream(new BufferedInputStream(Files.newInputStream(backup), 1 << 16))) {
                Format format = formatOf(in);
                int ringLength = in.readInt();
                in.skipNBytes(ringLength);
                long contentLength = Files.size(backup) - MAGIC_LENGTH - 4 - ringLength - MAC_LENGTH;
                switch (format) {
                    case FILE -> writeFile(in, contentLength, rebuilt);
                    case ZIPPED_FILE -> extractFile(in, contentLength, rebuilt);
                    case SCRIPT -> runScript(in, in.readLong(), work, backupKey);
                }
            }
            if (!MessageDigest.isEqual(backupKey, key)) {
                // made before a rotation: under the home's current key from here on
                Path underOldKey = work.resolve("backup-key.mv.db");
                Files.move(rebuilt, underOldKey);
                FileKeyRotation.reencrypt(underOldKey, backupKey, rebuilt, key, (done, total) -> {});
                Files.delete(underOldKey);
                FileKeyRotation.changeLogin(work, backupKey, key);
            }
            RestoreJournal.reached(RestoreJournal.STEP_UNPACKED);
            checkOpens(work, key);
            RestoreJournal.fsync(rebuilt);
            RestoreJournal.fsyncFolder(work);
            if (keptAside != null) {
                Files.createDirectories(keptAside.getParent());
            }
            RestoreJournal.reached(RestoreJournal.STEP_VERIFIED);
            RestoreJournal.mark(dataDir, work, keptAside, backup.getFileName().toString(), user);
            marked = true;
            RestoreJournal.reached(RestoreJournal.STEP_MARKED);
            RestoreJournal.swap(dataDir, clock);
            RestoreJournal.reached(RestoreJournal.STEP_CLEANED);
            return keptAside;
        } catch (IOException | SQLException e) {
            if (!marked) {
                deleteTree(work); // undecided: the current database was never touched
                throw new UserFacingException(e, "backup.restoreFailed", backup.getFileName());
            }
            // Decided: the next start rolls it forward (or reports why it cannot).
            throw new UserFacingException(e, "backup.restoreInterrupted", backup.getFileName(), dataDir);
        }
    }

    /**
     * The database a restore replaced, opened read-only (it is kept as it was: the evidence of what happened
     * before the restore), to carry its later audit rows into the restored one.
     */
    public static Connection openKeptAside(Path keptAside, byte[] key) throws SQLException {
        String file = keptAside.toAbsolutePath().toString();
        String base = file.substring(0, file.length() - ".mv.db".length());
        return DriverManager.getConnection(
                "jdbc:h2:file:" + base + ";CIPHER=AES;IFEXISTS=TRUE;ACCESS_MODE_DATA=r",
                "sa",
                Database.h2Password(key));
    }

    /** Version 3: the file's bytes, as they are. */
    private static void writeFile(InputStream in, long length, Path target) throws IOException {
        try (OutputStream out = PrivateFiles.newOutputStream(target)) {
            copy(in, out, length);
        }
    }

    /** Version 2: the zip's one entry, the database file, written out as it was copied. */
    private static void extractFile(InputStream in, long zipLength, Path target) throws IOException {
        String expected = Database.FILE_NAME + ".mv.db";
        try (ZipInputStream zip = new ZipInputStream(new BoundedInputStream(in, zipLength))) {
            ZipEntry entry = zip.getNextEntry();
            if (entry == null || !entry.getName().equals(expected)) {
                throw new IOException("the backup holds " + (entry == null ? "nothing" : entry.getName()));
            }
            try (OutputStream out = PrivateFiles.newOutputStream(target)) {
                zip.transferTo(out);
            }
        }
    }

    /** Version 1: H2's script, run into a new encrypted file. */
    private static void runScript(InputStream in, long length, Path work, byte[] key) throws IOException, SQLException {
        Path script = work.resolve("script.tmp");
        try (OutputStream out = PrivateFiles.newOutputStream(script)) {
            copy(in, out, length);
        }
        String secret = KeyWrap.hex(key);
        try (Connection c = DriverManager.getConnection(Database.h2Url(work), "sa", Database.h2Password(key))) {
            try (PreparedStatement ps =
                    c.prepareStatement("RUNSCRIPT FROM ? COMPRESSION DEFLATE CIPHER AES " + "PASSWORD ?")) {
                ps.setString(1, script.toString());
                ps.setString(2, secret);
                ps.execute();
            }
            try (Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            }
        }
        Files.delete(script);
    }

    /** Opens the rebuilt file with the home's key before it replaces anything: a file that does not open stops here. */
    private static void checkOpens(Path work, byte[] key) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        Database.h2Url(work) + ";IFEXISTS=TRUE", "sa", Database.h2Password(key));
                Statement st = c.createStatement()) {
            st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES").close();
            st.execute("SHUTDOWN");
        }
    }

    private static void copy(InputStream in, OutputStream out, long len) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long remaining = len;
        while (remaining > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
            if (n < 0) {
                throw new IOException("backup truncated");
            }
            out.write(buf, 0, n);
            remaining -= n;
        }
    }

    private static Mac mac(byte[] key) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(KeyWrap.hmac(key, "huyou-backup-mac"), "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", p);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(BackupService::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("Could not clean {}", dir);
        }
    }

    /** Reads no further than the zip's end, so the HMAC after it is never taken for zip bytes. */
    private static final class BoundedInputStream extends FilterInputStream {
        private long remaining;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), remaining);
        }

        @Override
        public void close() {
            // the caller closes the backup file
        }
    }

    /** Feeds everything written through it to the MAC. */
    private static final class MacOutputStream extends FilterOutputStream {
        private final Mac mac;

        MacOutputStream(OutputStream out, Mac mac) {
            super(out);
            this.mac = mac;
        }

        @Override
        public void write(int b) throws IOException {
            mac.update((byte) b);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            mac.update(b, off, len);
            out.write(b, off, len);
        }
    }
}
