package org.huyou.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.huyou.common.DamagedDataException;
import org.huyou.common.UserFacingException;
import org.huyou.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A restore that replaces a closed home's database with a backup's, crash-safe through {@link RestoreJournal}. */
final class DatabaseRestore {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseRestore.class);
    /** The program's own working names (a restore's folder, the database kept aside), to the second. */
    private static final DateTimeFormatter WORK_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private DatabaseRestore() {}

    /** See {@link BackupService#replaceDatabase(Path, Path, byte[], Map, Clock, String)}. */
    static Path replaceDatabase(
            Path dataDir, Path backup, byte[] key, Map<String, byte[]> previous, Clock clock, String user) {
        byte[] backupKey = BackupFile.keyOf(backup, key, previous);
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
            BackupFile.unpack(backup, rebuilt, work, backupKey);
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

    /** See {@link BackupService#openKeptAside}. */
    static Connection openKeptAside(Path keptAside, byte[] key) throws SQLException {
        String file = keptAside.toAbsolutePath().toString();
        String base = file.substring(0, file.length() - ".mv.db".length());
        return DriverManager.getConnection(
                "jdbc:h2:file:" + base + ";CIPHER=AES;IFEXISTS=TRUE;ACCESS_MODE_DATA=r",
                "sa",
                Database.h2Password(key));
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

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(BackupFolder::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("Could not clean {}", dir);
        }
    }
}
