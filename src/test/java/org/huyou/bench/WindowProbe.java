package org.huyou.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.stage.Window;
import org.huyou.shell.GuiMain;

/**
 * Runs in its own JVM: starts the real app on a home (as {@code java -jar huyou.jar} does), logs in as a user would
 * type it (at once, or over {@code --typing-ms=N}), and reports when the main window shows the resident list filled
 * ({@code READY <ms since JVM start>}).
 * With {@code --browse} it then opens every module of the sidebar and a resident's file, and reports the heap in use
 * after a full garbage collection ({@code HEAP <bytes>}). With {@code --modules=N} it opens each module of the sidebar
 * N times in turn and reports, per opening, the time from the sidebar click until the module's background loads are
 * done and shown ({@code MODULE <nav id> <ms>}): the status bar's activity indicator going out, as a user sees it.
 */
public final class WindowProbe {

    private WindowProbe() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String user = args[1];
        String password = args[2];
        boolean browse = args.length > 3 && args[3].equals("--browse");
        // --typing-ms=N: the user name and password take N ms to type after the login window appears
        long typing = option(args, "--typing-ms=");
        long moduleReps = option(args, "--modules=");
        Thread driver = new Thread(
                () -> {
                    try {
                        drive(user, password, browse, typing);
                        if (moduleReps > 0) {
                            openModules((int) moduleReps);
                        }
                        System.exit(0);
                    } catch (Throwable e) {
                        e.printStackTrace();
                        System.exit(3);
                    }
                },
                "probe-driver");
        driver.setDaemon(true);
        driver.start();
        GuiMain.launch(home);
    }

    private static long option(String[] args, String name) {
        return args.length > 3 && args[3].startsWith(name) ? Long.parseLong(args[3].substring(name.length())) : 0;
    }

    /** The sidebar's entries, each opened {@code reps} times in turn (so each opening comes from another module). */
    private static void openModules(int reps) throws Exception {
        List<String> navs = onFx(() -> Window.getWindows().stream()
                .filter(w -> w.getScene() != null)
                .flatMap(w -> w.getScene().getRoot().lookupAll(".nav-button").stream())
                .filter(n -> n instanceof ToggleButton)
                .map(Node::getId)
                .filter(id -> id != null && id.startsWith("nav") && !id.equals("navBackup"))
                .distinct()
                .toList());
        List<String> order = new ArrayList<>(navs.subList(1, navs.size()));
        order.add(navs.get(0)); // the first entry is shown after the login: opened last in each round
        for (int i = 0; i < reps; i++) {
            for (String nav : order) {
                long t = System.nanoTime();
                onFx(() -> {
                    // selected, not fired: firing the entry shown now would unselect it
                    ToggleButton b = (ToggleButton) find("#" + nav);
                    b.setSelected(true);
                    return null;
                });
                await(() -> !find("#busyIndicator").isVisible(), 120, 2);
                System.out.printf(Locale.ROOT, "MODULE %s %.3f%n", nav, (System.nanoTime() - t) / 1e6);
            }
        }
    }

    private static void drive(String user, String password, boolean browse, long typing) throws Exception {
        await(() -> find("#loginUsername") != null, 60);
        System.out.println("LOGIN_SHOWN " + ManagementFactory.getRuntimeMXBean().getUptime());
        Thread.sleep(typing);
        System.out.println("SUBMITTED " + ManagementFactory.getRuntimeMXBean().getUptime());
        System.out.println("CPU_SUBMITTED " + processCpuNanos());
        Map<String, Long> threadsAtSubmit = threadCpu();
        onFx(() -> {
            ((TextInputControl) find("#loginUsername")).setText(user);
            ((TextInputControl) find("#loginPassword")).setText(password);
            ((ButtonBase) find("#loginSubmit")).fire();
            return null;
        });
        await(
                () -> find("#residentTable") instanceof TableView<?> t
                        && !t.getItems().isEmpty(),
                120);
        System.out.println("CPU_READY " + processCpuNanos());
        Map<String, Long> threadsAtReady = threadCpu();
        // where the span's CPU went, thread by thread (the JIT's compiler threads are not listed: the JVM hides them)
        threadsAtReady.forEach((name, cpu) -> {
            long spent = cpu - threadsAtSubmit.getOrDefault(name, 0L);
            if (spent > 5_000_000) {
                System.out.printf(Locale.ROOT, "THREAD_CPU %s %d%n", name.replace(' ', '_'), spent / 1_000_000);
            }
        });
        System.out.println("READY " + ManagementFactory.getRuntimeMXBean().getUptime());
        if (!browse) {
            return;
        }
        String[] modules = {
            "#navShift",
            "#navCaseload",
            "#navDonations",
            "#navVolunteers",
            "#navTransition",
            "#navOpenDay",
            "#navDirector",
            "#navReminders",
            "#navAudit",
            "#navSettings",
            "#navResidents"
        };
        for (String nav : modules) {
            if (onFx(() -> find(nav)) != null) {
                onFx(() -> {
                    ((ButtonBase) find(nav)).fire();
                    return null;
                });
                Thread.sleep(3_000); // each module loads its first page in the background
            }
        }
        onFx(() -> {
            TableView<?> t = (TableView<?>) find("#residentTable");
            t.getSelectionModel().select(0);
            return null;
        });
        Thread.sleep(5_000);
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println("HEAP " + used);
        // -Dprobe.holdMs=N: stays up that long after, for a heap histogram (jcmd <pid> GC.class_histogram)
        Thread.sleep(Long.getLong("probe.holdMs", 0));
    }

    /** The CPU time of this whole JVM (every thread, the JIT and the collector): what a loaded machine does not inflate. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }

    /** Each live thread's CPU time so far, by name (threads of one name added up). */
    private static Map<String, Long> threadCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new HashMap<>();
        for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            long n = t == null ? -1 : mx.getThreadCpuTime(t.getThreadId());
            if (n > 0) {
                cpu.merge(t.getThreadName(), n, Long::sum);
            }
        }
        return cpu;
    }

    private static Node find(String id) {
        for (Window w : Window.getWindows()) {
            if (w.getScene() != null) {
                Node n = w.getScene().getRoot().lookup(id);
                if (n != null) {
                    return n;
                }
            }
        }
        return null;
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(
                120, TimeUnit.SECONDS); // long: the audit screen on the stress home held the JavaFX thread over 30 s
    }

    private static void await(Supplier<Boolean> condition, int seconds) throws Exception {
        await(condition, seconds, 10);
    }

    private static void await(Supplier<Boolean> condition, int seconds, long pollMs) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            try {
                if (Boolean.TRUE.equals(onFx(condition))) {
                    return;
                }
            } catch (IllegalStateException notStarted) {
                // the toolkit is still starting
            }
            Thread.sleep(pollMs);
        }
        throw new IllegalStateException("timed out");
    }
}
