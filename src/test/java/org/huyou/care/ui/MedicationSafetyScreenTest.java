package org.huyou.care.ui;

import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.care.Reminder;
import org.huyou.care.medical.Allergy;
import org.huyou.care.medical.Medication;
import org.huyou.common.Dates;
import org.huyou.common.Gender;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.security.AuditEntry;
import org.huyou.security.AuditFilter;
import org.huyou.security.Role;
import org.huyou.security.Session;
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
 * Issue 23 on the real screens, as a nurse who also gives doses: an order for a drug the child is allergic to is
 * refused, then made with a written reason (audited) and marked; its doses on the reminders screen carry the
 * warning; a dose recorded by mistake is undone from the notice (the row stays in place meanwhile), and a later
 * one is voided with a reason from the administration record, where it stays, marked.
 */
@ExtendWith(ApplicationExtension.class)
class MedicationSafetyScreenTest {

    private static final String REASON = "儿科会诊确认皮疹与磺胺无关，继续治疗";

    @TempDir
    static Path dir;

    AppFrame frame;
    Path home;
    Stage stage;
    Resident child;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            ctx.accounts().create("nurse", "刘护士", TestHome.PASSWORD, EnumSet.of(Role.CAREGIVER, Role.MEDICAL_STAFF));
            child = ctx.residents()
                    .create(new Resident(
                            null,
                            null,
                            null,
                            "周小宝",
                            null,
                            Gender.MALE,
                            LocalDate.of(2020, 1, 15),
                            false,
                            null,
                            null,
                            null,
                            Category.ORPHAN,
                            LocalDate.of(2021, 3, 1),
                            AdmissionSource.CIVIL_AFFAIRS,
                            null,
                            DisabilityType.NONE,
                            null,
                            Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                            null,
                            null,
                            null));
            ctx.login().logout();
            ctx.login().login("nurse", TestHome.PASSWORD.toCharArray());
            ctx.allergies().add(child.id(), "磺胺类药物", "荨麻疹", Allergy.Severity.SEVERE, TestHome.TODAY.minusYears(1));
            ctx.medication().prescribe(child.id(), "维生素D滴剂", "1粒", "09:30", TestHome.TODAY.minusDays(3), null, null);
        }
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    @SuppressWarnings("unchecked")
    private List<Reminder> reminders(FxRobot robot) {
        return (List<Reminder>) (List<?>) FxTesting.rowsOfAll(robot, ".reminder-table");
    }

    private int rowOf(FxRobot robot, String drug, String time) {
        List<Reminder> items = reminders(robot);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).what().contains(drug) && items.get(i).what().contains(time)) {
                return i;
            }
        }
        throw new AssertionError("no reminder for " + drug + " at " + time);
    }

    private void openMedicalTab(FxRobot robot) {
        robot.clickOn("#navResidents");
        waitFor(() -> robot.lookup("#residentSearch").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#residentSearch")
                .queryAs(javafx.scene.control.TextField.class)
                .clear());
        robot.clickOn("#residentSearch").write(child.recordNo());
        waitFor(() -> robot.lookup("#residentTable")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 1);
        FxTesting.clickText(robot, child.name());
        waitFor(() -> child.name()
                .equals(robot.lookup("#detailName").queryAs(Label.class).getText()));
        FxTesting.clickWhenShown(robot, "医疗");
        waitFor(() -> robot.lookup("#orderTable").tryQuery().isPresent());
    }

    private static Predicate<Node> dialogButton(String text) {
        return n -> n instanceof Button b
                && text.equals(b.getText())
                && n.getScene() != null
                && n.getScene().getRoot() instanceof javafx.scene.control.DialogPane;
    }

    @Test
    void anAllergicChildsOrderIsRefusedThenOverriddenAndItsDosesWarnAndADoseIsUndoneAndAnotherVoided(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "nurse", "#navResidents");
        openMedicalTab(robot);

        // The drug is picked from the formulary: the line under the picker names its ingredient and class.
        FxTesting.click(robot, "#orderDrug").write("磺胺嘧啶片");
        waitFor(() ->
                robot.lookup("#orderDrugInfo").queryAs(Label.class).getText().contains("磺胺类"));
        robot.clickOn("#orderDose").write("0.5g");
        robot.clickOn("#orderTimes").write("08:00,20:00");
        FxTesting.click(robot, "#prescribe");
        waitFor(() -> robot.lookup(dialogButton("仍然开具")).tryQuery().isPresent());
        assertTrue(
                robot.lookup(n -> n instanceof Label l
                                && l.getText() != null
                                && l.getText().contains("磺胺类药物")
                                && l.getText().contains("磺胺嘧啶片"))
                        .tryQuery()
                        .isPresent(),
                "the dialog names allergy and drug");
        assertTrue(robot.lookup(dialogButton("仍然开具")).queryButton().isDisabled(), "not without a reason");
        robot.clickOn(robot.lookup(dialogButton("取消")).queryButton());
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertEquals(1, FxTesting.rows(robot, "#orderTable"), "refused: only the vitamin D order");

        FxTesting.click(robot, "#prescribe");
        waitFor(() -> robot.lookup("#reasonField").tryQuery().isPresent());
        robot.clickOn("#reasonField").write(REASON);
        robot.clickOn(robot.lookup(dialogButton("仍然开具")).queryButton());
        waitFor(() -> FxTesting.rows(robot, "#orderTable") == 2);
        @SuppressWarnings("unchecked")
        List<Medication.Order> orders =
                robot.lookup("#orderTable").queryAs(TableView.class).getItems();
        Medication.Order made = orders.stream()
                .filter(o -> o.drug().equals("磺胺嘧啶片"))
                .findFirst()
                .orElseThrow();
        assertEquals(REASON, made.allergyOverride());
        // the warning's sentence wrapped beside its icon in the order's 警示 cell
        waitFor(() -> robot.lookup(n -> n instanceof Labeled l
                        && l.getGraphic() instanceof javafx.scene.Parent box
                        && box.getChildrenUnmodifiable().stream()
                                .anyMatch(t -> t instanceof javafx.scene.text.Text text
                                        && text.getText().startsWith("越过过敏警示")))
                .tryQuery()
                .isPresent());

        // Every dose of it carries the warning on the reminders screen: a mark with an icon and the sentence.
        robot.clickOn("#navReminders");
        waitFor(() -> reminders(robot).stream().anyMatch(r -> r.what().contains("磺胺嘧啶片")));
        List<Reminder> sulfa = reminders(robot).stream()
                .filter(r -> r.what().contains("磺胺嘧啶片"))
                .toList();
        assertEquals(2, sulfa.size(), "08:00 and 20:00 today");
        for (Reminder r : sulfa) {
            assertNotNull(r.warning());
            assertTrue(r.what().contains("过敏警示") && r.what().contains("磺胺类药物"), r.what());
        }
        // the warning column shows an icon and a word
        waitFor(() -> robot.lookup(n -> n instanceof Labeled l && "过敏".equals(l.getText()) && l.getGraphic() != null)
                .tryQuery()
                .isPresent());

        // Given by mistake: the row stays where it was, marked, with 撤销; the notice offers 撤销 too.
        int before = reminders(robot).size();
        int row = rowOf(robot, "磺胺嘧啶片", "08:00");
        // One click does not give it: the refusal names the allergy and asks for the reason; cancel holds the dose.
        FxTesting.click(robot, "#reminder_GIVEN_" + row);
        waitFor(() -> robot.lookup(dialogButton("仍然记录“已给药”")).tryQuery().isPresent());
        assertTrue(
                robot.lookup(n -> n instanceof Label l
                                && l.getText() != null
                                && l.getText().contains("磺胺类药物")
                                && l.getText().contains("暂停"))
                        .tryQuery()
                        .isPresent(),
                "the dialog says the dose is held");
        assertTrue(robot.lookup(dialogButton("仍然记录“已给药”")).queryButton().isDisabled(), "not without a reason");
        robot.clickOn(robot.lookup(dialogButton("取消")).queryButton());
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertTrue(frame.context().medication().administrations(child.id(), 10).isEmpty(), "held: nothing recorded");
        FxTesting.click(robot, "#reminder_GIVEN_" + row);
        waitFor(() -> robot.lookup("#reasonField").tryQuery().isPresent());
        robot.clickOn("#reasonField").write(REASON);
        robot.clickOn(robot.lookup(dialogButton("仍然记录“已给药”")).queryButton());
        waitFor(() -> robot.lookup("#reminder_UNDO_" + row).tryQuery().isPresent());
        assertEquals(before, reminders(robot).size(), "nothing moved under the pointer");
        assertEquals(row, rowOf(robot, "磺胺嘧啶片", "08:00"));
        assertTrue(robot.lookup(n -> n instanceof Labeled l && "已给药 ✓".equals(l.getText()))
                .tryQuery()
                .isPresent());
        Predicate<Node> noticeUndo = n -> n instanceof Button b
                && "撤销".equals(b.getText())
                && n.getScene() != null
                && n.getScene().getWindow() != stage
                && n.isVisible();
        waitFor(() -> robot.lookup(noticeUndo).tryQuery().isPresent());
        robot.clickOn(robot.lookup(noticeUndo).queryButton());
        waitFor(() -> robot.lookup("#reminder_GIVEN_" + row).tryQuery().isPresent());
        AppContext ctx = frame.context();
        Medication.Administration undone =
                ctx.medication().administrations(child.id(), 10).get(0);
        assertTrue(undone.voided());
        assertEquals("撤销：误点", undone.voidReason());

        // The vitamin D dose, given; later voided with a reason from the administration record.
        int vitamin = rowOf(robot, "维生素D滴剂", "09:30");
        FxTesting.click(robot, "#reminder_GIVEN_" + vitamin);
        waitFor(() -> robot.lookup("#reminder_UNDO_" + vitamin).tryQuery().isPresent());
        openMedicalTab(robot);
        // The tab was open before: opening it again shows what was recorded since.
        FxTesting.selectTab(robot, "#residentTabs", "基本信息");
        FxTesting.selectTab(robot, "#residentTabs", "医疗");
        try {
            waitFor(() -> FxTesting.rows(robot, "#marTable") == 2);
        } catch (AssertionError e) {
            throw new AssertionError(
                    "MAR shows "
                            + robot.lookup("#marTable").queryAll().stream()
                                    .map(n -> n.getScene() + " " + n.isVisible() + " "
                                            + ((TableView<?>) n).getItems().size())
                                    .toList()
                            + ", stored " + frame.context().medication().administrations(child.id(), 10),
                    e);
        }
        TableView<?> mar = robot.lookup("#marTable").queryAs(TableView.class);
        int given = 0;
        while (((Medication.Administration) mar.getItems().get(given)).voided()) {
            given++;
        }
        int pick = given;
        robot.interact(() -> mar.getSelectionModel().select(pick));
        FxTesting.click(robot, "#voidDose");
        waitFor(() -> robot.lookup("#reasonField").tryQuery().isPresent());
        robot.clickOn("#reasonField").write("记错了孩子，实际未服");
        robot.clickOn(robot.lookup(dialogButton("作废所选记录")).queryButton());
        waitFor(() -> mar.getItems().size() == 2
                && mar.getItems().stream().allMatch(a -> ((Medication.Administration) a).voided()));
        assertTrue(
                robot.lookup(n -> n instanceof Labeled l
                                && l.getText() != null
                                && l.getText().contains("已作废：记错了孩子"))
                        .tryQuery()
                        .isPresent(),
                "stays visible, marked");

        // The override is in the audit log with its reason (read as the director).
        Session nurse = ctx.currentUser().session().orElseThrow();
        try {
            ctx.currentUser()
                    .set(new Session(
                            -1,
                            "auditor",
                            "auditor",
                            EnumSet.of(Role.DIRECTOR),
                            java.util.Set.of(new org.huyou.security.Permission(
                                    org.huyou.security.AppModule.AUDIT, org.huyou.security.Action.VIEW))));
            List<AuditEntry> overrides =
                    ctx.audit().browse(new AuditFilter(null, "OVERRIDE", "medication_order", null, null, null), 10);
            assertEquals(1, overrides.size());
            assertEquals("nurse", overrides.get(0).username());
            assertTrue(
                    overrides.get(0).summary().contains(REASON),
                    overrides.get(0).summary());
            List<AuditEntry> doses = ctx.audit()
                    .browse(new AuditFilter(null, "OVERRIDE", "medication_administration", null, null, null), 10);
            assertEquals(1, doses.size(), "the dose given despite the allergy, with its reason");
            assertTrue(
                    org.huyou.security.AuditLabels.summary(doses.get(0)).contains(REASON),
                    org.huyou.security.AuditLabels.summary(doses.get(0)));
        } finally {
            ctx.currentUser().set(nurse);
        }
        assertTrue(robot.lookup("#orderDrug")
                .queryAs(ComboBox.class)
                .getEditor()
                .getText()
                .isEmpty());
        assertTrue(robot.lookup("#reasonField")
                .tryQuery()
                .map(n -> ((TextArea) n).getText())
                .isEmpty());
    }

    /**
     * The outside tester's findings: a dose given from 提醒 shows in the child's file left open on 医疗, without
     * choosing the child or the tab again; doses nobody recorded on earlier days stay on 提醒, overdue, with their day.
     */
    @Test
    void aDoseGivenFromRemindersShowsInTheOpenFileAndEarlierDaysDosesStayOverdueWithTheirDate(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "nurse", "#navResidents");
        openMedicalTab(robot);
        assertEquals(0, FxTesting.rows(robot, "#marTable"));

        robot.clickOn("#navReminders");
        String earliest = Dates.format(TestHome.TODAY.minusDays(3)) + " 09:30";
        waitFor(() -> reminders(robot).stream().anyMatch(r -> r.what().contains(earliest)));
        List<Reminder> vitamin = reminders(robot).stream()
                .filter(r -> r.what().contains("维生素D滴剂"))
                .toList();
        assertEquals(4, vitamin.size(), "the three days since the order started, and today: " + vitamin);
        for (Reminder r : vitamin.subList(0, 3)) {
            assertTrue(r.overdue() && r.what().contains("未记录"), r.what());
        }
        assertTrue(vitamin.get(0).what().contains(earliest), vitamin.get(0).what());
        int row = rowOf(robot, "维生素D滴剂", earliest);
        FxTesting.click(robot, "#reminder_GIVEN_" + row);
        waitFor(() -> robot.lookup("#reminder_UNDO_" + row).tryQuery().isPresent());

        // Back to the register: the file, still open on 医疗, shows the dose.
        robot.clickOn("#navResidents");
        waitFor(() -> FxTesting.rows(robot, "#marTable") == 1);
        @SuppressWarnings("unchecked")
        List<Medication.Administration> mar =
                robot.lookup("#marTable").queryAs(TableView.class).getItems();
        assertEquals(TestHome.TODAY.minusDays(3).atTime(9, 30), mar.get(0).scheduledFor());
    }

    @Test
    void aDrugRefusedForItsMissingClassKeepsTheDialogOpenWithWhatWasTyped(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "nurse", "#navResidents");
        openMedicalTab(robot);
        FxTesting.click(robot, "#addFormularyDrug");
        waitFor(() -> robot.lookup("#newDrugName").tryQuery().isPresent());
        robot.clickOn("#newDrugName").write("Sulbactam");
        robot.clickOn("#newDrugIngredient").write("sulbactam");
        robot.clickOn(robot.lookup(dialogButton("保存到目录")).queryButton());
        // refused (类别：必填。): said, and the dialog is still there with what was typed
        waitFor(() -> robot.lookup(n -> n instanceof Label l
                        && l.getText() != null
                        && l.getText().contains("类别"))
                .tryQuery()
                .isPresent());
        robot.lookup(dialogButton("确定")).tryQuery().ifPresent(b -> robot.clickOn(b));
        waitFor(() -> robot.lookup(dialogButton("确定")).tryQuery().isEmpty());
        assertEquals(
                "Sulbactam",
                robot.lookup("#newDrugName")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getText());
        assertEquals(
                "sulbactam",
                robot.lookup("#newDrugIngredient")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getText());
        ComboBox<?> cls = robot.lookup("#newDrugClass").queryAs(ComboBox.class);
        assertTrue(cls.getPseudoClassStates().contains(org.huyou.common.ui.FieldMarks.DANGER), "the field is marked");
        waitFor(cls::isFocused);
        FxTesting.snapshot(cls.getScene().getRoot(), "add-drug-refused");

        robot.interact(() -> cls.getSelectionModel().select(0));
        robot.clickOn(robot.lookup(dialogButton("保存到目录")).queryButton());
        waitFor(() -> robot.lookup("#newDrugName").tryQuery().isEmpty());
        assertTrue(
                frame.context().formulary().drugs().stream()
                        .anyMatch(d -> d.name().equals("Sulbactam")),
                "saved once the class is chosen");
    }
}
