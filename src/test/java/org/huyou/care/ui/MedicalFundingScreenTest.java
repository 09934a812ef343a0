package org.huyou.care.ui;

import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.care.medical.MedicalFunding;
import org.huyou.care.medical.MedicalRecord;
import org.huyou.care.medical.TomorrowPlanApplication;
import org.huyou.common.ui.DateField;
import org.huyou.donations.Donor;
import org.huyou.donations.Fund;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.donations.Payment;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 33 on the nurse's real medical tab: a surgery's cost and each source's share are entered, the problems said
 * beside the field they concern (an amount that is not one, shares above the cost), the donation share linked to the
 * medical fund's payment picked from the ledger, and the record's detail shows how it was paid; a 明天计划
 * application is recorded, approved (hospital, operation date, amount), and another withdrawn with a reason.
 */
@ExtendWith(ApplicationExtension.class)
class MedicalFundingScreenTest {

    @TempDir
    static Path dir;

    AppFrame frame;
    Resident child;
    long payment;
    long treatmentPayment;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            ctx.accounts().create("nurse", "刘护士", TestHome.PASSWORD, EnumSet.of(Role.MEDICAL_STAFF));
            ctx.accounts().create("boss", "院长", TestHome.PASSWORD, EnumSet.of(Role.DIRECTOR));
            ctx.accounts().create("clerk", "财务", TestHome.PASSWORD, EnumSet.of(Role.FINANCE_OFFICER));
            child = ctx.residents().create(TestHome.boyDraft());
            ctx.login().logout();
            ctx.login().login("boss", TestHome.PASSWORD.toCharArray());
            long fund = ctx.ledger().funds().stream()
                    .filter(f -> f.purpose() == Fund.Purpose.MEDICAL)
                    .findFirst()
                    .orElseThrow()
                    .id();
            Donor d = ctx.ledger()
                    .createDonor(
                            new NewDonor(Donor.Kind.ENTERPRISE, "爱心企业", Donor.Naming.FULL, null, null, null, null));
            ctx.ledger()
                    .recordDonation(
                            d.id(),
                            fund,
                            TestHome.TODAY.minusDays(30),
                            new BigDecimal("50000.00"),
                            LedgerEntry.Channel.BANK_TRANSFER,
                            "定向医疗救助");
            // above the approval limit: the finance officer asks, the director approves (a second person)
            ctx.login().logout();
            ctx.login().login("clerk", TestHome.PASSWORD.toCharArray());
            var asked = ctx.ledger()
                    .recordUse(new Payment(
                            fund,
                            TestHome.TODAY.minusDays(3),
                            new BigDecimal("8000.00"),
                            Fund.Purpose.MEDICAL,
                            "唇腭裂修复手术费用",
                            "滨州医学院附属医院",
                            "FP-2026-118"))
                    .request();
            ctx.login().logout();
            ctx.login().login("boss", TestHome.PASSWORD.toCharArray());
            payment = ctx.ledger().approveRequest(asked.id(), asked.version()).seq();
            treatmentPayment = ctx.ledger()
                    .recordUse(new Payment(
                            fund,
                            TestHome.TODAY.minusDays(2),
                            new BigDecimal("2000.00"),
                            Fund.Purpose.MEDICAL,
                            "矫形治疗费用",
                            "市儿童医院",
                            "FP-2026-121"))
                    .entry()
                    .seq();
            ctx.login().logout();
            ctx.login().login("nurse", TestHome.PASSWORD.toCharArray());
            ctx.medicalRecords()
                    .add(
                            child.id(),
                            MedicalRecord.Kind.SURGERY,
                            TestHome.TODAY.minusDays(5),
                            "唇腭裂修复术",
                            null,
                            MedicalRecord.Funding.DONATION,
                            null);
            MedicalRecord treatment = ctx.medicalRecords()
                    .add(
                            child.id(),
                            MedicalRecord.Kind.TREATMENT,
                            TestHome.TODAY.minusDays(20),
                            "脊柱侧弯矫形治疗",
                            null,
                            MedicalRecord.Funding.DONATION,
                            null);
            ctx.medicalRecords()
                    .recordFunding(new MedicalFunding(
                            treatment.id(),
                            new BigDecimal("2000"),
                            null,
                            null,
                            new BigDecimal("2000"),
                            null,
                            treatmentPayment,
                            -1));
        }
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    private void openMedicalTab(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "nurse", "#navResidents");
        waitFor(() -> robot.lookup("#residentSearch").tryQuery().isPresent());
        robot.interact(
                () -> robot.lookup("#residentSearch").queryAs(TextField.class).clear());
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
        waitFor(() -> robot.lookup("#medicalRecordTable").tryQuery().isPresent());
    }

    private static void type(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).clear());
        FxTesting.click(robot, id).write(text);
    }

    private static String detail(FxRobot robot) {
        return robot.lookup("#fundingDetail").queryAs(Label.class).getText();
    }

    private static Predicate<Node> shownText(String part) {
        return n -> n instanceof Label l
                && l.isVisible()
                && l.getText() != null
                && l.getText().contains(part);
    }

    @Test
    void aSurgerysCostIsSplitBySourceWithFieldNamedProblemsAndTheLedgerPaymentLinked(FxRobot robot) {
        openMedicalTab(robot);
        @SuppressWarnings("unchecked")
        TableView<MedicalRecord> records = robot.lookup("#medicalRecordTable").queryAs(TableView.class);
        waitFor(() -> records.getItems().size() == 2);
        assertFalse(robot.lookup("#fundingPane").query().isVisible(), "nothing selected: no funding shown");
        MedicalRecord surgery = records.getItems().stream()
                .filter(r -> r.kind() == MedicalRecord.Kind.SURGERY)
                .findFirst()
                .orElseThrow();
        robot.interact(() -> records.getSelectionModel().select(surgery));
        waitFor(() -> robot.lookup("#fundingPane").query().isVisible());
        assertTrue(detail(robot).contains("还没有登记费用"), detail(robot));

        // an amount that is not one is named by its field, beside it; nothing is saved
        type(robot, "#funding_cost", "20000");
        type(robot, "#funding_tomorrowPlan", "15000");
        type(robot, "#funding_insurance", "七千");
        FxTesting.choose(robot, "#fundingPayment", "第 " + payment + " 号");
        assertEquals(
                "8000.00",
                robot.lookup("#funding_donation").queryAs(TextField.class).getText(),
                "the payment's amount is the donation share");
        FxTesting.click(robot, "#saveFunding");
        waitFor(() -> robot.lookup(shownText("医疗保险支付：“七千”不是有效的金额")).tryQuery().isPresent());
        assertTrue(robot.lookup("#funding_insurance").query().isFocused(), "the focus goes to the problem");

        // the shares above the cost: said beside the cost
        type(robot, "#funding_insurance", "7000");
        assertTrue(robot.lookup(shownText("不是有效的金额")).tryQuery().isEmpty(), "the problem goes when corrected");
        FxTesting.click(robot, "#saveFunding");
        waitFor(() -> robot.lookup(shownText("费用总额：各来源支付合计超过了费用总额")).tryQuery().isPresent());
        assertTrue(detail(robot).contains("还没有登记费用"), "refused: nothing half-saved");

        type(robot, "#funding_cost", "30000");
        waitFor(() -> robot.lookup("#fundingSum").queryAs(Label.class).getText().contains("¥30,000.00"));
        FxTesting.click(robot, "#saveFunding");
        FxTesting.waitOrFailOnDialog(robot, () -> detail(robot).contains("费用总额 ¥30,000.00"));
        String shown = detail(robot);
        assertTrue(
                shown.contains("明天计划 ¥15,000.00")
                        && shown.contains("医疗保险 ¥7,000.00")
                        && shown.contains("捐赠资金 ¥8,000.00")
                        && shown.contains("未支付 ¥0.00"),
                shown);
        assertTrue(shown.contains("台账第 " + payment + " 号支出"), "the record shows how it was paid: " + shown);
        assertEquals(
                surgery.id(),
                records.getSelectionModel().getSelectedItem().id(),
                "the record stays selected after the save");
        waitFor(() -> robot.lookup("#fundingPayment")
                        .queryAs(javafx.scene.control.ComboBox.class)
                        .getValue()
                != null);
        assertEquals(
                "8000.00",
                robot.lookup("#funding_donation").queryAs(TextField.class).getText());
    }

    /**
     * Shares typed for a surgery survive another save on the medical tab (its reload) and the payments looked up in
     * the background; the live sum reads them as saving does ("12,000", "¥500", full-width digits); choosing another
     * record asks first: 取消 keeps the typing, 保存 saves it to the surgery it was typed for.
     */
    @Test
    void typedSharesAreKeptOverAReloadAndAnotherRecordAsksFirst(FxRobot robot) {
        openMedicalTab(robot);
        @SuppressWarnings("unchecked")
        TableView<MedicalRecord> records = robot.lookup("#medicalRecordTable").queryAs(TableView.class);
        waitFor(() -> records.getItems().size() == 2);
        robot.interact(() -> records.getSelectionModel().select(record(records, MedicalRecord.Kind.SURGERY)));
        waitFor(() -> robot.lookup("#fundingPane").query().isVisible());
        waitFor(() -> robot.lookup("#fundingPayment")
                        .queryAs(javafx.scene.control.ComboBox.class)
                        .getItems()
                        .size()
                > 1); // the payments' lookup done: it must not count as the nurse's typing either
        type(robot, "#funding_cost", "12,000");
        type(robot, "#funding_tomorrowPlan", "¥500");
        type(robot, "#funding_insurance", "１０００");
        Label sum = robot.lookup("#fundingSum").queryAs(Label.class);
        waitFor(() -> sum.getText().equals("各来源合计 ¥1,500.00，尚余 ¥10,500.00"));

        // another save on the tab reloads it: the typing stays
        type(robot, "#allergySubstance", "青霉素");
        FxTesting.choose(robot, "#allergySeverity", org.huyou.common.Messages.t("allergySeverity.MILD"));
        FxTesting.click(robot, "#addAllergy");
        FxTesting.waitOrFailOnDialog(
                robot,
                () -> robot.lookup("#allergyTable")
                                .queryAs(TableView.class)
                                .getItems()
                                .size()
                        == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("12,000", text(robot, "#funding_cost"));
        assertEquals("¥500", text(robot, "#funding_tomorrowPlan"));
        assertEquals("１０００", text(robot, "#funding_insurance"));

        // another record: asked; 取消 stays on the surgery with the typing
        robot.interact(() -> records.getSelectionModel().select(record(records, MedicalRecord.Kind.TREATMENT)));
        answer(robot, "#unsavedCancel");
        assertEquals(
                MedicalRecord.Kind.SURGERY,
                records.getSelectionModel().getSelectedItem().kind());
        assertEquals("12,000", text(robot, "#funding_cost"));

        // 保存: saved to the surgery it was typed for, then the treatment is shown
        robot.interact(() -> records.getSelectionModel().select(record(records, MedicalRecord.Kind.TREATMENT)));
        answer(robot, "#unsavedSave");
        FxTesting.waitOrFailOnDialog(robot, () -> detail(robot).contains("费用总额 ¥2,000.00"));
        assertEquals(
                MedicalRecord.Kind.TREATMENT,
                records.getSelectionModel().getSelectedItem().kind());
        long surgery = record(records, MedicalRecord.Kind.SURGERY).id();
        assertEquals(
                0, new BigDecimal("12000").compareTo(fundings().get(surgery).cost()));
        assertEquals(0, new BigDecimal("1000").compareTo(fundings().get(surgery).insurance()));
    }

    private static MedicalRecord record(TableView<MedicalRecord> records, MedicalRecord.Kind kind) {
        return records.getItems().stream()
                .filter(r -> r.kind() == kind)
                .findFirst()
                .orElseThrow();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class).getText();
    }

    private static void answer(FxRobot robot, String button) {
        waitFor(() -> robot.lookup("#unsavedDialog").tryQuery().isPresent());
        robot.clickOn(button);
        waitFor(() -> robot.lookup("#unsavedDialog").tryQuery().isEmpty());
    }

    private java.util.Map<Long, org.huyou.care.medical.MedicalFunding> fundings() {
        return frame.context().medicalRecords().fundings(child.id());
    }

    /**
     * The finance clerk, without the medical permission, sees in the ledger that the payment paid a child's medical
     * cost, and neither the child nor the treatment.
     */
    @SuppressWarnings("unchecked")
    @Test
    void theLedgerSaysWhatAPaymentPaidForMaskedForTheFinanceClerk(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "clerk", "#navDonations");
        FxTesting.selectTab(robot, "#donationTabs", "账簿");
        TableView<LedgerEntry> ledger = robot.lookup("#ledgerTable").queryAs(TableView.class);
        waitFor(() -> ledger.getItems().stream().anyMatch(e -> e.seq() == treatmentPayment));
        robot.interact(() -> ledger.getSelectionModel()
                .select(ledger.getItems().stream()
                        .filter(e -> e.seq() == treatmentPayment)
                        .findFirst()
                        .orElseThrow()));
        Label detail = robot.lookup("#ledgerEntryDetail").queryAs(Label.class);
        FxTesting.waitOrFailOnDialog(robot, () -> detail.getText().contains("用于："));
        assertTrue(detail.getText().contains("用于：一名儿童的医疗费用"), detail.getText());
        assertTrue(detail.getText().contains("¥-2,000.00") || detail.getText().contains("2,000.00"), detail.getText());
        assertFalse(detail.getText().contains("周小宝") || detail.getText().contains("脊柱侧弯"), detail.getText());

        // a donation paid for nothing of the kind: no "paid for" line
        robot.interact(() -> ledger.getSelectionModel()
                .select(ledger.getItems().stream()
                        .filter(e -> e.kind() == LedgerEntry.Kind.DONATION)
                        .findFirst()
                        .orElseThrow()));
        waitFor(() -> detail.getText().contains("定向医疗救助"));
        assertFalse(detail.getText().contains("用于："));
    }

    @SuppressWarnings("unchecked")
    @Test
    void aTomorrowPlanApplicationIsRecordedApprovedAndAnotherWithdrawn(FxRobot robot) {
        openMedicalTab(robot);
        TableView<TomorrowPlanApplication> table =
                robot.lookup("#tomorrowPlanTable").queryAs(TableView.class);
        type(robot, "#tomorrowPlanCondition", "先天性心脏病（房间隔缺损）");
        FxTesting.click(robot, "#applyTomorrowPlan");
        FxTesting.waitOrFailOnDialog(robot, () -> table.getItems().size() == 1);
        assertEquals(
                TomorrowPlanApplication.Status.PENDING, table.getItems().get(0).status());
        assertTrue(robot.lookup("#approveTomorrowPlan").queryButton().isDisabled(), "nothing selected");

        robot.interact(() -> table.getSelectionModel().select(0));
        type(robot, "#tomorrowPlanHospital", "滨州医学院附属医院");
        robot.interact(() ->
                robot.lookup("#tomorrowPlanOperation").queryAs(DateField.class).setValue(TestHome.TODAY.plusDays(10)));
        type(robot, "#tomorrowPlanAmount", "30000");
        FxTesting.click(robot, "#approveTomorrowPlan");
        FxTesting.waitOrFailOnDialog(
                robot,
                () -> table.getItems().size() == 1
                        && table.getItems().get(0).status() == TomorrowPlanApplication.Status.APPROVED);
        TomorrowPlanApplication approved = table.getItems().get(0);
        assertEquals("滨州医学院附属医院", approved.hospital());
        assertEquals(TestHome.TODAY.plusDays(10), approved.operationDate());
        assertEquals(0, new BigDecimal("30000").compareTo(approved.amount()));
        assertTrue(
                robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && "已批准".equals(l.getText()))
                        .tryQuery()
                        .isPresent(),
                "the status is shown in words");

        type(robot, "#tomorrowPlanCondition", "脊柱侧弯矫正");
        FxTesting.click(robot, "#applyTomorrowPlan");
        FxTesting.waitOrFailOnDialog(robot, () -> table.getItems().size() == 2);
        robot.interact(() -> table.getSelectionModel()
                .select(table.getItems().stream()
                        .filter(TomorrowPlanApplication::pending)
                        .findFirst()
                        .orElseThrow()));
        FxTesting.click(robot, "#voidTomorrowPlan");
        waitFor(() -> robot.lookup("#reasonField").tryQuery().isPresent());
        robot.clickOn("#reasonField").write("已获其他基金资助，撤回申请");
        robot.clickOn(robot.lookup((Node n) -> n instanceof Button b
                        && "作废所选记录".equals(b.getText())
                        && n.getScene() != null
                        && n.getScene().getRoot() instanceof javafx.scene.control.DialogPane)
                .queryButton());
        waitFor(() -> table.getItems().stream().anyMatch(TomorrowPlanApplication::voided));
        List<TomorrowPlanApplication> rows = table.getItems();
        assertEquals(2, rows.size(), "withdrawn, not deleted");
        TomorrowPlanApplication withdrawn = rows.stream()
                .filter(TomorrowPlanApplication::voided)
                .findFirst()
                .orElseThrow();
        assertEquals(TomorrowPlanApplication.Status.WITHDRAWN, withdrawn.status());
        assertEquals("已获其他基金资助，撤回申请", withdrawn.voidReason());
        assertTrue(robot.lookup("#reasonField")
                .tryQuery()
                .map(n -> ((TextArea) n).getText())
                .isEmpty());
    }
}
