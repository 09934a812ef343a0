package org.huyou.common.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written together are all in place or none is; what they would replace survives a failure. */
class WriteBesideTest {

    @TempDir
    Path dir;

    @Test
    void allAreMovedInReplacingOlderFilesAndNothingElseIsLeft() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "old a");
        WriteBeside.writeAll(List.of(part("a.txt", "new a"), part("b.txt", "new b")));
        assertEquals("new a", Files.readString(dir.resolve("a.txt")));
        assertEquals("new b", Files.readString(dir.resolve("b.txt")));
        assertEquals(List.of(dir.resolve("a.txt"), dir.resolve("b.txt")), listing());
    }

    @Test
    void aContentThatFailsLeavesNoneAndTheOlderFilesAsTheyWere() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "old a");
        WriteBeside.Part failing = new WriteBeside.Part(dir.resolve("b.txt"), p -> {
            Files.writeString(p, "half");
            throw new IOException("disk trouble");
        });
        assertThrows(IOException.class, () -> WriteBeside.writeAll(List.of(part("a.txt", "new a"), failing)));
        assertEquals("old a", Files.readString(dir.resolve("a.txt")));
        assertEquals(List.of(dir.resolve("a.txt")), listing());
    }

    @Test
    void aFolderInTheWayOfTheLastTakesTheFirstBackOut() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "old a");
        Files.createDirectory(dir.resolve("c.txt"));
        FileAlreadyExistsException e = assertThrows(
                FileAlreadyExistsException.class,
                () -> WriteBeside.writeAll(
                        List.of(part("a.txt", "new a"), part("b.txt", "new b"), part("c.txt", "new c"))));
        assertEquals(dir.resolve("c.txt").toString(), e.getFile());
        assertEquals("old a", Files.readString(dir.resolve("a.txt")));
        assertTrue(Files.isDirectory(dir.resolve("c.txt")));
        assertEquals(List.of(dir.resolve("a.txt"), dir.resolve("c.txt")), listing());
    }

    @Test
    void oneFileIsNotPutWhereAFolderIs() throws Exception {
        Files.createDirectory(dir.resolve("a.txt"));
        assertThrows(
                FileAlreadyExistsException.class,
                () -> WriteBeside.write(dir.resolve("a.txt"), p -> Files.writeString(p, "x")));
        assertTrue(Files.isDirectory(dir.resolve("a.txt")));
        assertEquals(List.of(dir.resolve("a.txt")), listing());
    }

    private WriteBeside.Part part(String name, String text) {
        return new WriteBeside.Part(dir.resolve(name), p -> Files.writeString(p, text));
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
