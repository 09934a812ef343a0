package org.huyou.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.huyou.app.AppContext;
import org.huyou.app.ServerConnection;
import org.huyou.cli.HuyouCli;
import org.huyou.testing.TestHome;
import org.huyou.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line against a real PostgreSQL server: the demo home moved from its embedded database to the server
 * and verified there, a new home set up on a server, a second PC joining it.
 */
@EnabledIfSystemProperty(named = "huyou.test.db", matches = "postgresql")
class ServerCliTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    ServerConnection server;

    int run(String... args) {
        // the server account's prompt gets the server's password, the staff's prompt the account's
        CommandLine cl = HuyouCli.commandLine(
                prompt -> (prompt.contains(server.user()) ? new String(server.password()) : TestHome.PASSWORD)
                        .toCharArray(),
                TestHome.CLOCK);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void migrateToMovesTheDemoHomeAndVerifiesItOnTheServer() throws Exception {
        server = TestPostgres.server().newDatabase();
        Path data = dir.resolve("home");
        String d = data.toString();
        assertEquals(0, run("init", "--data-dir", d, "--home", "测试福利院", "--admin", TestHome.ADMIN));
        assertEquals(0, run("demo", "--data-dir", d, "-u", TestHome.ADMIN));
        long residents;
        long audit;
        Path pdf = org.huyou.documents.TestFiles.pdf(
                Files.createDirectories(dir.resolve("scans")).resolve("report.pdf"), "moved document", 2);
        org.huyou.documents.Document doc;
        try (AppContext before = TestHome.open(data)) {
            residents = before.residents().countAll();
            long someone = before.residents()
                    .search(org.huyou.residents.ResidentFilter.all(), 1)
                    .get(0)
                    .id();
            doc = before.documents()
                    .add(
                            someone,
                            new org.huyou.documents.DocumentService.Details(
                                    org.huyou.documents.DocumentKind.POLICE_REPORT, "报案证明", null, null),
                            pdf);
            audit = before.audit().count(org.huyou.security.AuditFilter.all());
            org.huyou.testing.TestHome.loginAs(before, "finance", org.huyou.security.Role.FINANCE_OFFICER);
            assertTrue(before.ledger().verify().entries() > 0, "the demo has a ledger to move");
        }
        String url = server.address().toString();
        out.getBuffer().setLength(0);
        assertEquals(
                0,
                run(
                        "migrate-to",
                        "--data-dir",
                        d,
                        "-u",
                        TestHome.ADMIN,
                        "--db",
                        url,
                        "--db-user",
                        server.user(),
                        "--json"),
                err.toString());
        String json = out.toString().strip();
        assertTrue(json.startsWith("{\"ok\":true,\"server\":\"" + url + "\""), json);
        assertTrue(json.contains("\"resident\":" + residents), json);

        try (Stream<Path> kept = Files.list(data)) {
            assertTrue(
                    kept.anyMatch(p -> p.getFileName().toString().startsWith("embedded-before-server-")
                            && Files.exists(p.resolve("huyou.mv.db"))),
                    "the embedded database is kept aside");
        }
        try (AppContext after = TestHome.open(data)) {
            assertEquals(url, after.serverAddress(), "this PC now works on the server");
            assertEquals(residents, after.residents().countAll());
            // A document's bytes come along (a BLOB on H2, bytea on the server).
            org.junit.jupiter.api.Assertions.assertArrayEquals(
                    Files.readAllBytes(pdf), after.documents().open(doc.id(), java.io.InputStream::readAllBytes));
            assertTrue(
                    after.audit().count(org.huyou.security.AuditFilter.all()) > audit,
                    "the audit log came along, and the move is in it");
            // A server home has no sealed key: the demo's sealed notes and incident details arrive opened.
            try (java.sql.Connection c = org.huyou.app.DirectSql.connect(after);
                    java.sql.Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM counselling_session), "
                            + "(SELECT COUNT(*) FROM counselling_session WHERE note LIKE 'sealed:%') + "
                            + "(SELECT COUNT(*) FROM incident WHERE description LIKE 'sealed:%')")) {
                assertTrue(rs.next());
                assertTrue(rs.getLong(1) > 0, "the demo has counselling notes");
                assertEquals(0, rs.getLong(2), "none is left sealed on the server");
            }
        }
        out.getBuffer().setLength(0);
        assertEquals(0, run("verify-ledger", "--data-dir", d, "-u", "finance"), "the finance officer's account moved");
        assertTrue(out.toString().contains("账簿完整"), out.toString());

        Path other = dir.resolve("other");
        assertEquals(0, run("init", "--data-dir", other.toString(), "--home", "另一家", "--admin", TestHome.ADMIN));
        err.getBuffer().setLength(0);
        assertEquals(
                1,
                run(
                        "migrate-to",
                        "--data-dir",
                        other.toString(),
                        "-u",
                        TestHome.ADMIN,
                        "--db",
                        url,
                        "--db-user",
                        server.user()),
                "a server database holding a home is not overwritten");
        assertTrue(err.toString().contains("已经有一个福利院的数据"), err.toString());
    }

    /**
     * The documents' content moves to the server streamed row by row (a 50 MB scan must not be held whole, nor a
     * batch of them): several documents, one of 8 MB, arrive byte for byte, each matching its recorded SHA-256.
     */
    @Test
    void migrateToStreamsTheDocumentsContentByteForByte() throws Exception {
        server = TestPostgres.server().newDatabase();
        Path data = dir.resolve("home");
        String d = data.toString();
        assertEquals(0, run("init", "--data-dir", d, "--home", "测试福利院", "--admin", TestHome.ADMIN));
        Path scans = Files.createDirectories(dir.resolve("scans"));
        byte[] large = new byte[8 * 1024 * 1024];
        new java.util.Random(5).nextBytes(large);
        System.arraycopy("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, large, 0, 9);
        java.util.List<Path> files = java.util.List.of(
                org.huyou.documents.TestFiles.pdf(scans.resolve("a.pdf"), "moved document", 3),
                Files.write(scans.resolve("large.pdf"), large),
                org.huyou.documents.TestFiles.image(scans.resolve("c.png"), "png"));
        java.util.List<org.huyou.documents.Document> docs = new java.util.ArrayList<>();
        try (AppContext before = TestHome.open(data)) {
            long child = before.residents()
                    .create(new org.huyou.residents.Resident(
                            null,
                            null,
                            null,
                            "林晓峰",
                            null,
                            org.huyou.common.Gender.MALE,
                            java.time.LocalDate.of(2012, 6, 10),
                            false,
                            null,
                            null,
                            null,
                            org.huyou.residents.Category.ORPHAN,
                            java.time.LocalDate.of(2013, 3, 1),
                            org.huyou.residents.AdmissionSource.CIVIL_AFFAIRS,
                            null,
                            org.huyou.residents.DisabilityType.NONE,
                            null,
                            org.huyou.residents.Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                            null,
                            null,
                            null))
                    .id();
            for (Path f : files) {
                docs.add(before.documents()
                        .add(
                                child,
                                new org.huyou.documents.DocumentService.Details(
                                        org.huyou.documents.DocumentKind.OTHER,
                                        f.getFileName().toString(),
                                        null,
                                        null),
                                f));
            }
        }
        String url = server.address().toString();
        assertEquals(
                0,
                run("migrate-to", "--data-dir", d, "-u", TestHome.ADMIN, "--db", url, "--db-user", server.user()),
                err.toString());
        try (AppContext after = TestHome.open(data)) {
            assertEquals(url, after.serverAddress());
            for (int i = 0; i < files.size(); i++) {
                org.huyou.documents.Document doc = docs.get(i);
                byte[] moved = after.documents().open(doc.id(), java.io.InputStream::readAllBytes);
                org.junit.jupiter.api.Assertions.assertArrayEquals(
                        Files.readAllBytes(files.get(i)),
                        moved,
                        files.get(i).getFileName().toString());
                assertEquals(
                        doc.sha256(),
                        java.util.HexFormat.of()
                                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                        .digest(moved)));
            }
        }
    }

    @Test
    void initOnAServerThenASecondPcConnects() {
        server = TestPostgres.server().newDatabase();
        String url = server.address().toString();
        assertEquals(
                0,
                run(
                        "init",
                        "--data-dir",
                        dir.resolve("a").toString(),
                        "--db",
                        url,
                        "--db-user",
                        server.user(),
                        "--home",
                        "服务器上的福利院",
                        "--admin",
                        TestHome.ADMIN),
                err.toString());
        assertEquals(
                0,
                run("demo", "--data-dir", dir.resolve("a").toString(), "-u", TestHome.ADMIN, "--residents", "12"),
                err.toString());
        assertEquals(
                0,
                run("connect", "--data-dir", dir.resolve("b").toString(), "--db", url, "--db-user", server.user()),
                err.toString());
        assertTrue(out.toString().contains("服务器上的福利院"), out.toString());
        try (AppContext b = TestHome.open(dir.resolve("b"))) {
            assertEquals(12, b.residents().countAll(), "PC B works on the same home");
        }
        String settings = readAll(dir.resolve("b").resolve(ServerConnection.FILE));
        assertTrue(!settings.contains(new String(server.password())), "the server password is not kept in plain text");
        err.getBuffer().setLength(0);
        assertEquals(
                1,
                run(
                        "connect",
                        "--data-dir",
                        dir.resolve("c").toString(),
                        "--db",
                        "postgresql://127.0.0.1:" + (TestPostgres.server().port() + 1) + "/x",
                        "--db-user",
                        server.user()));
        assertTrue(err.toString().contains("无法连接数据库服务器"), err.toString());
    }

    private static String readAll(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
