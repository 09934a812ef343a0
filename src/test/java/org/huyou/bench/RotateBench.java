package org.huyou.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.app.HomeAccess;
import org.huyou.db.Database;
import org.huyou.security.Keyring;

/**
 * A change of the file key through the app (close, re-encrypt every page under a new key, rewrap, reopen) against
 * copying the same file's bytes. Runs on a copy of the home, so the shared bench home keeps its key.
 */
final class RotateBench {

    record Result(String size, Stats rotate, Stats reencrypt, Stats copy) {
    }

    private final Path home;

    RotateBench(Path home) {
        this.home = home;
    }

    Result run(int reps) throws Exception {
        Path work = Path.of("target", "bench", "rotate").toAbsolutePath();
        clear(work);
        Path copy = work.resolve("home");
        Files.createDirectories(copy);
        Path db = home.resolve(Database.FILE_NAME + ".mv.db");
        Files.copy(db, copy.resolve(db.getFileName()));
        Files.copy(home.resolve(Keyring.FILE), copy.resolve(Keyring.FILE));
        String size = String.format(java.util.Locale.ROOT, "%.0f MB", Files.size(db) / 1e6);
        List<Double> copies = new ArrayList<>();
        List<Double> rotations = new ArrayList<>();
        List<Double> reencryptions = new ArrayList<>();
        byte[] key = ((Keyring.Unlocked) Keyring.load(home).unlock("admin", BenchHomes.PASSWORD.toCharArray(),
                java.time.Instant.now())).fileKey();
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            Files.copy(db, work.resolve("copy.mv.db"), StandardCopyOption.REPLACE_EXISTING);
            copies.add((System.nanoTime() - t) / 1e6);
            Files.delete(work.resolve("copy.mv.db"));
            t = System.nanoTime();
            org.huyou.backup.FileKeyRotation.reencrypt(db, key, work.resolve("reencrypted.mv.db"),
                    org.huyou.security.KeyWrap.random(32), (done, total) -> { });
            reencryptions.add((System.nanoTime() - t) / 1e6);
            Files.delete(work.resolve("reencrypted.mv.db"));
            AppContext ctx = BenchHomes.open(copy, "admin");
            t = System.nanoTime();
            HomeAccess.rotateFileKey(ctx, (done, total) -> { }).context().close();
            rotations.add((System.nanoTime() - t) / 1e6);
        }
        clear(work);
        return new Result(size, Stats.of(rotations), Stats.of(reencryptions), Stats.of(copies));
    }

    private static void clear(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
