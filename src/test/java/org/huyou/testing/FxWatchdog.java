package org.huyou.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a screen test when the JavaFX thread was blocked for more than {@link #LIMIT_MS} ms: while a ping posted to
 * the FX thread waits longer than that, the thread is sampled, and a sample that shows it waiting (on a lock, a future,
 * a sleep) or inside the database or file code counts as blocked. Long stretches of plain work on the FX thread (the
 * first layout of a screen, CSS) are not failures; the longest is printed. Joins every test by auto-detection and does
 * nothing in tests without a JavaFX thread. What the test itself runs on the FX thread (a fixture's start, an
 * interact block) is not the app's doing and is left out.
 */
public final class FxWatchdog implements BeforeEachCallback, AfterEachCallback {

    static final long LIMIT_MS = 100;
    private static final String[] WAITING_ON_DATA = {
        "org.h2.",
        "org.jooq.",
        "java.sql.",
        "org.flywaydb.",
        "java.io.FileInputStream",
        "java.io.FileOutputStream",
        "java.io.RandomAccessFile",
        "sun.nio.ch.FileChannelImpl",
        "java.nio.file.Files",
        "sun.nio.fs."
    };
    /** Path arithmetic (resolve, normalize, compare): in sun.nio.fs but touches no disk. */
    private static final String[] PATH_ARITHMETIC = {
        "sun.nio.fs.UnixPath", "sun.nio.fs.WindowsPath", "sun.nio.fs.AbstractPath", "sun.nio.fs.Util"
    };

    private Thread watcher;
    private volatile boolean running;
    private final List<String> blocked = new ArrayList<>();
    private final AtomicLong longestStall = new AtomicLong();

    @Override
    public void beforeEach(ExtensionContext context) {
        blocked.clear();
        longestStall.set(0);
        running = true;
        watcher = new Thread(this::watch, "fx-watchdog");
        watcher.setDaemon(true);
        watcher.start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        running = false;
        watcher.join(2_000);
        if (longestStall.get() > LIMIT_MS) {
            System.err.printf(
                    "FX thread: longest stall %d ms in %s (working, not waiting)%n",
                    longestStall.get(), context.getDisplayName());
        }
        if (!blocked.isEmpty()) {
            throw new AssertionError("the JavaFX thread was blocked for more than " + LIMIT_MS + " ms:\n"
                    + String.join("\n---\n", blocked));
        }
    }

    private void watch() {
        AtomicLong postedAt = new AtomicLong();
        boolean sampledThisStall = false;
        while (running) {
            Thread fx = fxThread();
            long now = System.nanoTime();
            if (fx == null) {
                pause(200); // no screen in this test (yet): look again later, cheaply
                continue;
            }
            {
                long posted = postedAt.get();
                if (posted == 0) {
                    postedAt.set(now);
                    sampledThisStall = false;
                    try {
                        Platform.runLater(() -> {
                            long stall = (System.nanoTime() - postedAt.get()) / 1_000_000;
                            longestStall.accumulateAndGet(stall, Math::max);
                            postedAt.set(0);
                        });
                    } catch (IllegalStateException toolkitGone) {
                        postedAt.set(0);
                    }
                } else if (!sampledThisStall && (now - posted) / 1_000_000 > LIMIT_MS) {
                    String why = blockedBy(fx);
                    if (why != null) {
                        synchronized (blocked) {
                            blocked.add(why);
                        }
                        sampledThisStall = true;
                    }
                }
            }
            pause(5);
        }
    }

    private void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            running = false;
        }
    }

    /** What the FX thread is waiting on, or null when it is working (or idle). */
    static String blockedBy(Thread fx) {
        // one snapshot of state and stack together: read apart, a thread caught at a safepoint (a GC pause) showed
        // WAITING beside a stack that was plainly working (HashMap.hash), and failed a test for nothing
        java.lang.management.ThreadInfo info =
                java.lang.management.ManagementFactory.getThreadMXBean().getThreadInfo(fx.getId(), Integer.MAX_VALUE);
        if (info == null) {
            return null;
        }
        StackTraceElement[] stack = info.getStackTrace();
        Thread.State state = info.getThreadState();
        boolean inData = false;
        if (stack.length > 0
                && stack[0].isNativeMethod()
                && stack[0].getClassName().equals("java.lang.Class")) {
            // linking a class the first time (its methods or fields): the JVM's loading, which reads as WAITING
            // while another thread loads a class it needs (seen with the JDK's locale data, as a screen first opened)
            return null;
        }
        for (StackTraceElement e : stack) {
            if (e.getClassName().startsWith("org.testfx.")) {
                return null; // the test's own set-up or action run on the FX thread (a fixture's start, interact)
            }
            if (e.getClassName().startsWith("jdk.internal.loader.")
                    || e.getClassName().equals("java.lang.invoke.InnerClassLambdaMetafactory")) {
                // loading a class (or spinning a lambda's) the first time a screen opens: code, not the app's data;
                // the JVM's class definition lock reads as WAITING on a loaded machine
                return null;
            }
            if (!isPathArithmetic(e.getClassName())) {
                for (String p : WAITING_ON_DATA) {
                    inData |= e.getClassName().startsWith(p);
                }
            }
        }
        if (insideToolkit(stack)) {
            return null;
        }
        boolean waiting =
                state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
        if (!inData && !waiting) {
            return null;
        }
        StringBuilder sb = new StringBuilder(state + (inData ? " in database or file code" : "") + ":");
        for (int i = 0; i < Math.min(25, stack.length); i++) {
            sb.append("\n\tat ").append(stack[i]);
        }
        return sb.toString();
    }

    private static boolean isPathArithmetic(String className) {
        for (String p : PATH_ARITHMETIC) {
            if (className.equals(p) || className.startsWith(p + "$")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the nearest frame outside the JDK is JavaFX's own: waiting for the render thread, idle between events,
     * loading a font. The toolkit's housekeeping, not the app waiting.
     */
    private static boolean insideToolkit(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (c.startsWith("java.")
                    || c.startsWith("jdk.")
                    || c.startsWith("sun.")
                    || c.startsWith("javax.")
                    || c.startsWith("com.sun.crypto.")) {
                continue;
            }
            return c.startsWith("com.sun.javafx.")
                    || c.startsWith("com.sun.glass.")
                    || c.startsWith("com.sun.prism.")
                    || c.startsWith("com.sun.scenario.")
                    || c.startsWith("javafx."); // scenario: effects' peers
        }
        return true;
    }

    private static volatile Thread fxThread;

    private static Thread fxThread() {
        Thread known = fxThread;
        if (known != null && known.isAlive()) {
            return known;
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("JavaFX Application Thread")) {
                fxThread = t;
                return t;
            }
        }
        return null;
    }
}
