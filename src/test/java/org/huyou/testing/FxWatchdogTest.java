package org.huyou.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** What the watchdog counts as the FX thread being blocked, judged on ordinary threads in each state. */
class FxWatchdogTest {

    @Test
    void waitingOnALockOrASleepIsBlockedButWorkingIsNot() throws Exception {
        Object lock = new Object();
        CountDownLatch started = new CountDownLatch(3);
        Thread sleeper = new Thread(() -> {
            started.countDown();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException ignored) {
                // ended by the test
            }
        });
        Thread locked = new Thread(() -> {
            started.countDown();
            synchronized (lock) {
                lock.hashCode();
            }
        });
        Thread worker = new Thread(() -> {
            started.countDown();
            long x = 0;
            while (!Thread.currentThread().isInterrupted()) {
                x += System.nanoTime() % 7;
            }
        });
        synchronized (lock) {
            sleeper.start();
            locked.start();
            worker.start();
            started.await();
            Thread.sleep(200);
            String sleeping = FxWatchdog.blockedBy(sleeper);
            assertNotNull(sleeping);
            assertTrue(sleeping.startsWith("TIMED_WAITING"), sleeping);
            String blocked = FxWatchdog.blockedBy(locked);
            assertNotNull(blocked);
            assertTrue(blocked.startsWith("BLOCKED"), blocked);
            assertNull(FxWatchdog.blockedBy(worker), "plain work is not waiting");
        }
        sleeper.interrupt();
        worker.interrupt();
        locked.join(2_000);
        sleeper.join(2_000);
        worker.join(2_000);
    }
}
