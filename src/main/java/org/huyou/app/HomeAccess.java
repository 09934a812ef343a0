package org.huyou.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.huyou.backup.BackupService;
import org.huyou.backup.FileKeyRotation;
import org.huyou.backup.RestoreJournal;
import org.huyou.common.Checks;
import org.huyou.common.DamagedDataException;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.PrivateFiles;
import org.huyou.db.Database;
import org.huyou.security.AccountService;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.Keyring;
import org.huyou.security.KeyringRecord;
import org.huyou.security.LoginService;
import org.huyou.security.Passwords;
import org.huyou.security.Permission;
import org.huyou.security.PermissionDeniedException;
import org.huyou.security.Session;
import org.slf4j.LoggerFactory;

/**
 * The way into a home's data: setting up a new home (keyring, encrypted database, first administrator) and logging
 * in (the password unwraps the database key, then the account is checked). The window and the command line both
 * come through here.
 */
public final class HomeAccess {

    private HomeAccess() {}

    public static boolean isSetUp(Path dataDir) {
        return Keyring.exists(dataDir)
                || Files.isRegularFile(dataDir.resolve(FileKeyRotation.FOLDER).resolve(Keyring.FILE));
    }

    /** A new home, its administrator logged in, and the recovery key to show once. */
    public record NewHome(AppContext context, String recoveryKey) {}

    /**
     * What the setup form gives for a new home, on either database. The password never shows in {@link #toString()}
     * (a log line or an exception message that prints the record).
     */
    public record Setup(String homeName, String region, String admin, String displayName, String password) {

        @Override
        public String toString() {
            return "Setup[homeName=" + homeName + ", region=" + region + ", admin=" + admin + ", displayName="
                    + displayName + ", password=***]";
        }
    }

    public static NewHome setUp(Path dataDir, Setup setup, Clock clock) {
        if (Keyring.exists(dataDir)) {
            throw new UserFacingException("setup.alreadyDone", dataDir);
        }
        if (Files.exists(dataDir.resolve(Database.FILE_NAME + ".mv.db"))) {
            throw new UserFacingException("setup.databaseWithoutKeyring", dataDir);
        }
        checkNewHome(setup);
        Keyring.Created created =
                Keyring.create(dataDir, setup.admin(), setup.password().toCharArray(), clock);
        AppContext ctx = AppContext.open(dataDir, created.keyring(), created.fileKey(), clock);
        try {
            // held before the account is made, so its wrap (made anew with the account) includes the sealed key
            ctx.sealedKey().holdForNewHome(created.sealedKey());
            createHome(ctx, setup);
            ctx.login().completeLogin(setup.admin(), setup.password());
            return new NewHome(ctx, created.recoveryKey());
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    /**
     * A new home on a PostgreSQL server, set up from this PC: the server's database gets the schema, the first
     * administrator and the home's name; this PC keeps the connection (password sealed) and a keyring for its login
     * lockout. There is no recovery key: the data is not encrypted with a key of this program's.
     */
    public static NewHome setUpOnServer(Path dataDir, ServerConnection server, Setup setup, Clock clock) {
        if (Keyring.exists(dataDir)) {
            throw new UserFacingException("setup.alreadyDone", dataDir);
        }
        checkNewHome(setup);
        Keyring keyring = Keyring.createForServer(dataDir);
        AppContext ctx;
        try {
            ctx = AppContext.openOnServer(dataDir, keyring, server, clock);
        } catch (RuntimeException e) {
            forgetServer(dataDir);
            throw e;
        }
        try {
            if (!ctx.homeProfile().name().isEmpty()) {
                throw new UserFacingException("server.homeExists", server.address());
            }
            createHome(ctx, setup);
            server.save(dataDir);
            ctx.login().completeLogin(setup.admin(), setup.password());
            return new NewHome(ctx, null);
        } catch (RuntimeException e) {
            ctx.close();
            forgetServer(dataDir);
            throw e;
        }
    }

    /**
     * Another office PC joins a home already on a server: the connection is tried (reachable, the schema readable, a
     * home set up there) before it is kept. The staff then log in with their own accounts.
     */
    public static HomeProfile connectToServer(Path dataDir, ServerConnection server, Clock clock) {
        if (Keyring.exists(dataDir)) {
            throw new UserFacingException("setup.alreadyDone", dataDir);
        }
        Keyring keyring = Keyring.createForServer(dataDir);
        try (AppContext ctx = AppContext.openOnServer(dataDir, keyring, server, clock)) {
            HomeProfile profile = ctx.homeProfile();
            if (profile.name().isEmpty()) {
                throw new UserFacingException("server.noHomeYet", server.address());
            }
            server.save(dataDir);
            return profile;
        } catch (RuntimeException e) {
            forgetServer(dataDir);
            throw e;
        }
    }

    /** Changes this PC's server connection (a new address or password from IT), tried before it is kept. */
    public static void changeServerConnection(AppContext ctx, ServerConnection server) {
        ctx.currentUser().require(AppModule.ACCOUNTS, Action.EDIT);
        if (ctx.serverAddress() == null) {
            throw new UserFacingException("server.notServerHome");
        }
        server.open().close(); // reachable, the login accepted, the schema this version's

        server.save(ctx.dataDir());
        ctx.audit()
                .record(AuditLog.EDIT, "server", null, AuditSummary.of("auditSummary.serverConnection", server), null);
    }

    /** What a new home needs, on either database: a name, a strong password, a valid administrator's user name. */
    private static void checkNewHome(Setup setup) {
        String homeName = setup.homeName();
        String admin = setup.admin();
        if (homeName == null || homeName.isBlank()) {
            throw new UserFacingException("setup.homeNameRequired");
        }
        // the name heads every receipt, disclosure and certificate: a hidden character would spoof them all
        Checks names = new Checks(LocalDate.EPOCH); // no dates among them
        names.text("homeName", "setup.homeName", homeName, 200, true);
        names.text("region", "setup.region", setup.region(), 200, false);
        names.throwIfAny();
        String weak = Passwords.weakness(setup.password(), admin, homeName);
        if (weak != null) {
            throw new UserFacingException(weak);
        }
        if (admin == null || !Keyring.USERNAME.matcher(admin).matches()) {
            throw new UserFacingException("account.badUsername");
        }
    }

    /** The first administrator's account and the home's name, in a context just opened on an empty database. */
    private static void createHome(AppContext ctx, Setup setup) {
        ctx.accounts().createFirstAdministrator(setup.admin(), setup.displayName(), setup.password());
        String region = setup.region();
        ctx.saveHomeProfile(new HomeProfile(setup.homeName().strip(), region == null ? "" : region.strip()));
    }

    private static void forgetServer(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(Keyring.FILE));
            Files.deleteIfExists(dataDir.resolve(ServerConnection.FILE));
            Files.deleteIfExists(dataDir.resolve(ServerConnection.KEY_FILE));
        } catch (IOException ignored) {
            // the original failure is the one to report
        }
    }

    /**
     * Replaces the open home's database with a backup: checks the user's permission and the backup's checksum, closes
     * the home, rebuilds the database from the backup and swaps it in (crash-safe: {@link RestoreJournal}), then
     * writes the restore's audit. The context is closed after.
     */
    public static Path restore(AppContext ctx, Path backup) {
        String who = ctx.currentUser().username();
        try {
            ctx.backups().prepareRestore(backup);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
        Path dir = ctx.dataDir();
        byte[] key = ctx.fileKey();
        Clock clock = ctx.clock();
        Keyring keyring = ctx.keyring();
        // the replaced database's record of the keyring: the restored one is of the backup's day
        Optional<KeyringRecord.State> record = ctx.keyringRecord().state();
        ctx.close();
        RestoreJournal.reached(RestoreJournal.STEP_STARTED);
        // A backup made before a rotation is under an earlier key: it is re-encrypted under the current one.
        Path aside = BackupService.replaceDatabase(dir, backup, key, keyring.previousFileKeys(key), clock, who);
        try (AppContext reopened = AppContext.openExisting(dir, keyring, key, clock)) {
            reopened.forgetLoginJournalHead(); // the backup's head is of a journal since rewritten
            reopened.keyringRecord().adoptRestored(keyring, record);
            recordPendingRestore(reopened, null);
        }
        return aside;
    }

    /**
     * The audit of a restore swapped in ({@link RestoreJournal#pending}): the replaced database's audit rows written
     * after the backup come along, then the restore itself is recorded with the replaced database's audit head, so no
     * action disappears with the database it was recorded in. Run by the restore, or by the next login when the
     * restoring process died first.
     */
    private static void recordPendingRestore(AppContext ctx, String completedBy) {
        RestoreJournal.Pending pending = RestoreJournal.pending(ctx.dataDir());
        if (pending == null) {
            return;
        }
        // the restored database recorded the keyring of the backup's day; the keyring in place is the one kept
        ctx.keyringRecord().adoptRestored(ctx.keyring(), Optional.empty());
        if (ctx.audit().recorded(AuditLog.RESTORE, "database", pending.id())) {
            RestoreJournal.recorded(ctx.dataDir()); // recorded before a crash took the rest
            return;
        }
        Path aside = pending.keptAside() != null && Files.exists(pending.keptAside()) ? pending.keptAside() : null;
        AuditSummary carried = AuditSummary.none();
        if (aside != null) {
            try (Connection replaced = BackupService.openKeptAside(aside, ctx.fileKey())) {
                AuditLog.Carried c = ctx.audit().carryOver(replaced);
                carried = AuditSummary.of("auditSummary.restoredCarried", c.rows(), c.replacedHead());
                // numbers given out and disclosures published since the backup: not taken back by it
                ctx.backups().carryIssued(replaced);
            } catch (SQLException | RuntimeException e) {
                LoggerFactory.getLogger(HomeAccess.class).warn("Audit rows not carried over", e);
                carried = AuditSummary.of(
                        "auditSummary.restoredNotCarried", e.getClass().getSimpleName());
            }
        }
        RestoreJournal.reached(RestoreJournal.STEP_CARRIED);
        String who = pending.user().isEmpty() ? "?" : pending.user();
        ctx.audit()
                .record(
                        AuditLog.RESTORE,
                        "database",
                        pending.id(),
                        AuditSummary.of(
                                "auditSummary.restored",
                                AuditSummary.user(who),
                                pending.backupName(),
                                aside == null
                                        ? AuditSummary.none()
                                        : AuditSummary.of("auditSummary.restoredAside", aside.getFileName()),
                                carried,
                                completedBy == null
                                        ? AuditSummary.none()
                                        : AuditSummary.of(
                                                "auditSummary.restoredCompleted", AuditSummary.user(completedBy))),
                        null);
        RestoreJournal.reached(RestoreJournal.STEP_RECORDED);
        RestoreJournal.recorded(ctx.dataDir());
    }

    /**
     * What every start does before a home's database is opened: completes a restore that was interrupted after its
     * decision, and removes what an interrupted restore or backup left ({@link RestoreJournal}).
     */
    public static RestoreJournal.Report startUp(Path dataDir) {
        return startUp(dataDir, Clock.systemUTC());
    }

    /** The same on the app's clock (a database found in a restore's way is named by its time). */
    public static RestoreJournal.Report startUp(Path dataDir, Clock clock) {
        return RestoreJournal.finishInterrupted(dataDir, clock);
    }

    public static final String BACKUP_EXTENSION = BackupService.EXTENSION;

    /** See {@link BackupService#restoredSentence}. */
    public static String restoredSentence(Path backup, Path keptAside, Path dataDir) {
        return BackupService.restoredSentence(backup, keptAside, dataDir);
    }

    /** The backups in the data folder's {@code backups/}, newest first (the configured folder is in the database). */
    public static List<Path> backupsBeside(Path dataDir) {
        return BackupService.backupsIn(dataDir.resolve("backups"));
    }

    /** A home here whose database file is gone (its keyring is there): offer the restore, never a new database. */
    public static boolean databaseMissing(Path dataDir) {
        if (!Keyring.exists(dataDir)) {
            return false;
        }
        startUp(dataDir);
        return !Keyring.load(dataDir).isServer() && !Files.exists(dataDir.resolve(Database.FILE_NAME + ".mv.db"));
    }

    /**
     * The home's database is gone but its keyring is here: a user of the keyring (password as it is now) restores a
     * backup made under the same key, and is logged in.
     */
    public static AppContext restoreMissingDatabase(
            Path dataDir, Path backup, String username, char[] password, Clock clock) {
        if (!databaseMissing(dataDir)) {
            throw new UserFacingException("setup.alreadyDone", dataDir);
        }
        Keyring keyring = Keyring.load(dataDir, clock);
        Keyring.Unlock result = keyring.unlock(username, password, clock.instant());
        LoginService.checkUnlocked(result, clock.getZone());
        byte[] fileKey = ((Keyring.Unlocked) result).fileKey();
        BackupService.replaceDatabase(dataDir, backup, fileKey, keyring.previousFileKeys(fileKey), clock, username);
        completeRestore(dataDir, keyring, fileKey, clock);
        // The keyring's accounts are today's staff; who may restore is the restored database's matrix, as in place.
        return loggedInToRestore(
                dataDir,
                username,
                password,
                clock,
                () -> deleteQuietly(dataDir.resolve(Database.FILE_NAME + ".mv.db")));
    }

    /**
     * Logs the restorer into the home a restore just made and holds them to the permission an in-place restore asks
     * ({@code 备份与恢复·审批}), against the restored database's own accounts and roles: without it, what the restore
     * wrote is removed again, so a backup cannot be turned into a readable copy of the home by someone who may only
     * make backups.
     */
    private static AppContext loggedInToRestore(
            Path dataDir, String username, char[] password, Clock clock, Runnable undo) {
        AppContext ctx = login(dataDir, username, password, clock);
        if (ctx.currentUser().can(AppModule.BACKUP, Action.APPROVE)) {
            return ctx;
        }
        ctx.close();
        undo.run();
        throw new PermissionDeniedException(new Permission(AppModule.BACKUP, Action.APPROVE));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LoggerFactory.getLogger(HomeAccess.class).warn("Could not remove {}", file, e);
        }
    }

    /** What a refused restore into a new folder wrote there: the folder itself when it made it, else what is new. */
    private static void removeNewHome(Path dataDir, List<Path> there) {
        try (var entries = Files.list(dataDir)) {
            for (Path p :
                    entries.filter(p -> there == null || !there.contains(p)).toList()) {
                try (var files = Files.walk(p)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(HomeAccess::deleteQuietly);
                }
            }
        } catch (IOException e) {
            LoggerFactory.getLogger(HomeAccess.class).warn("Could not remove what the restore wrote in {}", dataDir, e);
        }
        if (there == null) {
            deleteQuietly(dataDir);
        }
    }

    /** The entries of a folder (null: there is no folder). */
    private static List<Path> entriesOf(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (var entries = Files.list(dir)) {
            return entries.toList();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Right after a restore swapped a database in, before anyone logs in: the backup's login-journal head describes
     * the journal as it was then (forgotten, or the next login would cry tampering), and the restore is recorded as
     * done now, not as an interrupted one the login completes.
     */
    private static void completeRestore(Path dataDir, Keyring keyring, byte[] fileKey, Clock clock) {
        try (AppContext restored = AppContext.openExisting(dataDir, keyring, fileKey, clock)) {
            restored.forgetLoginJournalHead();
            recordPendingRestore(restored, null);
        }
    }

    /**
     * Restores a backup into a folder with no home yet (a new PC, a lost disk): the backup's keyring comes along, and
     * the user's password (as it was when the backup was made) unlocks it. Returns the home, that user logged in.
     */
    public static AppContext restoreIntoNewFolder(
            Path dataDir, Path backup, String username, char[] password, Clock clock) {
        startUp(dataDir, clock);
        if (Keyring.exists(dataDir) || Files.exists(dataDir.resolve(Database.FILE_NAME + ".mv.db"))) {
            throw new UserFacingException("setup.alreadyDone", dataDir);
        }
        List<Path> there = entriesOf(dataDir); // what a refusal leaves as it was
        try {
            Files.createDirectories(dataDir);
            try (var out = PrivateFiles.newOutputStream(dataDir.resolve(Keyring.FILE))) {
                out.write(BackupService.keyringOf(backup));
            }
        } catch (IOException e) {
            throw new DamagedDataException(e, "backup.damaged", backup.getFileName());
        }
        Keyring keyring = Keyring.load(dataDir, clock);
        Keyring.Unlock result = keyring.unlock(username, password, clock.instant());
        try {
            LoginService.checkUnlocked(result, clock.getZone());
            byte[] fileKey = ((Keyring.Unlocked) result).fileKey();
            BackupService.replaceDatabase(dataDir, backup, fileKey, keyring.previousFileKeys(fileKey), clock, username);
            completeRestore(dataDir, keyring, fileKey, clock); // the backup's head is another folder's journal
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(dataDir.resolve(Keyring.FILE));
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            throw e;
        }
        try {
            AppContext ctx = loggedInToRestore(dataDir, username, password, clock, () -> removeNewHome(dataDir, there));
            recordCopyInOrigin(backup, dataDir, username, password, clock, "auditSummary.copiedInto");
            return ctx;
        } catch (PermissionDeniedException refused) {
            recordCopyInOrigin(backup, dataDir, username, password, clock, "auditSummary.copyRefused");
            throw refused;
        }
    }

    /**
     * A copy of the home restored elsewhere is recorded in the home the backup came from, where that can be found:
     * the home whose {@code backups/} folder holds the file (or whose folder does), opened with the same user's
     * password, the backup made under its key. Best effort: that home may be open in the window (its database
     * locked), or the password changed since; then only the log says it.
     */
    private static void recordCopyInOrigin(
            Path backup, Path copy, String username, char[] password, Clock clock, String summaryKey) {
        Path folder = backup.toAbsolutePath().getParent();
        Path origin = folder != null
                        && folder.getFileName() != null
                        && folder.getFileName().toString().equals("backups")
                ? folder.getParent()
                : folder;
        if (origin == null || origin.equals(copy.toAbsolutePath()) || !isSetUp(origin) || databaseMissing(origin)) {
            return;
        }
        try (AppContext home = login(origin, username, password, clock)) {
            if (BackupService.keyOf(backup, home.fileKey(), home.keyring().previousFileKeys(home.fileKey())) == null) {
                return; // another home's backup
            }
            home.audit()
                    .record(
                            AuditLog.RESTORE,
                            "database",
                            null,
                            "auditSummary.copyRefused".equals(summaryKey)
                                    ? AuditSummary.of(
                                            "auditSummary.copyRefused", backup.getFileName(), copy.toAbsolutePath())
                                    : AuditSummary.of(
                                            "auditSummary.copiedInto", backup.getFileName(), copy.toAbsolutePath()),
                            null);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(HomeAccess.class)
                    .warn("The copy into {} could not be recorded in the home at {}", copy, origin, e);
        }
    }

    /** Whether the home in this folder has a recovery key (a home on a server has none). */
    public static boolean hasRecoveryKey(Path dataDir) {
        return Keyring.exists(dataDir) && !Keyring.load(dataDir).isServer();
    }

    /**
     * Forgotten passwords, step one: the recovery key (counted and locked out like a password) opens the home with
     * nobody logged in, to choose the administrator who gets a new password. {@code open} is the window's home when
     * it is already open (the lock screen), else null and the home is opened here (and closed by the recovery).
     */
    public static Recovery startRecovery(Path dataDir, AppContext open, String recoveryKey, Clock clock) {
        if (open == null) {
            FileKeyRotation.finishInterrupted(dataDir);
        }
        if (open == null && !Keyring.exists(dataDir)) {
            throw new UserFacingException("login.notSetUp", dataDir);
        }
        if (open == null && databaseMissing(dataDir)) {
            throw new UserFacingException("home.databaseMissing", dataDir);
        }
        Keyring keyring = open != null ? open.keyring() : Keyring.load(dataDir, clock);
        Keyring.Unlock result = keyring.recover(recoveryKey, clock.instant());
        if (result instanceof Keyring.WrongPassword w) {
            throw new UserFacingException("recovery.wrongKey", w.attemptsLeft());
        }
        if (result instanceof Keyring.Locked l) {
            throw new UserFacingException(
                    "recovery.locked",
                    DateTimeFormatter.ofPattern("HH:mm").format(l.until().atZone(clock.getZone())));
        }
        Keyring.Recovered proof = (Keyring.Recovered) result;
        AppContext ctx = open != null ? open : AppContext.openExisting(dataDir, keyring, proof.fileKey(), clock);
        try {
            ctx.keyringRecord().checkRecovery(keyring); // an older keyring put back, or a replaced recovery key
            ctx.keyringRecord().record(keyring);
            return new Recovery(ctx, open == null, proof, ctx.accounts().administratorsForRecovery(proof));
        } catch (RuntimeException e) {
            if (open == null) {
                ctx.close();
            }
            throw e;
        }
    }

    /** A recovery under way: the administrators to choose from, and the new password for one of them. */
    public static final class Recovery implements AutoCloseable {
        private final AppContext ctx;
        private final boolean owned;
        private final Keyring.Recovered proof;
        private final List<AccountService.StaffMember> administrators;

        private Recovery(
                AppContext ctx,
                boolean owned,
                Keyring.Recovered proof,
                List<AccountService.StaffMember> administrators) {
            this.ctx = ctx;
            this.owned = owned;
            this.proof = proof;
            this.administrators = administrators;
        }

        public List<AccountService.StaffMember> administrators() {
            return administrators;
        }

        /** Sets the administrator's new password (checked like any other); the user then logs in as usual. */
        public void setPassword(String administrator, String newPassword) {
            ctx.accounts().resetByRecovery(proof, administrator, newPassword);
        }

        @Override
        public void close() {
            if (owned) {
                ctx.close();
            }
        }
    }

    /** Opens the home for a user: refused with a clear sentence for a wrong password or a locked account. */
    public static AppContext login(Path dataDir, String username, char[] password, Clock clock) {
        FileKeyRotation.finishInterrupted(dataDir); // a rotation a kill stopped: the old keys or the new, never a mix
        if (!Keyring.exists(dataDir)) {
            throw new UserFacingException("login.notSetUp", dataDir);
        }
        Keyring keyring = Keyring.load(dataDir, clock);
        if (keyring.isServer()) {
            AppContext ctx = AppContext.openOnServer(dataDir, keyring, ServerConnection.load(dataDir), clock);
            try {
                ctx.login().login(username, password);
                return ctx;
            } catch (RuntimeException e) {
                ctx.close();
                throw e;
            }
        }
        startUp(dataDir, clock);
        if (!Files.exists(dataDir.resolve(Database.FILE_NAME + ".mv.db"))) {
            throw new UserFacingException("home.databaseMissing", dataDir);
        }
        Keyring.Unlock result = keyring.unlock(username, password, clock.instant());
        LoginService.checkUnlocked(result, clock.getZone());
        AppContext ctx = AppContext.openExisting(dataDir, keyring, ((Keyring.Unlocked) result).fileKey(), clock);
        try {
            // an older keyring put back (the old password after a reset) is refused before the session starts
            ctx.keyringRecord().checkLogin(keyring, username);
            ctx.keyringRecord().record(keyring);
            ctx.login().completeLogin(username, (Keyring.Unlocked) result);
            recordPendingRestore(ctx, username);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
        // A rotation asked for and not done (the program stopped after a deactivation, or a command did it).
        return rotateIfDue(ctx, (done, total) -> {}).context();
    }

    /** A home after a change of its file key: the reopened context, and the holders that lost their access. */
    public record Rotation(AppContext context, List<String> lostAccess, boolean rotated) {}

    /**
     * 设置 → 更换数据库密钥 (administrators): the database is re-encrypted under a new random key, rewrapped for every
     * remaining account and the recovery key; old keyrings and the passwords in them no longer open it. The context is
     * closed; the returned one is the home reopened under the new key, the same user logged in. Not on a server home
     * (there is no file key: the server protects the data).
     */
    public static Rotation rotateFileKey(AppContext ctx, FileKeyRotation.Progress progress) {
        ctx.currentUser().require(AppModule.ACCOUNTS, Action.EDIT);
        if (ctx.serverAddress() != null) {
            throw new UserFacingException("keyRotation.serverHome");
        }
        return rotate(ctx, "on demand", progress);
    }

    /**
     * The rotation an account's deactivation or lost role asked for ({@code AccountService.fileKeyRotationDue}),
     * done for whoever is logged in (the program's duty, as the automatic backup is). The same context back when none
     * is due.
     */
    public static Rotation rotateIfDue(AppContext ctx, FileKeyRotation.Progress progress) {
        String due = ctx.serverAddress() == null ? ctx.accounts().fileKeyRotationDue() : null;
        if (due == null) {
            return new Rotation(ctx, List.of(), false);
        }
        return rotate(ctx, due, progress);
    }

    private static Rotation rotate(AppContext ctx, String reason, FileKeyRotation.Progress progress) {
        Session session = ctx.currentUser().requireLoggedIn();
        // On record in the database that is re-encrypted (a rotation that fails leaves this row and no other).
        ctx.audit()
                .record(
                        AuditLog.FILE_KEY_ROTATED,
                        "keyring",
                        null,
                        AuditSummary.of("auditSummary.keyRotationBegins", Accounts.rotationReason(reason)),
                        null);
        Path dir = ctx.dataDir();
        byte[] key = ctx.fileKey();
        Keyring keyring = ctx.keyring();
        Clock clock = ctx.clock();
        ctx.close();
        FileKeyRotation.Result result = FileKeyRotation.rotate(dir, keyring, key, progress);
        AppContext reopened = AppContext.openExisting(dir, result.keyring(), result.fileKey(), clock);
        try {
            reopened.keyringRecord().record(result.keyring()); // a new file key: a new record, its history empty
            reopened.currentUser().set(session);
            reopened.sealedKey().carryOver(ctx.sealedKey()); // the session's sealed key, as its login left it
            reopened.audit()
                    .record(
                            AuditLog.FILE_KEY_ROTATED,
                            "keyring",
                            null,
                            result.lostAccess().isEmpty()
                                    ? AuditSummary.of("auditSummary.keyRotated", Accounts.rotationReason(reason))
                                    : AuditSummary.of(
                                            "auditSummary.keyRotatedLost",
                                            Accounts.rotationReason(reason),
                                            String.join(", ", result.lostAccess())),
                            null);
            return new Rotation(reopened, result.lostAccess(), true);
        } catch (RuntimeException e) {
            reopened.close();
            throw e;
        }
    }
}
