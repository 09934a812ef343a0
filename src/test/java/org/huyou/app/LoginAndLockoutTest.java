package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.huyou.common.UserFacingException;
import org.huyou.security.AuditEntry;
import org.huyou.security.AuditFilter;
import org.huyou.security.Keyring;
import org.huyou.security.Passwords;
import org.huyou.security.Role;
import org.huyou.testing.MutableClock;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginAndLockoutTest {

    @TempDir
    Path dir;

    @Test
    void passwordsAreArgon2idWithOwaspMinimumInPhcForm() {
        String phc = Passwords.hash("correct-horse-1");
        assertTrue(phc.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), phc);
        assertTrue(Passwords.verify("correct-horse-1", phc));
        assertTrue(!Passwords.verify("correct-horse-2", phc));
    }

    @Test
    void fiveWrongPasswordsLockForFifteenMinutesAndEveryAttemptIsAudited() {
        MutableClock clock = MutableClock.startingAt(TestHome.CLOCK);
        TestHome.open(dir, clock).close();
        char[] wrong = "wrong-password".toCharArray();
        for (int i = 1; i <= 4; i++) {
            UserFacingException e =
                    assertThrows(UserFacingException.class, () -> HomeAccess.login(dir, TestHome.ADMIN, wrong, clock));
            assertEquals("login.failed", e.messageKey());
        }
        UserFacingException locked =
                assertThrows(UserFacingException.class, () -> HomeAccess.login(dir, TestHome.ADMIN, wrong, clock));
        assertEquals("login.locked", locked.messageKey());
        UserFacingException stillLocked = assertThrows(
                UserFacingException.class,
                () -> HomeAccess.login(dir, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), clock));
        assertEquals("login.locked", stillLocked.messageKey(), "even the right password waits out the lock");

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        try (AppContext ctx = HomeAccess.login(dir, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), clock)) {
            List<String> actions = ctx.audit().browse(AuditFilter.all(), 100).stream()
                    .map(AuditEntry::action)
                    .toList();
            assertEquals(5, actions.stream().filter("LOGIN_FAILED"::equals).count(), actions.toString());
            assertEquals(1, actions.stream().filter("ACCOUNT_LOCKED"::equals).count());
            assertEquals(
                    1, actions.stream().filter("LOGIN_REFUSED_LOCKED"::equals).count());
            assertEquals("LOGIN", actions.get(0));
        }
    }

    @Test
    void theLockoutPolicyIsConfigurableAndValidated() {
        try (AppContext ctx = TestHome.open(dir)) {
            assertThrows(
                    org.huyou.common.ValidationException.class,
                    () -> ctx.accounts()
                            .setSecurityPolicy(new org.huyou.security.AccountService.SecurityPolicy(0, 5, 15)));
            ctx.accounts().setSecurityPolicy(new org.huyou.security.AccountService.SecurityPolicy(5, 3, 30));
            assertEquals(5, ctx.accounts().idleLockMinutes());
        }
        char[] wrong = "wrong-password".toCharArray();
        for (int i = 0; i < 2; i++) {
            assertEquals(
                    "login.failed",
                    assertThrows(
                                    UserFacingException.class,
                                    () -> HomeAccess.login(dir, TestHome.ADMIN, wrong, TestHome.CLOCK))
                            .messageKey());
        }
        assertEquals(
                "login.locked",
                assertThrows(
                                UserFacingException.class,
                                () -> HomeAccess.login(dir, TestHome.ADMIN, wrong, TestHome.CLOCK))
                        .messageKey());
    }

    @Test
    void passwordChangeRewrapsTheKeyAndDeactivationRemovesIt() {
        try (AppContext ctx = TestHome.open(dir)) {
            ctx.accounts().create("zhao", "赵护士", TestHome.PASSWORD, EnumSet.of(Role.MEDICAL_STAFF));
            ctx.login().logout();
            ctx.login().login("zhao", TestHome.PASSWORD.toCharArray());
            ctx.accounts().changeOwnPassword(TestHome.PASSWORD, "a-new-password-9");
        }
        assertThrows(
                UserFacingException.class,
                () -> HomeAccess.login(dir, "zhao", TestHome.PASSWORD.toCharArray(), TestHome.CLOCK));
        try (AppContext ctx = HomeAccess.login(dir, "zhao", "a-new-password-9".toCharArray(), TestHome.CLOCK)) {
            assertEquals("zhao", ctx.currentUser().username());
        }
        try (AppContext ctx = TestHome.open(dir)) {
            long id = ctx.accounts().accounts().stream()
                    .filter(a -> a.username().equals("zhao"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            ctx.accounts().update(id, "赵护士", EnumSet.of(Role.MEDICAL_STAFF), false);
            assertThrows(
                    UserFacingException.class,
                    () -> ctx.accounts()
                            .update(
                                    ctx.currentUser().session().orElseThrow().accountId(),
                                    "x",
                                    EnumSet.of(Role.DIRECTOR),
                                    true),
                    "the last administrator keeps the role");
        }
        assertTrue(!Keyring.load(dir).hasUser("zhao"));
        assertThrows(
                UserFacingException.class,
                () -> HomeAccess.login(dir, "zhao", "a-new-password-9".toCharArray(), TestHome.CLOCK));
    }

    @Test
    void theRecoveryKeyUnwrapsTheSameKey() {
        HomeAccess.Setup setup = new HomeAccess.Setup("家", "", "admin", null, TestHome.PASSWORD);
        assertTrue(!setup.toString().contains(TestHome.PASSWORD), setup.toString());
        HomeAccess.NewHome home = HomeAccess.setUp(dir, setup, TestHome.CLOCK);
        home.context().close();
        Keyring k = Keyring.load(dir);
        byte[] viaRecovery =
                k.unlockWithRecovery(home.recoveryKey().toLowerCase().replace("-", " "));
        assertNotNull(viaRecovery);
        var viaPassword =
                (Keyring.Unlocked) k.unlock("admin", TestHome.PASSWORD.toCharArray(), TestHome.CLOCK.instant());
        assertTrue(java.util.Arrays.equals(viaRecovery, viaPassword.fileKey()));
        assertEquals(null, k.unlockWithRecovery("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"));
    }
}
