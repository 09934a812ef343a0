package org.huyou.shell;

import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.security.AuditFilter;
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

/**
 * Letters typed into a number or phone field: refused with a sentence naming the field, the typed text left in it,
 * and nothing saved or audited; saving values that did not change audits nothing either.
 */
@ExtendWith(ApplicationExtension.class)
class NumberFieldsScreenTest {

    @TempDir
    static Path dir;

    Path home;
    AppFrame frame;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            ctx.accounts().create("cw", "孙会计", TestHome.PASSWORD, EnumSet.of(Role.FINANCE_OFFICER));
        }
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    /** The error dialog's sentence, once it is up; the dialog is closed. */
    private String refusal(FxRobot robot) {
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        String said = pane.getContentText();
        robot.interact(() -> pane.getScene().getWindow().hide());
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        return said;
    }

    private long auditRows(String entity) {
        return frame.context()
                .audit()
                .browse(new AuditFilter(null, "EDIT", entity, null, null, null), 50)
                .size();
    }

    @Test
    void lettersInASettingAreRefusedByNameKeptOnScreenAndNothingIsAudited(FxRobot robot) {
        FxTesting.logInAndOpen(robot, TestHome.ADMIN, "#navSettings");
        waitFor(() -> robot.lookup("#idleMinutes").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        Spinner<Integer> idle = robot.lookup("#idleMinutes").queryAs(Spinner.class);
        waitFor(() -> idle.getValue() == 10);
        // unchanged values saved: nothing changed, so no audit row
        robot.clickOn("#saveHomeSettings");
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        FxTesting.waitIdle(frame);
        assertEquals(0, auditRows("security_policy"));
        assertEquals(0, auditRows("backup_settings"));

        robot.clickOn(idle.getEditor()).eraseText(2).write("abc");
        robot.clickOn("#saveHomeSettings");
        String said = refusal(robot);
        assertTrue(said.contains("无操作自动锁定") && said.contains("abc"), said);
        assertEquals("abc", idle.getEditor().getText(), "what was typed stays");
        assertEquals(10, idle.getValue());
        assertEquals(0, auditRows("security_policy"), "no audit row for a change that did not happen");

        // a number out of range is refused naming the field too, never quietly clamped
        robot.interact(() -> idle.getEditor().setText("500"));
        robot.clickOn("#saveHomeSettings");
        said = refusal(robot);
        assertTrue(said.contains("无操作自动锁定") && said.contains("240"), said);
        assertEquals("500", idle.getEditor().getText());
        assertEquals(0, auditRows("security_policy"));

        robot.interact(() -> idle.getEditor().setText("15"));
        robot.clickOn("#saveHomeSettings");
        waitFor(() -> auditRows("security_policy") == 1);
        assertEquals(15, frame.context().accounts().idleLockMinutes());
    }

    @Test
    void aDonorsPhoneWithLettersIsRefusedByNameAndKept(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "cw", "#navDonations");
        waitFor(() -> robot.lookup("#donationTabs").tryQuery().isPresent());
        TabPane tabs = robot.lookup("#donationTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel()
                .select(tabs.getTabs().stream()
                        .filter(t -> t.getText().equals("登记捐款"))
                        .findFirst()
                        .orElseThrow()));
        robot.clickOn("#newDonorName").write("张明华");
        robot.clickOn("#newDonorPhone").write("abc123");
        robot.clickOn("#addDonor");
        String said = refusal(robot);
        assertTrue(said.contains("电话") && said.contains("abc123"), said);
        assertEquals(
                "abc123", robot.lookup("#newDonorPhone").queryTextInputControl().getText());
        assertEquals(
                "张明华", robot.lookup("#newDonorName").queryTextInputControl().getText());
        assertTrue(frame.context().ledger().donors(null, 10).isEmpty(), "no donor stored");

        // the amount field of the same form: letters named, kept
        robot.interact(
                () -> robot.lookup("#newDonorPhone").queryTextInputControl().setText("0543-3211234"));
        robot.clickOn("#addDonor");
        waitFor(() -> robot.lookup("#donorChoice").queryComboBox().getValue() != null);
        robot.clickOn("#donationAmount").write("一千元");
        robot.clickOn("#recordDonation");
        said = refusal(robot);
        assertTrue(said.contains("一千元"), said);
        assertEquals(
                "一千元", robot.lookup("#donationAmount").queryTextInputControl().getText());
    }
}
