package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.huyou.common.UserFacingException;
import org.huyou.security.Keyring;
import org.huyou.security.Passwords;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The login screen does not tell whether a user name exists: same sentence, same lockout, same time. */
class LoginEnumerationTest {

    @TempDir
    Path dir;

    UserFacingException refusal(String user) {
        return assertThrows(UserFacingException.class,
                () -> HomeAccess.login(dir, user, "wrong-password".toCharArray(), TestHome.CLOCK));
    }

    @Test
    void anUnknownNameGetsTheSameSentencesAndLockoutAsAKnownOne() {
        TestHome.open(dir).close();
        for (int i = 0; i < 4; i++) {
            UserFacingException known = refusal(TestHome.ADMIN);
            UserFacingException unknown = refusal("no-such-user");
            assertEquals(known.messageKey(), unknown.messageKey());
            assertEquals(known.userMessage(), unknown.userMessage());
        }
        UserFacingException known = refusal(TestHome.ADMIN);
        UserFacingException unknown = refusal("no-such-user");
        assertEquals("login.locked", known.messageKey());
        assertEquals(known.userMessage(), unknown.userMessage(), "a made-up name is locked out the same way");
        assertEquals("login.failed", refusal("王 老师").messageKey(), "not even a name no account could have");
    }

    /**
     * An unknown name costs the same Argon2 run as a known one (before, it was refused at once, some 100 times
     * faster). Counted, not timed: on a busy machine a stopwatch's medians differ by more than the margin.
     */
    @Test
    void anUnknownNameCostsTheSameArgon2RunAsAKnownOne() {
        TestHome.open(dir).close();
        Keyring.load(dir).setLockout(1000, 15); // no lock during the count: a lock answers without Argon2
        for (String user : List.of(TestHome.ADMIN, "no-such-user", "王 老师", "")) {
            long before = Passwords.runsOnThisThread();
            refusal(user);
            assertEquals(1, Passwords.runsOnThisThread() - before, "Argon2 runs for a refused login as '" + user + "'");
        }
    }
}
