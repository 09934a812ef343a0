package org.huyou.backup.ui;

import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.residents.ui.ResidentServiceFixture;
import org.huyou.shell.AppFrame;
import org.huyou.testing.FxTesting;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** 备份与恢复 as the administrator uses it: back up now, add a record, restore, log in again to the backup's data. */
@ExtendWith(ApplicationExtension.class)
@Tag("embedded-only") // a server home is backed up on the server: the module is not offered there
class BackupScreenTest {

    @TempDir
    static Path dir;

    Path home;
    AppFrame frame;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            ctx.residents().create(ResidentServiceFixture.draft("备份前"));
        }
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    @Test
    void backUpNowThenRestoreBringsBackTheBackupsDataAndKeepsTheReplacedFile(FxRobot robot) {
        FxTesting.logInAndOpen(robot, TestHome.ADMIN, "#navBackup");
        robot.clickOn("#backupNow");
        waitFor(() -> manualBackup(robot) != null);
        frame.context().residents().create(ResidentServiceFixture.draft("备份后"));
        assertEquals(2, frame.context().residents().countAll());

        robot.interact(() -> list(robot).getSelectionModel().select(manualBackup(robot)));
        robot.clickOn("#restoreBackup");
        waitFor(() -> confirmButton(robot) != null);
        // the child added after the backup is lost by the restore: said by kind, confirmed by typing
        String said = robot.lookup(".dialog-pane")
                .lookup((Node n) -> n instanceof Label l && l.getText().contains("「儿童档案」"))
                .queryAs(Label.class)
                .getText();
        assertTrue(said.contains("新增 1 条"), said);
        assertFalse(said.contains(" 0 条"), "only kinds that happened are listed: " + said);
        assertTrue(confirmButton(robot).isDisabled(), "not by a reflex click");
        FxTesting.snapshot(robot.lookup(".dialog-pane").query(), "restore-loss");
        robot.clickOn("#confirmWordField").write("确认恢复");
        waitFor(() -> !confirmButton(robot).isDisabled());
        robot.clickOn(confirmButton(robot));
        // Read on the FX thread, from the frame: a node looked up from the test thread once came back out of its scene.
        AtomicReference<String> notice = new AtomicReference<>();
        waitFor(() -> {
            robot.interact(() -> notice.set(frame.lookup("#loginNotice") instanceof Label l ? l.getText() : null));
            return notice.get() != null;
        });
        assertTrue(notice.get().startsWith("已从") && notice.get().contains("replaced"), notice.get());
        FxTesting.snapshot(frame, "restored-login");

        FxTesting.logInAndOpen(robot, TestHome.ADMIN, "#navBackup");
        assertEquals(1, frame.context().residents().countAll(), "the home as it was backed up");
        assertTrue(Files.isDirectory(home.resolve("replaced")));
    }

    @SuppressWarnings("unchecked")
    private static ListView<Path> list(FxRobot robot) {
        return robot.lookup("#backupList").queryAs(ListView.class);
    }

    private static Path manualBackup(FxRobot robot) {
        return robot.lookup("#backupList").tryQuery().isEmpty()
                ? null
                : list(robot).getItems().stream()
                        .filter(p -> p.getFileName()
                                .toString() // reads as its date: huyou-手动-2026-12-03-0915
                                .matches("huyou-手动-\\d{4}-\\d{2}-\\d{2}-\\d{4}(-\\d+)?\\.huyou-backup"))
                        .findFirst()
                        .orElse(null);
    }

    /** The confirmation dialog's own 从所选备份恢复 (the module has a button of the same words). */
    private static Node confirmButton(FxRobot robot) {
        return robot.lookup(".dialog-pane")
                .lookup((Node n) -> n instanceof Button b && "从所选备份恢复".equals(b.getText()))
                .tryQuery()
                .orElse(null);
    }
}
