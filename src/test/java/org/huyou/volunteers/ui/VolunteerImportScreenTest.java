package org.huyou.volunteers.ui;

import static org.huyou.testing.FxTesting.click;
import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.security.Role;
import org.huyou.shell.AppFrame;
import org.huyou.testing.FxTesting;
import org.huyou.testing.TestHome;
import org.huyou.volunteers.io.VolunteerImportTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The coordinator imports the home's volunteer list from the volunteers screen, through the shared import dialog. */
@ExtendWith(ApplicationExtension.class)
class VolunteerImportScreenTest {

    @TempDir
    static Path dir;

    AppFrame frame;
    Path home;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered(); // no first-start offer of demo data over the screen
            ctx.accounts().create("sw", "吴社工", TestHome.PASSWORD, EnumSet.of(Role.SOCIAL_WORKER));
        }
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    @Test
    void aBadRowIsReportedThenTheCorrectedListIsImported(FxRobot robot) throws Exception {
        Path file = dir.resolve("volunteers.csv");
        Files.write(
                file,
                String.join(
                                "\r\n",
                                VolunteerImportTest.HEADER,
                                VolunteerImportTest.GOOD_1.replace("2026-03-01,无犯罪记录", "2026-02-30,无犯罪记录"),
                                VolunteerImportTest.GOOD_2)
                        .getBytes(Charset.forName("GB18030")));
        FxTesting.logInAndOpen(robot, "sw", "#navVolunteers");
        click(robot, "#importVolunteers");
        waitFor(() -> robot.lookup("#importDialog").tryQuery().isPresent());
        robot.clickOn("#importPath").write(file.toString());
        robot.clickOn("#previewImport");
        waitFor(() -> robot.lookup("#importReport")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 1);
        assertTrue(robot.lookup("#commitImport").queryAs(Button.class).isDisabled());
        // the report's cells are drawn on the pulse after its rows arrive
        waitFor(() -> robot.lookup("背景审查日期").tryQuery().isPresent());

        Files.write(
                file,
                String.join("\r\n", VolunteerImportTest.HEADER, VolunteerImportTest.GOOD_1, VolunteerImportTest.GOOD_2)
                        .getBytes(Charset.forName("GB18030")));
        robot.clickOn("#previewImport");
        waitFor(() ->
                robot.lookup("#importSummary").queryAs(Label.class).getText().contains("全部正确"));
        robot.clickOn("#commitImport");
        waitFor(() ->
                robot.lookup("#importSummary").queryAs(Label.class).getText().contains("已导入 2 名志愿者"));
        waitFor(() -> robot.lookup("#volunteerTable")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 2);
        assertEquals(
                2,
                robot.lookup("#volunteerTable")
                        .queryAs(TableView.class)
                        .getItems()
                        .size());
    }
}
