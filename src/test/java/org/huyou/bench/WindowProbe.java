package org.huyou.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;
import org.huyou.shell.GuiMain;

/**
 * Runs in its own JVM: starts the real app on a home (as {@code java -jar huyou.jar} does), logs in as a user would
 * type it (at once, or over {@code --typing-ms=N}), and reports when the main window shows the resident list filled
 * ({@code READY <ms since JVM start>}).
 * With {@code --browse} it then opens every module of the sidebar and a resident's file, and reports the heap in use
 * after a full garbage collection ({@code HEAP <bytes>}).
 */
public final class WindowProbe {

    private WindowProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String user = args[1];
        String password = args[2];
        boolean browse = args.length > 3 && args[3].equals("--browse");
        // --typing-ms=N: the user name and password take N ms to type after the login window appears
        long typing = args.length > 3 && args[3].startsWith("--typing-ms=")
                ? Long.parseLong(args[3].substring("--typing-ms=".length())) : 0;
        Thread driver = new Thread(() -> {
            try {
                drive(user, password, browse, typing);
                System.exit(0);
            } catch (Throwable e) {
                e.printStackTrace();
                System.exit(3);
            }
        }, "probe-driver");
        driver.setDaemon(true);
        driver.start();
        GuiMain.launch(home);
    }

    private static void drive(String user, String password, boolean browse, long typing) throws Exception {
        await(() -> find("#loginUsername") != null, 60);
        System.out.println("LOGIN_SHOWN " + ManagementFactory.getRuntimeMXBean().getUptime());
        Thread.sleep(typing);
        System.out.println("SUBMITTED " + ManagementFactory.getRuntimeMXBean().getUptime());
        onFx(() -> {
            ((TextInputControl) find("#loginUsername")).setText(user);
            ((TextInputControl) find("#loginPassword")).setText(password);
            ((ButtonBase) find("#loginSubmit")).fire();
            return null;
        });
        await(() -> find("#residentTable") instanceof TableView<?> t && !t.getItems().isEmpty(), 120);
        System.out.println("READY " + ManagementFactory.getRuntimeMXBean().getUptime());
        if (!browse) {
            return;
        }
        String[] modules = {"#navShift", "#navCaseload", "#navDonations", "#navVolunteers", "#navTransition",
            "#navOpenDay", "#navDirector", "#navReminders", "#navAudit", "#navSettings", "#navResidents"};
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
        return f.get(30, TimeUnit.SECONDS);
    }

    private static void await(Supplier<Boolean> condition, int seconds) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            try {
                if (Boolean.TRUE.equals(onFx(condition))) {
                    return;
                }
            } catch (IllegalStateException notStarted) {
                // the toolkit is still starting
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("timed out");
    }
}
