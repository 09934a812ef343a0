package org.huyou.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.app.HomeAccess;

/** Backup and restore of a home through the app (encrypted archive, verified) against copying its database file. */
final class BackupBench {

    record Result(String size, Stats backup, Stats restore, Stats copy) {}

    private final Path home;

    BackupBench(Path home) {
        this.home = home;
    }

    Result run(int reps) throws Exception {
        Path work = Path.of("target", "bench", "backup").toAbsolutePath();
        clear(work);
        Files.createDirectories(work);
        Path db = home.resolve("huyou.mv.db");
        String size = String.format(java.util.Locale.ROOT, "%.0f MB", Files.size(db) / 1e6);
        List<Double> copies = new ArrayList<>();
        List<Double> backups = new ArrayList<>();
        List<Double> restores = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            Files.copy(db, work.resolve("copy-" + i + ".mv.db"), StandardCopyOption.REPLACE_EXISTING);
            copies.add((System.nanoTime() - t) / 1e6);
            Files.delete(work.resolve("copy-" + i + ".mv.db"));
            Path archive;
            try (AppContext ctx = BenchHomes.open(home, "admin")) {
                t = System.nanoTime();
                archive = ctx.backups().backupTo(work.resolve("backup-" + i + ".zip"));
                backups.add((System.nanoTime() - t) / 1e6);
            }
            Path restored = work.resolve("restored-" + i);
            t = System.nanoTime();
            HomeAccess.restoreIntoNewFolder(
                            restored, archive, "admin", BenchHomes.PASSWORD.toCharArray(), Clock.systemDefaultZone())
                    .close();
            restores.add((System.nanoTime() - t) / 1e6);
            clear(restored);
            Files.delete(archive);
        }
        return new Result(size, Stats.of(backups), Stats.of(restores), Stats.of(copies));
    }

    private static void clear(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}
