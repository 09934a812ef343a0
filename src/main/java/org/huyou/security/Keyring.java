package org.huyou.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The database's file key, a random 256-bit secret, wrapped once per account under a key derived from that account's
 * password (Argon2id) and once under the recovery key, in {@code keyring.properties} beside the database. Nothing in it
 * reveals the key or any record. It also keeps the login lockout counters and the login events that happen before the
 * database is open, because both must work before the key is known.
 */
public final class Keyring {

    public static final String FILE = "keyring.properties";
    /** The name login events and audit rows carry for what was done with the recovery key (no valid user name). */
    public static final String RECOVERY_ACTOR = "[recovery-key]";
    private static final String RECOVERY = "recovery";
    private static final String UNKNOWN = "unknown.";
    private static final String SEALED_PUBLIC = "sealed.public";
    private static final char[] DUMMY_SECRET = "no-such-account".toCharArray();
    private static final byte[] DUMMY_SALT = new byte[16];
    private static final byte[] DUMMY_WRAPPED = KeyWrap.wrap(new byte[32], new byte[32]);
    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,32}");
    private static final String BASE32 = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Path file;
    private final Properties props;

    private Keyring(Path file, Properties props) {
        this.file = file;
        this.props = props;
    }

    public static boolean exists(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve(FILE));
    }

    public static Keyring load(Path dataDir) {
        Path f = dataDir.resolve(FILE);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Keyring(f, p);
    }

    /** What a new home gets: the database key, the recovery key to show once, and the sealed key (see below). */
    public record Created(Keyring keyring, byte[] fileKey, String recoveryKey, byte[] sealedKey) {
    }

    /**
     * Makes a new random file key and a new sealed key pair ({@link SealedText}), wraps both for the first
     * administrator and under a new recovery key.
     */
    public static Created create(Path dataDir, String admin, char[] password) {
        Keyring k = new Keyring(dataDir.resolve(FILE), new Properties());
        k.props.setProperty("format", "1");
        k.props.setProperty("lockout.maxAttempts", "5");
        k.props.setProperty("lockout.minutes", "15");
        byte[] fileKey = KeyWrap.random(32);
        byte[] sealedKey = SealedText.newPrivateKey();
        k.props.setProperty(SEALED_PUBLIC, KeyWrap.hex(SealedText.publicKeyOf(sealedKey)));
        String recovery = newRecoveryKey();
        k.putWrap(RECOVERY, normalizeRecovery(recovery).toCharArray(), fileKey, sealedKey);
        k.putWrap("user." + admin, password, fileKey, sealedKey);
        k.save();
        return new Created(k, fileKey, recovery, sealedKey);
    }

    /**
     * The keyring of a PC that works on a PostgreSQL server: no database key to wrap (the server holds the data), so it
     * keeps only this PC's login lockout counters and the login events that wait for the database.
     */
    public static Keyring createForServer(Path dataDir) {
        Keyring k = new Keyring(dataDir.resolve(FILE), new Properties());
        k.props.setProperty("format", "1");
        k.props.setProperty("kind", "server");
        k.props.setProperty("lockout.maxAttempts", "5");
        k.props.setProperty("lockout.minutes", "15");
        k.save();
        return k;
    }

    /** Whether this PC's home is on a server (see {@link #createForServer}). */
    public boolean isServer() {
        return "server".equals(props.getProperty("kind"));
    }

    /** The outcome of a login attempt against the keyring. */
    public sealed interface Unlock permits Unlocked, Recovered, WrongPassword, Locked {
    }

    /**
     * The password was right: made only here (by {@link #unlock} or {@link #unlockOnServer}), so that holding one is the
     * proof {@link LoginService#completeLogin(String, Unlocked)} starts a session on.
     */
    public static final class Unlocked implements Unlock {
        private final byte[] fileKey;
        private final byte[] sealedKey;
        /** The password-derived key and the salt it came from: a new sealed wrap then costs no second Argon2 run. */
        private final byte[] kek;
        private final String salt;

        Unlocked(byte[] fileKey) {
            this(fileKey, null, null, null);
        }

        Unlocked(byte[] fileKey, byte[] sealedKey, byte[] kek, String salt) {
            this.fileKey = fileKey;
            this.sealedKey = sealedKey;
            this.kek = kek;
            this.salt = salt;
        }

        public byte[] fileKey() {
            return fileKey;
        }

        /** The sealed key's private half when it is wrapped for this account, else null. */
        public byte[] sealedKey() {
            return sealedKey;
        }
    }

    /**
     * The recovery key was right: made only by {@link #recover}, so that holding one is the proof a recovery's new
     * administrator password is set on. Deliberately not an {@link Unlocked}: it starts no session.
     */
    public static final class Recovered implements Unlock {
        private final byte[] fileKey;
        private final byte[] sealedKey;

        Recovered(byte[] fileKey, byte[] sealedKey) {
            this.fileKey = fileKey;
            this.sealedKey = sealedKey;
        }

        public byte[] fileKey() {
            return fileKey;
        }

        /** The sealed key when the recovery key also wraps it (homes made, or recovery keys replaced, since V21). */
        public byte[] sealedKey() {
            return sealedKey;
        }
    }

    public record WrongPassword(int attemptsLeft) implements Unlock {
    }

    public record Locked(Instant until) implements Unlock {
    }

    /**
     * Tries a password: unwraps the key, or counts a failure, locking the account for the configured time after the
     * configured number of failures in a row. Every outcome is kept as a pending login event.
     */
    public synchronized Unlock unlock(String username, char[] password, Instant now) {
        String prefix = "user." + username;
        Unlocked[] full = new Unlocked[1];
        Unlock result = attempt(prefix, username, now, props.getProperty(prefix + ".wrapped") != null, () -> {
            full[0] = unwrapWithSealed(prefix, password);
            return full[0] == null ? null : full[0].fileKey();
        });
        return result instanceof Unlocked && full[0] != null ? full[0] : result;
    }

    /**
     * A server home's login: the same lockout, with the password checked by the caller against the account's hash in
     * the database (there is no key to unwrap; {@link Unlocked} then carries an empty one).
     */
    public synchronized Unlock unlockOnServer(String username, Instant now, java.util.function.BooleanSupplier matches) {
        return attempt("user." + username, username, now, true,
                () -> matches.getAsBoolean() ? new byte[0] : null);
    }

    /**
     * One counted try of a secret: {@code prefix} names the counters, {@code username} the pending events. A name
     * with no account here costs the same Argon2 run and gets the same answers and lockout as a real one, under
     * counters of its own, so the login screen never tells whether a user name exists.
     */
    private Unlock attempt(String prefix, String username, Instant now, boolean known,
                           java.util.function.Supplier<byte[]> check) {
        boolean recovery = RECOVERY.equals(prefix);
        String name = username == null ? "" : username;
        if (!recovery && (!known || !USERNAME.matcher(name).matches())) {
            prefix = unknownPrefix(name);
            check = Keyring::dummyCheck;
        }
        String lockedUntil = props.getProperty(prefix + ".lockedUntil", "");
        if (!lockedUntil.isEmpty() && Instant.parse(lockedUntil).isAfter(now)) {
            addPending(now, name, "LOGIN_REFUSED_LOCKED");
            save();
            return new Locked(Instant.parse(lockedUntil));
        }
        byte[] key = check.get();
        if (key != null) {
            props.setProperty(prefix + ".failed", "0");
            props.remove(prefix + ".lockedUntil");
            save();
            return new Unlocked(key);
        }
        int failed = Integer.parseInt(props.getProperty(prefix + ".failed", "0")) + 1;
        addPending(now, name, recovery ? "RECOVERY_FAILED" : "LOGIN_FAILED");
        if (failed >= maxAttempts()) {
            Instant until = now.plus(Duration.ofMinutes(lockMinutes()));
            props.setProperty(prefix + ".lockedUntil", until.toString());
            props.setProperty(prefix + ".failed", "0");
            addPending(now, name, "ACCOUNT_LOCKED");
            save();
            return new Locked(until);
        }
        props.setProperty(prefix + ".failed", String.valueOf(failed));
        save();
        return new WrongPassword(maxAttempts() - failed);
    }

    /** The counters of a name with no account: keyed by a digest, so odd characters do not reach the file. */
    private String unknownPrefix(String name) {
        if (props.stringPropertyNames().stream().filter(n -> n.startsWith(UNKNOWN)).count() > 3000) {
            // a flood of made-up names cannot grow the file without bound; their counters guard nothing
            props.stringPropertyNames().stream().filter(n -> n.startsWith(UNKNOWN)).forEach(props::remove);
        }
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(
                    name.getBytes(StandardCharsets.UTF_8));
            return UNKNOWN + KeyWrap.hex(d).substring(0, 24);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The work of a real try (Argon2 and an unwrap that fails) for a name with no account. */
    private static byte[] dummyCheck() {
        byte[] kek = Passwords.deriveKey(DUMMY_SECRET, DUMMY_SALT);
        KeyWrap.unwrap(kek, DUMMY_WRAPPED);
        return null;
    }

    /** The file key from the recovery key, or null when it does not fit (no lockout: for checks, not for people). */
    public byte[] unlockWithRecovery(String recoveryKey) {
        return unwrapEntry(RECOVERY, normalizeRecovery(recoveryKey).toCharArray());
    }

    /**
     * A person's try of the recovery key (forgotten passwords): counted and locked out like a password, under a
     * counter of its own, so guessing it is as slow as guessing a password. Every outcome is a pending login event.
     */
    public synchronized Unlock recover(String recoveryKey, Instant now) {
        if (isServer()) {
            throw new org.huyou.common.UserFacingException("recovery.serverHome");
        }
        Unlocked[] full = new Unlocked[1];
        Unlock result = attempt(RECOVERY, RECOVERY_ACTOR, now, true, () -> {
            full[0] = unwrapWithSealed(RECOVERY, normalizeRecovery(recoveryKey).toCharArray());
            return full[0] == null ? null : full[0].fileKey();
        });
        return result instanceof Unlocked u ? new Recovered(u.fileKey(), full[0].sealedKey()) : result;
    }

    /**
     * Replaces the recovery key: the file key is wrapped under a new one, and the old wrap is gone, so the old key
     * opens nothing from here on. Returns the new key, to show once.
     */
    public synchronized String replaceRecoveryKey(byte[] fileKey) {
        return replaceRecoveryKey(fileKey, null);
    }

    /** The same, also wrapping the sealed key under the new recovery key (null: the new key opens no sealed text). */
    public synchronized String replaceRecoveryKey(byte[] fileKey, byte[] sealedKey) {
        String recovery = newRecoveryKey();
        putWrap(RECOVERY, normalizeRecovery(recovery).toCharArray(), fileKey, sealedKey);
        props.remove(RECOVERY + ".lockedUntil");
        save();
        return recovery;
    }

    public synchronized void addUser(String username, char[] password, byte[] fileKey) {
        addUser(username, password, fileKey, null);
    }

    /**
     * Wraps the file key (and the sealed key, when given) under a new key of this password. A wrap of the sealed key
     * under the old password is gone either way: without {@code sealedKey} the account no longer opens sealed texts.
     */
    public synchronized void addUser(String username, char[] password, byte[] fileKey, byte[] sealedKey) {
        if (isServer()) {
            return; // nothing to wrap: the account's password hash in the database is what a login checks
        }
        putWrap("user." + username, password, fileKey, sealedKey);
        save();
    }

    // ---- The sealed key (issue 24): kept apart from the file key's methods above. ----
    // TODO(rotate): these wraps are under each account's password-derived key, so only a login, a password change or
    // an administrator's password reset can give an account the sealed key. Per-account key pairs (branch rotate)
    // should replace putSealedWrap/addUser(..., sealedKey) with a wrap under the account's public key.

    /** The sealed key's public half (anyone may seal with it), or null when this home has no sealed key yet. */
    public byte[] sealedPublicKey() {
        String hex = props.getProperty(SEALED_PUBLIC);
        return hex == null ? null : KeyWrap.unhex(hex);
    }

    /**
     * Makes this home's sealed key (an older home's first login by an account that may hold it): wrapped for that
     * account and its public half published in one write, so no text is ever sealed to a key nobody holds.
     */
    public synchronized void initSealedKey(String username, Unlocked proof, byte[] sealedKey) {
        if (props.getProperty(SEALED_PUBLIC) != null) {
            throw new IllegalStateException("this home already has a sealed key");
        }
        checkProof(username, proof);
        props.setProperty("user." + username + ".sealed", KeyWrap.hex(KeyWrap.wrap(proof.kek, sealedKey)));
        props.setProperty(SEALED_PUBLIC, KeyWrap.hex(SealedText.publicKeyOf(sealedKey)));
        save();
    }

    /** Puts back the public half a holder's key says it is (the file is not authenticated; the holder's wrap is). */
    public synchronized void restoreSealedPublicKey(byte[] publicKey) {
        props.setProperty(SEALED_PUBLIC, KeyWrap.hex(publicKey));
        save();
    }

    /** Wraps the sealed key for the account just unlocked, under the same password-derived key as its file key. */
    public synchronized void putSealedWrap(String username, Unlocked proof, byte[] sealedKey) {
        checkProof(username, proof);
        props.setProperty("user." + username + ".sealed", KeyWrap.hex(KeyWrap.wrap(proof.kek, sealedKey)));
        save();
    }

    private void checkProof(String username, Unlocked proof) {
        if (proof.kek == null || !proof.salt.equals(props.getProperty("user." + username + ".salt"))) {
            throw new IllegalStateException("the account's wrap changed since it was unlocked");
        }
    }

    public boolean hasSealedWrap(String username) {
        return props.getProperty("user." + username + ".sealed") != null;
    }

    /** The account no longer opens sealed texts (its roles lost the right to read them). */
    public synchronized void removeSealedWrap(String username) {
        if (props.remove("user." + username + ".sealed") != null) {
            save();
        }
    }

    /** Whether the recovery key also opens sealed texts. */
    public boolean recoveryOpensSealed() {
        return props.getProperty(RECOVERY + ".sealed") != null;
    }

    public synchronized void removeUser(String username) {
        props.stringPropertyNames().stream().filter(n -> n.startsWith("user." + username + "."))
                .forEach(props::remove);
        save();
    }

    public boolean hasUser(String username) {
        return props.getProperty("user." + username + ".wrapped") != null;
    }

    /** Lifts a lock early (an administrator's decision). */
    public synchronized void unlockAccount(String username) {
        props.remove("user." + username + ".lockedUntil");
        props.setProperty("user." + username + ".failed", "0");
        save();
    }

    public int maxAttempts() {
        return Integer.parseInt(props.getProperty("lockout.maxAttempts", "5"));
    }

    public int lockMinutes() {
        return Integer.parseInt(props.getProperty("lockout.minutes", "15"));
    }

    public synchronized void setLockout(int attempts, int minutes) {
        props.setProperty("lockout.maxAttempts", String.valueOf(Math.max(1, attempts)));
        props.setProperty("lockout.minutes", String.valueOf(Math.max(1, minutes)));
        save();
    }

    /** A login event kept here until the database is open to take it into the audit log. */
    public record PendingEvent(Instant at, String username, String action) {
    }

    /** Hands over the pending login events and forgets them. */
    public synchronized List<PendingEvent> drainPending() {
        List<PendingEvent> events = new ArrayList<>();
        for (String name : new TreeSet<>(props.stringPropertyNames())) {
            if (name.startsWith("pending.")) {
                String[] parts = props.getProperty(name).split("\\|", 3);
                events.add(new PendingEvent(Instant.parse(parts[0]), parts[2], parts[1]));
                props.remove(name);
            }
        }
        if (!events.isEmpty()) {
            save();
        }
        events.sort(java.util.Comparator.comparing(PendingEvent::at));
        return events;
    }

    /** The keyring as bytes, to travel inside a backup (it holds only wrapped keys). */
    public synchronized byte[] toBytes() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addPending(Instant at, String username, String action) {
        long n = props.stringPropertyNames().stream().filter(s -> s.startsWith("pending.")).count();
        if (n < 1000) { // a flood of failures cannot grow the file without bound
            props.setProperty(String.format("pending.%020d.%04d", at.toEpochMilli(), n),
                    at + "|" + action + "|" + shortName(username.replace("|", "")));
        }
    }

    /** A typed name as the audit log can hold it (its column is 64 wide; anything typed may arrive here). */
    private static String shortName(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "…";
    }

    private void putWrap(String prefix, char[] secret, byte[] fileKey, byte[] sealedKey) {
        byte[] salt = KeyWrap.random(16);
        byte[] kek = Passwords.deriveKey(secret, salt);
        props.setProperty(prefix + ".salt", KeyWrap.hex(salt));
        props.setProperty(prefix + ".wrapped", KeyWrap.hex(KeyWrap.wrap(kek, fileKey)));
        props.setProperty(prefix + ".failed", "0");
        if (sealedKey == null) {
            props.remove(prefix + ".sealed");
        } else {
            props.setProperty(prefix + ".sealed", KeyWrap.hex(KeyWrap.wrap(kek, sealedKey)));
        }
    }

    /** The file key and, when wrapped here too, the sealed key, from one Argon2 run; null for a wrong secret. */
    private Unlocked unwrapWithSealed(String prefix, char[] secret) {
        String salt = props.getProperty(prefix + ".salt");
        String wrapped = props.getProperty(prefix + ".wrapped");
        if (salt == null || wrapped == null) {
            return null;
        }
        byte[] kek = Passwords.deriveKey(secret, KeyWrap.unhex(salt));
        byte[] fileKey = KeyWrap.unwrap(kek, KeyWrap.unhex(wrapped));
        if (fileKey == null) {
            return null;
        }
        String sealed = props.getProperty(prefix + ".sealed");
        return new Unlocked(fileKey, sealed == null ? null : KeyWrap.unwrap(kek, KeyWrap.unhex(sealed)), kek, salt);
    }

    private byte[] unwrapEntry(String prefix, char[] secret) {
        String salt = props.getProperty(prefix + ".salt");
        String wrapped = props.getProperty(prefix + ".wrapped");
        if (salt == null || wrapped == null) {
            return null;
        }
        byte[] kek = Passwords.deriveKey(secret, KeyWrap.unhex(salt));
        return KeyWrap.unwrap(kek, KeyWrap.unhex(wrapped));
    }

    private void save() {
        try {
            org.huyou.common.io.PrivateFiles.createFolder(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            org.huyou.common.io.PrivateFiles.restrict(tmp);
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                props.store(w, "Huyou keyring: wrapped database keys only; safe to back up, useless without a password");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 160 random bits as 32 characters in groups of four, without look-alike letters (no I, O, 0, 1). */
    static String newRecoveryKey() {
        byte[] bytes = KeyWrap.random(20);
        StringBuilder sb = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < sb.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                grouped.append('-');
            }
            grouped.append(sb.charAt(i));
        }
        return grouped.toString();
    }

    /** Typed recovery keys may differ in case, spaces and dashes. */
    static String normalizeRecovery(String key) {
        return key == null ? "" : key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
