package org.huyou.security;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.huyou.common.Checks;
import org.huyou.common.FieldError;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.db.SettingsRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff accounts: created by an administrator with roles; a password change rewraps the database key; a deactivated
 * account loses its wrap, so its password no longer opens anything. The permission matrix is read and changed here.
 */
public final class AccountService extends ServiceBase {

    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);

    private final AccountRepository repo;
    private final Keyring keyring;
    private final byte[] fileKey;
    private final SettingsRepository settings;
    private final SealedKey sealed;

    public AccountService(
            AccountRepository repo,
            Keyring keyring,
            byte[] fileKey,
            ServiceContext context,
            SettingsRepository settings,
            SealedKey sealed) {
        super(context);
        this.repo = repo;
        this.keyring = keyring;
        this.fileKey = fileKey.clone();
        this.settings = settings;
        this.sealed = sealed;
    }

    /** An account as the administrator's screen shows it. */
    public record AccountView(long id, String username, String displayName, boolean active, Set<Role> roles) {}

    @RequiresPermission(module = AppModule.ACCOUNTS, action = Action.VIEW)
    public List<AccountView> accounts() {
        user.require(AppModule.ACCOUNTS, Action.VIEW);
        return repo.all().stream()
                .map(a -> new AccountView(a.id(), a.username(), a.displayName(), a.active(), a.roles()))
                .toList();
    }

    /** Until when the account is locked out after wrong passwords, if it is now (the lock is this data folder's). */
    @RequiresPermission(module = AppModule.ACCOUNTS, action = Action.VIEW)
    public Optional<Instant> lockedUntil(String username) {
        user.require(AppModule.ACCOUNTS, Action.VIEW);
        return keyring.lockedUntil(username, clock.instant());
    }

    /** A colleague as pickers show them (a goal's owner, a class teacher): no roles, no account state. */
    public record StaffMember(String username, String displayName) {}

    /** The active colleagues, for choosing who owns a task: any logged-in user may see who works here. */
    @AnyUser
    public List<StaffMember> staff() {
        user.requireLoggedIn();
        return repo.all().stream()
                .filter(AccountRepository.Account::active)
                .map(a -> new StaffMember(a.username(), a.displayName()))
                .toList();
    }

    @RequiresPermission(module = AppModule.ACCOUNTS, action = Action.CREATE)
    public AccountView create(String username, String displayName, String password, Set<Role> roles) {
        user.require(AppModule.ACCOUNTS, Action.CREATE);
        return insert(username, displayName, password, roles);
    }

    /** The first administrator of a new home, before anyone can log in: only while there is no account at all. */
    @AnyUser
    public AccountView createFirstAdministrator(String username, String displayName, String password) {
        if (!repo.all().isEmpty()) {
            throw new UserFacingException("account.alreadySetUp");
        }
        return insert(username, displayName, password, EnumSet.of(Role.ADMINISTRATOR));
    }

    private AccountView insert(String username, String displayName, String password, Set<Role> roles) {
        List<FieldError> errors = check(new NewAccount(username, displayName, password, roles), Set.of());
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return insertChecked(List.of(new NewAccount(username, displayName, password, roles)))
                .get(0);
    }

    /** One account of a list to create (the command line's {@code accounts add --from FILE}). */
    public record NewAccount(String username, String displayName, String password, Set<Role> roles) {
        String name() {
            return username == null ? "" : username.strip();
        }

        String display() {
            return displayName == null || displayName.isBlank() ? name() : displayName.strip();
        }

        /** Without the password: an account may be printed in a message or a log line. */
        @Override
        public String toString() {
            return "NewAccount[username=" + username + ", displayName=" + displayName + ", password=***, roles=" + roles
                    + "]";
        }
    }

    /** Some rows of a list broke the rules, each with its problems (rows counted from 1); nothing was created. */
    public static final class RowsRefused extends UserFacingException {
        private final transient Map<Integer, List<FieldError>> problems;

        RowsRefused(Map<Integer, List<FieldError>> problems) {
            super("account.rowsRefused", problems.size());
            this.problems = Collections.unmodifiableMap(new TreeMap<>(problems));
        }

        public Map<Integer, List<FieldError>> problems() {
            return problems;
        }
    }

    /**
     * Many accounts at once, all or nothing: every one checked by the same rules as one (names unique in the list
     * too), then all created in one transaction with one audit row each, then their keyring wraps written.
     */
    @RequiresPermission(module = AppModule.ACCOUNTS, action = Action.CREATE)
    public List<AccountView> createAll(List<NewAccount> accounts) {
        user.require(AppModule.ACCOUNTS, Action.CREATE);
        Map<Integer, List<FieldError>> problems = problems(accounts, true);
        if (!problems.isEmpty()) {
            throw new RowsRefused(problems);
        }
        return insertChecked(accounts);
    }

    /**
     * What {@link #createAll} would refuse in a list, by row (counted from 1), without creating anything: an import's
     * preview. A row without a password is not refused for it here (its first password is given at the import).
     */
    @RequiresPermission(module = AppModule.ACCOUNTS, action = Action.CREATE)
    public Map<Integer, List<FieldError>> refusals(List<NewAccount> accounts) {
        user.require(AppModule.ACCOUNTS, Action.CREATE);
        return problems(accounts, false);
    }

    private Map<Integer, List<FieldError>> problems(List<NewAccount> accounts, boolean passwordsGiven) {
        Map<Integer, List<FieldError>> problems = new LinkedHashMap<>();
        Set<String> earlier = new HashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            NewAccount a = accounts.get(i);
            List<FieldError> errors = check(a, earlier);
            if (!passwordsGiven && a.password() == null) {
                errors.removeIf(e -> e.field().equals("password"));
            }
            if (!errors.isEmpty()) {
                problems.put(i + 1, errors);
            }
            earlier.add(a.name());
        }
        return problems;
    }

    /** The rules for a new account; {@code earlier} holds the names taken by rows before it in the same list. */
    private List<FieldError> check(NewAccount a, Set<String> earlier) {
        Checks checks = new Checks(LocalDate.now(clock));
        String name = a.name();
        boolean wellFormed = Keyring.USERNAME.matcher(name).matches();
        checks.rule(wellFormed, "username", "account.badUsername");
        checks.notTaken(
                "username",
                "account.usernameTaken",
                wellFormed
                        && (earlier.contains(name) || repo.findByUsername(name).isPresent()));
        checks.text("displayName", "account.col.displayName", a.display(), 64, false);
        String weak = Passwords.weakness(a.password(), name, homeName());
        checks.rule(weak == null, "password", weak);
        checks.rule(a.roles() != null && !a.roles().isEmpty(), "roles", "account.noRoles");
        return new ArrayList<>(checks.errors());
    }

    private List<AccountView> insertChecked(List<NewAccount> accounts) {
        List<String> hashes =
                accounts.stream().map(a -> Passwords.hash(a.password())).toList();
        List<AccountView> views = tx.inTransaction(() -> {
            LocalDateTime now = LocalDateTime.now(clock);
            List<AccountView> made = new ArrayList<>();
            for (int i = 0; i < accounts.size(); i++) {
                NewAccount a = accounts.get(i);
                long id = repo.insert(a.name(), a.display(), hashes.get(i), user.username(), now);
                repo.setRoles(id, a.roles());
                AccountView view = new AccountView(id, a.name(), a.display(), true, EnumSet.copyOf(a.roles()));
                audit.record(
                        AuditLog.CREATE,
                        "account",
                        id,
                        AuditSummary.of("auditSummary.value", a.name()),
                        AuditChanges.created(view));
                made.add(view);
            }
            return made;
        });
        for (NewAccount a : accounts) {
            keyring.addUser(a.name(), a.password().toCharArray(), fileKey, sealedKeyFor(a.roles()));
        }
        Accounts.reload(repo);
        return views;
    }

    @RequiresPermission(module = AppModule.ACCOUNTS, action = Action.EDIT)
    public AccountView update(long accountId, String displayName, Set<Role> roles, boolean active) {
        user.require(AppModule.ACCOUNTS, Action.EDIT);
        if (roles == null || roles.isEmpty()) {
            throw new ValidationException(List.of(new FieldError("roles", "account.noRoles")));
        }
        AccountRepository.Account before = repo.all().stream()
                .filter(a -> a.id() == accountId)
                .findFirst()
                .orElseThrow(() -> new UserFacingException("account.notFound"));
        boolean losesAdmin = before.roles().contains(Role.ADMINISTRATOR)
                && before.active()
                && (!active || !roles.contains(Role.ADMINISTRATOR));
        if (losesAdmin && repo.countActiveWithRole(Role.ADMINISTRATOR) <= 1) {
            throw new UserFacingException("account.lastAdministrator");
        }
        // read before the keyring forgets the account: whether it could open sealed texts until now
        boolean couldOpenSealed = before.active()
                && (keyring.hasSealedWrap(before.username())
                        || SealedKey.eligible(before.roles(), repo.permissions(before.roles())));
        String display = displayName == null || displayName.isBlank() ? before.username() : displayName.strip();
        AccountView after = new AccountView(accountId, before.username(), display, active, EnumSet.copyOf(roles));
        tx.inTransaction(() -> {
            repo.update(accountId, display, active, user.username(), LocalDateTime.now(clock));
            repo.setRoles(accountId, roles);
            audit.record(
                    AuditLog.EDIT,
                    "account",
                    accountId,
                    AuditSummary.of("auditSummary.account", AuditSummary.user(before.username())),
                    AuditChanges.diff(
                            new AccountView(
                                    accountId,
                                    before.username(),
                                    before.displayName(),
                                    before.active(),
                                    before.roles()),
                            after));
        });
        if (!active) {
            keyring.removeUser(before.username()); // its password must no longer open the database
        } else if (!SealedKey.eligible(roles, repo.permissions(roles))) {
            keyring.removeSealedWrap(before.username()); // nor, without the roles, the sealed texts
        }
        // Its password, or a copy of the keyring taken before, must not open the database either: a new file key
        // is due, made at once by the caller (HomeAccess.rotateIfDue), or at the next login if the program stops.
        if (couldOpenSealed && (!active || !SealedKey.eligible(roles, repo.permissions(roles)))) {
            // its old wrap of the sealed key (in a keyring copied before) must not open the texts either
            rotateSealedKey("account " + before.username() + (active ? " lost a role" : " deactivated"));
        }
        if (before.active() && !active) {
            keyring.requestRotation("account " + before.username() + " deactivated");
        } else if (before.active() && !roles.containsAll(before.roles())) {
            keyring.requestRotation("account " + before.username() + " lost a role");
        }
        Accounts.reload(repo);
        return after;
    }

    /**
     * Why a new file key is due (an account was deactivated or lost a role), or null when none is (always null on a
     * server home, which has no file key). The screens then rotate it through {@code HomeAccess.rotateIfDue}.
     */
    @AnyUser
    public String fileKeyRotationDue() {
        return keyring.rotationDue().orElse(null);
    }

    /**
     * A new sealed key, asked for in the keyring first (so a halt, or a session without the key, leaves it due for the
     * next holder's login), then made at once when this session holds the key ({@link SealedKey#rotate}).
     */
    private void rotateSealedKey(String reason) {
        if (keyring.isServer() || keyring.sealedPublicKey() == null) {
            return;
        }
        keyring.requestSealedRotation(reason);
        if (sealed.isOpen()) {
            try {
                sealed.rotateIfDue(SealedKey.eligibleHolders(repo, keyring));
            } catch (RuntimeException e) {
                // the account's change is saved; the rotation stays due for the next holder's login
                LOG.warn("Sealed key rotation ({}) not done now; it stays due", reason, e);
            }
        }
    }

    /**
     * 设置 → 更换机密记录密钥 (administrators holding the sealed key): a new sealed key, every sealed text re-sealed
     * under it, given to every remaining holder and the recovery key; old wraps of it open no current text.
     */
    @RequiresPermission(module = AppModule.ACCOUNTS, action = Action.EDIT)
    public SealedKey.Rotation rotateSealedKeyNow() {
        user.require(AppModule.ACCOUNTS, Action.EDIT);
        if (keyring.isServer()) {
            throw new UserFacingException("keyRotation.serverHome");
        }
        if (!sealed.isOpen()) {
            throw new UserFacingException("sealed.rotateNeedsKey");
        }
        return sealed.rotate(SealedKey.eligibleHolders(repo, keyring), "on demand", step -> {});
    }

    /** Why a new sealed key is due and not made yet (no session holding it since), or null. */
    @RequiresPermission(module = AppModule.ACCOUNTS, action = Action.VIEW)
    public String sealedKeyRotationDue() {
        user.require(AppModule.ACCOUNTS, Action.VIEW);
        return keyring.sealedRotationDue().orElse(null);
    }

    /** An administrator sets a new password for someone (forgotten password); the account can log in again. */
    @RequiresPermission(module = AppModule.ACCOUNTS, action = Action.EDIT)
    public void resetPassword(long accountId, String newPassword) {
        user.require(AppModule.ACCOUNTS, Action.EDIT);
        AccountRepository.Account a = repo.all().stream()
                .filter(x -> x.id() == accountId)
                .findFirst()
                .orElseThrow(() -> new UserFacingException("account.notFound"));
        setPassword(a, newPassword);
        keyring.unlockAccount(a.username());
    }

    /** Anyone may change their own password, knowing the current one. */
    @AnyUser
    public void changeOwnPassword(String currentPassword, String newPassword) {
        Session s = user.requireLoggedIn();
        AccountRepository.Account a =
                repo.findByUsername(s.username()).orElseThrow(() -> new UserFacingException("account.notFound"));
        if (!Passwords.verify(currentPassword, a.passwordHash())) {
            throw new ValidationException(List.of(new FieldError("currentPassword", "account.wrongPassword")));
        }
        setPassword(a, newPassword);
    }

    private void setPassword(AccountRepository.Account a, String newPassword) {
        checkStrength(a.username(), newPassword);
        String hash = Passwords.hash(newPassword);
        tx.inTransaction(() -> {
            repo.setPasswordHash(a.id(), hash, user.username(), LocalDateTime.now(clock));
            audit.record(
                    AuditLog.EDIT,
                    "account",
                    a.id(),
                    AuditSummary.of("auditSummary.passwordChanged", AuditSummary.user(a.username())),
                    null);
        });
        // rewrap under the new password; the sealed key only when the one setting it holds it (see sealedKeyFor)
        keyring.addUser(a.username(), newPassword.toCharArray(), fileKey, sealedKeyFor(a.roles()));
    }

    /**
     * The sealed key to wrap for an account with these roles: the current session's, when it holds it and the roles
     * may. An administrator without it who resets a reader's password leaves that account without it (its old wrap is
     * under the old password); a holder's reset gives it back.
     */
    private byte[] sealedKeyFor(Set<Role> roles) {
        return SealedKey.eligible(roles, repo.permissions(roles)) ? sealed.privateKey() : null;
    }

    /**
     * The administrators a recovery may give a new password to: the active accounts holding the role. Nobody is
     * logged in during a recovery; the recovery key's proof stands in for the permission.
     */
    @AnyUser
    public List<StaffMember> administratorsForRecovery(Keyring.Recovered proof) {
        checkRecoveryProof(proof);
        return repo.all().stream()
                .filter(a -> a.active() && a.roles().contains(Role.ADMINISTRATOR))
                .map(a -> new StaffMember(a.username(), a.displayName()))
                .toList();
    }

    /**
     * Forgotten passwords: with the recovery key, an active administrator gets a new password (checked like any
     * other) and is unlocked. Audited as done by the recovery key, naming the account.
     */
    @AnyUser
    public void resetByRecovery(Keyring.Recovered proof, String username, String newPassword) {
        checkRecoveryProof(proof);
        AccountRepository.Account a = repo.findByUsername(username == null ? "" : username)
                .filter(x -> x.active() && x.roles().contains(Role.ADMINISTRATOR))
                .orElseThrow(() ->
                        new ValidationException(List.of(new FieldError("username", "recovery.noSuchAdministrator"))));
        checkStrength(a.username(), newPassword);
        String hash = Passwords.hash(newPassword);
        tx.inTransaction(() -> {
            repo.setPasswordHash(a.id(), hash, Keyring.RECOVERY_ACTOR, LocalDateTime.now(clock));
            audit.recordAs(
                    Keyring.RECOVERY_ACTOR,
                    AuditLog.RECOVERY,
                    "account",
                    a.id(),
                    AuditSummary.of("auditSummary.recoveryReset", AuditSummary.user(a.username())));
        });
        keyring.addUser(a.username(), newPassword.toCharArray(), fileKey, proof.sealedKey());
        keyring.unlockAccount(a.username());
    }

    /**
     * A new recovery key, shown once: the old one opens nothing from now on (its wrap is replaced in the keyring).
     * Only on a home whose data this PC encrypts; a server home has no recovery key.
     */
    @RequiresPermission(module = AppModule.ACCOUNTS, action = Action.EDIT)
    public String newRecoveryKey() {
        user.require(AppModule.ACCOUNTS, Action.EDIT);
        if (keyring.isServer()) {
            throw new UserFacingException("recovery.serverHome");
        }
        String key = keyring.replaceRecoveryKey(fileKey, sealed.privateKey());
        tx.inTransaction(() -> audit.record(
                AuditLog.RECOVERY_KEY_CHANGED,
                "keyring",
                null,
                AuditSummary.of("auditSummary.recoveryKeyChanged"),
                null));
        return key;
    }

    private void checkRecoveryProof(Keyring.Recovered proof) {
        if (proof == null || !MessageDigest.isEqual(proof.fileKey(), fileKey)) {
            throw new UserFacingException("recovery.notThisHome");
        }
    }

    /** The home's name, which no password may contain (kept in the settings by the app's home profile). */
    private String homeName() {
        return settings.get("home.name").orElse(null);
    }

    private void checkStrength(String username, String password) {
        String weak = Passwords.weakness(password, username, homeName());
        if (weak != null) {
            throw new ValidationException(List.of(new FieldError("password", weak)));
        }
    }

    @RequiresPermission(module = AppModule.ACCOUNTS, action = Action.VIEW)
    public Set<Permission> permissionsOf(Role role) {
        user.require(AppModule.ACCOUNTS, Action.VIEW);
        return repo.permissions(role);
    }

    /** Changes one cell of the matrix; the administrator's own access to accounts cannot be taken away. */
    @RequiresPermission(module = AppModule.ACCOUNTS, action = Action.EDIT)
    public void setPermission(Role role, Permission permission, boolean granted) {
        user.require(AppModule.ACCOUNTS, Action.EDIT);
        if (role == Role.ADMINISTRATOR && permission.module() == AppModule.ACCOUNTS && !granted) {
            throw new UserFacingException("account.adminKeepsAccounts");
        }
        tx.inTransaction(() -> {
            if (granted) {
                repo.grant(role, permission);
            } else {
                repo.revoke(role, permission);
            }
            audit.record(
                    AuditLog.PERMISSION,
                    "role_permission",
                    role.name(),
                    AuditSummary.of(
                            granted ? "auditSummary.granted" : "auditSummary.revoked",
                            role,
                            AuditSummary.label("module." + permission.module().name()),
                            AuditSummary.label("action." + permission.action().name())),
                    null);
        });
    }

    /** How the home protects logins: idle lock, and the lockout after wrong passwords. */
    public record SecurityPolicy(int idleMinutes, int maxAttempts, int lockMinutes) {}

    private static final String IDLE_MINUTES = "security.idleMinutes";

    /** Every user's window locks after this many idle minutes, so everyone may read it. */
    @AnyUser
    public int idleLockMinutes() {
        return settings.get(IDLE_MINUTES).map(Integer::parseInt).orElse(10);
    }

    @RequiresPermission(module = AppModule.ACCOUNTS, action = Action.VIEW)
    public SecurityPolicy securityPolicy() {
        user.require(AppModule.ACCOUNTS, Action.VIEW);
        return new SecurityPolicy(idleLockMinutes(), keyring.maxAttempts(), keyring.lockMinutes());
    }

    @RequiresPermission(module = AppModule.ACCOUNTS, action = Action.EDIT)
    public void setSecurityPolicy(SecurityPolicy p) {
        user.require(AppModule.ACCOUNTS, Action.EDIT);
        // the settings screen passes what was typed: each refusal names its field
        Checks checks = new Checks(LocalDate.now(clock));
        checks.range("idleMinutes", "settings.idleMinutes", p.idleMinutes(), 1, 240);
        checks.range("maxAttempts", "settings.maxAttempts", p.maxAttempts(), 3, 20);
        checks.range("lockMinutes", "settings.lockMinutes", p.lockMinutes(), 1, 1440);
        checks.throwIfAny();
        SecurityPolicy before = securityPolicy();
        if (before.equals(p)) {
            return; // nothing changed: no audit row for it
        }
        tx.inTransaction(() -> {
            settings.put(IDLE_MINUTES, String.valueOf(p.idleMinutes()));
            audit.record(AuditLog.EDIT, "security_policy", null, null, AuditChanges.diff(before, p));
        });
        keyring.setLockout(p.maxAttempts(), p.lockMinutes());
    }
}
