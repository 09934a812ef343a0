package org.huyou.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.huyou.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keyring and its login journal take their times from the app's clock, so a test can move time. */
class KeyringClockTest {

    @TempDir
    Path dir;

    @Test
    void theLockOutAndTheJournalsOwnLinesFollowTheInjectedClock() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2031-05-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        Keyring.create(dir, "admin", "correct-horse-1".toCharArray(), clock);
        Keyring k = Keyring.load(dir, clock);
        Keyring.Unlock last = null;
        for (int i = 0; i < k.maxAttempts(); i++) {
            last = k.unlock("admin", "wrong-password".toCharArray(), clock.instant());
        }
        assertInstanceOf(Keyring.Locked.class, last);
        assertTrue(k.lockedUntil("admin", clock.instant()).isPresent());
        clock.advance(Duration.ofMinutes(k.lockMinutes() + 1));
        assertFalse(k.lockedUntil("admin", clock.instant()).isPresent(), "the lock ran out on the moved clock");

        String journal = Files.readString(dir.resolve(LoginAttempts.FILE));
        assertTrue(
                journal.lines().filter(l -> l.contains("\tCHECKPOINT\t")).allMatch(l -> l.contains("\t2031-05-01T")),
                "the journal's own lines are dated by the app's clock, not the PC's: " + journal);
    }
}
