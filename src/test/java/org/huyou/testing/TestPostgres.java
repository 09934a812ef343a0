package org.huyou.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.huyou.app.HomeAccess;
import org.huyou.app.ServerConnection;
import org.huyou.common.UserFacingException;
import org.huyou.db.ServerAddress;

/**
 * A real PostgreSQL server for tests, from Debian's package ({@code apt-get install postgresql}): a private cluster in
 * a temporary folder on a free loopback port, started once per test JVM and stopped when it ends. Each home gets a new
 * database of its own. {@code -Dhuyou.test.pg=postgresql://host:port/postgres} (with {@code huyou.test.pg.user} and
 * {@code HUYOU_TEST_PG_PASSWORD}) uses a server already running instead.
 */
public final class TestPostgres {

    private static final String USER = "huyou_test";
    private static final String PASSWORD = "pg-test-password-1";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestPostgres server;

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private TestPostgres(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** Whether the tests of this run go to PostgreSQL (the second surefire execution sets it). */
    public static boolean selected() {
        return "postgresql".equals(System.getProperty("huyou.test.db"));
    }

    /** Whether a server can be had here: Debian's programs installed, or one named with -Dhuyou.test.pg. */
    public static boolean available() {
        return binaries().isPresent()
                || !System.getProperty("huyou.test.pg", "").isBlank();
    }

    /** Debian's server programs, when installed. */
    public static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Path::compareTo);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static synchronized TestPostgres server() {
        if (server == null) {
            String external = System.getProperty("huyou.test.pg", "");
            if (!external.isBlank()) {
                ServerAddress a = ServerAddress.parse(external);
                server = new TestPostgres(
                        a.host(),
                        a.port(),
                        System.getProperty("huyou.test.pg.user", "postgres"),
                        Optional.ofNullable(System.getenv("HUYOU_TEST_PG_PASSWORD"))
                                .orElse(""));
            } else {
                server = startPrivateCluster();
            }
        }
        return server;
    }

    /** A new, empty database on the server, and the connection a home uses to reach it. */
    public ServerConnection newDatabase() {
        String name = "huyou_t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c =
                DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password)) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + host + ":" + port, e);
        }
        return new ServerConnection(new ServerAddress(host, port, name), user, password.toCharArray());
    }

    /** The migrated template {@link #newHomeDatabase()} copies, made on first use. */
    private String template;

    /**
     * A new database already migrated by the real migrations, for a home to be set up on: a copy of one database
     * migrated once per test JVM ({@code CREATE DATABASE ... TEMPLATE}), as the 44 migrations took seconds per test.
     * The server tests that move or migrate a home use {@link #newDatabase()}, empty.
     */
    public synchronized ServerConnection newHomeDatabase() {
        if (template == null) {
            ServerConnection t = newDatabase();
            try {
                // a PC connecting to a database with no home yet migrates it, then refuses: what a template needs
                HomeAccess.connectToServer(Files.createTempDirectory("huyou-pg-template"), t, Clock.systemUTC());
                throw new IllegalStateException("the template database has a home");
            } catch (UserFacingException expected) {
                template = t.address().database();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        String name = "huyou_t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        for (int attempt = 1; ; attempt++) {
            try (Connection c = DriverManager.getConnection(
                    "jdbc:postgresql://" + host + ":" + port + "/postgres", user, password)) {
                c.createStatement().execute("CREATE DATABASE " + name + " TEMPLATE " + template);
                break;
            } catch (SQLException e) {
                // the template's last connections may still be closing ("being accessed by other users")
                if (attempt == 50) {
                    throw new IllegalStateException("cannot copy the template database on " + host + ":" + port, e);
                }
                sleep(100);
            }
        }
        return new ServerConnection(new ServerAddress(host, port, name), user, password.toCharArray());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sets a server parameter for every later session on one test database ({@code ALTER DATABASE ... SET}), as a
     * server configured that way would have it; returns the value a new session then sees.
     */
    public String setForDatabase(String database, String parameter, String value) {
        String url = "jdbc:postgresql://" + host + ":" + port + "/";
        try (Connection c = DriverManager.getConnection(url + "postgres", user, password)) {
            c.createStatement().execute("ALTER DATABASE " + database + " SET " + parameter + " = " + value);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set " + parameter + " on " + database, e);
        }
        try (Connection c = DriverManager.getConnection(url + database, user, password);
                var rs = c.createStatement().executeQuery("SHOW " + parameter)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + parameter + " on " + database, e);
        }
    }

    public int port() {
        return port;
    }

    public String host() {
        return host;
    }

    private static TestPostgres startPrivateCluster() {
        Path bin = binaries()
                .orElseThrow(() -> new IllegalStateException(
                        "PostgreSQL tests need Debian's server: apt-get install -y postgresql"));
        try {
            Path dir = Files.createTempDirectory("huyou-pg");
            Path data = dir.resolve("data");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) { // PostgreSQL refuses to run as root: the cluster belongs to Debian's postgres user
                run(List.of("chown", "postgres", dir.toString()));
            }
            Path pwFile = dir.resolve("pw");
            Files.writeString(pwFile, PASSWORD);
            if (root) {
                run(List.of("chown", "postgres", pwFile.toString()));
            }
            run(asServerUser(
                    root,
                    List.of(
                            bin.resolve("initdb").toString(),
                            "-D",
                            data.toString(),
                            "-U",
                            USER,
                            "--pwfile=" + pwFile,
                            "-A",
                            "scram-sha-256",
                            "-E",
                            "UTF8",
                            "--locale=C.UTF-8",
                            "--no-sync")));
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            // fsync off: a test cluster, thrown away at the end; the tests measure behaviour, not durability.
            run(asServerUser(
                    root,
                    List.of(
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            data.toString(),
                            "-w",
                            "-l",
                            dir.resolve("log").toString(),
                            "-o",
                            "-p " + port + " -k " + dir
                                    + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                                    + " -c full_page_writes=off -c max_connections=300",
                            "start")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(asServerUser(
                            root,
                            List.of(
                                    bin.resolve("pg_ctl").toString(),
                                    "-D",
                                    data.toString(),
                                    "-m",
                                    "immediate",
                                    "stop")));
                    run(List.of("rm", "-rf", dir.toString()));
                } catch (IOException e) {
                    // the JVM ends anyway; the folder is in the temporary directory
                }
            }));
            return new TestPostgres("127.0.0.1", port, USER, PASSWORD);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a PostgreSQL test server", e);
        }
    }

    private static List<String> asServerUser(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> c = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        c.addAll(command);
        return c;
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
