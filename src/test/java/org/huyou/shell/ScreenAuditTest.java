package org.huyou.shell;

import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.huyou.app.AppContext;
import org.huyou.app.Preferences;
import org.huyou.common.Messages;
import org.huyou.common.ui.DialogService;
import org.huyou.residents.demo.DemoHome;
import org.huyou.security.Role;
import org.huyou.testing.FxTesting;
import org.huyou.testing.ScreenProblems;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen on an office PC's screen (1366×768, and 1920×1080 with the largest font), in Chinese and in English,
 * with the demo home: every module, every tab (the resident's file's too) and the main dialogs. Fails when a text is
 * shown cut, a control lies outside the window, or a table would show the toolkit's English placeholder. One PNG per
 * screen in target/screens for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenAuditTest {

    /**
     * Problems known and not yet fixed, each as "screen: the start of the problem's text" (the screen without
     * language and size, e.g. "navDonations/t1: cells of column"); only that kind of problem on that screen is let
     * through, every other one still fails. The list only shrinks.
     */
    private static final Set<String> KNOWN = Set.of();

    private static final String USER = "audit";
    private static final java.util.concurrent.Semaphore PENDING = new java.util.concurrent.Semaphore(3);
    private static final java.util.concurrent.ExecutorService PICTURES =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "screen-pictures");
                t.setDaemon(true);
                return t;
            });

    @TempDir
    static Path dir;

    static Path demo;
    Stage stage;
    AppFrame frame;

    @BeforeAll
    static void demoHome() throws IOException {
        demo = Files.createTempDirectory(dir, "demo");
        try (AppContext ctx = TestHome.open(demo)) {
            ctx.loadDemo(DemoHome.DEFAULT_RESIDENTS, DemoHome.DEFAULT_SEED);
            // Every module and every tab of the file: a director who also holds the care roles. The longest role
            // list a real account has (the status bar shows it).
            ctx.accounts().create(USER, "审计全员", TestHome.PASSWORD, EnumSet.allOf(Role.class));
        }
    }

    @AfterAll
    static void backToModena() {
        // the next test class in this JVM sees the toolkit's own look, as it would without this class
        Platform.runLater(() -> Application.setUserAgentStylesheet(null));
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (frame != null) {
            FxTesting.shutDown(frame);
        }
        Messages.use(Messages.CHINESE);
    }

    @Test
    void chineseAt1366x768(FxRobot robot) {
        audit(robot, Messages.CHINESE, Preferences.FontSize.NORMAL, 1366, 768);
    }

    @Test
    void englishAt1366x768(FxRobot robot) {
        audit(robot, Messages.ENGLISH, Preferences.FontSize.NORMAL, 1366, 768);
    }

    @Test
    void chineseAt1920x1080WithTheLargestFont(FxRobot robot) {
        audit(robot, Messages.CHINESE, Preferences.FontSize.LARGER, 1920, 1080);
    }

    @Test
    void englishAt1920x1080WithTheLargestFont(FxRobot robot) {
        audit(robot, Messages.ENGLISH, Preferences.FontSize.LARGER, 1920, 1080);
    }

    @Test
    void theFirstStartScreens(FxRobot robot) throws IOException {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (java.util.Locale locale : List.of(Messages.CHINESE, Messages.ENGLISH)) {
            Path fresh = Files.createTempDirectory(dir, "fresh");
            prefs(fresh, locale, Preferences.FontSize.NORMAL);
            String tag = locale.getLanguage() + "-1366x768-";
            robot.interact(() -> frame = FxTesting.showStyledFrame(stage, fresh, 1366, 768));
            waitFor(() -> robot.lookup("#setupCreate").tryQuery().isPresent());
            inspect(robot, tag, "setup", found);
            String serverLabel = Messages.t("settings.serverAddress");
            assertTrue(
                    robot.lookup((Node n) -> n instanceof javafx.scene.control.Label l
                                    && l.getText() != null
                                    && l.getText().startsWith(serverLabel))
                            .match(org.testfx.util.NodeQueryUtils.isVisible())
                            .tryQuery()
                            .isEmpty(),
                    "the server's fields and their labels only once 数据库服务器 is chosen");
            robot.interact(() -> robot.lookup("#setupDataOnServer")
                    .queryAs(javafx.scene.control.RadioButton.class)
                    .setSelected(true));
            inspect(robot, tag, "setup-server", found);
            robot.interact(() -> frame.getChildren()
                    .setAll(SetupView.recoveryKeyPage(
                            "K7Q2-9XWM-4RTB-PL8D-Z3NC-6HVJ-Y5FG-E2KS-A9QU-M4TW-R8BX-C3ND",
                            new org.huyou.common.ui.DocumentPrinter(null, null),
                            () -> {}))); // laid out, never printed
            inspect(robot, tag, "recovery-key", found);
            // 忘记密码？使用恢复密钥: the key, then the administrator and the new password
            RecoveryView recovery = new RecoveryView(new RecoveryViewModel(
                    new org.huyou.common.ui.DirectTaskRunner(), fresh, null, TestHome.CLOCK, admin -> {}, () -> {}));
            robot.interact(() -> frame.getChildren().setAll(recovery));
            inspect(robot, tag, "recovery", found);
            robot.interact(() -> recovery.chooseAdministrator(
                    List.of(new org.huyou.security.AccountService.StaffMember("admin", "王管理"))));
            inspect(robot, tag, "recovery-admin", found);
            FxTesting.shutDown(frame);
            frame = null;
        }
        report("first-start-", found);
    }

    @Test
    void aNotificationFindsTheColoursItIsPaintedWith(FxRobot robot) throws IOException {
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                warnings.add(String.valueOf(r.getMessage()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger css = java.util.logging.Logger.getLogger("javafx.css");
        css.addHandler(handler);
        try {
            Path fresh = Files.createTempDirectory(dir, "toast");
            robot.interact(() -> frame = FxTesting.showStyledFrame(stage, fresh, 1366, 768));
            org.huyou.common.ui.DialogService dialogs = new org.huyou.common.ui.DialogService();
            dialogs.setOwner(stage);
            robot.interact(() -> dialogs.notifySuccess("已保存"));
            waitFor(() -> robot.lookup(".notification-bar").tryQuery().isPresent());
            WaitForAsyncUtils.waitForFxEvents();
        } finally {
            css.removeHandler(handler);
        }
        assertTrue(warnings.stream().noneMatch(w -> w.contains("ClassCastException")), String.join("\n", warnings));
    }

    @Test
    void searchEnterOpensTheFirstMatchAndEscStartsOver(FxRobot robot) {
        prefs(demo, Messages.CHINESE, Preferences.FontSize.NORMAL);
        robot.interact(() -> frame = FxTesting.showStyledFrame(stage, demo, 1366, 768));
        FxTesting.logInAndOpen(robot, USER, "#navResidents");
        waitFor(() -> !robot.lookup("#residentTable")
                .queryAs(TableView.class)
                .getItems()
                .isEmpty());
        Object last = robot.lookup("#residentTable")
                .queryAs(TableView.class)
                .getItems()
                .get(robot.lookup("#residentTable")
                                .queryAs(TableView.class)
                                .getItems()
                                .size()
                        - 1);
        String name = ((org.huyou.residents.ResidentSummary) last).name();
        robot.interact(() -> robot.lookup("#residentSearch")
                .queryAs(javafx.scene.control.TextField.class)
                .setText(name));
        robot.clickOn("#residentSearch");
        waitFor(() -> robot.lookup("#residentTable").queryAs(TableView.class).getItems().stream()
                .allMatch(r -> ((org.huyou.residents.ResidentSummary) r).name().contains(name)));
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitFor(() -> name.equals(robot.lookup("#detailName")
                .queryAs(javafx.scene.control.Label.class)
                .getText()));
        robot.clickOn("#residentSearch").type(javafx.scene.input.KeyCode.ESCAPE);
        assertTrue(
                robot.lookup("#residentSearch")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getText()
                        .isEmpty(),
                "Esc clears the search");
    }

    private void audit(FxRobot robot, java.util.Locale locale, Preferences.FontSize font, int width, int height) {
        prefs(demo, locale, font);
        String tag = locale.getLanguage() + "-" + width + "x" + height + "-";
        long started = System.nanoTime();
        Map<String, List<String>> found = new LinkedHashMap<>();
        robot.interact(() -> frame = FxTesting.showStyledFrame(stage, demo, width, height));
        waitFor(() -> robot.lookup("#loginUsername").tryQuery().isPresent());
        inspect(robot, tag, "login", found);
        robot.interact(() -> robot.lookup("#loginUsername")
                .queryAs(javafx.scene.control.TextField.class)
                .setText(USER));
        robot.interact(() -> robot.lookup("#loginPassword")
                .queryAs(javafx.scene.control.TextField.class)
                .setText(TestHome.PASSWORD));
        robot.interact(() -> robot.lookup("#loginSubmit").queryAs(Button.class).fire());
        waitFor(() -> robot.lookup("#navResidents").tryQuery().isPresent());
        FxTesting.waitIdle(frame);
        List<ToggleButton> modules = robot.lookup(".nav-button").queryAllAs(ToggleButton.class).stream()
                .filter(b -> b.getScene() == stage.getScene())
                .toList();
        for (ToggleButton module : modules) {
            String name = module.getId();
            robot.interact(() -> module.setSelected(true));
            FxTesting.waitIdle(frame);
            if ("navResidents".equals(name)) {
                openFirstResident(robot);
            }
            inspect(robot, tag, name, found);
            tabs(
                    robot,
                    tag,
                    name,
                    (Parent) ((javafx.scene.layout.BorderPane)
                                    module.getScene().getRoot().lookup(".main-window"))
                            .getCenter(),
                    new LinkedHashSet<>(),
                    found);
            dialogs(robot, tag, name, found);
        }
        org.slf4j.LoggerFactory.getLogger(ScreenAuditTest.class)
                .info("Screen audit {}: {} ms", tag, (System.nanoTime() - started) / 1_000_000);
        report(tag, found);
    }

    /**
     * The first resident in the list with an allergy, whose file's tabs are then visited: the file's header then
     * shows its allergy banner, the longest thing it can show.
     */
    private void openFirstResident(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<org.huyou.residents.ResidentSummary> table =
                robot.lookup("#residentTable").queryAs(TableView.class);
        waitFor(() -> !table.getItems().isEmpty());
        List<org.huyou.residents.ResidentSummary> rows = new ArrayList<>();
        robot.interact(() -> rows.addAll(table.getItems()));
        int row = -1;
        for (int i = 0; i < rows.size() && row < 0; i++) {
            if (!frame.context().allergies().current(rows.get(i).id()).isEmpty()) {
                row = i;
            }
        }
        assertTrue(row >= 0, "the demo's first page has a resident with an allergy");
        int chosen = row;
        robot.interact(() -> table.getSelectionModel().select(chosen));
        waitFor(() -> {
            String shown = robot.lookup("#detailName")
                    .queryAs(javafx.scene.control.Label.class)
                    .getText();
            return shown != null && !shown.isBlank();
        });
        FxTesting.waitIdle(frame);
    }

    /** Every tab of every tab pane shown under {@code root}, and the tab panes inside those tabs. */
    private void tabs(
            FxRobot robot, String tag, String name, Parent root, Set<TabPane> seen, Map<String, List<String>> found) {
        List<TabPane> panes = new ArrayList<>();
        robot.interact(() -> collect(root, TabPane.class, panes));
        for (TabPane pane : panes) {
            if (!seen.add(pane)) {
                continue;
            }
            for (int i = 0; i < pane.getTabs().size(); i++) {
                Tab tab = pane.getTabs().get(i);
                if (tab.isDisabled()) {
                    continue;
                }
                robot.interact(() -> pane.getSelectionModel().select(tab));
                FxTesting.waitIdle(frame);
                String tabName = name + "/" + (tab.getId() != null ? tab.getId() : "t" + i);
                inspect(robot, tag, tabName, found);
                if (tab.getContent() instanceof Parent content) {
                    tabs(robot, tag, tabName, content, seen, found);
                }
            }
            robot.interact(() -> pane.getSelectionModel().select(0));
        }
    }

    /** The main dialogs of a module. */
    private void dialogs(FxRobot robot, String tag, String module, Map<String, List<String>> found) {
        switch (module) {
            case "navResidents" -> {
                dialog(robot, tag, module + "/newResident", "#newResident", found);
                dialog(robot, tag, module + "/editResident", "#editResident", found);
                dialog(robot, tag, module + "/importResidents", "#importResidents", found);
                TabPane file = robot.lookup("#residentTabs").queryAs(TabPane.class);
                String psychology = Messages.t("careDomain.PSYCHOLOGY");
                robot.interact(() -> file.getTabs().stream()
                        .filter(t -> psychology.equals(t.getText()))
                        .findFirst()
                        .ifPresent(t -> file.getSelectionModel().select(t)));
                FxTesting.waitIdle(frame);
                if (robot.lookup("#startScreening").tryQuery().isPresent()) {
                    dialog(robot, tag, module + "/questionnaire", "#startScreening", found);
                }
            }
            case "navVolunteers" -> candidates(robot, tag, module, found);
            case "navAccounts" -> {
                dialog(robot, tag, module + "/newAccount", "#newAccount", found);
                dialog(robot, tag, module + "/importAccounts", "#importAccounts", found);
            }
            case "navSettings" -> { // the key dialogs: their buttons say what they do, never cut to "…"
                dialog(robot, tag, module + "/changeFileKey", "#changeFileKey", found);
                dialog(robot, tag, module + "/newRecoveryKey", "#newRecoveryKey", found);
            }
            default -> {}
        }
    }

    /**
     * The shifts tab with a shift chosen whose candidates include one who may not take it: the reason (能否安排) is
     * the longest text of the list, and shows only once a shift is chosen.
     */
    private void candidates(FxRobot robot, String tag, String module, Map<String, List<String>> found) {
        TabPane tabs = robot.lookup("#volunteerTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        FxTesting.waitIdle(frame);
        TableView<?> activities = robot.lookup("#activityTable").queryAs(TableView.class);
        TableView<?> candidates = robot.lookup("#candidateTable").queryAs(TableView.class);
        for (int i = 0; i < activities.getItems().size(); i++) {
            int row = i;
            robot.interact(() -> activities.getSelectionModel().select(row));
            FxTesting.waitIdle(frame);
            if (candidates.getItems().stream()
                    .anyMatch(c -> !((org.huyou.volunteers.ShiftService.Candidate) c).ready())) {
                robot.interact(
                        () -> { // in the picture too, not only in the walk
                            for (Parent p = candidates.getParent(); p != null; p = p.getParent()) {
                                if (p instanceof ScrollPane pane) {
                                    pane.layout();
                                    org.huyou.common.ui.ScrollIntoView.show(pane, candidates);
                                }
                            }
                        });
                inspect(robot, tag, module + "/candidates", found);
                robot.interact(() -> ScreenProblems.sideways(candidates)
                        .ifPresent(p -> found.computeIfAbsent(module + "/candidates", k -> new ArrayList<>())
                                .add(p)));
                robot.interact(() -> tabs.getSelectionModel().select(0));
                return;
            }
        }
        found.computeIfAbsent(module + "/candidates", k -> new ArrayList<>())
                .add("no shift of the demo month has a candidate who may not take it");
    }

    /** Opens a dialog with its button, inspects it, closes it as the window's close box would. */
    private void dialog(FxRobot robot, String tag, String name, String button, Map<String, List<String>> found) {
        Node b = robot.lookup(button).tryQuery().orElse(null);
        if (b == null || !b.isVisible() || b.isDisabled()) {
            found.computeIfAbsent(name, k -> new ArrayList<>()).add("no usable " + button + " to open it");
            return;
        }
        Set<Window> before = Set.copyOf(Window.getWindows());
        Platform.runLater(((ButtonBase) b)::fire); // the dialog may wait for its answer: not inside interact
        waitFor(() -> Window.getWindows().stream()
                .anyMatch(w -> !before.contains(w) && w.isShowing() && !(w instanceof PopupWindow)));
        FxTesting.waitIdle(frame);
        Window opened = Window.getWindows().stream()
                .filter(w -> !before.contains(w) && w.isShowing() && !(w instanceof PopupWindow))
                .findFirst()
                .orElseThrow();
        inspect(robot, tag, name, found, opened);
        Platform.runLater(() -> opened.fireEvent(new WindowEvent(opened, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor(() -> !opened.isShowing());
    }

    private void inspect(FxRobot robot, String tag, String name, Map<String, List<String>> found) {
        inspect(robot, tag, name, found, stage);
    }

    private void inspect(FxRobot robot, String tag, String name, Map<String, List<String>> found, Window window) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            Scene scene = window.getScene();
            problems.addAll(ScreenProblems.of(scene));
            if (window != stage
                    && (window.getWidth() > stage.getWidth() + 1 || window.getHeight() > stage.getHeight() + 1)) {
                problems.add(String.format(
                        "the dialog (%.0f×%.0f) is larger than the screen", window.getWidth(), window.getHeight()));
            }
        });
        if (!problems.isEmpty()) {
            found.put(name, problems.stream().distinct().collect(Collectors.toList()));
        }
        picture(robot, window.getScene().getRoot(), tag + name.replace('/', '-'));
        if (window == stage
                && stage.getWidth() < 1400
                && !robot.lookup("." + DialogService.NOTICE_ROOM).queryAll().isEmpty()) {
            withNotices(robot, tag, name, found);
        }
    }

    /**
     * The page at 1366×768 with two notices showing (one with 撤销, one naming a long path with two buttons): they
     * must cover none of its buttons and inputs (a notice over 作废 took the click meant for it), and the page they
     * leave less height must still fit.
     */
    private void withNotices(FxRobot robot, String tag, String name, Map<String, List<String>> found) {
        DialogService notices = new DialogService();
        notices.setOwner(stage);
        robot.interact(() -> {
            notices.notifyWithAction(
                    Messages.t("daily.rowSaved", "2026-11-23", "谢月"), Messages.t("reminders.undo"), () -> {}, 30);
            notices.notifyWithActions(
                    Messages.t("stat.written", "/home/huyou/.local/share/huyou/receipts/2026/2026-000048 滨州市爱心企业.pdf"),
                    30,
                    new DialogService.NoticeAction(Messages.t("file.open"), () -> {}),
                    new DialogService.NoticeAction(Messages.t("file.openFolder"), () -> {}));
        });
        List<javafx.geometry.Bounds> placed = new ArrayList<>();
        waitFor(() -> {
            // settled: both shown, and where they were a moment ago (ControlsFX slides them in)
            List<javafx.geometry.Bounds> now = new ArrayList<>();
            robot.interact(() -> now.addAll(ScreenProblems.notices(stage)));
            boolean settled = now.size() == 2 && now.equals(placed);
            placed.clear();
            placed.addAll(now);
            WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            return settled;
        });
        List<String> problems = new ArrayList<>();
        robot.interact(() -> problems.addAll(ScreenProblems.of(stage.getScene())));
        if (!problems.isEmpty()) {
            found.put(name + "+notices", problems.stream().distinct().collect(Collectors.toList()));
        }
        FxTesting.snapshotWithPopups(stage, tag + name.replace('/', '-') + "+notices");
        FxTesting.closeNotices(robot);
        waitFor(() ->
                robot.lookup("." + DialogService.NOTICE_ROOM).queryAllAs(javafx.scene.layout.Region.class).stream()
                        .allMatch(r -> r.getHeight() == 0));
        FxTesting.waitIdle(frame);
    }

    /** One PNG per screen in target/screens; encoded beside the test's next steps, not before them. */
    private static void picture(FxRobot robot, Node root, String name) {
        int[][] size = new int[1][];
        int[][] pixels = new int[1][];
        robot.interact(() -> {
            javafx.scene.image.WritableImage image = root.snapshot(null, null);
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            int[] argb = new int[w * h];
            image.getPixelReader()
                    .getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
            size[0] = new int[] {w, h};
            pixels[0] = argb;
        });
        PENDING.acquireUninterruptibly(); // a few full-screen pictures in memory at most
        PICTURES.submit(() -> {
            try {
                write(size[0][0], size[0][1], pixels[0], name);
            } finally {
                PENDING.release();
            }
            return null;
        });
    }

    private static void write(int w, int h, int[] argb, String name) throws IOException {
        java.awt.image.BufferedImage out =
                new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        Path file = Path.of("target", "screens", name + ".png");
        Files.createDirectories(file.getParent());
        javax.imageio.ImageIO.write(out, "png", file.toFile());
    }

    /** Waits for the pictures still being written. */
    private static void picturesWritten() {
        try {
            PICTURES.submit(() -> null).get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the screens' pictures were not written", e);
        }
    }

    private static <T> void collect(Node node, Class<T> type, List<T> into) {
        if (!node.isVisible()) {
            return;
        }
        if (type.isInstance(node)) {
            into.add(type.cast(node));
            return; // its tabs' own panes are visited when each tab is shown
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, type, into);
            }
        }
    }

    private static void prefs(Path home, java.util.Locale locale, Preferences.FontSize font) {
        Preferences prefs = Preferences.load(home);
        prefs.setLocale(locale);
        prefs.setFontSize(font);
        prefs.save();
    }

    /** Writes what was found to target/screens and fails on every problem not on the known list. */
    private static void report(String tag, Map<String, List<String>> found) {
        picturesWritten();
        StringBuilder all = new StringBuilder();
        List<String> unknown = new ArrayList<>();
        found.forEach((screen, problems) -> {
            all.append(tag + screen + ":\n  " + String.join("\n  ", problems) + "\n");
            List<String> fresh = problems.stream()
                    .filter(p -> KNOWN.stream()
                            .noneMatch(
                                    k -> k.startsWith(screen + ": ") && p.startsWith(k.substring(screen.length() + 2))))
                    .toList();
            if (!fresh.isEmpty()) {
                unknown.add(tag + screen + ":\n  " + String.join("\n  ", fresh) + "\n");
            }
        });
        try {
            Path out = Path.of("target", "screens");
            Files.createDirectories(out);
            Files.writeString(out.resolve("audit-" + tag.replaceAll("-$", "") + ".txt"), all, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(unknown.isEmpty(), "screens that do not fit:\n" + String.join("", unknown));
    }
}
