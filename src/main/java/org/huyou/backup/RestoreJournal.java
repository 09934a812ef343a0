package org.huyou.backup;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.huyou.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a restore crash-safe: a kill at any moment leaves a home that opens, with the old data or the new, never none.
 * The order (each step durable before the next):
 * <ol>
 *   <li>the backup is unpacked into {@code restore-<time>/} in the data folder (the same disk, so the swap is a
 *       rename);</li>
 *   <li>the unpacked file is opened with the key (verified), then it and its folder are fsynced;</li>
 *   <li>the marker {@code restore.journal} is written (beside, fsynced, renamed into place): from here on the restore
 *       is decided and the next start rolls it forward; without the marker it rolls back (the unpacked folder is
 *       only deleted, the current database was never touched);</li>
 *   <li>the current database is renamed into {@code replaced/}, the unpacked one renamed into its place, the folder
 *       fsynced;</li>
 *   <li>the marker becomes {@code restore.pending}: the swap is done, what is left is the audit (the replaced
 *       database's later rows carried over, the restore recorded), done by the next login that has the key if the
 *       restoring process did not live to do it;</li>
 *   <li>the unpacked folder is removed.</li>
 * </ol>
 * {@link #finishInterrupted} runs at every start before the database is opened; it also removes what an interrupted
 * backup or an unpacking that never reached its marker left behind ({@code .part} files, {@code restore-*} folders),
 * and reports what it could not remove.
 */
public final class RestoreJournal {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreJournal.class);
    public static final String MARKER = "restore.journal";
    public static final String PENDING = "restore.pending";
    /**
     * A test seam: the crash test sets it to a step's number in a child process, which then halts there at once (as
     * a kill -9 would: no shutdown hooks, nothing closed). Never set in use.
     */
    static final String HALT_PROPERTY = "huyou.test.haltAfterRestoreStep";

    /** The steps of a restore, counted for {@link #reached}. */
    public static final int STEP_STARTED = 1;

    public static final int STEP_UNPACKED = 2;
    public static final int STEP_VERIFIED = 3;
    public static final int STEP_MARKED = 4;
    public static final int STEP_MOVED_ASIDE = 5;
    public static final int STEP_SWAPPED = 6;
    public static final int STEP_PENDING = 7;
    public static final int STEP_CLEANED = 8;
    public static final int STEP_CARRIED = 9;
    public static final int STEP_RECORDED = 10;

    /** What the start found and did: sentences' arguments for the user, and what could not be removed. */
    public record Report(boolean rolledForward, List<Path> removed, List<Path> kept) {
        public boolean quiet() {
            return !rolledForward && removed.isEmpty() && kept.isEmpty();
        }
    }

    /** A restore that is swapped in but not yet recorded in the audit log. */
    public record Pending(String id, String backupName, String user, Path keptAside) {}

    private RestoreJournal() {}

    /** The crash test's halt at a step; nothing in use. */
    public static void reached(int step) {
        if (Integer.toString(step).equals(System.getProperty(HALT_PROPERTY))) {
            Runtime.getRuntime().halt(99);
        }
    }

    static Path current(Path dataDir) {
        return dataDir.resolve(Database.FILE_NAME + ".mv.db");
    }

    /** Step 3: the decision, durable. {@code keptAside} is null when there is no current database to keep. */
    static void mark(Path dataDir, Path work, Path keptAside, String backupName, String user) throws IOException {
        Properties p = new Properties();
        p.setProperty("id", work.getFileName() + "-" + UUID.randomUUID());
        p.setProperty("work", dataDir.relativize(work).toString());
        p.setProperty(
                "aside", keptAside == null ? "" : dataDir.relativize(keptAside).toString());
        p.setProperty("backup", backupName);
        p.setProperty("user", user == null ? "" : user);
        Path tmp = dataDir.resolve(MARKER + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "a restore under way: the next start completes it");
        }
        fsync(tmp);
        move(tmp, dataDir.resolve(MARKER));
        fsyncFolder(dataDir);
    }

    /** Steps 4 to 6: the swap, the marker turned pending, the unpacked folder removed. Also the roll-forward. */
    static void swap(Path dataDir, Clock clock) throws IOException {
        Path marker = dataDir.resolve(MARKER);
        Properties p = load(marker);
        Path work = dataDir.resolve(p.getProperty("work"));
        Path rebuilt = work.resolve(Database.FILE_NAME + ".mv.db");
        String asideName = p.getProperty("aside", "");
        Path aside = asideName.isEmpty() ? null : dataDir.resolve(asideName);
        Path current = current(dataDir);
        if (Files.exists(rebuilt)) {
            if (Files.exists(current)) {
                Path keep = aside != null
                        ? aside
                        : dataDir.resolve("replaced")
                                .resolve(Database.FILE_NAME + "-found-" + clock.millis() + ".mv.db");
                Files.createDirectories(keep.getParent());
                move(current, keep);
                fsyncFolder(dataDir);
            }
            reached(STEP_MOVED_ASIDE);
            move(rebuilt, current);
            fsyncFolder(dataDir);
        } else if (!Files.exists(current) && aside != null && Files.exists(aside)) {
            // Cannot happen in the order above (the rebuilt file leaves only by becoming the current one); should
            // a disk lose it, the old data comes back rather than none.
            move(aside, current);
            fsyncFolder(dataDir);
        }
        reached(STEP_SWAPPED);
        move(marker, dataDir.resolve(PENDING));
        fsyncFolder(dataDir);
        reached(STEP_PENDING);
        deleteTree(work);
    }

    /** A restore swapped in whose audit is still to write, or null. */
    public static Pending pending(Path dataDir) {
        Path file = dataDir.resolve(PENDING);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Properties p = load(file);
            String aside = p.getProperty("aside", "");
            return new Pending(
                    p.getProperty("id", "restore"),
                    p.getProperty("backup", "?"),
                    p.getProperty("user", ""),
                    aside.isEmpty() ? null : dataDir.resolve(aside));
        } catch (IOException e) {
            LOG.warn("Unreadable {}", file, e);
            return new Pending("restore", "?", "", null);
        }
    }

    /** The restore's audit is written: nothing is left of it. */
    public static void recorded(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(PENDING));
        } catch (IOException e) {
            LOG.warn("Could not remove {}", dataDir.resolve(PENDING), e);
        }
    }

    /**
     * At every start, before the database opens: a decided restore is rolled forward, an undecided one's unpacked
     * folder removed, and the {@code .part} files of an interrupted backup or export into the data folder or its
     * {@code backups/} removed. Whatever cannot be removed is reported (and logged). A database found in the way is
     * named by {@code clock}'s time (the app's, so tests can move it).
     */
    public static Report finishInterrupted(Path dataDir, Clock clock) {
        if (!Files.isDirectory(dataDir)) {
            return new Report(false, List.of(), List.of());
        }
        boolean rolledForward = false;
        List<Path> removed = new ArrayList<>();
        List<Path> kept = new ArrayList<>();
        Path marker = dataDir.resolve(MARKER);
        if (Files.exists(marker)) {
            try {
                swap(dataDir, clock);
                rolledForward = true;
                LOG.warn("An interrupted restore was completed at start in {}", dataDir);
            } catch (IOException | RuntimeException e) {
                LOG.error("An interrupted restore in {} could not be completed", dataDir, e);
                kept.add(marker);
            }
        }
        List<Path> leftovers = new ArrayList<>();
        collect(dataDir, leftovers);
        collect(dataDir.resolve("backups"), leftovers);
        for (Path p : leftovers) {
            if (deleteTree(p)) {
                removed.add(p);
            } else {
                kept.add(p);
            }
        }
        if (!removed.isEmpty()) {
            LOG.info("Removed what an interrupted restore or backup left: {}", removed);
        }
        if (!kept.isEmpty()) {
            LOG.warn("Could not remove what an interrupted restore or backup left: {}", kept);
        }
        return new Report(rolledForward, List.copyOf(removed), List.copyOf(kept));
    }

    private static void collect(Path folder, List<Path> into) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if ((name.startsWith("restore-") && Files.isDirectory(p))
                        || name.endsWith(".part")
                        || name.equals(MARKER + ".tmp")) {
                    into.add(p);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not look for leftovers in {}", folder, e);
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** The file's bytes on the disk, not only in the operating system's cache. */
    static void fsync(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.force(true);
        }
    }

    /** A folder's entries (a rename) on the disk; Windows cannot open a folder for this and needs it not. */
    static void fsyncFolder(Path dir) {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException | RuntimeException notSupported) {
            // Windows: NTFS journals the rename itself
        }
    }

    /** Removes a file or a folder with what is in it; whether it is gone. */
    static boolean deleteTree(Path p) {
        if (!Files.exists(p)) {
            return true;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not remove {}: {}", p, e.toString());
            return false;
        }
    }
}
