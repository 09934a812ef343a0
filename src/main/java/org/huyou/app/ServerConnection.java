package org.huyou.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Properties;
import org.huyou.common.DamagedDataException;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.PrivateFiles;
import org.huyou.db.Database;
import org.huyou.db.ServerAddress;
import org.huyou.security.KeyWrap;

/**
 * This PC's way to a home kept on a PostgreSQL server: the address and the server account, in
 * {@code server.properties} in the data folder. The server password is never written in plain text: it is sealed
 * (AES-GCM) under a random key kept in {@code server.key} beside it, readable only by the PC's user where the file
 * system allows. That stops the password being read off the settings, a screenshot or a copied folder; whoever can read
 * both files as this PC's user can still unseal it, which is why the server account should have rights on the home's
 * database only. {@code HUYOU_DB_PASSWORD} overrides the stored password for scripts.
 */
public record ServerConnection(ServerAddress address, String user, char[] password) {

    public static final String FILE = "server.properties";
    static final String KEY_FILE = "server.key";
    public static final String PASSWORD_VARIABLE = "HUYOU_DB_PASSWORD";

    public ServerConnection {
        if (user == null || user.isBlank()) {
            throw new UserFacingException("server.userRequired");
        }
        if (password == null) {
            password = new char[0];
        }
    }

    /** A connection as typed in a form: the address checked for its form (postgresql://host:port/name). */
    public static ServerConnection of(String address, String user, char[] password) {
        return new ServerConnection(ServerAddress.parse(address), user == null ? null : user.strip(), password);
    }

    public static boolean exists(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve(FILE));
    }

    public Database open() {
        return Database.openPostgres(address, user, password);
    }

    /** Writes the address, the user and the sealed password (a new key each time), each file replaced whole. */
    public void save(Path dataDir) {
        try {
            PrivateFiles.createFolder(dataDir);
            byte[] key = KeyWrap.random(32);
            byte[] sealed = KeyWrap.wrap(key, new String(password).getBytes(StandardCharsets.UTF_8));
            writeOwnerOnly(dataDir.resolve(KEY_FILE), Base64.getEncoder().encodeToString(key));
            Properties p = new Properties();
            p.setProperty("address", address.toString());
            p.setProperty("user", user);
            p.setProperty("password.sealed", Base64.getEncoder().encodeToString(sealed));
            Path tmp = dataDir.resolve(FILE + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            PrivateFiles.restrict(tmp);
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Huyou: this PC's connection to the home's database server (the password is sealed)");
            }
            Files.move(tmp, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserFacingException(e, "error.dataDirNotWritable", dataDir);
        }
    }

    /** This PC's connection; the password from {@code HUYOU_DB_PASSWORD} when that is set. */
    public static ServerConnection load(Path dataDir) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dataDir.resolve(FILE), StandardCharsets.UTF_8)) {
            p.load(r);
            ServerAddress address = ServerAddress.parse(p.getProperty("address", ""));
            String fromEnv = System.getenv(PASSWORD_VARIABLE);
            if (fromEnv != null && !fromEnv.isEmpty()) {
                return new ServerConnection(address, p.getProperty("user"), fromEnv.toCharArray());
            }
            byte[] key = Base64.getDecoder()
                    .decode(Files.readString(dataDir.resolve(KEY_FILE)).strip());
            byte[] plain = KeyWrap.unwrap(key, Base64.getDecoder().decode(p.getProperty("password.sealed", "")));
            if (plain == null) {
                throw new DamagedDataException("server.settingsDamaged", dataDir.resolve(FILE));
            }
            return new ServerConnection(
                    address, p.getProperty("user"), new String(plain, StandardCharsets.UTF_8).toCharArray());
        } catch (IOException | IllegalArgumentException e) {
            throw new DamagedDataException(e, "server.settingsDamaged", dataDir.resolve(FILE));
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp); // Windows: the user's profile folder is already private to the user
        }
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public String toString() {
        return user + "@" + address;
    }
}
