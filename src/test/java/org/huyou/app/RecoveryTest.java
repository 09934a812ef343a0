package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.security.AccountService;
import org.huyou.security.AuditEntry;
import org.huyou.security.AuditFilter;
import org.huyou.security.Keyring;
import org.huyou.security.Role;
import org.huyou.testing.MutableClock;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forgotten passwords and the recovery key, on a real home: the way back in, its lockout, and a new key. */
@Tag("embedded-only") // a home on a server has no recovery key
class RecoveryTest {

    static final String NEW_PASSWORD = "Lanhua-shu-2031";

    @TempDir
    Path dir;

    String setUp(MutableClock clock) {
        HomeAccess.NewHome home = HomeAccess.setUp(
                dir, new HomeAccess.Setup("滨州市儿童福利院", "", TestHome.ADMIN, "王管理", TestHome.PASSWORD), clock);
        try (AppContext ctx = home.context()) {
            ctx.accounts().create("yz", "院长", TestHome.PASSWORD, EnumSet.of(Role.DIRECTOR, Role.ADMINISTRATOR));
            ctx.accounts().create("hl", "护理员", TestHome.PASSWORD, EnumSet.of(Role.CAREGIVER));
        }
        return home.recoveryKey();
    }

    @Test
    void theRecoveryKeyGivesAnAdministratorANewPasswordAndTheOldOneStopsWorking() {
        MutableClock clock = MutableClock.startingAt(TestHome.CLOCK);
        String key = setUp(clock);
        // Typed as people type it: lower case, spaces instead of dashes.
        try (HomeAccess.Recovery recovery =
                HomeAccess.startRecovery(dir, null, key.toLowerCase().replace('-', ' '), clock)) {
            assertEquals(
                    List.of("admin", "yz"),
                    recovery.administrators().stream()
                            .map(AccountService.StaffMember::username)
                            .toList(),
                    "active administrators only");
            ValidationException weak =
                    assertThrows(ValidationException.class, () -> recovery.setPassword("admin", "short"));
            assertEquals("account.passwordTooShort", weak.errors().get(0).messageKey());
            assertEquals(
                    "recovery.noSuchAdministrator",
                    assertThrows(ValidationException.class, () -> recovery.setPassword("hl", NEW_PASSWORD))
                            .errors()
                            .get(0)
                            .messageKey(),
                    "a caregiver's password is reset by an administrator, not by the recovery key");
            recovery.setPassword("admin", NEW_PASSWORD);
        }
        assertEquals(
                "login.failed",
                assertThrows(
                                UserFacingException.class,
                                () -> HomeAccess.login(dir, "admin", TestHome.PASSWORD.toCharArray(), clock))
                        .messageKey());
        try (AppContext ctx = HomeAccess.login(dir, "admin", NEW_PASSWORD.toCharArray(), clock)) {
            List<AuditEntry> rows = ctx.audit().browse(AuditFilter.all(), 100);
            AuditEntry reset = rows.stream()
                    .filter(e -> e.action().equals("RECOVERY"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(Keyring.RECOVERY_ACTOR, reset.username());
            assertEquals("auditSummary.recoveryReset", reset.summaryKey());
            assertTrue(reset.summary().contains("{\"user\":\"admin\"}"), reset.summary());
        }
    }

    @Test
    void aWrongRecoveryKeyIsCountedAndLockedOutLikeAWrongPassword() {
        MutableClock clock = MutableClock.startingAt(TestHome.CLOCK);
        String key = setUp(clock);
        String wrong = "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH";
        for (int left = 4; left >= 1; left--) {
            UserFacingException e =
                    assertThrows(UserFacingException.class, () -> HomeAccess.startRecovery(dir, null, wrong, clock));
            assertEquals("recovery.wrongKey", e.messageKey());
            assertTrue(e.userMessage().contains(String.valueOf(left)), e.userMessage());
        }
        assertEquals(
                "recovery.locked",
                assertThrows(UserFacingException.class, () -> HomeAccess.startRecovery(dir, null, wrong, clock))
                        .messageKey());
        assertEquals(
                "recovery.locked",
                assertThrows(UserFacingException.class, () -> HomeAccess.startRecovery(dir, null, key, clock))
                        .messageKey(),
                "even the right key waits out the lock");
        clock.advance(Duration.ofMinutes(16));
        try (HomeAccess.Recovery recovery = HomeAccess.startRecovery(dir, null, key, clock)) {
            assertEquals(2, recovery.administrators().size());
        }
        try (AppContext ctx = HomeAccess.login(dir, "admin", TestHome.PASSWORD.toCharArray(), clock)) {
            List<String> actions = ctx.audit().browse(AuditFilter.all(), 100).stream()
                    .map(AuditEntry::action)
                    .toList();
            assertEquals(5, actions.stream().filter("RECOVERY_FAILED"::equals).count(), actions.toString());
            assertEquals(1, actions.stream().filter("ACCOUNT_LOCKED"::equals).count(), actions.toString());
        }
    }

    @Test
    void aNewRecoveryKeyReplacesTheOldOneAtOnce() {
        MutableClock clock = MutableClock.startingAt(TestHome.CLOCK);
        String old = setUp(clock);
        String fresh;
        try (AppContext ctx = HomeAccess.login(dir, "admin", TestHome.PASSWORD.toCharArray(), clock)) {
            byte[] fileKey = ctx.fileKey();
            fresh = ctx.accounts().newRecoveryKey();
            assertNotEquals(old, fresh);
            assertNull(ctx.keyring().unlockWithRecovery(old), "the old key no longer unlocks, in this program");
            assertArrayEquals(fileKey, ctx.keyring().unlockWithRecovery(fresh));
            assertTrue(ctx.audit().browse(AuditFilter.all(), 20).stream()
                    .anyMatch(e -> e.action().equals("RECOVERY_KEY_CHANGED")
                            && e.username().equals("admin")));
            ctx.login().logout();
            ctx.login().login("hl", TestHome.PASSWORD.toCharArray());
            assertThrows(
                    org.huyou.security.PermissionDeniedException.class,
                    () -> ctx.accounts().newRecoveryKey(),
                    "only an administrator makes a new key");
        }
        assertNull(Keyring.load(dir).unlockWithRecovery(old), "nor in the file");
        assertNotNull(Keyring.load(dir).unlockWithRecovery(fresh));
        assertEquals(
                "recovery.wrongKey",
                assertThrows(UserFacingException.class, () -> HomeAccess.startRecovery(dir, null, old, clock))
                        .messageKey());
        try (HomeAccess.Recovery recovery = HomeAccess.startRecovery(dir, null, fresh, clock)) {
            recovery.setPassword("yz", NEW_PASSWORD);
        }
        HomeAccess.login(dir, "yz", NEW_PASSWORD.toCharArray(), clock).close();
    }
}
