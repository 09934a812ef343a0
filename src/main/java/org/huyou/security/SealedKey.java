package org.huyou.security;

import java.util.Set;
import org.huyou.common.Messages;
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
    private volatile byte[] privateKey;
    private volatile byte[] publicOfHeld;
    /** The session's roles may hold the key, but it was not wrapped for this account (yet). */
    private volatile boolean notGranted;

    public SealedKey(Keyring keyring, SealedRepository repo, Transactions tx, AuditLog audit) {
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
        String plain = SealedText.open(key, publicOfHeld, field, stored);
        return plain == null ? Messages.t("sealed.damaged") : plain;
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
            tx.inTransaction(() -> audit.record(AuditLog.EDIT, "keyring", null,
                    AuditSummary.of("auditSummary.sealedKeyMismatch", AuditSummary.user(s.username())), null));
            LOG.warn("A sealed key given to {} did not match the one its password holds; refused", s.username());
        }
        if (proof != null && proof.sealedKey() != null) {
            hold(proof.sealedKey().clone());
        } else if (proof != null && keyring.sealedPublicKey() == null) {
            // An older home: the first login of someone who may hold it makes the sealed key.
            byte[] key = SealedText.newPrivateKey();
            keyring.initSealedKey(s.username(), proof, key);
            hold(key);
            LOG.info("Made this home's sealed key at {}'s login", s.username());
        }
        notGranted = privateKey == null;
        byte[] published = keyring.sealedPublicKey();
        if (privateKey != null && !java.util.Arrays.equals(publicOfHeld, published)) {
            // Someone changed the keyring's public half, so that texts would be sealed to a key of theirs: the
            // holder's key (its wrap is authenticated under the password) says what it must be.
            keyring.restoreSealedPublicKey(publicOfHeld);
            tx.inTransaction(() -> audit.record(AuditLog.EDIT, "keyring",
                    null, AuditSummary.of("auditSummary.sealedKeyPutBack"), null));
            LOG.warn("The sealed key's public half in the keyring had been changed; put back");
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

    /** Gives the held sealed key to a holder (an account or the recovery key) that may have it. */
    void giveTo(String holder) {
        byte[] key = privateKey;
        if (key != null && keyring.grantKey(holder, Keyring.SEALED_KEY, key)) {
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
                audit.record(AuditLog.EDIT, "sealed_texts", null, AuditSummary.of("auditSummary.textsSealed", sealed),
                        null);
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
    public int openSealedTextsIn(org.huyou.db.Database copy) {
        byte[] key = privateKey;
        SealedRepository there = new SealedRepository(copy.dsl());
        return copy.transactions().inTransaction(() -> there.openSealedTexts((field, stored) -> {
            if (key == null) {
                throw new org.huyou.common.UserFacingException("sealed.neededToMove");
            }
            String plain = SealedText.open(key, field, stored);
            if (plain == null) {
                throw new org.huyou.common.DamagedDataException("sealed.damagedToMove", field);
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
            throw new org.huyou.common.UserFacingException("sealed.neededToMove");
        }
        if (key != null) {
            repo.eachSealedText((field, stored) -> {
                if (SealedText.open(key, field, stored) == null) {
                    throw new org.huyou.common.DamagedDataException("sealed.damagedToMove", field);
                }
            });
        }
    }

    /** The private half, for wrapping it for another account or a new recovery key (this package only). */
    byte[] privateKey() {
        byte[] key = privateKey;
        return key == null ? null : key.clone();
    }

    /** Forgets the key (lock, logout, a session that may not hold it). */
    public void clear() {
        byte[] key = privateKey;
        privateKey = null;
        publicOfHeld = null;
        notGranted = false;
        if (key != null) {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }
}
