package org.huyou.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.encrypt.FilePathEncrypt;
import org.huyou.common.UserFacingException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home's file encryption against H2's own {@code CIPHER=AES}: the same bytes on disk, both ways, so a home's
 * existing file and its backups open after the change, and a file written now opens with H2 alone.
 */
@Tag("embedded-only")
class EncryptedFilesTest {

    private static final byte[] KEY = HexFormat.of().parseHex(
            "8f1c2e3d4a5b6c7d8e9fa0b1c2d3e4f5061728394a5b6c7d8e9f0a1b2c3d4e5f");
    private static final int ROWS = 20_000;

    @TempDir
    Path dir;

    @Test
    void aFileWrittenByH2sCipherOpensHereWithTheSameRows() throws SQLException {
        try (Connection c = h2Cipher(dir)) {
            fill(c);
        }
        try (EncryptedFiles.Unlocked unlocked = EncryptedFiles.unlock(dir, KEY);
             Connection c = DriverManager.getConnection(Database.h2Url(dir) + ";IFEXISTS=TRUE", "sa",
                     Database.h2Password(KEY))) {
            assertRows(c);
        }
    }

    @Test
    void aFileWrittenHereOpensWithH2sCipherWithTheSameRows() throws SQLException {
        try (EncryptedFiles.Unlocked unlocked = EncryptedFiles.unlock(dir, KEY);
             Connection c = DriverManager.getConnection(Database.h2Url(dir), "sa", Database.h2Password(KEY))) {
            fill(c);
        }
        try (Connection c = h2Cipher(dir)) {
            assertRows(c);
        }
    }

    @Test
    void noPlaintextReachesTheDisk() throws Exception {
        try (EncryptedFiles.Unlocked unlocked = EncryptedFiles.unlock(dir, KEY);
             Connection c = DriverManager.getConnection(Database.h2Url(dir), "sa", Database.h2Password(KEY))) {
            fill(c);
        }
        byte[] stored = Files.readAllBytes(dir.resolve(Database.FILE_NAME + ".mv.db"));
        assertFalse(contains(stored, "row-1234-".getBytes(StandardCharsets.UTF_8)));
        assertFalse(contains(stored, "H:2,".getBytes(StandardCharsets.ISO_8859_1)), "the store header is encrypted");
        assertTrue(EncryptedFiles.opensWith(dir.resolve(Database.FILE_NAME + ".mv.db"), KEY));
    }

    @Test
    void withoutItsKeyTheFileDoesNotOpen() throws SQLException {
        try (EncryptedFiles.Unlocked unlocked = EncryptedFiles.unlock(dir, KEY);
             Connection c = DriverManager.getConnection(Database.h2Url(dir), "sa", Database.h2Password(KEY))) {
            fill(c);
        }
        assertThrows(SQLException.class, () -> DriverManager.getConnection(Database.h2Url(dir) + ";IFEXISTS=TRUE",
                "sa", Database.h2Password(KEY)).close(), "the folder was locked again when its handle closed");
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertFalse(EncryptedFiles.opensWith(dir.resolve(Database.FILE_NAME + ".mv.db"), other));
    }

    @Test
    void aHomeOpenedWithAnotherKeySaysSo() {
        Database.openH2(dir, KEY).close();
        byte[] other = KEY.clone();
        other[31] ^= 1;
        UserFacingException refused = assertThrows(UserFacingException.class, () -> Database.openH2(dir, other));
        assertEquals("error.databaseKey", refused.messageKey());
        Database.openH2(dir, KEY).close();
    }

    /**
     * Random writes (whole sectors, as H2 writes, and ragged ones), truncations and reopenings against a byte array;
     * the result then read through H2's own encrypted file.
     */
    @Test
    void randomWritesReadBackAndReadByH2() throws IOException {
        byte[] password = "a-file-password".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("random.bin");
        Random random = new Random(20261124);
        byte[] model = new byte[0];
        FileChannel channel = open(file, password);
        for (int step = 0; step < 400; step++) {
            int kind = random.nextInt(10);
            if (kind < 6) {
                boolean aligned = kind < 3;
                long at = aligned ? 4096L * random.nextInt(40) : random.nextInt(40 * 4096);
                int length = aligned ? 4096 * (1 + random.nextInt(4)) : 1 + random.nextInt(10_000);
                at = Math.min(at, model.length); // H2 never leaves a hole
                byte[] data = new byte[length];
                random.nextBytes(data);
                channel.write(ByteBuffer.wrap(data), at);
                if (at + length > model.length) {
                    model = Arrays.copyOf(model, (int) at + length);
                }
                System.arraycopy(data, 0, model, (int) at, length);
            } else if (kind == 6 && model.length > 0) {
                int size = random.nextInt(model.length);
                channel.truncate(size);
                model = Arrays.copyOf(model, size);
            } else if (kind == 7) {
                channel.close();
                channel = open(file, password);
            } else if (model.length > 0) {
                int at = random.nextInt(model.length);
                int length = 1 + random.nextInt(Math.min(9000, model.length - at));
                ByteBuffer read = ByteBuffer.allocate(length);
                assertEquals(length, channel.read(read, at));
                assertArrayEquals(Arrays.copyOfRange(model, at, at + length), read.array(), "step " + step);
            }
            assertEquals(model.length, channel.size(), "step " + step);
        }
        channel.close();
        assertArrayEquals(model, readAll(open(file, password)));
        String h2Name = "encrypt:" + new String(password, StandardCharsets.UTF_8) + ":" + file.toAbsolutePath();
        FilePathEncrypt.register();
        assertEquals(model.length, FilePath.get(h2Name).size());
        assertArrayEquals(model, readAll(FilePath.get(h2Name).open("r")));
    }

    @Test
    void sectorsWrittenByH2ReadHere() throws IOException {
        byte[] password = "a-file-password".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("by-h2.bin");
        FilePathEncrypt.register();
        byte[] content = new byte[37 * 4096];
        new Random(7).nextBytes(content);
        try (FileChannel h2 = FilePath.get("encrypt:a-file-password:" + file.toAbsolutePath()).open("rw")) {
            for (int at = 0; at < content.length; at += 3 * 4096) {
                h2.write(ByteBuffer.wrap(content, at, Math.min(3 * 4096, content.length - at)), at);
            }
        }
        assertArrayEquals(content, readAll(open(file, password)));
    }

    private static FileChannel open(Path file, byte[] password) throws IOException {
        return new EncryptedFileChannel(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE), password);
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        try (channel) {
            ByteBuffer all = ByteBuffer.allocate((int) channel.size());
            while (all.hasRemaining()) {
                if (channel.read(all, all.position()) < 0) {
                    break;
                }
            }
            return all.array();
        }
    }

    private static Connection h2Cipher(Path dir) throws SQLException {
        String secret = Database.h2Password(KEY);
        return DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve(Database.FILE_NAME)
                + ";CIPHER=AES", "sa", secret + " " + secret);
    }

    private static void fill(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE T(ID INT PRIMARY KEY, V VARCHAR(200), B BLOB)");
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO T VALUES (?, ?, ?)")) {
            for (int i = 0; i < ROWS; i++) {
                insert.setInt(1, i);
                insert.setString(2, "row-" + i + "-" + "x".repeat(i % 100));
                insert.setBytes(3, i % 1000 == 0 ? blob(i) : null);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void assertRows(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ID, V, B FROM T ORDER BY ID")) {
            int i = 0;
            while (rs.next()) {
                assertEquals(i, rs.getInt(1));
                assertEquals("row-" + i + "-" + "x".repeat(i % 100), rs.getString(2));
                if (i % 1000 == 0) {
                    assertArrayEquals(blob(i), rs.getBytes(3));
                }
                i++;
            }
            assertEquals(ROWS, i);
        }
    }

    private static byte[] blob(int seed) {
        byte[] b = new byte[50_000];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
