package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huyou.common.UserFacingException;
import org.huyou.security.Keyring;
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
     * Medians of interleaved tries, so that a busy machine slows both sides alike: an unknown name costs the same
     * Argon2 run as a known one. (Before, it was refused at once, some 100 times faster.)
     */
    @Test
    void anUnknownNameTakesAsLongAsAKnownOne() {
        TestHome.open(dir).close();
        Keyring.load(dir).setLockout(1000, 15); // no lock during the measurement: a lock answers without Argon2
        refusal(TestHome.ADMIN);
        refusal("no-such-user");
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            known.add(timed(TestHome.ADMIN));
            unknown.add(timed("no-such-user-" + (i % 3)));
        }
        double k = median(known);
        double u = median(unknown);
        assertTrue(Math.abs(u - k) <= 0.2 * k, () -> "known " + k / 1e6 + " ms, unknown " + u / 1e6 + " ms; "
                + known + " / " + unknown);
    }

    long timed(String user) {
        long start = System.nanoTime();
        refusal(user);
        return System.nanoTime() - start;
    }

    static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
