package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.huyou.common.io.PrivateFiles;
import org.huyou.security.Keyring;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On Linux and macOS the data folder is its user's alone: 0700, its files 0600 (skipped where there is no POSIX). */
@Tag("embedded-only") // the embedded database's files are what is checked
class DataFolderPermissionsTest {

    @TempDir
    Path tmp;

    @Test
    void theDataFolderAndItsFilesAreOwnerOnlyFromTheStartAndFixedAtEveryStart() throws IOException {
        assumeTrue(PrivateFiles.posix(tmp), "POSIX permissions only");
        Path dir = tmp.resolve("home");
        TestHome.open(dir).close();
        assertPrivate(dir);
        assertTrue(
                Files.exists(dir.resolve(Keyring.FILE)) && Files.list(dir).count() >= 2,
                "the keyring and the database");

        // Widened by a copy, an unzip or another program: fixed at the next start.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        Files.createDirectories(dir.resolve("backups"));
        Files.writeString(dir.resolve("backups/old.txt"), "x");
        Files.setPosixFilePermissions(dir.resolve("backups"), PosixFilePermissions.fromString("rwxrwxrwx"));
        TestHome.open(dir).close();
        assertPrivate(dir);
    }

    @Test
    void aNewKeyringIsNeverReadableByOthersEvenForAMoment() throws IOException {
        assumeTrue(PrivateFiles.posix(tmp), "POSIX permissions only");
        Path dir = tmp.resolve("fresh");
        Keyring.createForServer(dir);
        assertPrivate(dir);
    }

    static void assertPrivate(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> paths = all.toList();
            for (Path p : paths) {
                String expected = Files.isDirectory(p) ? "rwx------" : "rw-------";
                assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
            }
        }
    }
}
