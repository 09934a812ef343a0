package org.huyou.care.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.care.TimelineEntry;
import org.huyou.common.Messages;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.FxTaskRunner;
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

/** Enter in the timeline's dates runs the search, as its 查询 button does (it did nothing). */
@ExtendWith(ApplicationExtension.class)
class TimelineEnterScreenTest {

    @TempDir
    static Path dir;

    AppContext ctx;
    FxTaskRunner tasks;
    TimelinePart part;
    long child;

    @Start
    void start(Stage stage) throws Exception {
        Messages.use(Messages.CHINESE);
        ctx = TestHome.open(Files.createTempDirectory(dir, "home"));
        child = ctx.residents().create(TestHome.boyDraft()).id();
        TestHome.loginAs(ctx, "nurse", Role.MEDICAL_STAFF);
        for (int daysAgo : new int[] {30, 10}) {
            ctx.growth()
                    .record(
                            child,
                            TestHome.TODAY.minusDays(daysAgo),
                            new BigDecimal("86"),
                            new BigDecimal("12.5"),
                            null,
                            null);
        }
        tasks = new FxTaskRunner();
        part = new TimelinePart(ctx.timeline(), tasks, new DialogService());
        stage.setScene(new Scene(new StackPane(part.node()), 1000, 500));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        ctx.close();
    }

    @Test
    void enterInADateSearches(FxRobot robot) {
        robot.interact(() -> part.show(child));
        FxTesting.waitFor(() -> entries(robot).size() == 2);
        robot.clickOn("#timelineFrom");
        robot.interact(() -> robot.lookup("#timelineFrom")
                .queryAs(DateField.class)
                .getEditor()
                .setText(TestHome.TODAY.minusDays(20).toString()));
        robot.type(KeyCode.ENTER);
        FxTesting.waitFor(() -> entries(robot).size() == 1);
        assertEquals(TestHome.TODAY.minusDays(10), entries(robot).get(0).date());

        robot.clickOn("#timelineTo");
        robot.interact(() -> robot.lookup("#timelineTo")
                .queryAs(DateField.class)
                .getEditor()
                .setText(TestHome.TODAY.minusDays(15).toString()));
        robot.type(KeyCode.ENTER);
        FxTesting.waitFor(() -> entries(robot).isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static List<TimelineEntry> entries(FxRobot robot) {
        return List.copyOf(robot.lookup("#timelineList").queryAs(ListView.class).getItems());
    }
}
