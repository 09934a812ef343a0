package org.huyou.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.huyou.common.DamagedDataException;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.db.Database;
import org.huyou.db.SettingsRepository;
import org.huyou.db.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The home's sealed key for the session: counselling notes and incident details are sealed under it
 * ({@link SealedText}), so that the file key alone (every staff password opens it) does not read them. Anyone seals
 * with its public half; the private half is held here only while an account whose roles may read these texts is
 * logged in, and forgotten at lock and logout.
 *
 * <p>Who holds it: administrators (they give it to the accounts they create or reset, and to a new recovery key) and
 * the roles the permission matrix lets read counselling notes or incidents. A home on a server has no sealed key (its
 * data is not encrypted by this program; see README), and its texts stay as written.
 */
public final class SealedKey {

    /** The sealed columns, by the names that are sealed into each text (a text moved to another column won't open). */
    public static final String COUNSELLING_NOTE = "counselling_session.note";

    public static final String INCIDENT_DESCRIPTION = "incident.description";
    public static final String INCIDENT_ACTION = "incident.action_taken";

    private static final Logger LOG = LoggerFactory.getLogger(SealedKey.class);

    private final Keyring keyring;
    private final SealedRepository repo;
    private final Transactions tx;
    private final AuditLog audit;
    private final SettingsRepository settings;
    private volatile byte[] privateKey;
    /** The keys before the held one (a rotation's texts not yet re-sealed, a restored older backup): public, private. */
    private volatile List<byte[][]> previous = List.of();

    private volatile byte[] publicOfHeld;
    /** The session's roles may hold the key, but it was not wrapped for this account (yet). */
    private volatile boolean notGranted;

    public SealedKey(
            Keyring keyring, SealedRepository repo, Transactions tx, AuditLog audit, SettingsRepository settings) {
        this.settings = settings;
        this.keyring = keyring;
        this.repo = repo;
        this.tx = tx;
        this.audit = audit;
    }

    /** Whether accounts with these roles (and the permissions the matrix gives them) hold the sealed key. */
    public static boolean eligible(Set<Role> roles, Set<Permission> permissions) {
        return roles.contains(Role.ADMINISTRATOR)
                || permissions.contains(new Permission(AppModule.COUNSELLING_NOTES, Action.VIEW))
                || permissions.contains(new Permission(AppModule.INCIDENTS, Action.VIEW));
    }

    /** Whether this session can open sealed texts. */
    public boolean isOpen() {
        return privateKey != null;
    }

    /** Whether this home seals at all (a server home, or an older home before its first eligible login, does not). */
    public boolean sealing() {
        return !keyring.isServer() && keyring.sealedPublicKey() != null;
    }

    /** The text as it is to be stored: sealed when the home has a sealed key, else as it is. */
    public String seal(String field, String plain) {
        byte[] pub = keyring.isServer() ? null : keyring.sealedPublicKey();
        return pub == null || plain == null ? plain : SealedText.seal(pub, field, plain);
    }

    /**
     * The stored text as a reader sees it: opened, or a sentence saying why it cannot be (a reader of these lists
     * with the right roles holds the key; the sentence is for the exceptions).
     */
    public String read(String field, String stored) {
        if (!SealedText.isSealed(stored)) {
            return stored;
        }
        byte[] key = privateKey;
        if (key == null) {
            return Messages.t(notGranted ? "sealed.notGranted" : "sealed.cannotOpen");
        }
        String plain = openAny(key, publicOfHeld, field, stored);
        return plain == null ? Messages.t("sealed.damaged") : plain;
    }

    /** Opened with one of the keys before the held one, or null. */
    private String openPrevious(String field, String stored) {
        for (byte[][] old : previous) {
            String plain = SealedText.open(old[1], old[0], field, stored);
            if (plain != null) {
                return plain;
            }
        }
        return null;
    }

    /** Opened with the held key, else with one of the keys before it (a text a rotation has not re-sealed yet). */
    private String openAny(byte[] key, byte[] pub, String field, String stored) {
        String plain = SealedText.open(key, pub, field, stored);
        if (plain == null) {
            for (byte[][] old : previous) {
                plain = SealedText.open(old[1], old[0], field, stored);
                if (plain != null) {
                    break;
                }
            }
        }
        return plain;
    }

    /**
     * At login (after the keyring accepted the password): holds the account's sealed key when its roles may; makes
     * the home's sealed key on an older home's first such login; drops the wrap of an account whose roles no longer
     * may; and seals the texts still plain. {@code proof} is null for a login that did not unwrap a key (a server
     * home, a new home's first login: see {@link #holdForNewHome}).
     */
    public void startSession(Session s, Keyring.Unlocked proof) {
        boolean mayHold = eligible(s.roles(), s.permissions());
        if (proof != null || !mayHold) {
            clear(); // a login without a proof is a new home's first, whose key holdForNewHome gave
        }
        if (keyring.isServer()) {
            return;
        }
        if (!mayHold) {
            clear();
            keyring.removeSealedWrap(s.username()); // the account lost the right: its password opens them no more
            return;
        }
        if (proof != null && keyring.takeSealedGrantRefused()) {
            tx.inTransaction(() -> audit.record(
                    AuditLog.EDIT,
                    "keyring",
                    null,
                    AuditSummary.of("auditSummary.sealedKeyMismatch", AuditSummary.user(s.username())),
                    null));
            LOG.warn("A sealed key given to {} did not match the one its password holds; refused", s.username());
            putBackRecordedPublicKey(); // the keyring put back the remembered one, which a rotation may have replaced
        }
        if (proof != null && proof.sealedKey() != null) {
            byte[] offered = proof.sealedKey();
            if (proof.pendingSealedCheck() != null && !recordedInDatabase(SealedText.publicKeyOf(offered))) {
                // endorsed by a key the password remembers, but not the key this database was rotated to: refused
                refuse(s, AuditSummary.of("auditSummary.sealedRefusedNotNamed", AuditSummary.user(s.username())));
            } else {
                if (proof.pendingSealedCheck() != null) {
                    keyring.confirmSealedKey(s.username(), proof); // a legitimate rotation: remembered from now on
                }
                hold(offered.clone());
            }
        } else if (proof != null && keyring.sealedPublicKey() == null) {
            // An older home: the first login of someone who may hold it makes the sealed key.
            byte[] key = SealedText.newPrivateKey();
            keyring.initSealedKey(s.username(), proof, key);
            hold(key);
            LOG.info("Made this home's sealed key at {}'s login", s.username());
        }
        if (privateKey != null && olderThanDatabase()) {
            refuse(s, AuditSummary.of("auditSummary.sealedRefusedOlder", AuditSummary.user(s.username())));
        }
        notGranted = privateKey == null;
        byte[] published = keyring.sealedPublicKey();
        if (privateKey != null && !Arrays.equals(publicOfHeld, published)) {
            // Someone changed the keyring's public half, so that texts would be sealed to a key of theirs: the
            // holder's key (its wrap is authenticated under the password) says what it must be.
            keyring.restoreSealedPublicKey(publicOfHeld);
            tx.inTransaction(() -> audit.record(
                    AuditLog.EDIT, "keyring", null, AuditSummary.of("auditSummary.sealedKeyPutBack"), null));
            LOG.warn("The sealed key's public half in the keyring had been changed; put back");
        }
        if (privateKey != null && (keyring.resealPending() || databaseOlder())) {
            try {
                resealUnderHeldKey(step -> {}); // a rotation a halt interrupted, or an older backup restored
            } catch (RuntimeException e) {
                LOG.warn("Texts under an older sealed key not re-sealed this time", e);
            }
        }
        if (privateKey != null) {
            try {
                sealPlainTexts();
            } catch (RuntimeException e) {
                // all or nothing, and tried again at the next such login: the login itself goes on
                LOG.warn("Texts written before sealing not sealed this time", e);
            }
        }
    }

    private void refuse(Session s, AuditSummary what) {
        clear();
        putBackRecordedPublicKey();
        tx.inTransaction(() -> audit.record(AuditLog.EDIT, "keyring", null, what, null));
        LOG.warn("Sealed key refused at {}'s login: {}", s.username(), what.key());
    }

    /**
     * The keyring's public half set to the one the database names, when it names one (a rotation happened): new texts
     * are then sealed to the home's key, not to a key the password remembers from before the rotation, nor a forger's.
     */
    private void putBackRecordedPublicKey() {
        String recorded = settings.get(RECORDED).orElse("");
        if (!recorded.isEmpty()
                && !recorded.equals(KeyWrap.hex(Objects.requireNonNullElse(keyring.sealedPublicKey(), new byte[0])))) {
            keyring.restoreSealedPublicKey(KeyWrap.unhex(recorded));
        }
    }

    // ---- a new sealed key ----------------------------------------------------------------------------------------

    /** The database's record of the home's sealed key (its public half, hex), and of one a rotation is making. */
    static final String RECORDED = "sealed.publicKey";

    static final String RECORDED_NEXT = "sealed.publicKey.next";
    private static final int PAGE = 200;

    /**
     * Whether the database names this key as the home's (or as the one a rotation under way is making). The database
     * is under the file key, which a former holder no longer has once the file key changed with the sealed key.
     */
    private boolean recordedInDatabase(byte[] publicKey) {
        String hex = KeyWrap.hex(publicKey);
        return hex.equals(settings.get(RECORDED).orElse(null))
                || hex.equals(settings.get(RECORDED_NEXT).orElse(null));
    }

    /** The held key is one the database's key replaced (its keyring is older than the database): not to be used. */
    private boolean olderThanDatabase() {
        String recorded = settings.get(RECORDED).orElse("");
        if (recorded.isEmpty() || recordedInDatabase(publicOfHeld)) {
            return false;
        }
        return previous.stream().noneMatch(old -> KeyWrap.hex(old[0]).equals(recorded));
    }

    /** The database names a key older than the held one (a backup from before a rotation was restored). */
    private boolean databaseOlder() {
        String recorded = settings.get(RECORDED).orElse("");
        return !recorded.isEmpty() && !recordedInDatabase(publicOfHeld);
    }

    /** Where a rotation may be stopped, for the tests that halt one midway (as a kill would). */
    public enum Step {
        NEXT_RECORDED,
        KEYRING_COMMITTED,
        KEY_RECORDED,
        PAGE_RESEALED,
        RESEALED
    }

    /** Called as each step is reached; a test throws from it to stop the rotation there. */
    public interface StepHook {
        void reached(Step step);
    }

    /** A sealed key changed: who could not be given it (no key pair yet), and how many texts were re-sealed. */
    public record Rotation(List<String> lostAccess, int resealed) {}

    /**
     * Replaces the sealed key (this session must hold it), in an order a halt at any point leaves every text readable
     * by the new key's holders:
     * <ol>
     *   <li>the database records the new key's public half as the one being made ({@link #RECORDED_NEXT});</li>
     *   <li>the keyring, in one atomic write: the new key for each of {@code holders}, endorsed by the old keys; every
     *   old wrap removed; the old key kept under the new one; re-sealing marked as due
     *   ({@link Keyring#commitSealedRotation}). <b>The commit</b>: before it the old key stands, after it the new;</li>
     *   <li>the database records the new key as the home's ({@link #RECORDED});</li>
     *   <li>every sealed text re-sealed under the new key, a page per transaction (the ones not done yet open with the
     *   old key, which the new key's holders have); then the mark is removed.</li>
     * </ol>
     * A halt before the commit leaves the old key (a new rotation is still due); after it, the next holder's login
     * finishes the re-sealing.
     */
    public synchronized Rotation rotate(Collection<String> holders, String reason, StepHook hook) {
        byte[] old = privateKey;
        if (keyring.isServer() || old == null) {
            throw new UserFacingException("sealed.rotateNeedsKey");
        }
        byte[] fresh = SealedText.newPrivateKey();
        String freshPublic = KeyWrap.hex(SealedText.publicKeyOf(fresh));
        tx.inTransaction(() -> {
            settings.put(RECORDED_NEXT, freshPublic);
            audit.record(
                    AuditLog.SEALED_KEY_ROTATED,
                    "keyring",
                    null,
                    AuditSummary.of("auditSummary.sealedRotationBegins", Accounts.rotationReason(reason)),
                    null);
        });
        hook.reached(Step.NEXT_RECORDED);
        List<String> lost = keyring.commitSealedRotation(old, fresh, holders);
        hook.reached(Step.KEYRING_COMMITTED);
        hold(fresh);
        Arrays.fill(old, (byte) 0);
        tx.inTransaction(() -> {
            settings.put(RECORDED, freshPublic);
            settings.put(RECORDED_NEXT, "");
        });
        hook.reached(Step.KEY_RECORDED);
        int resealed = resealUnderHeldKey(hook);
        tx.inTransaction(() -> audit.record(
                AuditLog.SEALED_KEY_ROTATED,
                "keyring",
                null,
                lost.isEmpty()
                        ? AuditSummary.of("auditSummary.sealedRotated", Accounts.rotationReason(reason), resealed)
                        : AuditSummary.of(
                                "auditSummary.sealedRotatedNotAll",
                                Accounts.rotationReason(reason),
                                resealed,
                                String.join(", ", lost)),
                null));
        LOG.info("Sealed key rotated ({}); {} texts re-sealed; not given to {}", reason, resealed, lost);
        return new Rotation(lost, resealed);
    }

    /** The rotation a holder's leaving asked for while nobody holding the key was logged in, when this session can. */
    public Rotation rotateIfDue(Collection<String> holders) {
        String due = keyring.sealedRotationDue().orElse(null);
        if (due == null || privateKey == null || keyring.isServer()) {
            return null;
        }
        return rotate(holders, due, step -> {});
    }

    /**
     * Every sealed text not under the held key re-sealed under it (opened with a previous key), a page per
     * transaction; a text that opens under no key is left as it is. Then the database names the held key.
     */
    int resealUnderHeldKey(StepHook hook) {
        byte[] pub = publicOfHeld;
        int resealed = 0;
        for (String column : SealedRepository.COLUMNS) {
            long after = Long.MIN_VALUE;
            while (true) {
                List<SealedRepository.Stored> page = repo.sealedPage(column, after, PAGE);
                resealed += tx.inTransaction(() -> {
                    int n = 0;
                    for (SealedRepository.Stored t : page) {
                        // the older keys first: after a rotation nearly every text is under one, and one that opens
                        // under none is under the held key already (or damaged, and left as it is)
                        String plain = openPrevious(column, t.text());
                        if (plain != null
                                && repo.replace(column, t.id(), t.text(), SealedText.seal(pub, column, plain))) {
                            n++;
                        }
                    }
                    return n;
                });
                if (!page.isEmpty()) {
                    hook.reached(Step.PAGE_RESEALED);
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).id();
            }
        }
        String recorded = KeyWrap.hex(pub);
        if (!recorded.equals(settings.get(RECORDED).orElse(null))
                || !settings.get(RECORDED_NEXT).orElse("").isEmpty()) {
            tx.inTransaction(() -> {
                settings.put(RECORDED, recorded);
                settings.put(RECORDED_NEXT, "");
            });
        }
        keyring.resealDone();
        hook.reached(Step.RESEALED);
        return resealed;
    }

    /**
     * The holders a new sealed key goes to: every active account whose roles may hold it (administrators and the
     * readers), and the recovery key. Those without a key pair yet are named by the rotation.
     */
    public static List<String> eligibleHolders(AccountRepository accounts, Keyring keyring) {
        List<String> out = new ArrayList<>();
        for (AccountRepository.Account a : accounts.all()) {
            if (a.active() && eligible(a.roles(), accounts.permissions(a.roles())) && keyring.hasUser(a.username())) {
                out.add(a.username());
            }
        }
        if (keyring.hasKeyPair(Keyring.RECOVERY_ACTOR)) {
            out.add(Keyring.RECOVERY_ACTOR);
        }
        return out;
    }

    /** Gives the held sealed key to a holder (an account or the recovery key) that may have it. */
    void giveTo(String holder) {
        byte[] key = privateKey;
        if (key != null && keyring.grantSealedKey(holder, key)) {
            LOG.info("Gave the sealed key to {}", holder);
        }
    }

    /** A new home's first administrator: the key {@link Keyring#create} made, held from the start. */
    public void holdForNewHome(byte[] sealedKey) {
        hold(sealedKey.clone());
        notGranted = false;
    }

    private void hold(byte[] key) {
        publicOfHeld = SealedText.publicKeyOf(key); // once per session, not once per text opened
        List<byte[][]> older = new ArrayList<>();
        keyring.previousSealedKeys(key).values().forEach(k -> older.add(new byte[][] {SealedText.publicKeyOf(k), k}));
        previous = List.copyOf(older);
        privateKey = key;
    }

    /**
     * Seals the texts still plain (written before sealing, restored from an older backup, or written while the home
     * had no sealed key), all in one transaction, so a failure leaves them as they were for the next login.
     */
    public int sealPlainTexts() {
        int n = tx.inTransaction(() -> {
            int sealed = repo.sealPlainTexts(this::seal);
            if (sealed > 0) {
                audit.record(
                        AuditLog.EDIT, "sealed_texts", null, AuditSummary.of("auditSummary.textsSealed", sealed), null);
            }
            return sealed;
        });
        if (n > 0) {
            LOG.info("Sealed {} texts written before sealing", n);
        }
        return n;
    }

    /**
     * A home moving to a server (which has no sealed key, see README): the copy's sealed texts opened there. Refused
     * when this session does not hold the key and the home has sealed texts, before anything is copied
     * ({@link #checkCanOpenAll}).
     */
    public int openSealedTextsIn(Database copy) {
        byte[] key = privateKey;
        SealedRepository there = new SealedRepository(copy.dsl());
        return copy.transactions()
                .inTransaction(() -> there.openSealedTexts((field, stored) -> {
                    if (key == null) {
                        throw new UserFacingException("sealed.neededToMove");
                    }
                    String plain = SealedText.open(key, field, stored);
                    if (plain == null) {
                        throw new DamagedDataException("sealed.damagedToMove", field);
                    }
                    return plain;
                }));
    }

    /**
     * Before a move to a server: refused by a session without the sealed key when the home has sealed texts, or when
     * one of them does not open (checked here, so the server is not left with a half-opened copy).
     */
    public void checkCanOpenAll() {
        byte[] key = privateKey;
        if (key == null && repo.countSealedTexts() > 0) {
            throw new UserFacingException("sealed.neededToMove");
        }
        if (key != null) {
            repo.eachSealedText((field, stored) -> {
                if (SealedText.open(key, field, stored) == null) {
                    throw new DamagedDataException("sealed.damagedToMove", field);
                }
            });
        }
    }

    /** The private half, for wrapping it for another account or a new recovery key (this package only). */
    byte[] privateKey() {
        byte[] key = privateKey;
        return key == null ? null : key.clone();
    }

    /**
     * The same session's key in a context reopened under a new file key (the file-key rotation closes the database
     * and opens it again; the person logged in stays, so does what the login unwrapped).
     */
    public void carryOver(SealedKey from) {
        byte[] key = from.privateKey;
        if (key != null) {
            hold(key.clone());
        }
        notGranted = from.notGranted;
    }

    /** Forgets the key (lock, logout, a session that may not hold it). */
    public void clear() {
        byte[] key = privateKey;
        privateKey = null;
        publicOfHeld = null;
        previous = List.of();
        notGranted = false;
        if (key != null) {
            Arrays.fill(key, (byte) 0);
        }
    }
}
