package org.huyou.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.huyou.common.io.PrivateFiles;
import org.slf4j.LoggerFactory;

/**
 * What this installation keeps of the login journal ({@link LoginAttempts}) outside the data folder, where a copy of
 * the data folder does not reach: the journal's HMAC key, and the journal's last line as last written here (a tail cut
 * off in the data folder shows against it). Without a key folder (null) there is neither.
 */
final class JournalKeyFolder {

    static final String KEY_FILE = "login-journal.key";

    private final Path keyFile;
    private final Path headFile;

    JournalKeyFolder(Path keyDir, Path dataDir) {
        this.keyFile = keyDir == null ? null : keyDir.resolve(KEY_FILE);
        this.headFile = keyDir == null
                ? null
                : keyDir.resolve("login-journal-"
                        + LoginAttempts.hash(
                                        "", dataDir.toAbsolutePath().normalize().toString())
                                .substring(0, 16) + ".head");
    }

    /**
     * The key folder: the {@code huyou.keyDir} system property, else {@code HUYOU_KEY_DIR}, else {@code .huyou} in
     * the user's home (a per-user profile folder, apart from the data folder a copy of which an attacker may hold).
     */
    static Path defaultDir() {
        String p = System.getProperty("huyou.keyDir");
        if (p == null || p.isBlank()) {
            p = System.getenv("HUYOU_KEY_DIR");
        }
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".huyou");
    }

    boolean hasKey() {
        return keyFile != null && Files.isRegularFile(keyFile);
    }

    /** The installation's journal key, made on first use (0600 in a 0700 folder); null when there is nowhere to keep it. */
    byte[] key() {
        if (keyFile == null) {
            return null;
        }
        try {
            if (Files.isRegularFile(keyFile)) {
                byte[] k = KeyWrap.unhex(
                        Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
                return k.length == 32 ? k : null;
            }
            PrivateFiles.createFolder(keyFile.getParent());
            Path tmp = keyFile.resolveSibling(
                    KEY_FILE + "." + ProcessHandle.current().pid() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            PrivateFiles.restrict(tmp);
            Files.writeString(tmp, KeyWrap.hex(KeyWrap.random(32)), StandardCharsets.US_ASCII);
            try {
                Files.createLink(keyFile, tmp); // never over another program's key made a moment ago
            } catch (FileAlreadyExistsException raced) {
                // the other program's key stands
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (!Files.exists(keyFile)) {
                    Files.move(tmp, keyFile);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return KeyWrap.unhex(
                    Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(LoginAttempts.class).warn("No login journal key at {}", keyFile, e);
            return null;
        }
    }

    boolean hasHead() {
        return headFile != null && Files.isRegularFile(headFile);
    }

    /** The last head written here, as its space-separated parts ({@code id seq hash}); null when none can be read. */
    String[] head() {
        try {
            if (!hasHead()) {
                return null;
            }
            return Files.readString(headFile, StandardCharsets.US_ASCII).strip().split(" ");
        } catch (IOException e) {
            return null;
        }
    }

    /** Keeps the journal's head (best effort: the data folder's journal rules). */
    void writeHead(String head) {
        if (headFile == null) {
            return;
        }
        try {
            Path tmp = headFile.resolveSibling(headFile.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            PrivateFiles.restrict(tmp);
            Files.writeString(tmp, head, StandardCharsets.US_ASCII);
            Files.move(tmp, headFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LoggerFactory.getLogger(LoginAttempts.class).warn("Login journal head not kept", e);
        }
    }

    /** Removes the head kept for the data folder (a new home there: see {@link LoginAttempts#forgetEarlierHome}). */
    void forgetHead() {
        if (headFile == null) {
            return;
        }
        try {
            Files.deleteIfExists(headFile);
        } catch (IOException e) {
            LoggerFactory.getLogger(LoginAttempts.class).warn("Earlier login journal head not removed", e);
        }
    }
}
