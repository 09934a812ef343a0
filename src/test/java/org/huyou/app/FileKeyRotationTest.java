package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.huyou.backup.FileKeyRotation;
import org.huyou.common.UserFacingException;
import org.huyou.db.Database;
import org.huyou.security.AccountService;
import org.huyou.security.AuditFilter;
import org.huyou.security.KeyWrap;
import org.huyou.security.Keyring;
import org.huyou.security.Passwords;
import org.huyou.security.PermissionDeniedException;
import org.huyou.security.Role;
import org.huyou.testing.MutableClock;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys that change, on real H2 files: after a deactivation or an administrator's rotation, a copy of the keyring from
 * before and a password that was valid then no longer open the database, every remaining account and the recovery key
 * do; a rotation stopped at any step leaves a home that opens; backups from before still restore.
 */
@Tag("embedded-only") // a home on a server has no file key
class FileKeyRotationTest {

    static final String OTHER = "Lanhua-shu-2031";

    @TempDir
    Path dir;
    /** Backups, stolen keyrings and other homes, outside the home's folder. */
    @TempDir
    Path scratch;

    MutableClock clock = MutableClock.startingAt(TestHome.CLOCK);

    /** A home with a director-administrator, a caregiver and a nurse, some residents; returns the recovery key. */
    String setUp() {
        HomeAccess.NewHome home = HomeAccess.setUp(
                dir, new HomeAccess.Setup("滨州市儿童福利院", "", TestHome.ADMIN, "王管理", TestHome.PASSWORD), clock);
        try (AppContext ctx = home.context()) {
            ctx.accounts().create("yz", "院长", OTHER, EnumSet.of(Role.DIRECTOR, Role.ADMINISTRATOR));
            ctx.accounts().create("hl", "护理员", TestHome.PASSWORD, EnumSet.of(Role.CAREGIVER));
            ctx.accounts().create("ys", "医生", TestHome.PASSWORD, EnumSet.of(Role.MEDICAL_STAFF));
            ctx.demoHome().load(5, 3);
        }
        return home.recoveryKey();
    }

    AppContext login(String user, String password) {
        return HomeAccess.login(dir, user, password.toCharArray(), clock);
    }

    long accountId(AppContext ctx, String username) {
        return ctx.accounts().accounts().stream()
                .filter(a -> a.username().equals(username))
                .findFirst()
                .orElseThrow()
                .id();
    }

    byte[] keyringCopy() throws IOException {
        return Files.readAllBytes(dir.resolve(Keyring.FILE));
    }

    /** The file key an old copy of the keyring gives for a password (through its own lockout, as an attacker would). */
    byte[] fileKeyFrom(byte[] oldKeyring, String user, String password) throws IOException {
        Path elsewhere = Files.createTempDirectory(scratch, "stolen");
        Files.write(elsewhere.resolve(Keyring.FILE), oldKeyring);
        Keyring.Unlock u = Keyring.load(elsewhere).unlock(user, password.toCharArray(), clock.instant());
        return assertInstanceOf(Keyring.Unlocked.class, u, "the old keyring still unwraps its old key")
                .fileKey();
    }

    /** Opening the current database file with a key fails with H2's wrong-key error. */
    void doesNotOpen(byte[] fileKey) {
        UserFacingException e = assertThrows(
                UserFacingException.class, () -> Database.openH2(dir, fileKey).close());
        assertEquals("error.databaseKey", e.messageKey());
    }

    void refused(String user, String password) {
        assertEquals(
                "login.failed",
                assertThrows(
                                UserFacingException.class,
                                () -> login(user, password).close())
                        .messageKey(),
                user + " must not open the home");
    }

    @Test
    void afterADeactivationTheOldKeyringAndPasswordOpenNothingAndEveryoneElseLogsIn() throws Exception {
        String recovery = setUp();
        byte[] before = keyringCopy();
        Map<String, String> content;
        try (AppContext ctx = login(TestHome.ADMIN, TestHome.PASSWORD)) {
            ctx.accounts().update(accountId(ctx, "hl"), "护理员", EnumSet.of(Role.CAREGIVER), false);
            assertNotNull(ctx.accounts().fileKeyRotationDue(), "a deactivation asks for a new file key");
            HomeAccess.Rotation r = HomeAccess.rotateIfDue(ctx, (done, total) -> {});
            assertTrue(r.rotated());
            assertEquals(List.of(), r.lostAccess(), "every remaining holder has a key pair");
            try (AppContext reopened = r.context()) {
                assertEquals(TestHome.ADMIN, reopened.currentUser().username(), "the same user goes on working");
                assertEquals(null, reopened.accounts().fileKeyRotationDue());
                content = BackupRestoreTest.contentOf(reopened);
                assertTrue(content.get("RESIDENT").startsWith("5:"), content.toString());
                assertTrue(reopened.audit().browse(AuditFilter.all(), 50).stream()
                        .anyMatch(e -> e.action().equals("FILE_KEY_ROTATED")
                                && e.summary().contains("auditSummary.reasonDeactivated")
                                && e.summary().contains("{\"user\":\"hl\"}")));
            }
        }
        // The deactivated caregiver with the keyring copied before: the old key, which opens nothing now.
        doesNotOpen(fileKeyFrom(before, "hl", TestHome.PASSWORD));
        doesNotOpen(fileKeyFrom(before, TestHome.ADMIN, TestHome.PASSWORD));
        refused("hl", TestHome.PASSWORD);
        for (String[] who :
                new String[][] {{TestHome.ADMIN, TestHome.PASSWORD}, {"yz", OTHER}, {"ys", TestHome.PASSWORD}}) {
            try (AppContext ctx = login(who[0], who[1])) {
                assertEquals(who[0], ctx.currentUser().username());
            }
        }
        try (HomeAccess.Recovery r = HomeAccess.startRecovery(dir, null, recovery, clock)) {
            assertEquals(
                    List.of(TestHome.ADMIN, "yz"),
                    r.administrators().stream()
                            .map(AccountService.StaffMember::username)
                            .toList(),
                    "the recovery key opens the new key");
        }
        try (AppContext ctx = login(TestHome.ADMIN, TestHome.PASSWORD)) {
            Map<String, String> now = BackupRestoreTest.contentOf(ctx);
            assertEquals(content.get("RESIDENT"), now.get("RESIDENT"), "the re-encrypted file holds the same rows");
        }
    }

    @Test
    void anAdministratorRotatesOnDemandWithProgressAndACaregiverMayNot() throws Exception {
        setUp();
        byte[] before = keyringCopy();
        List<Long> progress = new ArrayList<>();
        try (AppContext ctx = login("hl", TestHome.PASSWORD)) {
            assertThrows(PermissionDeniedException.class, () -> HomeAccess.rotateFileKey(ctx, (d, t) -> {}));
        }
        byte[] oldKey;
        try (AppContext ctx = login("yz", OTHER)) {
            oldKey = ctx.fileKey();
            HomeAccess.Rotation r = HomeAccess.rotateFileKey(ctx, (done, total) -> {
                progress.add(done);
                assertTrue(done <= total);
            });
            try (AppContext reopened = r.context()) {
                assertFalse(java.util.Arrays.equals(oldKey, reopened.fileKey()), "a new key");
                assertFalse(
                        reopened.residents()
                                .search(org.huyou.residents.ResidentFilter.all(), 100)
                                .isEmpty(),
                        "the director reads on");
            }
        }
        assertFalse(progress.isEmpty());
        assertFalse(Files.exists(dir.resolve(FileKeyRotation.FOLDER)), "nothing left over");
        assertArrayEquals(oldKey, fileKeyFrom(before, "yz", OTHER));
        doesNotOpen(oldKey);
        for (String u : List.of(TestHome.ADMIN, "hl", "ys")) {
            login(u, TestHome.PASSWORD).close();
        }
    }

    /** Turns an account's keyring entry into the format before key pairs: the file key wrapped under the password. */
    void makeFormatOne(String user, String password, byte[] fileKey) throws IOException {
        Path f = dir.resolve(Keyring.FILE);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        p.stringPropertyNames().stream()
                .filter(n -> n.startsWith("user." + user + "."))
                .forEach(p::remove);
        byte[] salt = KeyWrap.random(16);
        p.setProperty("user." + user + ".salt", KeyWrap.hex(salt));
        p.setProperty(
                "user." + user + ".wrapped",
                KeyWrap.hex(KeyWrap.wrap(Passwords.deriveKey(password.toCharArray(), salt), fileKey)));
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            p.store(w, null);
        }
    }

    @Test
    void anOldAccountGetsItsKeyPairAtLoginAndOneWithoutLosesItsWrapUntilAReset() throws Exception {
        setUp();
        byte[] key;
        try (AppContext ctx = login(TestHome.ADMIN, TestHome.PASSWORD)) {
            key = ctx.fileKey();
        }
        makeFormatOne("hl", TestHome.PASSWORD, key);
        makeFormatOne("ys", TestHome.PASSWORD, key);
        assertFalse(Keyring.load(dir).hasKeyPair("hl"));
        login("hl", TestHome.PASSWORD).close();
        assertTrue(Keyring.load(dir).hasKeyPair("hl"), "migrated at its login, its password known");
        assertFalse(Keyring.load(dir).hasKeyPair("ys"));
        try (AppContext ctx = login(TestHome.ADMIN, TestHome.PASSWORD)) {
            HomeAccess.Rotation r = HomeAccess.rotateFileKey(ctx, (d, t) -> {});
            assertEquals(List.of("ys"), r.lostAccess(), "never logged in since: no key pair to rewrap to");
            try (AppContext reopened = r.context()) {
                assertTrue(reopened.audit().browse(AuditFilter.all(), 20).stream()
                        .anyMatch(e -> e.action().equals("FILE_KEY_ROTATED")
                                && e.summary().contains("ys")));
                refused("ys", TestHome.PASSWORD);
                reopened.accounts().resetPassword(accountId(reopened, "ys"), OTHER);
            }
        }
        login("hl", TestHome.PASSWORD).close();
        login("ys", OTHER).close();
    }

    @Test
    void aRotationStoppedAtAnyStepLeavesAHomeThatOpens() throws Exception {
        setUp();
        Map<String, String> content;
        try (AppContext ctx = login(TestHome.ADMIN, TestHome.PASSWORD)) {
            content = BackupRestoreTest.contentOf(ctx);
        }
        content.remove("AUDIT_LOG");
        content.remove("AUDIT_HEAD");
        // null: killed halfway through writing the new database
        List<FileKeyRotation.Step> stops = new ArrayList<>();
        stops.add(null);
        stops.addAll(List.of(FileKeyRotation.Step.values()));
        for (FileKeyRotation.Step stop : stops) {
            byte[] oldKey;
            byte[] ringBefore = keyringCopy();
            try (AppContext ctx = login(TestHome.ADMIN, TestHome.PASSWORD)) {
                oldKey = ctx.fileKey();
                Keyring ring = ctx.keyring();
                ctx.close();
                RuntimeException killed = assertThrows(
                        RuntimeException.class,
                        () -> FileKeyRotation.rotate(
                                dir,
                                ring,
                                oldKey,
                                (done, total) -> {
                                    if (stop == null && done > total / 2) {
                                        throw new IllegalStateException("killed while writing");
                                    }
                                },
                                step -> {
                                    if (step == stop) {
                                        throw new IllegalStateException("killed at " + step);
                                    }
                                }));
                assertTrue(killed.getMessage().startsWith("killed"), killed.toString());
            }
            assertTrue(Files.exists(dir.resolve(FileKeyRotation.FOLDER)), "a rotation under way was left");
            boolean committed = stop != null && stop != FileKeyRotation.Step.DATABASE_WRITTEN;
            try (AppContext ctx = login(TestHome.ADMIN, TestHome.PASSWORD)) {
                assertFalse(Files.exists(dir.resolve(FileKeyRotation.FOLDER)), "finished or undone at the login");
                assertEquals(!committed, java.util.Arrays.equals(oldKey, ctx.fileKey()), "at " + stop);
                Map<String, String> now = BackupRestoreTest.contentOf(ctx);
                now.remove("AUDIT_LOG");
                now.remove("AUDIT_HEAD");
                assertEquals(content, now, "at " + stop);
            }
            if (!committed) {
                Properties before = new Properties();
                before.load(new java.io.ByteArrayInputStream(ringBefore));
                assertEquals(before.getProperty("file.id"), Keyring.load(dir).fileKeyId(), "the old pair stands");
            } else {
                doesNotOpen(oldKey);
            }
            login("yz", OTHER).close();
        }
    }

    @Test
    void aBackupFromBeforeARotationStillRestoresAndVerifies() throws Exception {
        setUp();
        Path backup = scratch.resolve("before.huyou-backup");
        Map<String, String> atBackup;
        try (AppContext ctx = login(TestHome.ADMIN, TestHome.PASSWORD)) {
            ctx.backups().backupTo(backup);
            atBackup = BackupRestoreTest.contentOf(ctx);
            HomeAccess.rotateFileKey(ctx, (d, t) -> {}).context().close();
        }
        try (AppContext ctx = login(TestHome.ADMIN, TestHome.PASSWORD)) {
            assertTrue(ctx.backups().verify(backup), "the home knows the key the backup was made under");
            HomeAccess.restore(ctx, backup);
        }
        try (AppContext ctx = login(TestHome.ADMIN, TestHome.PASSWORD)) {
            Map<String, String> now = BackupRestoreTest.contentOf(ctx);
            assertEquals(atBackup.get("RESIDENT"), now.get("RESIDENT"));
            assertEquals(atBackup.get("ACCOUNT"), now.get("ACCOUNT"));
        }
        // Into an empty folder, the backup's own keyring and the password of its day open it, as before.
        // (by an administrator of the backup's day: a restore into a new folder asks 备份与恢复·审批)
        try (AppContext fresh =
                HomeAccess.restoreIntoNewFolder(scratch.resolve("fresh"), backup, "yz", OTHER.toCharArray(), clock)) {
            assertEquals("yz", fresh.currentUser().username());
        }
        HomeAccess.login(scratch.resolve("fresh"), "hl", TestHome.PASSWORD.toCharArray(), clock)
                .close();
    }
}
