package org.huyou.security;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.db.SettingsRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login and logout against an open database (the lock screen, switching users). The first login of a session, before
 * the database is open, goes through {@link Keyring#unlock} in the same way and then {@link #completeLogin}.
 */
public final class LoginService extends ServiceBase {

    private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);

    /** Checked against for a name with no account, so its refusal takes as long as a real one (made when first used). */
    private static final class Dummy {
        static final String HASH = Passwords.hash("no-such-account");
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final AccountRepository accounts;
    private final Keyring keyring;
    private final SettingsRepository settings;
    private final SealedKey sealed;

    public LoginService(
            AccountRepository accounts,
            Keyring keyring,
            ServiceContext context,
            SettingsRepository settings,
            SealedKey sealed) {
        super(context);
        this.accounts = accounts;
        this.keyring = keyring;
        this.settings = settings;
        this.sealed = sealed;
    }

    /** Checks a password against the keyring (with lockout) and the account, then starts the session. */
    @AnyUser
    public Session login(String username, char[] password) {
        Keyring.Unlock result = keyring.isServer()
                ? keyring.unlockOnServer(username, clock.instant(), () -> passwordMatches(username, password))
                : keyring.unlock(username, password, clock.instant());
        checkUnlocked(result, clock.getZone());
        return completeLogin(username, (Keyring.Unlocked) result);
    }

    /**
     * A server home's password check, before the lockout counts it: an active account holding this password. Private:
     * a check no lockout counts is a guessing oracle for anyone else who could call it.
     */
    private boolean passwordMatches(String username, char[] password) {
        Optional<AccountRepository.Account> account =
                accounts.findByUsername(username).filter(AccountRepository.Account::active);
        if (account.isEmpty()) {
            Passwords.verify(new String(password), Dummy.HASH); // the same time as a real account's check
            return false;
        }
        return Passwords.verify(new String(password), account.get().passwordHash());
    }

    /** Turns a keyring refusal into the sentence the login screen shows. */
    public static void checkUnlocked(Keyring.Unlock result, ZoneId zone) {
        if (result instanceof Keyring.WrongPassword w) {
            throw new UserFacingException("login.failed", w.attemptsLeft());
        }
        if (result instanceof Keyring.Locked l) {
            throw new UserFacingException("login.locked", TIME.format(l.until().atZone(zone)));
        }
    }

    /** A new home's first login: the account must exist, be active and hold this password. */
    @AnyUser
    public Session completeLogin(String username, String password) {
        return startSession(
                accounts.findByUsername(username)
                        .filter(AccountRepository.Account::active)
                        .filter(acc -> Passwords.verify(password, acc.passwordHash()))
                        .orElseThrow(() -> new UserFacingException("login.failed", keyring.maxAttempts())),
                null);
    }

    /**
     * After the keyring accepted the password (it unwrapped the file key, or on a server the account's hash matched):
     * the account must exist and be active. The password is not hashed a second time: that Argon2 run proved nothing
     * more and cost every login a quarter of a second.
     */
    @AnyUser
    public Session completeLogin(String username, Keyring.Unlocked proof) {
        Objects.requireNonNull(proof);
        return startSession(
                accounts.findByUsername(username)
                        .filter(AccountRepository.Account::active)
                        .orElseThrow(() -> new UserFacingException("login.failed", keyring.maxAttempts())),
                keyring.isServer() ? null : proof);
    }

    private Session startSession(AccountRepository.Account a, Keyring.Unlocked proof) {
        Session s = new Session(a.id(), a.username(), a.displayName(), a.roles(), accounts.permissions(a.roles()));
        String headSetting = keyring.loginJournalSetting();
        // taken before the journal's lock: the keyring's monitor is always taken before it, never after
        List<Keyring.PendingEvent> fromOlderKeyring = keyring.drainPending();
        // The journal stays locked until the database has its events and its new head, so none is lost or doubled.
        try (LoginAttempts.Handover journal =
                keyring.handOverLoginJournal(settings.get(headSetting).flatMap(LoginAttempts.Anchor::parse))) {
            tx.inTransaction(() -> {
                audit.recordPending(fromOlderKeyring);
                audit.recordPending(journal.events());
                user.set(s);
                for (String problem : journal.problems()) {
                    for (AuditSummary clause : LoginJournalProblems.problemSummaries(problem)) {
                        audit.record(
                                AuditLog.LOGIN_JOURNAL_ALERT,
                                "login_journal",
                                null,
                                AuditSummary.of("auditSummary.loginJournalProblem", clause),
                                null);
                    }
                }
                if (!journal.problems().isEmpty()) {
                    // kept coded: the administrator who sees it may read another language than this login's
                    settings.put(JOURNAL_ALERT, String.join(LoginJournalProblems.SEPARATOR, journal.problems()));
                }
                settings.put(headSetting, journal.anchor().toString());
                audit.record(
                        AuditLog.LOGIN,
                        "account",
                        a.id(),
                        AuditSummary.of(
                                "auditSummary.login",
                                AuditSummary.user(a.username()),
                                Messages.list(a.roles().stream()
                                        .sorted()
                                        .map(Role::label)
                                        .toList())),
                        null);
            });
            journal.commit();
        }
        Accounts.reload(accounts);
        sealed.startSession(s, proof);
        if (sealed.isOpen()) {
            handOutSealedKey();
            try {
                // a holder left while nobody holding the key was logged in: this holder's login makes the new one
                sealed.rotateIfDue(SealedKey.eligibleHolders(accounts, keyring));
            } catch (RuntimeException e) {
                LOG.warn("The sealed key rotation that is due was not done at this login", e);
            }
        }
        return s;
    }

    /**
     * A holder's login gives the sealed key to every active account whose roles may read sealed texts and that has a
     * key pair but not the key yet (an older home's readers, a role that became eligible), and to the recovery key:
     * the key pairs make that possible without their passwords.
     */
    private void handOutSealedKey() {
        if (keyring.isServer()) {
            return;
        }
        for (AccountRepository.Account a : accounts.all()) {
            if (a.active()
                    && SealedKey.eligible(a.roles(), accounts.permissions(a.roles()))
                    && keyring.hasKeyPair(a.username())
                    && !keyring.hasSealedWrap(a.username())) {
                sealed.giveTo(a.username());
            }
        }
        if (keyring.hasKeyPair(Keyring.RECOVERY_ACTOR) && !keyring.recoveryOpensSealed()) {
            sealed.giveTo(Keyring.RECOVERY_ACTOR);
        }
    }

    private static final String JOURNAL_ALERT = "loginJournal.alert";

    /**
     * What the login journal's check found (an edited, cut or replaced journal), for an administrator to see: kept
     * until an administrator has been shown it, whoever's login found it. Empty for everyone else.
     */
    @AnyUser
    public Optional<String> loginJournalAlert() {
        Session s = user.requireLoggedIn();
        if (!s.roles().contains(Role.ADMINISTRATOR)) {
            return Optional.empty();
        }
        return settings.get(JOURNAL_ALERT).filter(t -> !t.isEmpty()).map(LoginJournalProblems::describe);
    }

    /** The administrator has read the alert: it is not shown again (the audit rows stay). */
    @AnyUser
    public void acknowledgeLoginJournalAlert() {
        Session s = user.requireLoggedIn();
        if (s.roles().contains(Role.ADMINISTRATOR) && loginJournalAlert().isPresent()) {
            tx.inTransaction(() -> {
                settings.put(JOURNAL_ALERT, "");
                audit.record(
                        AuditLog.LOGIN_JOURNAL_ALERT,
                        "login_journal",
                        null,
                        AuditSummary.of("auditSummary.shownTo", AuditSummary.user(s.username())),
                        null);
            });
        }
    }

    /** The lock screen: nobody is logged in until a password is given again (the screens are kept by the shell). */
    @AnyUser
    public void lock() {
        recordEnd(endSession().orElse(null), AuditLog.LOCK);
    }

    @AnyUser
    public void logout() {
        recordEnd(endSession().orElse(null), AuditLog.LOGOUT);
    }

    /**
     * Ends the session at once, in memory only: from here every service refuses. The window calls this on the
     * JavaFX thread and logs the end with {@link #recordEnd} in the background.
     */
    @AnyUser
    public Optional<Session> endSession() {
        Optional<Session> s = user.session();
        user.clear();
        sealed.clear();
        return s;
    }

    /** The audit row for a session that ended (a lock or a logout), in that user's name. */
    @AnyUser
    public void recordEnd(Session ended, String action) {
        if (ended != null) {
            audit.recordAs(ended.username(), action, "account", ended.accountId());
        }
    }
}
