package org.huyou.care.ui;

import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.care.psych.PsychCase;
import org.huyou.care.psych.RiskGrade;
import org.huyou.common.Messages;
import org.huyou.common.ui.TableRows;
import org.huyou.residents.ResidentFilter;
import org.huyou.residents.ResidentSummary;
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

/** The psychologist's caseload: overdue follow-ups first and marked; a row opens the child's file at 心理. */
@ExtendWith(ApplicationExtension.class)
class CaseloadScreenTest {

    @TempDir
    static Path dir;

    AppFrame frame;
    ResidentSummary late;
    ResidentSummary onTime;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            ctx.demoHome().load(6, 11);
            ctx.accounts().create("psy", "周心理", TestHome.PASSWORD, EnumSet.of(Role.PSYCHOLOGIST));
            ctx.accounts().create("yz", "院长", TestHome.PASSWORD, EnumSet.of(Role.DIRECTOR));
            ctx.login().logout();
            ctx.login().login("psy", TestHome.PASSWORD.toCharArray());
            List<ResidentSummary> two = ctx.residents().search(ResidentFilter.all(), 2);
            onTime = two.get(0);
            late = two.get(1);
            // Assessed first, so only the overdue sort can put the other one above it.
            ctx.psychology().assess(onTime.id(), TestHome.TODAY, RiskGrade.LOW, RiskGrade.LOW, null, "面谈");
            ctx.psychology()
                    .assess(late.id(), TestHome.TODAY.minusDays(30), RiskGrade.HIGH, RiskGrade.HIGH, null, "面谈，有自伤念头");
        }
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    @SuppressWarnings("unchecked")
    private TableView<PsychCase> caseload(FxRobot robot) {
        return robot.lookup("#psychCaseload").queryAs(TableView.class);
    }

    private void openCaseload(FxRobot robot) {
        FxTesting.clickText(robot, "#navCaseload");
        waitFor(() -> robot.lookup("#psychCaseload").tryQuery().isPresent());
        FxTesting.selectTab(robot, "#caseloadTabs", Messages.t("caseload.psychology"));
        waitFor(() -> caseload(robot).getItems().stream().anyMatch(c -> c.residentId() == late.id())
                && caseload(robot).getItems().stream().anyMatch(c -> c.residentId() == onTime.id()));
    }

    private void assertOpenedAtPsychology(FxRobot robot, ResidentSummary who) {
        waitFor(() -> robot.lookup("#detailName")
                .tryQuery()
                .map(n -> who.name().equals(((Label) n).getText()))
                .orElse(false));
        waitFor(() -> Messages.t("careDomain.PSYCHOLOGY")
                .equals(robot.lookup("#residentTabs")
                        .queryAs(TabPane.class)
                        .getSelectionModel()
                        .getSelectedItem()
                        .getText()));
        assertTrue(robot.lookup("#navResidents")
                .queryAs(javafx.scene.control.ToggleButton.class)
                .isSelected());
    }

    @Test
    void overdueFollowUpsComeFirstMarkedInWordsAndAnIcon(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "psy", "#navCaseload");
        openCaseload(robot);
        List<PsychCase> rows = caseload(robot).getItems();
        assertTrue(rows.get(0).overdue(), "an overdue follow-up comes first");
        int firstOnTime =
                rows.indexOf(rows.stream().filter(c -> !c.overdue()).findFirst().orElseThrow());
        assertTrue(rows.subList(firstOnTime, rows.size()).stream().noneMatch(PsychCase::overdue), "overdue first");
        waitFor(() -> robot.lookup(".overdue-row").tryQuery().isPresent());
        TableRow<?> row = robot.lookup(".table-row-cell")
                .match(n ->
                        n instanceof TableRow<?> r && r.getItem() instanceof PsychCase c && c.residentId() == late.id())
                .query();
        assertTrue(row.getStyleClass().contains(TableRows.OVERDUE));
        assertTrue(
                robot.from(row)
                        .lookup(Messages.t("caseload.overdue"))
                        .tryQuery()
                        .isPresent(),
                "said in words");
        assertTrue(robot.from(row).lookup(".ikonli-font-icon").tryQuery().isPresent(), "with an icon");
        TableRow<?> other = robot.lookup(".table-row-cell")
                .match(n -> n instanceof TableRow<?> r
                        && r.getItem() instanceof PsychCase c
                        && c.residentId() == onTime.id())
                .query();
        assertFalse(other.getStyleClass().contains(TableRows.OVERDUE));
    }

    @Test
    void enterOrADoubleClickOpensTheChildsFileAtThePsychologyTab(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "psy", "#navCaseload");
        openCaseload(robot);
        robot.interact(() -> {
            TableView<PsychCase> t = caseload(robot);
            t.getSelectionModel()
                    .select(t.getItems().stream()
                            .filter(c -> c.residentId() == onTime.id())
                            .findFirst()
                            .orElseThrow());
            t.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        assertOpenedAtPsychology(robot, onTime);

        openCaseload(robot);
        TableRow<?> row = robot.lookup(".table-row-cell")
                .match(n ->
                        n instanceof TableRow<?> r && r.getItem() instanceof PsychCase c && c.residentId() == late.id())
                .query();
        robot.doubleClickOn(row, MouseButton.PRIMARY);
        assertOpenedAtPsychology(robot, late);
    }

    @Test
    void onlyTheTabInViewLoadsAnotherWhenItIsChosen(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "yz", "#navCaseload");
        waitFor(() -> robot.lookup("#psychCaseload").tryQuery().isPresent());
        FxTesting.waitIdle(frame);
        assertTrue(
                Messages.t("caseload.rehab")
                        .equals(robot.lookup("#caseloadTabs")
                                .queryAs(TabPane.class)
                                .getSelectionModel()
                                .getSelectedItem()
                                .getText()),
                "the rehab tab is the first in view");
        assertTrue(caseload(robot).getItems().isEmpty(), "the psychology caseload is not read while out of view");
        FxTesting.selectTab(robot, "#caseloadTabs", Messages.t("caseload.psychology"));
        waitFor(() -> caseload(robot).getItems().stream().anyMatch(c -> c.residentId() == late.id())
                && caseload(robot).getItems().stream().anyMatch(c -> c.residentId() == onTime.id()));
    }
}
