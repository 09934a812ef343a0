package org.huyou.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.app.HomeAccess;
import org.huyou.app.ServerMigration;
import org.huyou.cli.HuyouCli;
import org.huyou.testing.TestPostgres;

/**
 * Generated homes for the benchmarks, made with the real {@code huyou generate} command and kept under
 * {@code target/bench/homes} for the day (a rerun the same day reuses them; {@code mvn clean} removes them).
 */
final class BenchHomes {

    static final String PASSWORD = "bench-password-1";
    static final String DIRECTOR = "director";
    static final Path ROOT = Path.of("target", "bench", "homes");

    private BenchHomes() {}

    /** A home generated with these arguments (after {@code generate}), made once per day. */
    static Path home(String name, String... args) {
        Path dir = ROOT.resolve(name + "-" + LocalDate.now()).toAbsolutePath();
        Path done = dir.resolve(".generated");
        if (Files.exists(done)) {
            return dir;
        }
        try {
            if (Files.exists(dir)) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            String[] full = new String[args.length + 4];
            full[0] = "generate";
            full[1] = "--out-data-dir";
            full[2] = dir.toString();
            full[3] = "--seed=20261123";
            System.arraycopy(args, 0, full, 4, args.length);
            long t = System.nanoTime();
            StringWriter out = new StringWriter();
            var cl = HuyouCli.commandLine(prompt -> PASSWORD.toCharArray(), Clock.systemDefaultZone());
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(out));
            int code = cl.execute(full);
            if (code != 0) {
                throw new IllegalStateException("generate failed: " + out);
            }
            System.out.printf("  generated %s in %.1f s%n", name, (System.nanoTime() - t) / 1e9);
            Files.writeString(done, String.join(" ", args));
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A copy of {@code home} moved to a new database on a PostgreSQL server (Debian's package, a private cluster for
     * this run) by the app's own migration, as a home moves to a shared server: the same rows, on PostgreSQL.
     */
    static Path onPostgres(Path home) {
        Path copy = Path.of("target", "bench", "postgres", home.getFileName().toString())
                .toAbsolutePath();
        try {
            if (Files.exists(copy)) {
                try (var files = Files.walk(copy)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(copy);
            for (String file : List.of("huyou.mv.db", "keyring.properties")) {
                Files.copy(home.resolve(file), copy.resolve(file));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        long t = System.nanoTime();
        try (AppContext ctx = open(copy, "admin")) {
            ServerMigration.migrate(ctx, TestPostgres.server().newDatabase(), PASSWORD.toCharArray(), table -> {});
        }
        System.out.printf("  moved %s to PostgreSQL in %.1f s%n", home.getFileName(), (System.nanoTime() - t) / 1e9);
        return copy;
    }

    static AppContext open(Path home, String user) {
        return HomeAccess.login(home, user, PASSWORD.toCharArray(), Clock.systemDefaultZone());
    }
}
