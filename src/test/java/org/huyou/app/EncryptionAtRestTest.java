package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.huyou.common.Gender;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A copy of the data folder without a password reveals nothing. */
@org.junit.jupiter.api.Tag("embedded-only") // the embedded H2 file itself: its encryption, its backups, its process
class EncryptionAtRestTest {

    static final String CANARY_NAME = "欧阳金丝雀";
    static final String CANARY_ID = "110105201503070021";
    static final String CANARY_NOTE = "canary-note-7f3a";

    @TempDir
    Path dir;

    @Test
    void plainH2WithoutTheKeyIsRefused() {
        TestHome.open(dir).close();
        String url = "jdbc:h2:file:" + dir.resolve("huyou").toAbsolutePath() + ";IFEXISTS=TRUE";
        assertThrows(
                SQLException.class,
                () -> DriverManager.getConnection(url, "sa", "").close());
        assertThrows(
                SQLException.class,
                () -> DriverManager.getConnection(url + ";CIPHER=AES", "sa", "guess guess")
                        .close());
    }

    @Test
    void noFileInTheDataFolderHoldsAResidentsNameIdNumberOrNote() throws Exception {
        try (AppContext ctx = TestHome.open(dir)) {
            Resident r = ctx.residents()
                    .create(new Resident(
                            null,
                            null,
                            null,
                            CANARY_NAME,
                            null,
                            Gender.FEMALE,
                            LocalDate.of(2015, 3, 7),
                            false,
                            "01",
                            CANARY_ID,
                            "北京市朝阳区",
                            Category.ORPHAN,
                            LocalDate.of(2020, 1, 10),
                            AdmissionSource.CIVIL_AFFAIRS,
                            null,
                            DisabilityType.NONE,
                            null,
                            Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                            null,
                            null,
                            CANARY_NOTE));
            ctx.residents().get(r.id());
            ctx.backups().backupTo(ctx.backups().defaultFolder().resolve("manual.huyou-backup"));
            ctx.backups().automaticBackup();
        }
        List<Path> scanned = new ArrayList<>();
        List<String> hits = new ArrayList<>();
        List<Path> roots = new ArrayList<>(List.of(dir));
        Path logs = Path.of(System.getProperty("huyou.logDir", System.getProperty("java.io.tmpdir") + "/huyou-logs"));
        if (Files.isDirectory(logs)) {
            roots.add(logs);
        }
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    scanned.add(f);
                    byte[] content = Files.readAllBytes(f);
                    for (String canary : List.of(CANARY_NAME, CANARY_ID, CANARY_NOTE)) {
                        for (var cs :
                                List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
                            if (indexOf(content, canary.getBytes(cs)) >= 0) {
                                hits.add(f + " holds " + canary + " in " + cs);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(scanned.size() >= 4, "scanned: " + scanned);
        assertTrue(scanned.stream().anyMatch(p -> p.toString().endsWith(".huyou-backup")));
        assertEquals(List.of(), hits);
    }

    /**
     * A result too large to keep in memory goes to a temporary file in the system's temp folder (H2 chooses where):
     * encrypted with the home's key too, as long as the home's file uses H2's own cipher (a file system of our own in
     * its place left these in plain text).
     */
    @Test
    void aQueryResultWrittenToATemporaryFileIsEncrypted() throws Exception {
        long start = System.currentTimeMillis() - 2_000;
        List<Path> seen = new ArrayList<>();
        List<String> hits = new ArrayList<>();
        try (AppContext ctx = TestHome.open(dir);
                java.sql.Connection c = DirectSql.connect(ctx);
                java.sql.Statement st = c.createStatement()) {
            st.execute("SET MAX_MEMORY_ROWS 1000"); // this test's home only
            try (java.sql.ResultSet rs = st.executeQuery(
                    "SELECT '" + CANARY_NOTE + "-' || X FROM " + "SYSTEM_RANGE(1, 100000) ORDER BY RAND()")) {
                assertTrue(rs.next());
                try (Stream<Path> temp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                    for (Path f : temp.filter(p -> p.getFileName().toString().endsWith(".temp.db"))
                            .toList()) {
                        if (Files.getLastModifiedTime(f).toMillis() >= start) {
                            seen.add(f);
                            if (indexOf(Files.readAllBytes(f), CANARY_NOTE.getBytes(StandardCharsets.UTF_8)) >= 0) {
                                hits.add(f.toString());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(!seen.isEmpty(), "H2 wrote the result to a temporary file");
        assertEquals(List.of(), hits);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
