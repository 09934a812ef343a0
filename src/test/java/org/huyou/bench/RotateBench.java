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

    record Result(String size, Stats rotate, Stats reencrypt, Stats copy) {}

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
        byte[] key = ((Keyring.Unlocked)
                        Keyring.load(home).unlock("admin", BenchHomes.PASSWORD.toCharArray(), java.time.Instant.now()))
                .fileKey();
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            Files.copy(db, work.resolve("copy.mv.db"), StandardCopyOption.REPLACE_EXISTING);
            copies.add((System.nanoTime() - t) / 1e6);
            Files.delete(work.resolve("copy.mv.db"));
            t = System.nanoTime();
            org.huyou.backup.FileKeyRotation.reencrypt(
                    db,
                    key,
                    work.resolve("reencrypted.mv.db"),
                    org.huyou.security.KeyWrap.random(32),
                    (done, total) -> {});
            reencryptions.add((System.nanoTime() - t) / 1e6);
            Files.delete(work.resolve("reencrypted.mv.db"));
            AppContext ctx = BenchHomes.open(copy, "admin");
            t = System.nanoTime();
            HomeAccess.rotateFileKey(ctx, (done, total) -> {}).context().close();
            rotations.add((System.nanoTime() - t) / 1e6);
        }
        clear(work);
        return new Result(size, Stats.of(rotations), Stats.of(reencryptions), Stats.of(copies));
    }

    /** The sealed key changed with {@code texts} sealed texts in the home, against opening and sealing them raw. */
    record SealedResult(int texts, Stats rotate, Stats raw) {}

    /**
     * A change of the sealed key through the service (new key, every text re-sealed page by page, the keyring
     * rewritten with the endorsements), on a copy of the home with {@code texts} counselling notes sealed into it;
     * beside it, the same number of texts opened with the old key and sealed to the new one in a bare loop.
     */
    SealedResult runSealed(int texts, int reps) throws Exception {
        Path work = Path.of("target", "bench", "rotate-sealed").toAbsolutePath();
        clear(work);
        Path copy = work.resolve("home");
        Files.createDirectories(copy);
        Path db = home.resolve(Database.FILE_NAME + ".mv.db");
        Files.copy(db, copy.resolve(db.getFileName()));
        Files.copy(home.resolve(Keyring.FILE), copy.resolve(Keyring.FILE));
        Keyring keyring = Keyring.load(copy);
        Keyring.Unlocked admin =
                (Keyring.Unlocked) keyring.unlock("admin", BenchHomes.PASSWORD.toCharArray(), java.time.Instant.now());
        byte[] sealedKey = admin.sealedKey();
        byte[] pub = keyring.sealedPublicKey();
        String field = org.huyou.security.SealedKey.COUNSELLING_NOTE;
        List<String> sealed = new ArrayList<>(texts);
        String note = "会谈记录：孩子谈到学校和宿舍里的事情，情绪比上次稳定，约定下周继续。".repeat(4);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        Database.h2Url(copy), "sa", Database.h2Password(admin.fileKey()));
                java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO counselling_session (resident_id, "
                        + "session_date, kind, minutes, note, created_at, created_by) VALUES ((SELECT MIN(id) FROM "
                        + "resident), DATE '2026-01-05', 'INDIVIDUAL', 45, ?, CURRENT_TIMESTAMP, 'bench')")) {
            c.setAutoCommit(false);
            for (int i = 0; i < texts; i++) {
                String t = org.huyou.security.SealedText.seal(pub, field, note + " #" + i);
                sealed.add(t);
                ps.setString(1, t);
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            c.commit();
        }
        List<Double> raws = new ArrayList<>();
        List<Double> rotations = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            byte[] next = org.huyou.security.SealedText.newPrivateKey();
            byte[] nextPub = org.huyou.security.SealedText.publicKeyOf(next);
            long t = System.nanoTime();
            for (String text : sealed) {
                org.huyou.security.SealedText.seal(
                        nextPub, field, org.huyou.security.SealedText.open(sealedKey, pub, field, text));
            }
            raws.add((System.nanoTime() - t) / 1e6);
            try (AppContext ctx = BenchHomes.open(copy, "admin")) {
                t = System.nanoTime();
                ctx.accounts().rotateSealedKeyNow();
                rotations.add((System.nanoTime() - t) / 1e6);
            }
        }
        clear(work);
        return new SealedResult(texts, Stats.of(rotations), Stats.of(raws));
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
