package org.huyou.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import org.huyou.app.Preferences;
import org.huyou.common.Messages;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.FxTaskRunner;
import org.huyou.common.ui.ScrollIntoView;
import org.huyou.shell.AppFrame;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotInterface;
import org.testfx.util.WaitForAsyncUtils;

/** The real window for TestFX tests: the app's frame on a data folder, in Chinese, and a wait for conditions. */
public final class FxTesting {

    private FxTesting() {}

    /** Each shown frame's task runner, closed with it by {@link #shutDown}. */
    private static final java.util.Map<AppFrame, FxTaskRunner> RUNNERS =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /**
     * Shows the app's frame (set-up or login screen, as on a real start) on {@code home}, with a task runner of its
     * own; {@link #shutDown} after each test.
     */
    public static AppFrame showFrame(Stage stage, Path home) {
        return showFrame(stage, home, TestHome.CLOCK);
    }

    /** The same on a clock the test may move (a day's work spread over several days). */
    public static AppFrame showFrame(Stage stage, Path home, java.time.Clock clock) {
        FxTaskRunner tasks = new FxTaskRunner();
        AppFrame frame = showFrame(stage, home, tasks, clock);
        RUNNERS.put(frame, tasks);
        return frame;
    }

    /** Closes what {@link #showFrame} opened: the frame's session, then its task runner. */
    public static void shutDown(AppFrame frame) {
        frame.shutDown();
        FxTaskRunner tasks = RUNNERS.remove(frame);
        if (tasks != null) {
            tasks.close();
        }
    }

    /**
     * The frame as the real app shows it: this PC's preferences (language, font size) and the app's theme and
     * stylesheet applied, in a window of the given size (the screen audit).
     */
    public static AppFrame showStyledFrame(Stage stage, Path home, double width, double height) {
        FxTaskRunner tasks = new FxTaskRunner();
        Preferences prefs = Preferences.load(home);
        Messages.use(prefs.locale());
        org.huyou.shell.Appearance.applyTheme(prefs);
        DialogService dialogs = new DialogService();
        dialogs.setOwner(stage);
        stage.setScene(new Scene(new javafx.scene.layout.Pane(), width, height));
        org.huyou.shell.Appearance.apply(prefs, stage.getScene());
        AppFrame frame = new AppFrame(stage, home, prefs, tasks, dialogs, TestHome.CLOCK);
        stage.getScene().setRoot(frame);
        org.huyou.shell.Appearance.apply(prefs, stage.getScene()); // the font size is the root's style
        stage.setWidth(width);
        stage.setHeight(height);
        stage.show();
        RUNNERS.put(frame, tasks);
        return frame;
    }

    /** The styled frame at 1366x768 in {@code locale}, saved as this PC's language as a user would choose it. */
    public static AppFrame showStyledFrame(Stage stage, Path home, java.util.Locale locale) {
        Preferences prefs = Preferences.load(home);
        prefs.setLocale(locale);
        prefs.save();
        return showStyledFrame(stage, home, 1366, 768);
    }

    /** After a class of styled frames: the next test class in this JVM sees the toolkit's own look again. */
    public static void backToModena() {
        javafx.application.Platform.runLater(() -> javafx.application.Application.setUserAgentStylesheet(null));
    }

    /** Waits until the frame's background work is done (nothing running for a moment). */
    public static void waitIdle(AppFrame frame) {
        FxTaskRunner tasks = RUNNERS.get(frame);
        for (int quiet = 0; quiet < 2; ) {
            waitFor(() -> tasks.running().get() == 0);
            WaitForAsyncUtils.sleep(30, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            quiet = tasks.running().get() == 0 ? quiet + 1 : 0;
        }
    }

    /** The main window in this language at this size (a screen to look at in English at 1366x768). */
    public static AppFrame showFrame(Stage stage, Path home, java.util.Locale locale, int width, int height) {
        FxTaskRunner tasks = new FxTaskRunner();
        AppFrame frame = showFrame(stage, home, tasks, TestHome.CLOCK, locale, width, height);
        RUNNERS.put(frame, tasks);
        return frame;
    }

    private static AppFrame showFrame(Stage stage, Path home, FxTaskRunner tasks, java.time.Clock clock) {
        return showFrame(stage, home, tasks, clock, Messages.CHINESE, 1280, 800);
    }

    private static AppFrame showFrame(
            Stage stage,
            Path home,
            FxTaskRunner tasks,
            java.time.Clock clock,
            java.util.Locale locale,
            int width,
            int height) {
        Messages.use(locale);
        DialogService dialogs = new DialogService();
        dialogs.setOwner(stage);
        stage.setScene(new Scene(new javafx.scene.layout.Pane(), width, height));
        AppFrame frame = new AppFrame(stage, home, Preferences.load(home), tasks, dialogs, clock);
        stage.getScene().setRoot(frame);
        stage.show();
        return frame;
    }

    /**
     * Waits (at most 20 s) for a condition checked on the FX thread's terms; fails the test otherwise. A condition
     * that throws is not met yet: a lookup of a node the screen has not built yet (under load, the resident's
     * file a moment after the row was chosen) failed the whole test at once.
     */
    public static void waitFor(Supplier<Boolean> condition) {
        java.util.concurrent.atomic.AtomicReference<RuntimeException> last =
                new java.util.concurrent.atomic.AtomicReference<>();
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                try {
                    return condition.get();
                } catch (RuntimeException notYet) {
                    last.set(notYet);
                    return false;
                }
            });
        } catch (java.util.concurrent.TimeoutException e) {
            AssertionError failed = new AssertionError("condition not met within 20 s", e);
            if (last.get() != null) {
                failed.addSuppressed(last.get());
            }
            throw failed;
        }
    }

    /** A picture of a node as rendered, in target/screens/NAME.png, for a person to look at (asserts nothing). */
    public static void snapshot(Node node, String name) {
        java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> image =
                new java.util.concurrent.atomic.AtomicReference<>();
        new FxRobot().interact(() -> image.set(node.snapshot(null, null)));
        javafx.scene.image.WritableImage img = image.get();
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        java.awt.image.BufferedImage out =
                new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        int[] argb = new int[w * h]; // read at once: pixel by pixel, a full-screen picture took seconds
        img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        out.setRGB(0, 0, w, h, argb, 0, w);
        try {
            Path dir = Path.of("target", "screens");
            java.nio.file.Files.createDirectories(dir);
            javax.imageio.ImageIO.write(out, "png", dir.resolve(name + ".png").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A picture of the window as a person sees it, with the popups over it (notices, an open list) drawn where they
     * stand, in target/screens/NAME.png (asserts nothing).
     */
    public static void snapshotWithPopups(Stage stage, String name) {
        java.util.concurrent.atomic.AtomicReference<java.awt.image.BufferedImage> picture =
                new java.util.concurrent.atomic.AtomicReference<>();
        new FxRobot().interact(() -> {
            java.awt.image.BufferedImage out = awt(stage.getScene().getRoot().snapshot(null, null));
            javafx.geometry.Point2D origin = stage.getScene().getRoot().localToScreen(0, 0);
            java.awt.Graphics2D g = out.createGraphics();
            for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows())) {
                if (w instanceof PopupWindow && w.isShowing() && w.getScene() != null) {
                    g.drawImage(
                            awt(w.getScene().getRoot().snapshot(null, null)),
                            (int) Math.round(w.getX() - origin.getX()),
                            (int) Math.round(w.getY() - origin.getY()),
                            null);
                }
            }
            g.dispose();
            picture.set(out);
        });
        try {
            Path dir = Path.of("target", "screens");
            java.nio.file.Files.createDirectories(dir);
            javax.imageio.ImageIO.write(
                    picture.get(), "png", dir.resolve(name + ".png").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.awt.image.BufferedImage awt(javafx.scene.image.WritableImage img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        java.awt.image.BufferedImage out =
                new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    /** Logs in on the login screen and opens a module from the sidebar. */
    public static void logInAndOpen(FxRobot robot, String username, String navId) {
        waitFor(() -> robot.lookup("#loginUsername").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#loginUsername")
                .queryAs(javafx.scene.control.TextField.class)
                .clear());
        robot.clickOn("#loginUsername").write(username);
        robot.clickOn("#loginPassword").write(TestHome.PASSWORD);
        robot.clickOn("#loginSubmit");
        try {
            waitFor(() -> robot.lookup(navId).tryQuery().isPresent());
        } catch (AssertionError e) {
            String said = robot.lookup("#loginError")
                            .tryQuery()
                            .map(n -> ((javafx.scene.control.Label) n).getText())
                            .orElse("(no login error shown)")
                    + " | on screen: "
                    + robot
                            .lookup(n -> n instanceof javafx.scene.control.Labeled l
                                    && l.isVisible()
                                    && l.getText() != null
                                    && !l.getText().isBlank())
                            .queryAll()
                            .stream()
                            .limit(40)
                            .map(n -> ((javafx.scene.control.Labeled) n).getText())
                            .collect(java.util.stream.Collectors.joining(", "));
            throw new AssertionError("no " + navId + " after logging in as " + username + ": " + said, e);
        }
        // chosen on the JavaFX thread: right after the login the main window is still being put in place, and a
        // sidebar entry chosen from the test thread was once found outside its scene
        clickText(robot, navId);
    }

    /** Selects a tab by its title, the way the overflow menu would when the tabs are wider than the pane. */
    public static void selectTab(FxRobot robot, String tabPane, String title) {
        waitFor(() -> robot.lookup(tabPane).tryQuery().isPresent());
        TabPane tabs = robot.lookup(tabPane).queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel()
                .select(tabs.getTabs().stream()
                        .filter(t -> t.getText().equals(title))
                        .findFirst()
                        .orElseThrow()));
    }

    /**
     * Waits until a node of the query is shown (in a showing window, every parent visible), then clicks it: a node
     * can be in the scene graph a moment before it is laid out and shown (the first-start offer after a login).
     */
    public static FxRobotInterface clickWhenShown(FxRobot robot, String query) {
        waitFor(() -> robot.lookup(query)
                .match(org.testfx.util.NodeQueryUtils.isVisible())
                .tryQuery()
                .isPresent());
        return clickOnFxThread(
                robot,
                robot.lookup(query)
                        .match(org.testfx.util.NodeQueryUtils.isVisible())
                        .<Node>query());
    }

    /** Closes every notice on screen with its own close button, as a user clears the corner before clicking there. */
    public static void closeNotices(FxRobot robot) {
        robot.interact(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.PopupWindow && w.getScene() != null)
                .map(w -> w.getScene().getRoot().lookup(".close-button"))
                .filter(b -> b instanceof javafx.scene.control.Button)
                .toList()
                .forEach(b -> ((javafx.scene.control.Button) b).fire()));
        waitFor(() -> javafx.stage.Window.getWindows().stream()
                .noneMatch(w -> w instanceof javafx.stage.PopupWindow
                        && w.isShowing()
                        && w.getScene() != null
                        && w.getScene().getRoot().lookup(".close-button") != null));
    }

    /** Scrolls the content to the node, as a user would, and clicks it. */
    public static FxRobotInterface click(FxRobot robot, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        // a table keeps cells it is not showing (hidden, with their buttons inside): the one shown is clicked
        Node node = robot.lookup(query)
                .match(FxTesting::shown)
                .tryQuery()
                .orElseGet(() -> robot.lookup(query).query());
        return click(robot, node);
    }

    /** Scrolls the content to the node, as a user would, and clicks it. */
    public static FxRobotInterface click(FxRobot robot, Node node) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            for (Parent p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane pane) {
                    pane.layout();
                    ScrollIntoView.show(pane, node);
                    break;
                }
            }
        });
        return clickOnFxThread(robot, node);
    }

    /**
     * Clicks the node's centre, measured on the JavaFX thread. TestFX's own {@code clickOn(node)} measures the node
     * from the test thread while the pulse may be laying it out: a label's text layout threw a NullPointerException
     * in CI (PrismTextLayout, under TestFX's scene-bounds check).
     */
    private static FxRobotInterface clickOnFxThread(FxRobot robot, Node node) {
        Point2D centre;
        try {
            centre = WaitForAsyncUtils.asyncFx(() -> {
                        // laid out first: a scroll just asked for moves the node only at the next pulse, and the
                        // click went to where it had been (CI: a dose's button in a group scrolled into view)
                        if (node.getScene() != null) {
                            node.getScene().getRoot().applyCss();
                            node.getScene().getRoot().layout();
                        }
                        return robot.point(node).query();
                    })
                    .get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // a node that left its scene: clickText tries again
            }
            throw new AssertionError("measuring " + node, e);
        } catch (Exception e) {
            throw new AssertionError("measuring " + node, e);
        }
        return robot.clickOn(centre);
    }

    /** Whether the node and every parent of it are visible, in a scene. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    /**
     * Clicks the node showing {@code text} (a resident's row, say). The node is chosen on the JavaFX thread: chosen
     * from the test thread, a table cell being refilled was once found outside its scene, and TestFX's visibility
     * check failed on it (a NullPointerException in CI).
     */
    public static void clickText(FxRobot robot, String text) {
        for (int attempt = 1; ; attempt++) {
            WaitForAsyncUtils.waitForFxEvents();
            Node node;
            try {
                node = WaitForAsyncUtils.asyncFx(() -> robot.lookup(text)
                                .match(n -> n.getScene() != null && n.isVisible())
                                .tryQuery()
                                .orElse(null))
                        .get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("looking for " + text, e);
            }
            if (node == null) {
                throw new AssertionError("nothing shows " + text);
            }
            try {
                clickOnFxThread(robot, node);
                return;
            } catch (NullPointerException leftItsScene) {
                if (attempt == 3) {
                    throw leftItsScene;
                }
            }
        }
    }

    /** Whether a table (or any node) shows a sideways scroll bar: its columns do not fit its width. */
    public static boolean scrollsSideways(Node node) {
        java.util.concurrent.atomic.AtomicBoolean shown = new java.util.concurrent.atomic.AtomicBoolean();
        new FxRobot().interact(() -> {
            node.applyCss();
            if (node instanceof Parent p) {
                p.layout();
            }
            shown.set(node.lookupAll(".scroll-bar").stream()
                    .anyMatch(n -> n instanceof javafx.scene.control.ScrollBar b
                            && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL
                            && b.isVisible()));
        });
        return shown.get();
    }

    /** Opens a combo box and picks the entry of its popup list that starts with the text, then waits for it to close. */
    public static void choose(FxRobot robot, String combo, String startsWith) {
        click(robot, combo);
        Predicate<Node> entry = n -> n instanceof ListCell<?> c
                && c.getText() != null
                && c.getText().startsWith(startsWith)
                && n.getScene() != null
                && n.getScene().getWindow() instanceof PopupWindow;
        waitFor(() -> robot.lookup(entry).tryQuery().isPresent());
        robot.clickOn(robot.lookup(entry).<Node>query());
        waitFor(() -> robot.lookup(entry).tryQuery().isEmpty());
    }

    /** Waits for a condition; if an error dialog comes up instead, fails with what it says. */
    public static void waitOrFailOnDialog(FxRobot robot, Supplier<Boolean> condition) {
        waitFor(() -> condition.get() || robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.lookup(".dialog-pane").tryQuery().ifPresent(d -> {
            throw new AssertionError("a dialog came up: " + ((DialogPane) d).getContentText());
        });
    }

    public static int rows(FxRobot robot, String table) {
        return robot.lookup(table).queryAs(TableView.class).getItems().size();
    }

    /** The rows of every table the query finds, one table after another as they are shown (grouped reminders). */
    public static List<Object> rowsOfAll(FxRobot robot, String query) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).queryAllAs(TableView.class).stream()
                            .sorted(java.util.Comparator.comparingDouble(
                                    t -> t.localToScene(0, 0).getY()))
                            .<Object>flatMap(t -> t.getItems().stream())
                            .toList())
                    .get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("reading " + query, e);
        }
    }
}
