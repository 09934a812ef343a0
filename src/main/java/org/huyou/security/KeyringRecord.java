package org.huyou.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.huyou.common.UserFacingException;
import org.huyou.db.SettingsRepository;
import org.huyou.db.Transactions;

/**
 * What the database records of the keyring file this program last wrote (ADR 0011): its fingerprint, the file key
 * it is under, the recovery key it holds, and the fingerprints of up to {@link #HISTORY_SIZE} keyrings this program
 * replaced under that file key. A password change or reset does not change the file key, so without this an older
 * copy of the keyring put back would let the old password (or a replaced recovery key) in again.
 *
 * <p>Only a keyring <em>in the history</em> is refused: one the record does not know (edited outside the program,
 * or older than the record) is left to the keyring's own checks, since an unknown fingerprint proves nothing about
 * age and refusing it would let anyone who can write the file lock the home out.
 */
public final class KeyringRecord {

    /** The settings rows of the record (all start with this; a backup comparison may leave them out). */
    public static final String PREFIX = "keyring.record.";

    private static final String CURRENT = PREFIX + "current";
    private static final String FILE_KEY = PREFIX + "fileKey";
    private static final String RECOVERY = PREFIX + "recovery";
    /** {@code <file key id>:<fingerprint>,<fingerprint>…}, oldest first: a new file key starts a new history. */
    private static final String HISTORY = PREFIX + "history";

    static final int HISTORY_SIZE = 20;

    /** How a keyring compares with the record. */
    public enum Verdict {
        /** The keyring this program last wrote. */
        CURRENT,
        /** A keyring this program replaced since: an older copy put back. */
        STALE,
        /** Not recorded (edited outside the program, older than the record, or no record yet). */
        UNKNOWN
    }

    /** The record as it stands (for a restore, which brings an older record with the older database). */
    public record State(String current, String fileKeyId, String recoveryId, List<String> history) {}

    private final SettingsRepository settings;
    private final Transactions tx;
    private final AuditLog audit;

    public KeyringRecord(SettingsRepository settings, Transactions tx, AuditLog audit) {
        this.settings = settings;
        this.tx = tx;
        this.audit = audit;
    }

    /** The record, or empty when this home has none yet. */
    public Optional<State> state() {
        return tx.inTransaction(() -> {
            Optional<String> current = settings.get(CURRENT).filter(s -> !s.isEmpty());
            if (current.isEmpty()) {
                return Optional.<State>empty();
            }
            String fileKey = settings.get(FILE_KEY).orElse("");
            String stored = settings.get(HISTORY).orElse("");
            int colon = stored.indexOf(':');
            List<String> history = new ArrayList<>();
            // a history under another file key is of no use: a keyring of that key no longer opens this database
            if (colon >= 0 && stored.substring(0, colon).equals(fileKey) && colon + 1 < stored.length()) {
                history.addAll(List.of(stored.substring(colon + 1).split(",")));
            }
            return Optional.of(
                    new State(current.get(), fileKey, settings.get(RECOVERY).orElse(""), history));
        });
    }

    /** The keyring as it was found on disk, compared with the record. */
    public Verdict verdict(Keyring keyring) {
        String found = keyring.loadedFingerprint();
        Optional<State> s = state();
        if (found == null || s.isEmpty()) {
            return Verdict.UNKNOWN;
        }
        if (found.equals(s.get().current())) {
            return Verdict.CURRENT;
        }
        return s.get().fileKeyId().equals(nz(keyring.fileKeyId()))
                        && s.get().history().contains(found)
                ? Verdict.STALE
                : Verdict.UNKNOWN;
    }

    /**
     * A login's check, after the keyring opened the database: an older copy of the keyring put back is refused (and
     * audited) before anyone is logged in.
     */
    public void checkLogin(Keyring keyring, String username) {
        if (verdict(keyring) == Verdict.STALE) {
            refuse(username, AuditSummary.of("auditSummary.keyringRefusedLogin"));
            throw new UserFacingException("login.staleKeyring");
        }
    }

    /**
     * A recovery's check: an older copy of the keyring is refused, and named as a replaced recovery key when the
     * recovery key it holds is not the current one. A recovery entry the record does not know, in a keyring the
     * record does not know either, is also one that was replaced (only the program makes recovery keys).
     */
    public void checkRecovery(Keyring keyring) {
        Verdict v = verdict(keyring);
        if (v == Verdict.CURRENT || keyring.isServer()) {
            return;
        }
        String recorded = state().map(State::recoveryId).orElse("");
        boolean replacedKey = !recorded.isEmpty() && !recorded.equals(nz(keyring.recoveryId()));
        if (v == Verdict.STALE || replacedKey) {
            refuse(Keyring.RECOVERY_ACTOR, AuditSummary.of("auditSummary.keyringRefusedRecovery"));
            throw new UserFacingException(replacedKey ? "recovery.replacedKey" : "login.staleKeyring");
        }
    }

    private void refuse(String who, AuditSummary summary) {
        tx.inTransaction(() -> audit.recordAs(who, AuditLog.KEYRING_REFUSED, "keyring", null, summary));
    }

    /**
     * Takes what the program wrote into the record: each keyring it replaced joins the history, the last one written
     * is current. A home with no record (or a new file key) adopts the keyring as it is, with an empty history. A
     * keyring the program did not write is not adopted: it is not evidence of anything.
     */
    public void record(Keyring keyring) {
        if (keyring.isServer()) {
            return;
        }
        synchronized (keyring) { // the keyring's monitor first, then the database, as every write of it does
            List<String> written = keyring.takeWritten();
            String fileKey = nz(keyring.fileKeyId());
            Optional<State> s = state();
            if (s.isEmpty() || !s.get().fileKeyId().equals(fileKey)) {
                put(keyring.fingerprint(), fileKey, keyring.recoveryId(), List.of());
                return;
            }
            if (written.isEmpty()) {
                return;
            }
            String now = written.get(written.size() - 1);
            List<String> replaced = new ArrayList<>(s.get().history());
            replaced.add(s.get().current());
            replaced.addAll(written.subList(0, written.size() - 1));
            put(now, fileKey, keyring.recoveryId(), replaced);
        }
    }

    /**
     * After a restore: the database came back with the record of its day, while the keyring in place is the one the
     * restore keeps. The keyring is adopted, and what the replaced database had recorded (its current keyring and its
     * history) joins the history, so a keyring replaced after the backup cannot be put back through the restore.
     */
    public void adoptRestored(Keyring keyring, Optional<State> replaced) {
        if (keyring.isServer()) {
            return;
        }
        synchronized (keyring) {
            keyring.takeWritten();
            String fileKey = nz(keyring.fileKeyId());
            List<String> history = new ArrayList<>();
            for (Optional<State> s : List.of(state(), replaced)) {
                if (s.isPresent() && s.get().fileKeyId().equals(fileKey)) {
                    history.addAll(s.get().history());
                    history.add(s.get().current());
                }
            }
            put(keyring.fingerprint(), fileKey, keyring.recoveryId(), history);
        }
    }

    private void put(String current, String fileKey, String recoveryId, List<String> replaced) {
        LinkedHashSet<String> unique = new LinkedHashSet<>(replaced);
        unique.remove(current); // a keyring written again as it was is current, not stale
        List<String> history = new ArrayList<>(unique);
        if (history.size() > HISTORY_SIZE) {
            history = history.subList(history.size() - HISTORY_SIZE, history.size());
        }
        String stored = fileKey + ":" + String.join(",", history);
        tx.inTransaction(() -> {
            settings.put(CURRENT, current);
            settings.put(FILE_KEY, fileKey);
            settings.put(RECOVERY, recoveryId == null ? "" : recoveryId);
            settings.put(HISTORY, stored);
        });
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
