package org.huyou.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The database's file key, a random 256-bit secret, wrapped once per account under a key derived from that account's
 * password (Argon2id) and once under the recovery key, in {@code keyring.properties} beside the database. Nothing in it
 * reveals the key or any record. The login lockout counters and the login events that happen before the database is
 * open (both must work before the key is known) are in {@link LoginAttempts}' journal beside it, which two programs can
 * share; older keyrings kept them here, and their locks and events are carried over.
 */
public final class Keyring {

    public static final String FILE = "keyring.properties";
    /** The name login events and audit rows carry for what was done with the recovery key (no valid user name). */
    public static final String RECOVERY_ACTOR = "[recovery-key]";
    private static final String RECOVERY = "recovery";
    private static final String UNKNOWN = "unknown.";
    private static final char[] DUMMY_SECRET = "no-such-account".toCharArray();
    private static final byte[] DUMMY_SALT = new byte[16];
    private static final byte[] DUMMY_WRAPPED = KeyWrap.wrap(new byte[32], new byte[32]);
    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,32}");
    private static final String BASE32 = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Path file;
    private final Properties props;
    /** The lockout counters and waiting login events: a journal of their own that two programs can share. */
    private final LoginAttempts attempts;

    private Keyring(Path file, Properties props) {
        this.file = file;
        this.props = props;
        java.util.Map<String, String> legacyLocks = new java.util.HashMap<>();
        for (String n : props.stringPropertyNames()) {
            if (n.endsWith(".lockedUntil") && !props.getProperty(n).isEmpty()) { // a keyring from before the journal
                legacyLocks.put(n.substring(0, n.length() - ".lockedUntil".length()), props.getProperty(n));
            }
        }
        this.attempts = new LoginAttempts(file.getParent(), LoginAttempts.defaultKeyDir(), legacyLocks);
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

    /** What a new home gets: the database key, and the recovery key to show once. */
    public record Created(Keyring keyring, byte[] fileKey, String recoveryKey) {
    }

    /** Makes a new random file key, wraps it for the first administrator and under a new recovery key. */
    public static Created create(Path dataDir, String admin, char[] password) {
        Keyring k = new Keyring(dataDir.resolve(FILE), new Properties());
        k.props.setProperty("format", "1");
        k.props.setProperty("lockout.maxAttempts", "5");
        k.props.setProperty("lockout.minutes", "15");
        byte[] fileKey = KeyWrap.random(32);
        String recovery = newRecoveryKey();
        k.putWrap(RECOVERY, normalizeRecovery(recovery).toCharArray(), fileKey);
        k.putWrap("user." + admin, password, fileKey);
        k.save();
        return new Created(k, fileKey, recovery);
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

        Unlocked(byte[] fileKey) {
            this.fileKey = fileKey;
        }

        public byte[] fileKey() {
            return fileKey;
        }
    }

    /**
     * The recovery key was right: made only by {@link #recover}, so that holding one is the proof a recovery's new
     * administrator password is set on. Deliberately not an {@link Unlocked}: it starts no session.
     */
    public static final class Recovered implements Unlock {
        private final byte[] fileKey;

        Recovered(byte[] fileKey) {
            this.fileKey = fileKey;
        }

        public byte[] fileKey() {
            return fileKey;
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
        return attempt(prefix, username, now, props.getProperty(prefix + ".wrapped") != null,
                () -> unwrapEntry(prefix, password));
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
        LoginAttempts.Outcome o = attempts.attempt(prefix, shortName(name), now, maxAttempts(), lockMinutes(),
                recovery ? "RECOVERY_FAILED" : "LOGIN_FAILED", check);
        if (o instanceof LoginAttempts.Passed p) {
            return new Unlocked(p.secret());
        }
        return o instanceof LoginAttempts.LockedOut l ? new Locked(l.until())
                : new WrongPassword(((LoginAttempts.Failed) o).attemptsLeft());
    }

    /** The counters of a name with no account: keyed by a digest, so odd characters do not reach the file. */
    private String unknownPrefix(String name) {
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
        Unlock result = attempt(RECOVERY, RECOVERY_ACTOR, now, true,
                () -> unwrapEntry(RECOVERY, normalizeRecovery(recoveryKey).toCharArray()));
        return result instanceof Unlocked u ? new Recovered(u.fileKey()) : result;
    }

    /**
     * Replaces the recovery key: the file key is wrapped under a new one, and the old wrap is gone, so the old key
     * opens nothing from here on. Returns the new key, to show once.
     */
    public synchronized String replaceRecoveryKey(byte[] fileKey) {
        String recovery = newRecoveryKey();
        putWrap(RECOVERY, normalizeRecovery(recovery).toCharArray(), fileKey);
        props.remove(RECOVERY + ".lockedUntil");
        save();
        attempts.reset(RECOVERY, Instant.now());
        return recovery;
    }

    public synchronized void addUser(String username, char[] password, byte[] fileKey) {
        if (isServer()) {
            return; // nothing to wrap: the account's password hash in the database is what a login checks
        }
        putWrap("user." + username, password, fileKey);
        save();
    }

    public synchronized void removeUser(String username) {
        props.stringPropertyNames().stream().filter(n -> n.startsWith("user." + username + "."))
                .forEach(props::remove);
        save();
    }

    public boolean hasUser(String username) {
        return props.getProperty("user." + username + ".wrapped") != null;
    }

    /** Until when the account is locked out, if it is at {@code now}. */
    public java.util.Optional<Instant> lockedUntil(String username, Instant now) {
        return attempts.lockedUntil("user." + username, now);
    }

    /** Lifts a lock early (an administrator's decision). */
    public synchronized void unlockAccount(String username) {
        attempts.reset("user." + username, Instant.now());
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

    /**
     * A successful login's hand-over of the login journal (its waiting events, the check against the head the
     * database stored last time, the new head): see {@link LoginAttempts#handOver}.
     */
    public LoginAttempts.Handover handOverLoginJournal(java.util.Optional<LoginAttempts.Anchor> previous) {
        return attempts.handOver(previous);
    }

    /**
     * The setting the login journal's head is stored under: one per home on an embedded database (so a journal
     * deleted or swapped is noticed), one per PC's journal on a server (each PC has its own).
     */
    public String loginJournalSetting() {
        return isServer() ? "loginJournal.head." + attempts.journalId() : "loginJournal.head";
    }

    /** Hands over the login events an older keyring kept (before the journal) and forgets them. */
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

    /** A typed name as the audit log can hold it (its column is 64 wide; anything typed may arrive here). */
    private static String shortName(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "…";
    }

    private void putWrap(String prefix, char[] secret, byte[] fileKey) {
        byte[] salt = KeyWrap.random(16);
        byte[] kek = Passwords.deriveKey(secret, salt);
        props.setProperty(prefix + ".salt", KeyWrap.hex(salt));
        props.setProperty(prefix + ".wrapped", KeyWrap.hex(KeyWrap.wrap(kek, fileKey)));
        props.setProperty(prefix + ".failed", "0");
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
