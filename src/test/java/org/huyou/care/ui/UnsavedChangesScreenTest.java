package org.huyou.care.ui;

import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.care.daily.DailyCareChoices.Shift;
import org.huyou.care.daily.DailyLogEntry;
import org.huyou.residents.LivingGroup;
import org.huyou.residents.ResidentFilter;
import org.huyou.residents.ResidentStatus;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * Typed input is never lost, on the real screens: a shift-log cell keeps its text when the caregiver clicks
 * elsewhere, and switching the living group, the module or logging out with unsaved input asks 保存 / 放弃修改 / 取消.
 */
@ExtendWith(ApplicationExtension.class)
class UnsavedChangesScreenTest {

    @TempDir
    static Path dir;

    AppFrame frame;
    Path home;
    /** Two living groups with children in care. */
    String first;

    String second;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            ctx.demoHome().load(24, 11);
            ctx.accounts().create("nurse", "刘护士", TestHome.PASSWORD, EnumSet.of(Role.CAREGIVER, Role.MEDICAL_STAFF));
            List<String> withChildren = ctx.residents().livingGroups().stream()
                    .filter(g -> !inCare(ctx, g).isEmpty())
                    .map(LivingGroup::name)
                    .toList();
            first = withChildren.get(0);
            second = withChildren.get(1);
        }
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    private static List<ResidentSummary> inCare(AppContext ctx, LivingGroup g) {
        return ctx.residents().search(new ResidentFilter(null, ResidentStatus.IN_CARE, null, g.id(), null, null), 100);
    }

    /** What is stored for the group's children on today's default shift. */
    private Map<Long, DailyLogEntry> stored(String group) {
        AppContext ctx = frame.context();
        LivingGroup g = ctx.residents().livingGroups().stream()
                .filter(x -> x.name().equals(group))
                .findFirst()
                .orElseThrow();
        return ctx.dailyCare()
                .forShift(
                        inCare(ctx, g).stream().map(ResidentSummary::id).toList(),
                        ctx.residents().today(),
                        shift);
    }

    /** The shift the log opened on (by the time of day). */
    private Shift shift;

    @SuppressWarnings("unchecked")
    private static TableView<DailyShiftViewModel.Row> shiftTable(FxRobot robot) {
        return robot.lookup("#shiftTable").queryAs(TableView.class);
    }

    private void openShiftLog(FxRobot robot, String group) {
        FxTesting.logInAndOpen(robot, "nurse", "#navShift");
        waitFor(() -> robot.lookup("#shiftGroup").tryQuery().isPresent());
        shift = (Shift) robot.lookup("#shiftChoice").queryAs(ComboBox.class).getValue();
        FxTesting.choose(robot, "#shiftGroup", group);
        waitFor(() ->
                !shiftTable(robot).getItems().isEmpty() && groupShown(robot).equals(group));
    }

    private static String groupShown(FxRobot robot) {
        LivingGroup g = (LivingGroup)
                robot.lookup("#shiftGroup").queryAs(ComboBox.class).getValue();
        return g == null ? "" : g.name();
    }

    /** The table cell of a column (by its title) and row, chosen on the JavaFX thread. */
    private static Node cell(FxRobot robot, String column, int row) {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            return WaitForAsyncUtils.<Node>asyncFx(() -> robot.lookup(n -> n instanceof TableCell<?, ?> c
                                    && c.getTableColumn() != null
                                    && column.equals(c.getTableColumn().getText())
                                    && c.getIndex() == row
                                    && !c.isEmpty()
                                    && c.getTableView() != null
                                    && "shiftTable".equals(c.getTableView().getId()))
                            .<Node>query())
                    .get();
        } catch (Exception e) {
            throw new AssertionError("no cell " + column + " " + row, e);
        }
    }

    /** Double-clicks the row's 事件 cell and types, without Enter. */
    private static void typeEvent(FxRobot robot, int row, String text) {
        robot.doubleClickOn(cell(robot, "事件", row));
        waitFor(() -> robot.lookup(
                        n -> n instanceof TextField t && t.isFocused() && t.getParent() instanceof TableCell<?, ?>)
                .tryQuery()
                .isPresent());
        robot.write(text);
    }

    private static void answer(FxRobot robot, String button) {
        waitFor(() -> robot.lookup("#unsavedDialog").tryQuery().isPresent());
        FxTesting.clickWhenShown(robot, button);
        waitFor(() -> robot.lookup("#unsavedDialog").tryQuery().isEmpty());
    }

    @Test
    void aShiftLogCellKeepsItsTextWhenTheCaregiverClicksElsewhereAndItIsSaved(FxRobot robot) {
        openShiftLog(robot, first);
        assertTrue(
                robot.lookup("#shiftSaved").queryAs(Label.class).getText().contains("尚未保存"),
                "an unsaved shift says the rows are defaults");
        typeEvent(robot, 0, "发烧38度");
        // a click on another child's row, not Enter
        robot.clickOn(cell(robot, "备注", 1));
        waitFor(() -> "发烧38度".equals(shiftTable(robot).getItems().get(0).events.get()));
        waitFor(() -> "发烧38度".equals(((TableCell<?, ?>) cell(robot, "事件", 0)).getText()));
        // and a click on another control
        typeEvent(robot, 1, "摔倒");
        robot.clickOn("#shiftDate");
        waitFor(() -> "摔倒".equals(shiftTable(robot).getItems().get(1).events.get()));

        robot.clickOn("#saveShift");
        long firstChild = shiftTable(robot).getItems().get(0).residentId;
        long secondChild = shiftTable(robot).getItems().get(1).residentId;
        waitFor(() -> {
            Map<Long, DailyLogEntry> saved = stored(first);
            return saved.containsKey(firstChild)
                    && "发烧38度".equals(saved.get(firstChild).events())
                    && "摔倒".equals(saved.get(secondChild).events());
        });
        // a saved shift looks different from defaults: who saved it and when, and its rows marked
        waitFor(() -> robot.lookup("#shiftSaved").queryAs(Label.class).getText().startsWith("已保存：刘护士 "));
        waitFor(() -> shiftTable(robot).getItems().get(0).saved != null);
        assertTrue(((TableCell<?, ?>) cell(robot, "保存状态", 0)).getText().startsWith("已保存："));
    }

    @Test
    void ctrlSSavesTheShiftLogWhileACellIsStillBeingTypedIn(FxRobot robot) {
        openShiftLog(robot, first);
        typeEvent(robot, 0, "咳嗽");
        // no Enter, no click elsewhere: the shortcut alone keeps the text and saves
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        long child = shiftTable(robot).getItems().get(0).residentId;
        waitFor(() -> {
            DailyLogEntry saved = stored(first).get(child);
            return saved != null && "咳嗽".equals(saved.events());
        });
        waitFor(() -> robot.lookup("#shiftSaved").queryAs(Label.class).getText().startsWith("已保存："));
    }

    @Test
    void switchingTheLivingGroupAsksAndEachAnswerDoesWhatItSays(FxRobot robot) {
        openShiftLog(robot, first);
        long firstChild = shiftTable(robot).getItems().get(0).residentId;
        typeEvent(robot, 0, "咳嗽");
        robot.clickOn("#shiftSaved");

        // 取消: the group and the typed text stay
        FxTesting.choose(robot, "#shiftGroup", second);
        answer(robot, "#unsavedCancel");
        assertEquals(first, groupShown(robot));
        assertEquals("咳嗽", shiftTable(robot).getItems().get(0).events.get());

        // 放弃修改: the other group opens, nothing was saved
        FxTesting.choose(robot, "#shiftGroup", second);
        answer(robot, "#unsavedDiscard");
        waitFor(() -> groupShown(robot).equals(second)
                && !shiftTable(robot).getItems().isEmpty()
                && shiftTable(robot).getItems().get(0).residentId != firstChild);
        assertTrue(stored(first).isEmpty(), "discarded, not saved");

        // 保存: saved for the group it was typed in, then the other group opens
        long child = shiftTable(robot).getItems().get(0).residentId;
        typeEvent(robot, 0, "牙疼");
        robot.clickOn("#shiftSaved");
        FxTesting.choose(robot, "#shiftGroup", first);
        answer(robot, "#unsavedSave");
        waitFor(() -> groupShown(robot).equals(first)
                && !shiftTable(robot).getItems().isEmpty()
                && shiftTable(robot).getItems().get(0).residentId != child);
        assertEquals("牙疼", stored(second).get(child).events());
    }

    @Test
    void leavingTheShiftLogThroughTheSidebarAsks(FxRobot robot) {
        openShiftLog(robot, first);
        typeEvent(robot, 0, "情绪低落");
        // no click elsewhere: the cell is still being edited when the sidebar is used
        robot.clickOn("#navResidents");
        answer(robot, "#unsavedCancel");
        assertTrue(robot.lookup("#shiftTable").tryQuery().isPresent(), "still on the shift log");
        assertEquals("情绪低落", shiftTable(robot).getItems().get(0).events.get());

        robot.clickOn("#navResidents");
        answer(robot, "#unsavedDiscard");
        waitFor(() -> robot.lookup("#residentTable").tryQuery().isPresent()
                && robot.lookup("#shiftTable").tryQuery().isEmpty());
        assertTrue(stored(first).isEmpty());
    }

    @Test
    void loggingOutAsksSaveSavesAndTheLogOpensOnTheLastGroupNextTime(FxRobot robot) {
        openShiftLog(robot, second);
        typeEvent(robot, 0, "夜里醒来两次");
        robot.clickOn("#shiftSaved");
        long child = shiftTable(robot).getItems().get(0).residentId;

        robot.clickOn("#logout");
        answer(robot, "#unsavedCancel");
        assertTrue(robot.lookup("#shiftTable").tryQuery().isPresent(), "still logged in");

        robot.clickOn("#logout");
        answer(robot, "#unsavedSave");
        waitFor(() -> robot.lookup("#loginUsername").tryQuery().isPresent());

        // the same user on this PC finds the group worked on last, and what was saved on logging out
        FxTesting.logInAndOpen(robot, "nurse", "#navShift");
        waitFor(() -> groupShown(robot).equals(second)
                && !shiftTable(robot).getItems().isEmpty());
        assertEquals("夜里醒来两次", stored(second).get(child).events());
        assertEquals("夜里醒来两次", shiftTable(robot).getItems().get(0).events.get());
    }

    @Test
    void lockingKeepsTheInputEvenWhileACellIsBeingTypedIn(FxRobot robot) {
        openShiftLog(robot, first);
        typeEvent(robot, 0, "午睡没睡");
        robot.clickOn("#lockNow"); // nothing asked, nothing lost
        assertTrue(robot.lookup("#unsavedDialog").tryQuery().isEmpty());
        FxTesting.logInAndOpen(robot, "nurse", "#navShift");
        waitFor(() -> robot.lookup("#shiftTable").tryQuery().isPresent());
        assertEquals("午睡没睡", shiftTable(robot).getItems().get(0).events.get());
        // still unsaved input: leaving asks
        robot.clickOn("#navResidents");
        answer(robot, "#unsavedCancel");
    }

    @Test
    void closingTheWindowAsks(FxRobot robot) {
        openShiftLog(robot, first);
        typeEvent(robot, 0, "流鼻涕");
        robot.clickOn("#shiftSaved");
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        javafx.application.Platform.runLater(() -> frame.closeWindow(() -> closed.set(true)));
        answer(robot, "#unsavedCancel");
        assertTrue(!closed.get(), "取消 keeps the window open");
        assertEquals("流鼻涕", shiftTable(robot).getItems().get(0).events.get());
        javafx.application.Platform.runLater(() -> frame.closeWindow(() -> closed.set(true)));
        answer(robot, "#unsavedDiscard");
        waitFor(closed::get);
        assertTrue(stored(first).isEmpty());
    }

    @Test
    void aHalfTypedEntryInTheCareFileIsAskedAboutBeforeAnotherResidentOpens(FxRobot robot) {
        List<ResidentSummary> listed = openFirstMedicalTab(robot);
        ResidentSummary one = listed.get(0);
        ResidentSummary other = listed.get(1);
        robot.clickOn("#allergySubstance").write("青霉素");
        FxTesting.choose(robot, "#allergySeverity", org.huyou.common.Messages.t("allergySeverity.MODERATE"));

        FxTesting.clickText(robot, other.name());
        answer(robot, "#unsavedCancel");
        assertEquals(
                one.name(), robot.lookup("#detailName").queryAs(Label.class).getText());
        assertEquals(
                "青霉素",
                robot.lookup("#allergySubstance").queryAs(TextField.class).getText());

        // 保存 records the allergy for the child it was typed for, then opens the other file
        FxTesting.clickText(robot, other.name());
        answer(robot, "#unsavedSave");
        waitFor(() -> other.name()
                .equals(robot.lookup("#detailName").queryAs(Label.class).getText()));
        AppContext ctx = frame.context();
        assertEquals("青霉素", ctx.allergies().current(one.id()).get(0).substance());
        assertTrue(ctx.allergies().current(other.id()).isEmpty());
        assertEquals(
                "", robot.lookup("#allergySubstance").queryAs(TextField.class).getText());
    }

    @Test
    void inputWhoseFormCannotBeSavedFromTheQuestionIsNotOfferedASave(FxRobot robot) {
        openFirstMedicalTab(robot);
        // the order form has several buttons (开医嘱, 添加药品): which one saves is not for the question to guess
        robot.interact(() -> robot.lookup("#orderDose").queryAs(TextField.class).requestFocus());
        robot.write("5ml");
        waitFor(() ->
                "5ml".equals(robot.lookup("#orderDose").queryAs(TextField.class).getText()));
        robot.clickOn("#navCaseload");
        waitFor(() -> robot.lookup("#unsavedDialog").tryQuery().isPresent());
        assertTrue(robot.lookup("#unsavedSave").tryQuery().isEmpty(), "no 保存 that would only say it cannot");
        // the question names the tab that holds the input
        assertEquals(
                org.huyou.common.Messages.t(
                        "unsaved.textNoSaveIn",
                        org.huyou.common.Messages.t(
                                "unsaved.place", org.huyou.common.Messages.t("careDomain.MEDICAL"))),
                robot.lookup("#unsavedDialog")
                        .queryAs(javafx.scene.control.DialogPane.class)
                        .getContentText());
        robot.clickOn("#unsavedCancel");
        waitFor(() -> robot.lookup("#unsavedDialog").tryQuery().isEmpty());
        assertEquals("5ml", robot.lookup("#orderDose").queryAs(TextField.class).getText());
    }

    /** The nurse's register, the first resident's file open at 医疗; the residents listed. */
    private List<ResidentSummary> openFirstMedicalTab(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "nurse", "#navResidents");
        waitFor(() -> FxTesting.rows(robot, "#residentTable") > 2);
        @SuppressWarnings("unchecked")
        List<ResidentSummary> listed =
                robot.lookup("#residentTable").queryAs(TableView.class).getItems();
        ResidentSummary one = listed.get(0);
        FxTesting.clickText(robot, one.name());
        waitFor(() -> one.name()
                .equals(robot.lookup("#detailName").queryAs(Label.class).getText()));
        FxTesting.clickWhenShown(robot, "医疗");
        return List.copyOf(listed);
    }
}
