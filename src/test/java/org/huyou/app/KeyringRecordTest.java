package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.huyou.common.UserFacingException;
import org.huyou.security.AuditEntry;
import org.huyou.security.AuditFilter;
import org.huyou.security.Keyring;
import org.huyou.security.KeyringRecord;
import org.huyou.security.Role;
import org.huyou.testing.MutableClock;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database's record of the keyring (ADR 0011): an older copy of the keyring put back after a password reset or a
 * new recovery key is refused, a keyring the record does not know is left to the keyring's own checks, and a new file
 * key starts a new history.
 */
@Tag("embedded-only") // a server home has no keyring to put back
class KeyringRecordTest {

    static final String NEW_PASSWORD = "Lanhua-shu-2031";

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.startingAt(TestHome.CLOCK);

    private String setUp() {
        HomeAccess.NewHome home = HomeAccess.setUp(
                dir, new HomeAccess.Setup("滨州市儿童福利院", "", TestHome.ADMIN, "王管理", TestHome.PASSWORD), clock);
        try (AppContext ctx = home.context()) {
            ctx.accounts().create("hl", "护理员", TestHome.PASSWORD, EnumSet.of(Role.CAREGIVER));
        }
        return home.recoveryKey();
    }

    private byte[] keyringBytes() throws IOException {
        return Files.readAllBytes(dir.resolve(Keyring.FILE));
    }

    private void putBack(byte[] older) throws IOException {
        Files.write(dir.resolve(Keyring.FILE), older);
    }

    private long accountId(AppContext ctx, String username) {
        return ctx.accounts().accounts().stream()
                .filter(a -> a.username().equals(username))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private List<AuditEntry> refusals() {
        try (AppContext ctx = HomeAccess.login(dir, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), clock)) {
            return ctx.audit().browse(AuditFilter.all(), 200).stream()
                    .filter(e -> e.action().equals("KEYRING_REFUSED"))
                    .toList();
        }
    }

    @Test
    void anOlderKeyringPutBackAfterAPasswordResetIsRefusedAndAudited() throws IOException {
        setUp();
        byte[] older = keyringBytes(); // hl's password leaked: someone keeps this copy
        try (AppContext ctx = HomeAccess.login(dir, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), clock)) {
            ctx.accounts().resetPassword(accountId(ctx, "hl"), NEW_PASSWORD);
        }
        byte[] current = keyringBytes();

        putBack(older);
        UserFacingException e = assertThrows(
                UserFacingException.class, () -> HomeAccess.login(dir, "hl", TestHome.PASSWORD.toCharArray(), clock));
        assertEquals("login.staleKeyring", e.messageKey());

        putBack(current);
        assertEquals(
                "login.failed",
                assertThrows(
                                UserFacingException.class,
                                () -> HomeAccess.login(dir, "hl", TestHome.PASSWORD.toCharArray(), clock))
                        .messageKey(),
                "the old password does not open the current keyring");
        try (AppContext ctx = HomeAccess.login(dir, "hl", NEW_PASSWORD.toCharArray(), clock)) {
            assertEquals("hl", ctx.currentUser().username());
        }
        List<AuditEntry> refused = refusals();
        assertEquals(1, refused.size(), refused.toString());
        assertEquals("hl", refused.get(0).username());
        assertEquals("keyring", refused.get(0).entity());
    }

    @Test
    void aReplacedRecoveryKeyThroughAnOlderKeyringIsRefused() throws IOException {
        String oldKey = setUp();
        byte[] older = keyringBytes();
        String newKey;
        try (AppContext ctx = HomeAccess.login(dir, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), clock)) {
            newKey = ctx.accounts().newRecoveryKey();
        }
        byte[] current = keyringBytes();

        putBack(older);
        UserFacingException e = assertThrows(
                UserFacingException.class,
                () -> HomeAccess.startRecovery(dir, null, oldKey, clock).close());
        assertEquals("recovery.replacedKey", e.messageKey());

        putBack(current);
        assertEquals(
                "recovery.wrongKey",
                assertThrows(
                                UserFacingException.class,
                                () -> HomeAccess.startRecovery(dir, null, oldKey, clock)
                                        .close())
                        .messageKey());
        try (HomeAccess.Recovery recovery = HomeAccess.startRecovery(dir, null, newKey, clock)) {
            recovery.setPassword(TestHome.ADMIN, NEW_PASSWORD);
        }
        try (AppContext ctx = HomeAccess.login(dir, TestHome.ADMIN, NEW_PASSWORD.toCharArray(), clock)) {
            assertTrue(ctx.audit().browse(AuditFilter.all(), 200).stream()
                    .anyMatch(a ->
                            a.action().equals("KEYRING_REFUSED") && a.username().equals(Keyring.RECOVERY_ACTOR)));
        }
    }

    @Test
    void aKeyringTheRecordDoesNotKnowIsLeftToTheKeyringsOwnChecks() throws IOException {
        setUp();
        // edited outside the program: a harmless line added, so its fingerprint is one the record never saw
        String text = new String(keyringBytes(), StandardCharsets.UTF_8) + "note.byHand=1\n";
        Files.writeString(dir.resolve(Keyring.FILE), text);
        try (AppContext ctx = HomeAccess.login(dir, "hl", TestHome.PASSWORD.toCharArray(), clock)) {
            assertEquals(KeyringRecord.Verdict.UNKNOWN, ctx.keyringRecord().verdict(Keyring.load(dir)));
        }
        assertEquals(List.of(), refusals());
    }

    @Test
    void aNewFileKeyStartsAFreshHistory() throws IOException {
        setUp();
        byte[] beforeReset = keyringBytes();
        try (AppContext ctx = HomeAccess.login(dir, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), clock)) {
            ctx.accounts().resetPassword(accountId(ctx, "hl"), NEW_PASSWORD);
            KeyringRecord.State before = ctx.keyringRecord().state().orElseThrow();
            assertTrue(before.history().size() >= 2, before.toString());
            try (AppContext rotated =
                    HomeAccess.rotateFileKey(ctx, (done, total) -> {}).context()) {
                KeyringRecord.State after = rotated.keyringRecord().state().orElseThrow();
                assertEquals(List.of(), after.history(), "a rotation starts a fresh history");
                assertEquals(Keyring.load(dir).fileKeyId(), after.fileKeyId());
                assertEquals(Keyring.load(dir).fingerprint(), after.current());
                rotated.accounts().resetPassword(accountId(rotated, "hl"), "Third-horse-2032");
                KeyringRecord.State next = rotated.keyringRecord().state().orElseThrow();
                assertEquals(List.of(after.current()), next.history());
            }
        }
        putBack(beforeReset); // under the old file key: it no longer opens the database at all
        assertThrows(
                RuntimeException.class,
                () -> HomeAccess.login(dir, "hl", TestHome.PASSWORD.toCharArray(), clock)
                        .close());
    }
}
