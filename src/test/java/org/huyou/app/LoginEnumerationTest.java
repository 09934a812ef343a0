package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        return assertThrows(
                UserFacingException.class,
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

    /**
     * And it takes as long, within 20%: the fastest of interleaved tries on each side, since a busy machine only ever
     * adds time (medians of the same tries differed by 20% under CI's load while the fastest agreed within 1%).
     */
    @Test
    void anUnknownNameTakesAsLongAsAKnownOne() {
        TestHome.open(dir).close();
        Keyring.load(dir).setLockout(1000, 15);
        refusal(TestHome.ADMIN);
        refusal("no-such-user");
        long known = Long.MAX_VALUE;
        long unknown = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            // each side goes first in turn: the second of two Argon2 runs in a row was seen to be slower
            if (i % 2 == 0) {
                known = Math.min(known, timed(TestHome.ADMIN));
                unknown = Math.min(unknown, timed("no-such-user-" + (i % 3)));
            } else {
                unknown = Math.min(unknown, timed("no-such-user-" + (i % 3)));
                known = Math.min(known, timed(TestHome.ADMIN));
            }
        }
        double k = known / 1e6;
        double u = unknown / 1e6;
        assertTrue(Math.abs(u - k) <= 0.2 * k, () -> "fastest known " + k + " ms, fastest unknown " + u + " ms");
    }

    long timed(String user) {
        long start = System.nanoTime();
        refusal(user);
        return System.nanoTime() - start;
    }
}
