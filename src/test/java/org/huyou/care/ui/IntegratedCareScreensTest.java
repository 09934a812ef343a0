package org.huyou.care.ui;

import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.care.CareDomain;
import org.huyou.care.Reminder;
import org.huyou.care.incident.Incident;
import org.huyou.care.psych.RiskGrade;
import org.huyou.care.psych.Screening;
import org.huyou.care.rehab.Rehab;
import org.huyou.common.Gender;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.security.Role;
import org.huyou.shell.AppFrame;
import org.huyou.testing.FxTesting;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A therapist, a psychologist and a social worker on the real screens: a rehabilitation session and the goal's
 * chart; a questionnaire that yields a high grade and a weekly follow-up on the reminders screen; a suspected abuse
 * recorded with its mandatory report.
 */
@ExtendWith(ApplicationExtension.class)
class IntegratedCareScreensTest {

    @TempDir
    static Path dir;

    AppFrame frame;
    Resident child;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            child = ctx.residents()
                    .create(new Resident(
                            null,
                            null,
                            null,
                            "赵小军",
                            null,
                            Gender.MALE,
                            LocalDate.of(2013, 1, 10),
                            false,
                            null,
                            null,
                            null,
                            Category.ORPHAN,
                            LocalDate.of(2014, 3, 1),
                            AdmissionSource.CIVIL_AFFAIRS,
                            null,
                            DisabilityType.PHYSICAL,
                            2,
                            Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                            null,
                            null,
                            null));
            ctx.accounts().create("therapist", "孙康复师", TestHome.PASSWORD, EnumSet.of(Role.REHABILITATION_THERAPIST));
            ctx.accounts().create("psy", "周心理", TestHome.PASSWORD, EnumSet.of(Role.PSYCHOLOGIST));
            ctx.accounts().create("sw", "吴社工", TestHome.PASSWORD, EnumSet.of(Role.SOCIAL_WORKER));
        }
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    private void logInAndOpenTab(FxRobot robot, String username, String tab) {
        waitFor(() -> robot.lookup("#loginUsername").tryQuery().isPresent());
        robot.clickOn("#loginUsername").write(username);
        robot.clickOn("#loginPassword").write(TestHome.PASSWORD);
        robot.clickOn("#loginSubmit");
        waitFor(() -> robot.lookup("#residentTable").tryQuery().isPresent());
        robot.clickOn("#residentSearch").write(child.recordNo());
        waitFor(() -> robot.lookup("#residentTable")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 1);
        FxTesting.clickText(robot, child.name());
        waitFor(() -> child.name()
                .equals(robot.lookup("#detailName").queryAs(Label.class).getText()));
        TabPane tabs = robot.lookup("#residentTabs").queryAs(TabPane.class);
        // The file has more tabs than its width shows; pick ours the way the overflow menu would.
        robot.interact(() -> tabs.getSelectionModel()
                .select(tabs.getTabs().stream()
                        .filter(t -> t.getText().equals(tab))
                        .findFirst()
                        .orElseThrow()));
    }

    /** Opens a combo box and picks the entry of its popup list (not another control showing the same words). */
    private void choose(FxRobot robot, String combo, String text) {
        FxTesting.click(robot, combo);
        java.util.function.Predicate<Node> entry = n -> n instanceof javafx.scene.control.ListCell<?> c
                && text.equals(c.getText())
                && n.getScene() != null
                && n.getScene().getWindow() instanceof javafx.stage.PopupWindow;
        waitFor(() -> robot.lookup(entry).tryQuery().isPresent());
        robot.clickOn(robot.lookup(entry).<Node>query());
        waitFor(() -> robot.lookup(entry).tryQuery().isEmpty()); // the popup has closed
    }

    /** Waits for the table to fill; if a dialog came up instead, fails with what it says. */
    private static void waitForRows(FxRobot robot, String table, int n) {
        waitFor(() -> rows(robot, table) == n
                || robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.lookup(".dialog-pane").tryQuery().ifPresent(d -> {
            throw new AssertionError(
                    "a dialog instead of the saved row: " + ((javafx.scene.control.DialogPane) d).getContentText());
        });
    }

    private static int rows(FxRobot robot, String table) {
        return robot.lookup(table).queryAs(TableView.class).getItems().size();
    }

    @Test
    void aTherapistRecordsASessionAndAScoreAndSeesTheGoalsProgressChart(FxRobot robot) {
        logInAndOpenTab(robot, "therapist", "康复");
        FxTesting.click(robot, "#rehabPlanTitle").write("粗大运动康复（冬季）");
        FxTesting.click(robot, "#addRehabPlan");
        waitFor(() -> rows(robot, "#rehabPlanTable") == 1);
        FxTesting.click(robot, "#rehabGoalText").write("独立行走10米");
        FxTesting.click(robot, "#rehabGoalMeasure").write("GMFM-88 E区 %");
        FxTesting.click(robot, "#rehabGoalBaseline").write("40");
        FxTesting.click(robot, "#rehabGoalTarget").write("60");
        FxTesting.click(robot, "#addRehabGoal");
        waitFor(() -> rows(robot, "#rehabGoalTable") == 1);
        FxTesting.click(robot, "#rehabSessionNote").write("扶助行走训练，配合良好");
        FxTesting.click(robot, "#recordRehabSession");
        waitFor(() -> rows(robot, "#rehabSessionTable") == 1);
        FxTesting.click(robot, "#rehabScore").write("50");
        FxTesting.click(robot, "#recordRehabScore");
        waitFor(() -> {
            LineChart<?, ?> chart = robot.lookup("#rehabChart").queryAs(LineChart.class);
            return chart.getData().size() == 2
                    && chart.getData().get(0).getData().size() == 1;
        });
        LineChart<?, ?> chart = robot.lookup("#rehabChart").queryAs(LineChart.class);
        assertEquals(50, ((Number) chart.getData().get(0).getData().get(0).getYValue()).intValue());
        Rehab.Progress p = (Rehab.Progress) robot.lookup("#rehabGoalTable")
                .queryAs(TableView.class)
                .getItems()
                .get(0);
        assertEquals(50, p.latestPercent().intValue(), "halfway from 40 to 60");
        Rehab.Session s = frame.context().rehab().sessions(child.id(), 10).get(0);
        assertEquals(Rehab.Attendance.ATTENDED, s.attendance());
        assertEquals(45, s.minutes());
        assertEquals("therapist", s.therapist());
    }

    @Test
    void aQuestionnaireWithSelfHarmThoughtsGivesAHighGradeAndAWeeklyFollowUpReminder(FxRobot robot) {
        logInAndOpenTab(robot, "psy", "心理");
        choose(robot, "#instrumentChoice", "青少年抑郁筛查量表（PHQ-A，PHQ-9青少年版，本人填写）");
        FxTesting.click(robot, "#startScreening");
        waitFor(() -> robot.lookup("#q9_1").tryQuery().isPresent());
        for (int item = 1; item <= 9; item++) {
            robot.clickOn("#q" + item + "_1");
        }
        robot.clickOn("#saveScreening");
        waitFor(() -> rows(robot, "#screeningTable") == 1);
        Screening s = (Screening) robot.lookup("#screeningTable")
                .queryAs(TableView.class)
                .getItems()
                .get(0);
        assertEquals(9, s.total());
        assertEquals(RiskGrade.HIGH, s.suggested(), "item 9 answered");
        choose(robot, "#guardianshipRisk", "低风险");
        FxTesting.click(robot, "#assessmentBasis").write("PHQ-A 第9题阳性，有自伤念头");
        FxTesting.click(robot, "#saveAssessment");
        waitFor(() -> robot.lookup("#riskGrade").queryAs(Label.class).getText().contains("高风险"));

        robot.clickOn("#navReminders");
        waitFor(() -> FxTesting.rowsOfAll(robot, ".reminder-table").stream()
                .anyMatch(r -> ((Reminder) r).domain() == CareDomain.PSYCHOLOGY));
        Reminder r = (Reminder) FxTesting.rowsOfAll(robot, ".reminder-table").stream()
                .filter(x -> ((Reminder) x).domain() == CareDomain.PSYCHOLOGY)
                .findFirst()
                .orElseThrow();
        assertEquals(TestHome.TODAY.plusDays(7), r.due(), "high risk: followed up weekly");
        assertEquals(child.name(), r.residentName());
        assertTrue(r.what().contains("每 7 天"), r.what());
    }

    @Test
    void aSocialWorkerRecordsASuspectedAbuseWithItsMandatoryReport(FxRobot robot) {
        logInAndOpenTab(robot, "sw", "事件");
        choose(robot, "#incidentKind", "疑似遭受侵害");
        CheckBox mandatory = robot.lookup("#incidentMandatory").queryAs(CheckBox.class);
        waitFor(() -> mandatory.isSelected() && mandatory.isDisabled());
        FxTesting.click(robot, "#incidentTime").write("16:30");
        FxTesting.click(robot, "#incidentDescription").write("探视后发现手臂多处淤青，孩子称被亲属掐");
        FxTesting.click(robot, "#incidentAction").write("医护检查并拍照留存，暂停该亲属探视");
        choose(robot, "#incidentSeverity", "严重");
        choose(robot, "#incidentReportedTo", "公安机关");
        FxTesting.click(robot, "#incidentReportDetail").write("城南派出所 张警官");
        assertEquals(
                "探视后发现手臂多处淤青，孩子称被亲属掐",
                robot.lookup("#incidentDescription")
                        .queryAs(javafx.scene.control.TextArea.class)
                        .getText());
        FxTesting.click(robot, "#saveIncident");
        waitForRows(robot, "#incidentTable", 1);
        List<Incident> stored = frame.context().incidents().incidents(child.id());
        Incident i = stored.get(0);
        assertTrue(i.mandatoryReport());
        assertEquals(Incident.Kind.SUSPECTED_ABUSE, i.kind());
        assertEquals(Incident.Severity.SERIOUS, i.severity());
        assertEquals(Incident.ReportedTo.PUBLIC_SECURITY, i.reportedTo());
        assertEquals("城南派出所 张警官", i.reportedDetail());
        assertEquals(java.time.LocalTime.of(16, 30), i.time());
        assertTrue(
                frame.context().reminders().due().stream().noneMatch(x -> x.domain() == CareDomain.INCIDENT),
                "reported on the spot: nothing outstanding");
    }
}
