package org.huyou.shell;

import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.security.Role;
import org.huyou.testing.FxTesting;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A module the user has left is let go: nothing long-lived (the window's scene, its focus, a shared service) keeps
 * its screen and rows. A listener left on the scene's focus kept every module with a form after browsing them all
 * (issue 31: the heap after browsing every module). Every sidebar entry is opened in turn, then the register again,
 * and each earlier screen must be collected.
 */
@ExtendWith(ApplicationExtension.class)
class ModulesLetGoScreenTest {

    @TempDir
    static Path dir;

    AppFrame frame;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            ctx.accounts().create("all-roles", "全部角色", TestHome.PASSWORD, EnumSet.allOf(Role.class));
        }
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    @Test
    void aModuleLeftIsCollected(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "all-roles", "#navSettings");
        List<String> navs = new ArrayList<>();
        robot.interact(() -> robot.lookup(".nav-button").queryAllAs(ToggleButton.class).stream()
                .map(ToggleButton::getId)
                .filter(id -> id != null && id.startsWith("nav") && !id.equals("navBackup"))
                .forEach(navs::add));
        assertTrue(navs.size() >= 10, "every module is in the sidebar: " + navs);
        Map<String, WeakReference<Node>> left = new LinkedHashMap<>();
        for (String nav : navs) {
            FxTesting.clickText(robot, "#" + nav);
            FxTesting.waitIdle(frame);
            Node shown = center(robot);
            left.put(nav, new WeakReference<>(shown));
        }
        // the last one opened stays: back to the first, which is then the one shown
        FxTesting.clickText(robot, "#" + navs.get(0));
        FxTesting.waitIdle(frame);
        Node now = center(robot);
        // TestFX keeps the events it fired, and with them the nodes they went to: not the app's doing
        robot.interact(ModulesLetGoScreenTest::forgetFiredEvents);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            System.gc();
            WaitForAsyncUtils.sleep(50, java.util.concurrent.TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            kept.clear();
            left.forEach((nav, ref) -> {
                Node n = ref.get();
                if (n != null && n != now) {
                    kept.add(nav);
                }
            });
            if (kept.isEmpty()) {
                break;
            }
        }
        if (!kept.isEmpty()) {
            dumpHeap(); // what holds them: the dump's paths from the GC roots to the modules named
        }
        assertEquals(List.of(), kept, "modules left but still held (heap in target/modules-kept.hprof)");
    }

    /** TestFX's list of fired events is handed out read only: its keeper is cleared. */
    private static void forgetFiredEvents() {
        try {
            for (java.lang.reflect.Field f : org.testfx.api.FxToolkitContext.class.getDeclaredFields()) {
                if (f.getType() == org.testfx.service.support.FiredEvents.class) {
                    f.setAccessible(true);
                    ((org.testfx.service.support.FiredEvents) f.get(org.testfx.api.FxToolkit.toolkitContext()))
                            .clearEvents();
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void dumpHeap() {
        try {
            Path file = Path.of("target", "modules-kept.hprof");
            Files.deleteIfExists(file);
            java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .dumpHeap(file.toString(), true);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Node center(FxRobot robot) {
        Node[] out = new Node[1];
        waitFor(() -> {
            robot.interact(() -> out[0] = robot.lookup(n -> n instanceof MainWindow)
                    .queryAs(MainWindow.class)
                    .getCenter());
            return out[0] != null;
        });
        return out[0];
    }
}
