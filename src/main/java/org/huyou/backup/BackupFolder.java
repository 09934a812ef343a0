package org.huyou.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.huyou.common.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A folder of backups: how they are named, listed newest first, and pruned to a count. */
final class BackupFolder {

    private static final Logger LOG = LoggerFactory.getLogger(BackupFolder.class);
    /** A backup's name reads as its date and time: {@code huyou-手动-2026-12-03-0915.huyou-backup}. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm");
    /** The date and time in a backup's name, this one's or the older {@code 20261203-091500}. */
    private static final Pattern NAMED_TIME =
            Pattern.compile("(\\d{4})-?(\\d{2})-?(\\d{2})-(\\d{4})(\\d{2})?(?:-(\\d{1,4}))?\\.");

    private BackupFolder() {}

    /**
     * {@code huyou-<kind>-yyyy-MM-dd-HHmm}, with {@code -2}, {@code -3} ... when that minute has one already. The
     * kind is the program's own word and the time the clock's: no user text reaches the name.
     */
    static Path named(Path folder, String kind, LocalDateTime now) {
        String stem = "huyou-" + kind + "-" + STAMP.format(now);
        Path out = folder.resolve(stem + BackupService.EXTENSION);
        for (int n = 2; Files.exists(out); n++) {
            out = folder.resolve(stem + "-" + n + BackupService.EXTENSION);
        }
        return out;
    }

    /** Backups in a folder, newest first. */
    static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(BackupService.EXTENSION))
                    .sorted(Comparator.comparing(BackupFolder::sortKey).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UserFacingException(e, "backup.folderUnreadable", folder);
        }
    }

    /** Deletes all but the newest {@code keep} backups (always keeping one). */
    static void prune(Path folder, int keep) {
        List<Path> all = list(folder);
        for (int i = Math.max(1, keep); i < all.size(); i++) {
            deleteQuietly(all.get(i));
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", p);
        }
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
}
