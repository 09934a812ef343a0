package org.huyou.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.PrivateFiles;

/**
 * The home's keys, wrapped for the people who may use them, in {@code keyring.properties} beside the database. Nothing
 * in it reveals a key or any record. The login lockout counters and the login events that happen before the database is
 * open (both must work before the key is known) are in {@link LoginAttempts}' journal beside it, which two programs can
 * share; older keyrings kept them here, and their locks and events are carried over.
 *
 * <h2>Holders, key pairs and named keys</h2>
 * A <em>holder</em> is an account (its user name) or the recovery key ({@link #RECOVERY_ACTOR}). Each holder has an
 * X25519 key pair: the public half in the clear, the private half wrapped (AES-GCM) under a key derived from the
 * holder's secret (the password or the recovery key, Argon2id). The home's keys are <em>named</em> ({@link #FILE_KEY},
 * the H2 file key, for now) and each is sealed to the public key of every holder that may use it ({@link KeyWrap#seal}),
 * so a key can be given to, taken from, or replaced for a holder without knowing the holder's secret:
 * <ul>
 *   <li>{@link #unlock} / {@link #recover}: the secret opens the private key, the private key opens every named key
 *   the holder has; {@link Unlocked#key(String)} hands them over.</li>
 *   <li>{@link #grantKey(String, String, byte[])} seals a named key to a holder (false when the holder has no key pair
 *   yet); {@link #revokeKey} removes it; {@link #holders(String)} lists who has it.</li>
 *   <li>{@link #addUser} (a new account or a new password) gives the holder a new key pair and the file key; any other
 *   named key it held was sealed to the old pair and must be granted again.</li>
 *   <li>{@link #rotatedCopy} writes a copy in which the file key is replaced for every holder that has a key pair; a
 *   holder without one loses its access (its password must be reset by an administrator). The replaced file key is
 *   kept wrapped under the new one ({@link #previousFileKeys}), so backups made under it can still be restored.</li>
 * </ul>
 * A keyring written before key pairs (format 1) held the file key wrapped directly under each secret: such a holder
 * gets its key pair at its next successful login or recovery, when its secret is known.
 */
public final class Keyring {

    public static final String FILE = "keyring.properties";
    /** The name login events and audit rows carry for what was done with the recovery key (no valid user name). */
    public static final String RECOVERY_ACTOR = "[recovery-key]";

    private static final String RECOVERY = "recovery";
    /** The name of the H2 file key among the named keys. */
    public static final String FILE_KEY = "file";

    private static final String FILE_ID = "file.id";
    private static final String PREVIOUS = "file.previous.";
    private static final String ROTATION_DUE = "rotation.due";
    private static final String UNKNOWN = "unknown.";
    /**
     * The name of the sealed key among the named keys: the private half of the X25519 pair counselling notes and
     * incident details are sealed to ({@link SealedText}); its public half is in the clear, so anyone may seal.
     */
    public static final String SEALED_KEY = "sealed";

    private static final String SEALED_PUBLIC = "sealed.public";
    private static final String SEALED_CHECK = ".sealedCheck";
    /** Per holder: the endorsements of its current sealed key by the older ones ({@link #commitSealedRotation}). */
    private static final String SEALED_ENDORSE = ".sealedEndorse";

    private static final String SEALED_PREVIOUS = "sealed.previous.";
    private static final String SEALED_RESEAL = "sealed.reseal";
    private static final String SEALED_ROTATION_DUE = "sealed.rotation.due";
    /**
     * Not a key: the holder's remembered sealed key, rewrapped for a new key its password has not seen yet but an
     * older one endorsed; kept in {@link Unlocked} until the database confirms the new key ({@link SealedKey}).
     */
    static final String PENDING_SEALED_CHECK = "sealed.pendingCheck";

    private static final char[] DUMMY_SECRET = "no-such-account".toCharArray();
    private static final byte[] DUMMY_SALT = new byte[16];
    private static final byte[] DUMMY_WRAPPED = KeyWrap.wrap(new byte[32], new byte[32]);
    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,32}");

    private final Path file;
    private final Properties props;
    /** The lockout counters and waiting login events: a journal of their own that two programs can share. */
    private final LoginAttempts attempts;
    /** Lock-out times and the journal's checkpoints; the app's clock, so tests can move time. */
    private final Clock clock;
    /** What the database records of this file: its fingerprint as loaded and as written since (ADR 0011). */
    private final KeyringFingerprints fingerprints;

    private Keyring(Path file, Properties props) {
        this(file, props, Clock.systemUTC());
    }

    private Keyring(Path file, Properties props, Clock clock) {
        this.file = file;
        this.props = props;
        this.clock = clock;
        this.fingerprints = new KeyringFingerprints(props);
        Map<String, String> legacyLocks = new HashMap<>();
        for (String n : props.stringPropertyNames()) {
            if (n.endsWith(".lockedUntil") && !props.getProperty(n).isEmpty()) { // a keyring from before the journal
                legacyLocks.put(n.substring(0, n.length() - ".lockedUntil".length()), props.getProperty(n));
            }
        }
        this.attempts = new LoginAttempts(file.getParent(), JournalKeyFolder.defaultDir(), legacyLocks, clock);
    }

    public static boolean exists(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve(FILE));
    }

    public static Keyring load(Path dataDir) {
        return load(dataDir, Clock.systemUTC());
    }

    /** The keyring, its lock-out and journal times taken from {@code clock} (the app's). */
    public static Keyring load(Path dataDir, Clock clock) {
        Path f = dataDir.resolve(FILE);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Keyring(f, p, clock);
    }

    /** What a new home gets: the database key, and the recovery key to show once. */
    public record Created(Keyring keyring, byte[] fileKey, String recoveryKey, byte[] sealedKey) {}

    /**
     * Makes a new random file key, wraps it for the first administrator and under a new recovery key; its lock-out and
     * journal times from {@code clock}.
     */
    public static Created create(Path dataDir, String admin, char[] password, Clock clock) {
        Keyring k = new Keyring(dataDir.resolve(FILE), new Properties(), clock);
        k.attempts.forgetEarlierHome();
        k.props.setProperty("format", "1");
        k.props.setProperty("lockout.maxAttempts", "5");
        k.props.setProperty("lockout.minutes", "15");
        byte[] fileKey = KeyWrap.random(32);
        String recovery = RecoveryKeys.newKey();
        byte[] sealedKey = SealedText.newPrivateKey();
        k.props.setProperty(SEALED_PUBLIC, KeyWrap.hex(SealedText.publicKeyOf(sealedKey)));
        k.props.setProperty(FILE_ID, keyId(fileKey));
        k.putHolder(RECOVERY, RecoveryKeys.normalize(recovery).toCharArray(), keys(fileKey, sealedKey));
        k.putHolder("user." + admin, password, keys(fileKey, sealedKey));
        k.save();
        return new Created(k, fileKey, recovery, sealedKey);
    }

    /**
     * The keyring of a PC that works on a PostgreSQL server: no database key to wrap (the server holds the data), so it
     * keeps only this PC's login lockout counters and the login events that wait for the database.
     */
    public static Keyring createForServer(Path dataDir) {
        Keyring k = new Keyring(dataDir.resolve(FILE), new Properties());
        k.attempts.forgetEarlierHome();
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
    public sealed interface Unlock permits Unlocked, Recovered, WrongPassword, Locked {}

    /**
     * The password was right: made only here (by {@link #unlock} or {@link #unlockOnServer}), so that holding one is the
     * proof {@link LoginService#completeLogin(String, Unlocked)} starts a session on.
     */
    public static final class Unlocked extends HeldKeys implements Unlock {
        Unlocked(byte[] fileKey) {
            this(Map.of(FILE_KEY, fileKey));
        }

        Unlocked(Map<String, byte[]> keys) {
            super(keys);
        }

        /**
         * Set when the sealed key is a new one an older key endorsed (a rotation since this password's last login):
         * the password's new memory of it, to keep once the database names the same key ({@link #confirmSealedKey}).
         */
        byte[] pendingSealedCheck() {
            return key(PENDING_SEALED_CHECK);
        }
    }

    /**
     * The recovery key was right: made only by {@link #recover}, so that holding one is the proof a recovery's new
     * administrator password is set on. Deliberately not an {@link Unlocked}: it starts no session.
     */
    public static final class Recovered extends HeldKeys implements Unlock {
        Recovered(Map<String, byte[]> keys) {
            super(keys);
        }
    }

    /**
     * The keys a right password or the recovery key opened, by name (see the class comment). Made only here: the
     * constructor is not public.
     */
    public abstract static sealed class HeldKeys permits Unlocked, Recovered {
        private final Map<String, byte[]> keys;

        HeldKeys(Map<String, byte[]> keys) {
            this.keys = Map.copyOf(keys);
        }

        public byte[] fileKey() {
            return keys.get(FILE_KEY);
        }

        /** A named key this holder has (see the class comment), or null. */
        public byte[] key(String name) {
            byte[] k = keys.get(name);
            return k == null ? null : k.clone();
        }

        /** The sealed key's private half when this holder has it, else null. */
        public byte[] sealedKey() {
            return key(SEALED_KEY);
        }
    }

    public record WrongPassword(int attemptsLeft) implements Unlock {}

    public record Locked(Instant until) implements Unlock {}

    /**
     * Tries a password: unwraps the key, or counts a failure, locking the account for the configured time after the
     * configured number of failures in a row. Every outcome is kept as a pending login event.
     */
    public synchronized Unlock unlock(String username, char[] password, Instant now) {
        String prefix = "user." + username;
        List<Map<String, byte[]>> opened = new ArrayList<>(1);
        Unlock result = attempt(
                prefix, username, now, hasUser(username), () -> fileKeyOf(opened, openHolder(prefix, password)));
        saveIfMigrated(result);
        return result instanceof Unlocked ? new Unlocked(opened.get(0)) : result;
    }

    /** A format-1 holder given its key pair by a right secret: kept (the lock-out journal saves nothing here). */
    private void saveIfMigrated(Unlock result) {
        if (result instanceof Unlocked && migrated) {
            save();
        }
    }

    /** Keeps every key a holder's secret opened, and gives the lockout its answer: the file key, or null. */
    private static byte[] fileKeyOf(List<Map<String, byte[]>> opened, Map<String, byte[]> keys) {
        if (keys == null) {
            return null;
        }
        opened.add(keys);
        return keys.get(FILE_KEY);
    }

    /**
     * A server home's login: the same lockout, with the password checked by the caller against the account's hash in
     * the database (there is no key to unwrap; {@link Unlocked} then carries an empty one).
     */
    public synchronized Unlock unlockOnServer(String username, Instant now, BooleanSupplier matches) {
        return attempt("user." + username, username, now, true, () -> matches.getAsBoolean() ? new byte[0] : null);
    }

    /**
     * One counted try of a secret: {@code prefix} names the counters, {@code username} the pending events. A name
     * with no account here costs the same Argon2 run and gets the same answers and lockout as a real one, under
     * counters of its own, so the login screen never tells whether a user name exists.
     */
    private Unlock attempt(String prefix, String username, Instant now, boolean known, Supplier<byte[]> check) {
        boolean recovery = RECOVERY.equals(prefix);
        String name = username == null ? "" : username;
        if (!recovery && (!known || !USERNAME.matcher(name).matches())) {
            prefix = unknownPrefix(name);
            check = Keyring::dummyCheck;
        }
        LoginAttempts.Outcome o = attempts.attempt(
                prefix,
                shortName(name),
                now,
                maxAttempts(),
                lockMinutes(),
                recovery ? AuditLog.RECOVERY_FAILED : AuditLog.LOGIN_FAILED,
                check);
        if (o instanceof LoginAttempts.Passed p) {
            return new Unlocked(p.secret());
        }
        return o instanceof LoginAttempts.LockedOut l
                ? new Locked(l.until())
                : new WrongPassword(((LoginAttempts.Failed) o).attemptsLeft());
    }

    /** The counters of a name with no account: keyed by a digest, so odd characters do not reach the file. */
    private String unknownPrefix(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return UNKNOWN + KeyWrap.hex(d).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
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
    public synchronized byte[] unlockWithRecovery(String recoveryKey) {
        Map<String, byte[]> keys =
                openHolder(RECOVERY, RecoveryKeys.normalize(recoveryKey).toCharArray());
        if (keys != null && migrated) {
            save();
        }
        return keys == null ? null : keys.get(FILE_KEY);
    }

    /**
     * A person's try of the recovery key (forgotten passwords): counted and locked out like a password, under a
     * counter of its own, so guessing it is as slow as guessing a password. Every outcome is a pending login event.
     */
    public synchronized Unlock recover(String recoveryKey, Instant now) {
        if (isServer()) {
            throw new UserFacingException("recovery.serverHome");
        }
        List<Map<String, byte[]>> opened = new ArrayList<>(1);
        Unlock result = attempt(
                RECOVERY,
                RECOVERY_ACTOR,
                now,
                true,
                () -> fileKeyOf(
                        opened,
                        openHolder(RECOVERY, RecoveryKeys.normalize(recoveryKey).toCharArray())));
        saveIfMigrated(result);
        return result instanceof Unlocked ? new Recovered(opened.get(0)) : result;
    }

    /**
     * Replaces the recovery key: the file key is wrapped under a new one, and the old wrap is gone, so the old key
     * opens nothing from here on. Returns the new key, to show once.
     */
    public synchronized String replaceRecoveryKey(byte[] fileKey) {
        return replaceRecoveryKey(fileKey, null);
    }

    /** The same, also giving the new recovery key the sealed key (null: the new key opens no sealed text). */
    public synchronized String replaceRecoveryKey(byte[] fileKey, byte[] sealedKey) {
        String recovery = RecoveryKeys.newKey();
        putHolder(RECOVERY, RecoveryKeys.normalize(recovery).toCharArray(), keys(fileKey, sealedKey));
        props.remove(RECOVERY + ".lockedUntil");
        save();
        attempts.reset(RECOVERY, clock.instant());
        return recovery;
    }

    public synchronized void addUser(String username, char[] password, byte[] fileKey) {
        addUser(username, password, fileKey, null);
    }

    /**
     * A new account, or a new password: a new key pair holding the file key and, when given, the sealed key (without
     * it the account no longer opens sealed texts: its other keys were sealed to the old pair).
     */
    public synchronized void addUser(String username, char[] password, byte[] fileKey, byte[] sealedKey) {
        if (isServer()) {
            return; // nothing to wrap: the account's password hash in the database is what a login checks
        }
        props.putIfAbsent(FILE_ID, keyId(fileKey));
        putHolder("user." + username, password, keys(fileKey, sealedKey));
        save();
    }

    private static Map<String, byte[]> keys(byte[] fileKey, byte[] sealedKey) {
        return sealedKey == null ? Map.of(FILE_KEY, fileKey) : Map.of(FILE_KEY, fileKey, SEALED_KEY, sealedKey);
    }

    // ---- The sealed key: a named key like the file key, held only by accounts whose roles may read sealed texts ----

    /** The sealed key's public half (anyone may seal with it), or null when this home has no sealed key yet. */
    public byte[] sealedPublicKey() {
        String hex = props.getProperty(SEALED_PUBLIC);
        return hex == null ? null : KeyWrap.unhex(hex);
    }

    /**
     * Makes this home's sealed key (an older home's first login by an account that may hold it): given to that
     * account and its public half published in one write, so no text is ever sealed to a key nobody holds.
     */
    public synchronized void initSealedKey(String username, Unlocked proof, byte[] sealedKey) {
        Objects.requireNonNull(proof);
        if (props.getProperty(SEALED_PUBLIC) != null) {
            throw new IllegalStateException("this home already has a sealed key");
        }
        if (!hasKeyPair(username)) {
            throw new IllegalStateException("the account has no key pair to hold the sealed key");
        }
        grantKey(username, SEALED_KEY, sealedKey);
        props.setProperty(SEALED_PUBLIC, KeyWrap.hex(SealedText.publicKeyOf(sealedKey)));
        save();
    }

    /** Puts back the public half a holder's key says it is (the file is not authenticated; the holder's key is). */
    public synchronized void restoreSealedPublicKey(byte[] publicKey) {
        props.setProperty(SEALED_PUBLIC, KeyWrap.hex(publicKey));
        save();
    }

    /** Gives the sealed key to the account just unlocked (sealed to its public key, like every named key). */
    public synchronized void putSealedWrap(String username, Unlocked proof, byte[] sealedKey) {
        Objects.requireNonNull(proof);
        grantKey(username, SEALED_KEY, sealedKey);
    }

    public boolean hasSealedWrap(String username) {
        return props.getProperty(prefixOf(username) + ".key." + SEALED_KEY) != null;
    }

    /** The account no longer opens sealed texts (its roles lost the right to read them). */
    public synchronized void removeSealedWrap(String username) {
        revokeKey(username, SEALED_KEY);
    }

    /** Whether the recovery key also opens sealed texts. */
    public boolean recoveryOpensSealed() {
        return props.getProperty(RECOVERY + ".key." + SEALED_KEY) != null;
    }

    public synchronized void removeUser(String username) {
        props.stringPropertyNames().stream()
                .filter(n -> n.startsWith("user." + username + "."))
                .forEach(props::remove);
        save();
    }

    /** Whether the account's password opens the file key here (a key pair holding it, or a format-1 wrap). */
    public boolean hasUser(String username) {
        String prefix = "user." + username;
        return props.getProperty(prefix + ".wrapped") != null || props.getProperty(prefix + ".key." + FILE_KEY) != null;
    }

    // ---- a new sealed key: rotation, endorsement, the keys before it ----------------------------------------

    /**
     * Whether the holder's keyring entry has an endorsement of {@code newPublic} by the sealed key its password
     * remembers ({@code remembered}), made with that key's private half: see {@link #commitSealedRotation}.
     */
    private boolean endorsed(String prefix, PrivateKey own, byte[] remembered, byte[] newPublic) {
        String list = props.getProperty(prefix + SEALED_ENDORSE);
        if (list == null || own == null) {
            return false;
        }
        String want = SealedText.keyId(remembered);
        for (String entry : list.split(",")) {
            String[] kv = entry.split(":", 2);
            if (kv.length == 2 && kv[0].equals(want)) {
                byte[] expected = SealedText.endorsement(SealedText.scalarOf(own), remembered, newPublic);
                try {
                    return MessageDigest.isEqual(expected, KeyWrap.unhex(kv[1]));
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * The sealed key changes (a holder left, or on demand): in one atomic write of the keyring, {@code newKey} is
     * sealed to each of {@code holders} that has a key pair, with an endorsement by the old key and every key before
     * it (so a holder whose password remembers any of them accepts the new one, and nobody without one of those keys
     * can make a grant it accepts); every other wrap of the sealed key is removed; the old key joins the previous
     * ones, wrapped under the new key (texts not yet re-sealed, and older backups, stay readable by the new key's
     * holders only); the public half is the new one; the texts are marked for re-sealing ({@link #resealPending}).
     * Returns the holders that could not be given it (no key pair yet).
     */
    public synchronized List<String> commitSealedRotation(byte[] oldKey, byte[] newKey, Collection<String> holders) {
        byte[] newPublic = SealedText.publicKeyOf(newKey);
        byte[] oldPublic = SealedText.publicKeyOf(oldKey);
        Map<String, byte[]> endorsers = new LinkedHashMap<>(previousSealedKeys(oldKey));
        endorsers.put(SealedText.keyId(oldPublic), oldKey);
        for (String prefix : holderPrefixes()) {
            props.remove(prefix + ".key." + SEALED_KEY);
            props.remove(prefix + SEALED_ENDORSE);
        }
        List<String> lost = new ArrayList<>();
        for (String holder : holders) {
            String prefix = prefixOf(holder);
            String pub = props.getProperty(prefix + ".public");
            if (pub == null) {
                lost.add(holder);
                continue;
            }
            putSealedGrant(prefix, KeyWrap.publicKey(KeyWrap.unhex(pub)), newKey, endorsers);
        }
        props.stringPropertyNames().stream()
                .filter(n -> n.startsWith(SEALED_PREVIOUS))
                .forEach(props::remove);
        byte[] historyKey = KeyWrap.hmac(newKey, "huyou-previous-sealed-keys");
        endorsers.forEach(
                (id, key) -> props.setProperty(SEALED_PREVIOUS + id, KeyWrap.hex(KeyWrap.wrap(historyKey, key))));
        props.setProperty(SEALED_PUBLIC, KeyWrap.hex(newPublic));
        props.setProperty(SEALED_RESEAL, SealedText.keyId(oldPublic));
        props.remove(SEALED_ROTATION_DUE);
        save();
        return lost;
    }

    /** The sealed key sealed to a holder, with the endorsements of it by each of {@code endorsers} (id → key). */
    private void putSealedGrant(String prefix, PublicKey holderKey, byte[] sealedKey, Map<String, byte[]> endorsers) {
        byte[] sealedPublic = SealedText.publicKeyOf(sealedKey);
        props.setProperty(prefix + ".key." + SEALED_KEY, KeyWrap.hex(KeyWrap.seal(holderKey, SEALED_KEY, sealedKey)));
        byte[] raw = SealedText.rawOf(holderKey);
        StringJoiner list = new StringJoiner(",");
        endorsers.forEach(
                (id, key) -> list.add(id + ":" + KeyWrap.hex(SealedText.endorsement(key, raw, sealedPublic))));
        if (list.length() > 0) {
            props.setProperty(prefix + SEALED_ENDORSE, list.toString());
        } else {
            props.remove(prefix + SEALED_ENDORSE);
        }
    }

    /**
     * Gives the sealed key to a holder (a holder's login hands it out), endorsed by the keys before it, so a holder
     * whose password remembers an older one accepts it; false when the holder has no key pair yet.
     */
    public synchronized boolean grantSealedKey(String holder, byte[] sealedKey) {
        String prefix = prefixOf(holder);
        String pub = props.getProperty(prefix + ".public");
        if (pub == null) {
            return false;
        }
        putSealedGrant(prefix, KeyWrap.publicKey(KeyWrap.unhex(pub)), sealedKey, previousSealedKeys(sealedKey));
        save();
        return true;
    }

    /** The sealed keys this home had before (by {@link SealedText#keyId} of their public half), under the current one. */
    public synchronized Map<String, byte[]> previousSealedKeys(byte[] currentSealedKey) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        byte[] historyKey = KeyWrap.hmac(currentSealedKey, "huyou-previous-sealed-keys");
        for (String n : new TreeSet<>(props.stringPropertyNames())) {
            if (n.startsWith(SEALED_PREVIOUS)) {
                byte[] key = KeyWrap.unwrap(historyKey, KeyWrap.unhex(props.getProperty(n)));
                if (key != null) {
                    out.put(n.substring(SEALED_PREVIOUS.length()), key);
                }
            }
        }
        return out;
    }

    /** Whether texts may still be sealed under an older key (a rotation's re-sealing not finished yet). */
    public boolean resealPending() {
        return props.getProperty(SEALED_RESEAL) != null;
    }

    /** Every text is sealed under the current key. */
    public synchronized void resealDone() {
        if (props.remove(SEALED_RESEAL) != null) {
            save();
        }
    }

    /**
     * A new sealed key is due (a holder left while nobody holding the key was logged in): kept until a holder's
     * session makes it.
     */
    public synchronized void requestSealedRotation(String reason) {
        if (isServer() || sealedPublicKey() == null) {
            return;
        }
        String before = props.getProperty(SEALED_ROTATION_DUE);
        props.setProperty(SEALED_ROTATION_DUE, before == null ? reason : before + "; " + reason);
        save();
    }

    /** Why a new sealed key is due, when one is. */
    public synchronized Optional<String> sealedRotationDue() {
        return Optional.ofNullable(props.getProperty(SEALED_ROTATION_DUE));
    }

    /** The holder's password now remembers the new sealed key the database confirmed (see {@link Unlocked}). */
    synchronized void confirmSealedKey(String holder, Unlocked proof) {
        byte[] check = proof.pendingSealedCheck();
        if (check != null) {
            props.setProperty(prefixOf(holder) + SEALED_CHECK, KeyWrap.hex(check));
            save();
        }
    }

    // ---- named keys, sealed to holders' public keys -----------------------------------------------------------

    /** The property prefix of a holder: an account's user name, or {@link #RECOVERY_ACTOR}. */
    private static String prefixOf(String holder) {
        return RECOVERY_ACTOR.equals(holder) ? RECOVERY : "user." + holder;
    }

    /** Whether the holder has a key pair yet (format-1 holders get one at their next login or recovery). */
    public boolean hasKeyPair(String holder) {
        return props.getProperty(prefixOf(holder) + ".public") != null;
    }

    /** Seals a named key to a holder's public key; false (and nothing changed) when it has no key pair yet. */
    public synchronized boolean grantKey(String holder, String name, byte[] key) {
        String prefix = prefixOf(holder);
        String pub = props.getProperty(prefix + ".public");
        if (pub == null) {
            return false;
        }
        props.setProperty(
                prefix + ".key." + name, KeyWrap.hex(KeyWrap.seal(KeyWrap.publicKey(KeyWrap.unhex(pub)), name, key)));
        save();
        return true;
    }

    /** Takes a named key from a holder (its other keys stay). */
    public synchronized void revokeKey(String holder, String name) {
        if (props.remove(prefixOf(holder) + ".key." + name) != null) {
            save();
        }
    }

    /** The holders of a named key: user names, and {@link #RECOVERY_ACTOR} when the recovery key has it. */
    public synchronized List<String> holders(String name) {
        List<String> out = new ArrayList<>();
        for (String prefix : holderPrefixes()) {
            boolean holds = props.getProperty(prefix + ".key." + name) != null
                    || FILE_KEY.equals(name) && props.getProperty(prefix + ".wrapped") != null;
            if (holds) {
                out.add(RECOVERY.equals(prefix) ? RECOVERY_ACTOR : prefix.substring("user.".length()));
            }
        }
        return out;
    }

    /** Every holder's prefix that has a secret here (a salt): the recovery entry and the accounts. */
    private TreeSet<String> holderPrefixes() {
        TreeSet<String> out = new TreeSet<>();
        for (String n : props.stringPropertyNames()) {
            if (n.endsWith(".salt") && (n.startsWith("user.") || n.equals(RECOVERY + ".salt"))) {
                out.add(n.substring(0, n.length() - ".salt".length()));
            }
        }
        return out;
    }

    /** A changed file key, and who could not be given it. */
    public record Rotated(Keyring keyring, List<String> lostAccess) {}

    /**
     * A copy of this keyring, to be saved at {@code target} ({@link #save()} is the caller's, once the database under
     * the new key is complete), in which the file key is {@code newFileKey} for every holder of the old one that has a
     * key pair. A format-1 holder cannot be given it (its secret is unknown) and loses its wrap: it is named in
     * {@link Rotated#lostAccess()}. The old key joins the previous keys, wrapped under the new one; the rotation that
     * was due is done.
     */
    public synchronized Rotated rotatedCopy(Path target, byte[] oldFileKey, byte[] newFileKey) {
        Properties p = new Properties();
        p.putAll(props);
        Keyring copy = new Keyring(target, p);
        List<String> lost = new ArrayList<>();
        for (String prefix : holderPrefixes()) {
            boolean holds =
                    p.getProperty(prefix + ".key." + FILE_KEY) != null || p.getProperty(prefix + ".wrapped") != null;
            if (!holds) {
                continue;
            }
            String pub = p.getProperty(prefix + ".public");
            if (pub != null) {
                p.setProperty(
                        prefix + ".key." + FILE_KEY,
                        KeyWrap.hex(KeyWrap.seal(KeyWrap.publicKey(KeyWrap.unhex(pub)), FILE_KEY, newFileKey)));
            } else {
                p.remove(prefix + ".wrapped");
                p.remove(prefix + ".key." + FILE_KEY);
                lost.add(RECOVERY.equals(prefix) ? RECOVERY_ACTOR : prefix.substring("user.".length()));
            }
        }
        Map<String, byte[]> previous = new LinkedHashMap<>(previousFileKeys(oldFileKey));
        previous.put(keyId(oldFileKey), oldFileKey);
        p.stringPropertyNames().stream().filter(n -> n.startsWith(PREVIOUS)).forEach(p::remove);
        byte[] historyKey = KeyWrap.hmac(newFileKey, "huyou-previous-file-keys");
        previous.forEach((id, key) -> p.setProperty(PREVIOUS + id, KeyWrap.hex(KeyWrap.wrap(historyKey, key))));
        p.setProperty(FILE_ID, keyId(newFileKey));
        p.remove(ROTATION_DUE);
        return new Rotated(copy, lost);
    }

    /**
     * The file keys this home had before (by {@link #keyId}), wrapped under the current one: what opens a backup made
     * before a rotation. Whoever opens the current database could read what those backups hold anyway.
     */
    public synchronized Map<String, byte[]> previousFileKeys(byte[] currentFileKey) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        byte[] historyKey = KeyWrap.hmac(currentFileKey, "huyou-previous-file-keys");
        for (String n : new TreeSet<>(props.stringPropertyNames())) {
            if (n.startsWith(PREVIOUS)) {
                byte[] key = KeyWrap.unwrap(historyKey, KeyWrap.unhex(props.getProperty(n)));
                if (key != null) {
                    out.put(n.substring(PREVIOUS.length()), key);
                }
            }
        }
        return out;
    }

    /** A key's public fingerprint (a backup's keyring names the file key it was made under by it). */
    public static String keyId(byte[] key) {
        return KeyWrap.hex(KeyWrap.hmac(key, "huyou-key-id")).substring(0, 16);
    }

    /** The fingerprint of the file key this keyring wraps; null for a keyring written before rotations existed. */
    public String fileKeyId() {
        return props.getProperty(FILE_ID);
    }

    /**
     * Asks for a new file key (an account was deactivated or lost a role): kept here until the rotation is done, so
     * that a program stopped before it still rotates at the next login. Not on a server home (no file key).
     */
    public synchronized void requestRotation(String reason) {
        if (isServer()) {
            return;
        }
        String before = props.getProperty(ROTATION_DUE);
        props.setProperty(ROTATION_DUE, before == null ? reason : before + "; " + reason);
        save();
    }

    /** Why a new file key is due, when one is. */
    public synchronized Optional<String> rotationDue() {
        return Optional.ofNullable(props.getProperty(ROTATION_DUE));
    }

    /** Writes the keyring to its file (atomically: the whole old one or the whole new one). */
    public synchronized void write() {
        save();
    }

    /** Until when the account is locked out, if it is at {@code now}. */
    public Optional<Instant> lockedUntil(String username, Instant now) {
        return attempts.lockedUntil("user." + username, now);
    }

    /** Lifts a lock early (an administrator's decision). */
    public synchronized void unlockAccount(String username) {
        attempts.reset("user." + username, clock.instant());
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
    public record PendingEvent(Instant at, String username, String action) {}

    /**
     * A successful login's hand-over of the login journal (its waiting events, the check against the head the
     * database stored last time, the new head): see {@link LoginAttempts#handOver}.
     */
    public LoginAttempts.Handover handOverLoginJournal(Optional<LoginAttempts.Anchor> previous) {
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
        events.sort(Comparator.comparing(PendingEvent::at));
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

    /** A holder's new secret: a new key pair, its private half under the secret's key, the given keys sealed to it. */
    private void putHolder(String prefix, char[] secret, Map<String, byte[]> keys) {
        byte[] salt = KeyWrap.random(16);
        byte[] kek = Passwords.deriveKey(secret, salt);
        props.stringPropertyNames().stream()
                .filter(n -> n.startsWith(prefix + ".key."))
                .forEach(props::remove);
        props.remove(prefix + ".wrapped");
        props.setProperty(prefix + ".salt", KeyWrap.hex(salt));
        putKeyPair(prefix, kek, keys);
        props.setProperty(prefix + ".failed", "0");
    }

    /**
     * A grant to a public key is not authenticated (anyone with the file can seal a key to it), so a holder's password
     * remembers which sealed key it holds: the public half, wrapped under the password's key, at the first login that
     * opens it. A sealed key that does not match it later (someone put their own there, so that new texts would be
     * sealed to a key of theirs) is refused, and the keyring's public half set back to the remembered one.
     */
    private void checkSealedGrant(String prefix, byte[] kek, PrivateKey own, Map<String, byte[]> keys) {
        byte[] sealed = keys.get(SEALED_KEY);
        if (sealed == null) {
            return;
        }
        byte[] publicHalf = SealedText.publicKeyOf(sealed);
        String check = props.getProperty(prefix + SEALED_CHECK);
        if (check == null) {
            props.setProperty(prefix + SEALED_CHECK, KeyWrap.hex(KeyWrap.wrap(kek, publicHalf)));
            migrated = true; // saved once the try is counted a success
            return;
        }
        byte[] remembered = KeyWrap.unwrap(kek, KeyWrap.unhex(check));
        if (remembered != null
                && !MessageDigest.isEqual(remembered, publicHalf)
                && endorsed(prefix, own, remembered, publicHalf)) {
            // a rotation since this password's last login: the key it remembers vouches for the new one
            keys.put(PENDING_SEALED_CHECK, KeyWrap.wrap(kek, publicHalf));
            return;
        }
        if (remembered == null || !MessageDigest.isEqual(remembered, publicHalf)) {
            keys.remove(SEALED_KEY);
            sealedGrantRefused = true;
            if (remembered != null) {
                props.setProperty(SEALED_PUBLIC, KeyWrap.hex(remembered));
                migrated = true;
            }
        }
    }

    /** Set when the last open refused a sealed-key grant that did not match what the holder's password remembers. */
    private boolean sealedGrantRefused;

    /** Whether the last successful unlock refused a forged sealed-key grant (for the audit log). */
    public synchronized boolean takeSealedGrantRefused() {
        boolean r = sealedGrantRefused;
        sealedGrantRefused = false;
        return r;
    }

    private void putKeyPair(String prefix, byte[] kek, Map<String, byte[]> keys) {
        props.remove(prefix + SEALED_CHECK);
        props.remove(prefix + SEALED_ENDORSE); // made for the old key pair
        if (keys.get(SEALED_KEY) != null) {
            props.setProperty(
                    prefix + SEALED_CHECK,
                    KeyWrap.hex(KeyWrap.wrap(kek, SealedText.publicKeyOf(keys.get(SEALED_KEY)))));
        }
        KeyPair pair = KeyWrap.newKeyPair();
        props.setProperty(prefix + ".public", KeyWrap.hex(pair.getPublic().getEncoded()));
        props.setProperty(
                prefix + ".private",
                KeyWrap.hex(KeyWrap.wrap(kek, pair.getPrivate().getEncoded())));
        keys.forEach((name, key) ->
                props.setProperty(prefix + ".key." + name, KeyWrap.hex(KeyWrap.seal(pair.getPublic(), name, key))));
    }

    /** Set when an open moved a format-1 holder to a key pair, so the caller saves. */
    private boolean migrated;

    /**
     * Every named key a holder's secret opens, or null when the secret is wrong. A format-1 holder (the file key
     * wrapped directly under its secret) gets its key pair here, while the secret is known.
     */
    private Map<String, byte[]> openHolder(String prefix, char[] secret) {
        sealedGrantRefused = false;
        String salt = props.getProperty(prefix + ".salt");
        if (salt == null) {
            return null;
        }
        byte[] kek = Passwords.deriveKey(secret, KeyWrap.unhex(salt));
        String sealedPrivate = props.getProperty(prefix + ".private");
        if (sealedPrivate != null) {
            byte[] pkcs8 = KeyWrap.unwrap(kek, KeyWrap.unhex(sealedPrivate));
            PrivateKey own = pkcs8 == null ? null : KeyWrap.privateKey(pkcs8);
            if (own == null) {
                return null;
            }
            PublicKey ownPublic = KeyWrap.publicKey(KeyWrap.unhex(props.getProperty(prefix + ".public")));
            Map<String, byte[]> keys = new TreeMap<>();
            String keyPrefix = prefix + ".key.";
            for (String n : props.stringPropertyNames()) {
                if (n.startsWith(keyPrefix)) {
                    String name = n.substring(keyPrefix.length());
                    byte[] key = KeyWrap.open(own, ownPublic, name, KeyWrap.unhex(props.getProperty(n)));
                    if (key != null) {
                        keys.put(name, key);
                    }
                }
            }
            checkSealedGrant(prefix, kek, own, keys);
            return keys;
        }
        String wrapped = props.getProperty(prefix + ".wrapped");
        byte[] fileKey = wrapped == null ? null : KeyWrap.unwrap(kek, KeyWrap.unhex(wrapped));
        if (fileKey == null) {
            return null;
        }
        props.remove(prefix + ".wrapped");
        putKeyPair(prefix, kek, Map.of(FILE_KEY, fileKey));
        props.putIfAbsent(FILE_ID, keyId(fileKey));
        migrated = true;
        return Map.of(FILE_KEY, fileKey);
    }

    private void save() {
        migrated = false;
        try {
            PrivateFiles.createFolder(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            PrivateFiles.restrict(tmp);
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                props.store(
                        w, "Huyou keyring: wrapped database keys only; safe to back up, useless without a password");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fingerprints.wrote(props);
    }

    // ---- what the database records of this file (KeyringRecord, ADR 0011) -----------------------------------

    /** The fingerprint of the keyring as it is now. */
    public synchronized String fingerprint() {
        return KeyringFingerprints.of(props);
    }

    /** The fingerprint of the file as it was loaded, before this program changed it; null for a new keyring. */
    public String loadedFingerprint() {
        return fingerprints.loaded();
    }

    /** Takes the fingerprints written since the last call, oldest first. */
    synchronized List<String> takeWritten() {
        return fingerprints.takeWritten();
    }

    /**
     * Which recovery key this keyring holds: a digest of its salt, which changes only when a new recovery key is made
     * (a format-1 entry keeps its salt when it gets its key pair). Null when there is none (a server home).
     */
    public synchronized String recoveryId() {
        String salt = props.getProperty(RECOVERY + ".salt");
        return salt == null ? null : keyId(KeyWrap.unhex(salt));
    }

    /** Called after every write of this keyring (the open home records it); null to stop. */
    public synchronized void onWrite(Runnable listener) {
        fingerprints.onWrite(listener);
    }

    /** Stops calling {@code listener} if it is still the one set (a closed home's). */
    public synchronized void offWrite(Runnable listener) {
        fingerprints.offWrite(listener);
    }
}
