package org.huyou.transition.ui;

import static org.huyou.testing.FxTesting.choose;
import static org.huyou.testing.FxTesting.click;
import static org.huyou.testing.FxTesting.rows;
import static org.huyou.testing.FxTesting.waitFor;
import static org.huyou.testing.FxTesting.waitOrFailOnDialog;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huyou.app.AppContext;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.common.Gender;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.security.Role;
import org.huyou.shell.AppFrame;
import org.huyou.testing.FxTesting;
import org.huyou.testing.TestHome;
import org.huyou.transition.Capability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * From the dashboard the social worker assesses a seventeen-year-old and chooses a pathway; the director approves it
 * and sees the task list; the placement plan prints as a PDF.
 */
@ExtendWith(ApplicationExtension.class)
class TransitionScreenTest {

    @TempDir
    static Path dir;
    AppFrame frame;
    Path home;
    Resident youth;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            youth = ctx.residents().create(new Resident(null, null, null, "林晓峰", null, Gender.MALE,
                    LocalDate.of(2009, 6, 10), false, null, null, null, Category.ORPHAN, LocalDate.of(2012, 3, 1),
                    AdmissionSource.CIVIL_AFFAIRS, null, DisabilityType.NONE, null,
                    Guardianship.CIVIL_AFFAIRS_LONG_TERM, null, null, null));
            ctx.accounts().create("sw", "吴社工", TestHome.PASSWORD, EnumSet.of(Role.SOCIAL_WORKER));
            ctx.accounts().create("yz", "王院长", TestHome.PASSWORD, EnumSet.of(Role.DIRECTOR));
        }
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    private void openYouth(FxRobot robot, String user) {
        FxTesting.logInAndOpen(robot, user, "#navTransition");
        waitFor(() -> robot.lookup("#transitionTable").tryQuery().isPresent()
                && rows(robot, "#transitionTable") == 1);
        robot.interact(() -> robot.lookup("#transitionTable").queryAs(TableView.class).getSelectionModel().select(0));
        waitFor(() -> robot.lookup("#transitionWho").queryAs(Label.class).getText().contains("林晓峰"));
    }

    @Test
    void assessChooseApproveAndSeeTheTasksAndThePlan(FxRobot robot) throws Exception {
        openYouth(robot, "sw");
        for (Capability.Area area : Capability.Area.values()) {
            choose(robot, "#score" + area.name(), area == Capability.Area.SELF_CARE ? "4" : "3");
        }
        waitFor(() -> robot.lookup("#capabilityConclusion").queryComboBox().getValue()
                == Capability.Conclusion.INDEPENDENT);
        click(robot, "#recordAssessment");
        waitOrFailOnDialog(robot, () -> rows(robot, "#assessmentTable") == 1);
        waitFor(() -> robot.lookup("#pathwaySuggestion").queryAs(Label.class).getText().contains("社会化安置"));
        click(robot, "#pathwayBasis").write("能独立生活，本人愿回户籍地");
        click(robot, "#decidePathway");
        waitOrFailOnDialog(robot, () -> robot.lookup("#planStatus").queryAs(Label.class).getText()
                .contains("待院长审批"));
        assertTrue(rows(robot, "#taskTable") == 0, "no tasks before the director approves");
        click(robot, "#logout");

        openYouth(robot, "yz");
        // the director reads what they approve: the pathway, the written basis, the payments
        waitFor(() -> robot.lookup("#planStatus").queryAs(Label.class).getText().contains("能独立生活，本人愿回户籍地"));
        click(robot, "#approvePlan");
        waitOrFailOnDialog(robot, () -> rows(robot, "#taskTable") == 5);
        waitFor(() -> robot.lookup("#approvePlan").queryButton().isDisabled());
        assertTrue(rows(robot, "#paymentTable") == 1, "the resettlement subsidy");
        click(robot, "#printPlan");
        Path pdf = home.resolve("placement").resolve("成年安置方案-" + youth.recordNo() + "-林晓峰.pdf");
        waitOrFailOnDialog(robot, () -> Files.exists(pdf));
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertTrue(text.contains("成年安置方案") && text.contains("林晓峰") && text.contains("2027-06-10")
                && text.contains("户口") && text.contains("50,000.00"), text);
        assertTrue(!text.contains("生活自理："), "no assessment details unless included");
    }
}
