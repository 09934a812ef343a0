package org.huyou.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.huyou.backup.BackupService;
import org.huyou.common.DamagedDataException;
import org.huyou.common.UserFacingException;
import org.huyou.db.Database;
import org.huyou.security.Keyring;
import org.huyou.security.LoginService;

/**
 * The way into a home's data: setting up a new home (keyring, encrypted database, first administrator) and logging
 * in (the password unwraps the database key, then the account is checked). The window and the command line both
 * come through here.
 */
public final class HomeAccess {

    private HomeAccess() {
    }

    public static boolean isSetUp(Path dataDir) {
        return Keyring.exists(dataDir);
    }

    /** A new home, its administrator logged in, and the recovery key to show once. */
    public record NewHome(AppContext context, String recoveryKey) {
    }

    public static NewHome setUp(Path dataDir, String homeName, String region, String admin, String displayName,
                                String password, Clock clock) {
        if (Keyring.exists(dataDir)) {
            throw new UserFacingException("setup.alreadyDone", dataDir);
        }
        if (Files.exists(dataDir.resolve(Database.FILE_NAME + ".mv.db"))) {
            throw new UserFacingException("setup.databaseWithoutKeyring", dataDir);
        }
        checkNewHome(homeName, admin, password);
        Keyring.Created created = Keyring.create(dataDir, admin, password.toCharArray());
        AppContext ctx = AppContext.open(dataDir, created.keyring(), created.fileKey(), clock);
        try {
            // held before the account is made, so its wrap (made anew with the account) includes the sealed key
            ctx.sealedKey().holdForNewHome(created.sealedKey());
            ctx.accounts().createFirstAdministrator(admin, displayName, password);
            ctx.saveHomeProfile(new HomeProfile(homeName.strip(), region == null ? "" : region.strip()));
            ctx.login().completeLogin(admin, password);
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
    public static NewHome setUpOnServer(Path dataDir, ServerConnection server, String homeName, String region,
                                        String admin, String displayName, String password, Clock clock) {
        if (Keyring.exists(dataDir)) {
            throw new UserFacingException("setup.alreadyDone", dataDir);
        }
        checkNewHome(homeName, admin, password);
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
            ctx.accounts().createFirstAdministrator(admin, displayName, password);
            ctx.saveHomeProfile(new HomeProfile(homeName.strip(), region == null ? "" : region.strip()));
            server.save(dataDir);
            ctx.login().completeLogin(admin, password);
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
        ctx.currentUser().require(org.huyou.security.AppModule.ACCOUNTS, org.huyou.security.Action.EDIT);
        if (ctx.serverAddress() == null) {
            throw new UserFacingException("server.notServerHome");
        }
        server.open().close(); // reachable, the login accepted, the schema this version's

        server.save(ctx.dataDir());
        ctx.audit().record(org.huyou.security.AuditLog.EDIT, "server", null, "server connection → " + server,
                null);
    }

    /** What a new home needs, on either database: a name, a strong password, a valid administrator's user name. */
    private static void checkNewHome(String homeName, String admin, String password) {
        if (homeName == null || homeName.isBlank()) {
            throw new UserFacingException("setup.homeNameRequired");
        }
        String weak = org.huyou.security.Passwords.weakness(password, admin, homeName);
        if (weak != null) {
            throw new UserFacingException(weak);
        }
        if (admin == null || !Keyring.USERNAME.matcher(admin).matches()) {
            throw new UserFacingException("account.badUsername");
        }
    }

    private static void forgetServer(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(Keyring.FILE));
            Files.deleteIfExists(dataDir.resolve(ServerConnection.FILE));
            Files.deleteIfExists(dataDir.resolve(ServerConnection.KEY_FILE));
        } catch (java.io.IOException ignored) {
            // the original failure is the one to report
        }
    }

    /**
     * Replaces the open home's database with a backup: checks the user's permission and the backup's checksum, closes
     * the home, rebuilds the database from the backup and keeps the replaced one aside. The context is closed after.
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
        ctx.close();
        Path aside = BackupService.replaceDatabase(dir, backup, key, clock);
        try (AppContext reopened = AppContext.open(dir, keyring, key, clock)) {
            String carried = "";
            if (aside != null) {
                // What was done since the backup stays on record: the replaced database's later audit rows come
                // along, before the restore's own row.
                try (java.sql.Connection replaced = BackupService.openKeptAside(aside, key)) {
                    org.huyou.security.AuditLog.Carried c = reopened.audit().carryOver(replaced);
                    carried = "; " + c.rows() + " audit entries written after the backup carried over from it"
                            + "; its audit head was " + c.replacedHead();
                } catch (java.sql.SQLException | RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(HomeAccess.class).warn("Audit rows not carried over", e);
                    carried = "; its audit entries could not be carried over (" + e.getClass().getSimpleName() + ")";
                }
            }
            reopened.audit().record(org.huyou.security.AuditLog.RESTORE, "database", null,
                    who + " restored " + backup.getFileName() + (aside == null ? "" : "; replaced kept as "
                            + aside.getFileName()) + carried, null);
        }
        return aside;
    }

    /**
     * Restores a backup into a folder with no home yet (a new PC, a lost disk): the backup's keyring comes along, and
     * the user's password (as it was when the backup was made) unlocks it. Returns the home, that user logged in.
     */
    public static AppContext restoreIntoNewFolder(Path dataDir, Path backup, String username, char[] password,
                                                  Clock clock) {
        if (Keyring.exists(dataDir) || Files.exists(dataDir.resolve(Database.FILE_NAME + ".mv.db"))) {
            throw new UserFacingException("setup.alreadyDone", dataDir);
        }
        try {
            Files.createDirectories(dataDir);
            Files.write(dataDir.resolve(Keyring.FILE), BackupService.keyringOf(backup));
        } catch (java.io.IOException e) {
            throw new DamagedDataException(e, "backup.damaged", backup.getFileName());
        }
        Keyring keyring = Keyring.load(dataDir);
        Keyring.Unlock result = keyring.unlock(username, password, clock.instant());
        try {
            LoginService.checkUnlocked(result, clock.getZone());
            BackupService.replaceDatabase(dataDir, backup, ((Keyring.Unlocked) result).fileKey(), clock);
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(dataDir.resolve(Keyring.FILE));
            } catch (java.io.IOException ignored) {
                // the original failure is the one to report
            }
            throw e;
        }
        return login(dataDir, username, password, clock);
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
        if (open == null && !Keyring.exists(dataDir)) {
            throw new UserFacingException("login.notSetUp", dataDir);
        }
        Keyring keyring = open != null ? open.keyring() : Keyring.load(dataDir);
        Keyring.Unlock result = keyring.recover(recoveryKey, clock.instant());
        if (result instanceof Keyring.WrongPassword w) {
            throw new UserFacingException("recovery.wrongKey", w.attemptsLeft());
        }
        if (result instanceof Keyring.Locked l) {
            throw new UserFacingException("recovery.locked", java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                    .format(l.until().atZone(clock.getZone())));
        }
        Keyring.Recovered proof = (Keyring.Recovered) result;
        AppContext ctx = open != null ? open : AppContext.open(dataDir, keyring, proof.fileKey(), clock);
        try {
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
        private final java.util.List<org.huyou.security.AccountService.StaffMember> administrators;

        private Recovery(AppContext ctx, boolean owned, Keyring.Recovered proof,
                         java.util.List<org.huyou.security.AccountService.StaffMember> administrators) {
            this.ctx = ctx;
            this.owned = owned;
            this.proof = proof;
            this.administrators = administrators;
        }

        public java.util.List<org.huyou.security.AccountService.StaffMember> administrators() {
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
        if (!Keyring.exists(dataDir)) {
            throw new UserFacingException("login.notSetUp", dataDir);
        }
        Keyring keyring = Keyring.load(dataDir);
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
        Keyring.Unlock result = keyring.unlock(username, password, clock.instant());
        LoginService.checkUnlocked(result, clock.getZone());
        AppContext ctx = AppContext.open(dataDir, keyring, ((Keyring.Unlocked) result).fileKey(), clock);
        try {
            ctx.login().completeLogin(username, (Keyring.Unlocked) result);
            return ctx;
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }
}
