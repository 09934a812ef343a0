package org.huyou.donations.ui;

import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huyou.app.AppContext;
import org.huyou.donations.Donor;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerService;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.donations.Payment;
import org.huyou.donations.PublishedDisclosure;
import org.huyou.security.Role;
import org.huyou.shell.AppFrame;
import org.huyou.testing.CountedActions;
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
 * The finance officer and the director on the real screens: a money donation and its receipt, goods received and
 * issued, and a quarter's disclosure exported.
 */
@ExtendWith(ApplicationExtension.class)
class DonationScreensTest {

    @TempDir
    static Path dir;

    AppFrame frame;
    Path home;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            ctx.accounts().create("cw", "孙会计", TestHome.PASSWORD, EnumSet.of(Role.FINANCE_OFFICER));
            ctx.accounts().create("yz", "王院长", TestHome.PASSWORD, EnumSet.of(Role.DIRECTOR));
            ctx.login().logout();
            ctx.login().login("cw", TestHome.PASSWORD.toCharArray());
            // Last quarter (July to September) had one donation and one payment.
            Donor firm = ctx.ledger()
                    .createDonor(
                            new NewDonor(Donor.Kind.ENTERPRISE, "滨州爱心企业", Donor.Naming.FULL, null, null, null, null));
            // donors the pinyin "bz" must pass over
            for (String other : List.of("北京京博集团", "包子铺", "张明华")) {
                ctx.ledger()
                        .createDonor(
                                new NewDonor(Donor.Kind.ENTERPRISE, other, Donor.Naming.FULL, null, null, null, null));
            }
            long general = ctx.ledger().funds().get(0).id();
            ctx.ledger()
                    .recordDonation(
                            firm.id(),
                            general,
                            LocalDate.of(2026, 8, 8),
                            new BigDecimal("8888.80"),
                            LedgerEntry.Channel.BANK_TRANSFER,
                            null);
            ctx.ledger()
                    .recordUse(new Payment(
                            general,
                            LocalDate.of(2026, 9, 9),
                            new BigDecimal("1000"),
                            org.huyou.donations.Fund.Purpose.LIVING,
                            "被褥",
                            "商场",
                            "PZ-1"));
        }
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    private void logIn(FxRobot robot, String user, String tab) {
        waitFor(() -> robot.lookup("#loginUsername").tryQuery().isPresent());
        // the login screen may show the last user's name: typed over, not after it
        robot.interact(
                () -> robot.lookup("#loginUsername").queryTextInputControl().clear());
        robot.clickOn("#loginUsername").write(user);
        robot.clickOn("#loginPassword").write(TestHome.PASSWORD);
        robot.clickOn("#loginSubmit");
        waitFor(() -> robot.lookup("#navDonations").tryQuery().isPresent());
        robot.clickOn("#navDonations");
        waitFor(() -> robot.lookup("#donationTabs").tryQuery().isPresent());
        choose(robot, tab);
    }

    /** Shows the donations screen's tab of this title (it loads then: only the tab in view does). */
    private static void choose(FxRobot robot, String tab) {
        TabPane tabs = robot.lookup("#donationTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel()
                .select(tabs.getTabs().stream()
                        .filter(t -> t.getText().equals(tab))
                        .findFirst()
                        .orElseThrow()));
    }

    @Test
    void theFinanceOfficerRecordsADonationFromANewDonorAndPrintsItsReceipt(FxRobot robot) throws Exception {
        logIn(robot, "cw", "登记捐款");
        robot.clickOn("#newDonorName").write("张明华");
        robot.clickOn("#addDonor");
        waitFor(() -> robot.lookup("#donorChoice").queryComboBox().getValue() != null);
        robot.clickOn("#donationAmount").write("1000.50");
        robot.clickOn("#recordDonation");
        // The second receipt of 2026: August had the first.
        waitFor(() ->
                robot.lookup("#lastReceipt").queryAs(Label.class).getText().contains("2026-000002"));
        robot.clickOn("#printReceipt");
        Path receipt = home.resolve("receipts").resolve("捐赠收据_2026-000002.pdf");
        waitFor(() -> Files.exists(receipt));
        LedgerEntry e = frame.context().ledger().entries(Long.MAX_VALUE, 1).get(0);
        assertEquals(0, new BigDecimal("1000.50").compareTo(e.amount()));
        assertEquals("cw", e.createdBy());
        // the ledger's status line counts the new entry too, without reopening the screen
        choose(robot, "账簿");
        waitFor(() ->
                robot.lookup("#ledgerStatus").queryAs(Label.class).getText().contains("：" + e.seq() + " 条分录"));
        // the balances load when their tab is shown: with the donation recorded on another tab in them
        choose(robot, "结余与审批");
        @SuppressWarnings("unchecked")
        TableView<LedgerService.FundBalance> balances =
                robot.lookup("#fundTable").queryAs(TableView.class);
        waitFor(() -> balances.getItems().stream()
                .anyMatch(b -> b.fund().id() == e.fundId() && b.balance().compareTo(new BigDecimal("1000.50")) >= 0));
        BigDecimal shown = balances.getItems().stream()
                .filter(b -> b.fund().id() == e.fundId())
                .findFirst()
                .orElseThrow()
                .balance();
        assertEquals(
                0,
                frame.context().ledger().balances(TestHome.TODAY).stream()
                        .filter(b -> b.fund().id() == e.fundId())
                        .findFirst()
                        .orElseThrow()
                        .balance()
                        .compareTo(shown),
                "the tab shows the fund's balance as the ledger has it now");
    }

    /**
     * Not only the last receipt: the August donation's, from its row of the ledger, under its own number and marked
     * 补打 with the day; the payment's row has none to print, and the button says why.
     */
    @Test
    void anOlderReceiptIsReprintedFromItsLedgerRow(FxRobot robot) throws Exception {
        logIn(robot, "cw", "账簿");
        @SuppressWarnings("unchecked")
        TableView<LedgerEntry> entries = robot.lookup("#ledgerTable").queryAs(TableView.class);
        waitFor(() -> entries.getItems().size() == 2);
        Button reprint = robot.lookup("#reprintReceipt").queryButton();
        robot.interact(() -> entries.getSelectionModel()
                .select(entries.getItems().stream()
                        .filter(e -> e.kind() == LedgerEntry.Kind.USE)
                        .findFirst()
                        .orElseThrow()));
        waitFor(reprint::isDisabled);
        LedgerEntry august = entries.getItems().stream()
                .filter(e -> e.kind() == LedgerEntry.Kind.DONATION)
                .findFirst()
                .orElseThrow();
        robot.interact(() -> entries.getSelectionModel().select(august));
        waitFor(() -> !reprint.isDisabled());
        FxTesting.click(robot, "#reprintReceipt");
        Path file = home.resolve("receipts").resolve("捐赠收据_2026-000001_补打_" + TestHome.TODAY + ".pdf");
        Label said = robot.lookup("#reprintResult").queryAs(Label.class);
        waitFor(() -> Files.exists(file) && said.getText().contains("打印机"));
        assertTrue(said.getText().startsWith("补打的收据已保存到 " + file), said.getText());
        FxTesting.snapshot(frame.getScene().getRoot(), "ledger-reprinted");
        String text;
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertTrue(text.contains("补打 · 补打日期：" + TestHome.TODAY), text);
        assertTrue(text.contains("收据编号：" + august.receiptNo()), text);
        assertTrue(text.contains("金额（小写）：¥8,888.80"), text);
    }

    /**
     * Both buttons promise a receipt and both write it; the line under the form says, in a sentence that stays, where
     * it was saved and what became of the printing (this PC has no printer: it says so).
     */
    @Test
    void bothRecordButtonsSaveTheReceiptAndSayWhereAndWhatWasPrinted(FxRobot robot) {
        logIn(robot, "cw", "登记捐款");
        robot.clickOn("#newDonorName").write("张明华");
        robot.clickOn("#addDonor");
        waitFor(() -> robot.lookup("#donorChoice").queryComboBox().getValue() != null);
        Label line = robot.lookup("#lastReceipt").queryAs(Label.class);
        robot.clickOn("#donationAmount").write("100");
        robot.clickOn("#recordDonation");
        Path first = home.resolve("receipts").resolve("捐赠收据_2026-000002.pdf");
        waitFor(() -> Files.exists(first) && line.getText().contains("收据已保存到"));
        assertEquals("已登记：收据编号 2026-000002，金额 100.00 元，捐赠人 张明华。收据已保存到 " + first, line.getText());
        robot.clickOn("#donationAmount").write("200");
        robot.clickOn("#recordDonationAndPrint");
        Path second = home.resolve("receipts").resolve("捐赠收据_2026-000003.pdf");
        waitFor(() -> Files.exists(second)
                && line.getText().contains("2026-000003")
                && line.getText().contains("打印机"));
        assertEquals(
                "已登记：收据编号 2026-000003，金额 200.00 元，捐赠人 张明华。收据已保存到 " + second + "。这台电脑没有可用的打印机，请在有打印机的电脑上打印该文件。",
                line.getText());
    }

    /**
     * The donor picker asks as the user types: nothing matching is said in a sentence; "binzhou" lists 滨州爱心企业
     * alone, which is picked and stays shown after the box is left; the donation is saved with that donor.
     */
    @Test
    void aDonorFoundByPinyinIsPickedAndTheDonationSavedWithIt(FxRobot robot) {
        logIn(robot, "cw", "登记捐款");
        javafx.scene.control.ComboBox<?> picker = robot.lookup("#donorChoice").queryComboBox();
        robot.clickOn("#donorChoice").write("xyzzy");
        waitFor(() -> robot.lookup("没有名称或拼音与“xyzzy”相符的捐赠人。").tryQuery().isPresent());
        assertTrue(picker.getItems().isEmpty());
        robot.interact(() -> picker.getEditor().clear());
        robot.write("binzhou");
        waitFor(() -> picker.getItems().size() == 1);
        assertEquals("滨州爱心企业", ((Donor) picker.getItems().get(0)).name());
        FxTesting.clickText(robot, "滨州爱心企业 · 企业");
        waitFor(() -> picker.getValue() != null);
        assertEquals("滨州爱心企业", ((Donor) picker.getValue()).name());
        robot.clickOn("#donationAmount").write("66");
        assertEquals("滨州爱心企业 · 企业", picker.getEditor().getText(), "the box shows the donor chosen");
        robot.clickOn("#recordDonation");
        waitFor(() ->
                robot.lookup("#lastReceipt").queryAs(Label.class).getText().contains("2026-000002"));
        LedgerEntry e = frame.context().ledger().entries(Long.MAX_VALUE, 1).get(0);
        assertEquals(0, new BigDecimal("66").compareTo(e.amount()));
        assertEquals(
                "滨州爱心企业",
                frame.context().ledger().donorNames(List.of(e.donorId())).get(e.donorId()));
        // typing to look for another and leaving without choosing keeps the donor chosen
        robot.clickOn("#donorChoice");
        robot.interact(() -> picker.getEditor().selectAll());
        robot.write("bj");
        waitFor(() -> picker.getItems().size() == 1);
        robot.clickOn("#donationAmount");
        waitFor(() -> "滨州爱心企业 · 企业".equals(picker.getEditor().getText()));
        assertEquals("滨州爱心企业", ((Donor) picker.getValue()).name());
    }

    /**
     * A donor picked from the list while the answer to the text just typed is still on its way stays picked when that
     * answer arrives (the list is replaced under it); and Enter picks the first donor the text finds, once found.
     */
    @Test
    void aDonorPickedBeforeTheAnswerArrivesStaysAndEnterPicksTheFirstMatch(FxRobot robot) {
        logIn(robot, "cw", "登记捐款");
        javafx.scene.control.ComboBox<?> picker = robot.lookup("#donorChoice").queryComboBox();
        robot.clickOn("#donorChoice");
        waitFor(() ->
                picker.getItems().stream().anyMatch(d -> ((Donor) d).name().equals("北京京博集团")));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Donor> donors = (javafx.scene.control.ComboBox<Donor>) picker;
        robot.interact(() -> {
            // typed, and at once a donor of the list still shown picked: the search for "b" has not answered yet
            donors.getEditor().setText("b");
            donors.getSelectionModel()
                    .select(donors.getItems().stream()
                            .filter(d -> d.name().equals("北京京博集团"))
                            .findFirst()
                            .orElseThrow());
        });
        FxTesting.waitIdle(frame); // the answer to "b" has arrived and replaced the list
        assertTrue(donors.getItems().stream().noneMatch(d -> d.name().equals("张明华")), "the list is the answer to b");
        assertEquals("北京京博集团", donors.getValue().name(), "the donor picked stays picked");
        assertEquals("北京京博集团 · 企业", donors.getEditor().getText());
        // Enter after typing picks what the text finds, even before its answer has arrived
        robot.interact(() -> donors.getEditor().selectAll());
        robot.write("binzhou").type(javafx.scene.input.KeyCode.ENTER);
        waitFor(() -> donors.getValue() != null && donors.getValue().name().equals("滨州爱心企业"));
        waitFor(() -> "滨州爱心企业 · 企业".equals(donors.getEditor().getText()));
        // typed and Enter pressed at once, before the answer: the answer picks, not the donor chosen before
        robot.interact(() -> {
            donors.getSelectionModel()
                    .select(donors.getItems().stream()
                            .filter(d -> d.name().equals("滨州爱心企业"))
                            .findFirst()
                            .orElse(null));
            donors.getEditor().setText("bjjb");
            pressEnter(donors);
        });
        waitFor(() -> donors.getValue() != null && donors.getValue().name().equals("北京京博集团"));
        // Enter on a text that finds nobody leaves no donor chosen (the save asks for one), the text kept
        robot.interact(() -> {
            donors.getEditor().setText("xyzzy");
            pressEnter(donors);
        });
        waitFor(() -> donors.getValue() == null);
        assertEquals("xyzzy", donors.getEditor().getText());
        robot.interact(() -> donors.getEditor().setText("binzhou"));
        waitFor(() -> donors.getItems().size() == 1);
        robot.interact(() -> pressEnter(donors));
        waitFor(() -> donors.getValue() != null && donors.getValue().name().equals("滨州爱心企业"));
        robot.clickOn("#donationAmount").write("5");
        robot.clickOn("#recordDonation");
        waitFor(() ->
                robot.lookup("#lastReceipt").queryAs(Label.class).getText().contains("2026-000002"));
        assertTrue(
                robot.lookup("#lastReceipt").queryAs(Label.class).getText().contains("捐赠人 滨州爱心企业"),
                "the receipt line names the donor");
        LedgerEntry e = frame.context().ledger().entries(Long.MAX_VALUE, 1).get(0);
        assertEquals(
                "滨州爱心企业",
                frame.context().ledger().donorNames(List.of(e.donorId())).get(e.donorId()));
    }

    /** Enter as the box gets it (the box acts on the key's release), sent in the same moment as the text typed. */
    private static void pressEnter(javafx.scene.control.ComboBox<?> box) {
        box.fireEvent(new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_RELEASED,
                "",
                "",
                javafx.scene.input.KeyCode.ENTER,
                false,
                false,
                false,
                false));
    }

    /**
     * Issue 28: a cash donation from a known donor with its printed receipt in at most 8 actions, counted from the open
     * 登记捐款 tab: the donor found by its initials and picked, the amount typed, 现金 picked, 保存并打印, the print dialog's 打印.
     */
    @Test
    void aCashDonationAndItsPrintedReceiptTakeAtMostEightActions(FxRobot robot) throws Exception {
        logIn(robot, "cw", "登记捐款");
        CountedActions desk = new CountedActions(robot)
                .find("#donorChoice", "binzhou", "滨州爱心企业 · 企业")
                .type("#donationAmount", "520")
                .pick("#donationChannel", "现金")
                .click("#recordDonationAndPrint")
                .systemPrintDialog();
        Path receipt = home.resolve("receipts").resolve("捐赠收据_2026-000002.pdf");
        waitFor(() -> Files.exists(receipt));
        LedgerEntry e = frame.context().ledger().entries(Long.MAX_VALUE, 1).get(0);
        assertEquals(0, new BigDecimal("520").compareTo(e.amount()));
        assertEquals(LedgerEntry.Channel.CASH, e.channel());
        String text;
        try (PDDocument pdf = Loader.loadPDF(receipt.toFile())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertTrue(text.contains("滨州爱心企业") && text.contains("520.00"), text);
        assertTrue(desk.count() <= 8, "actions: " + desk.count());
    }

    /**
     * Two quick 保存并打印 presses, the second amount typed before the first donation is recorded: each donation is
     * recorded with its own amount and each gets its own receipt (none printed twice, none left out).
     */
    @Test
    void twoQuickRecordAndPrintPressesPrintEachDonationsOwnReceipt(FxRobot robot) {
        logIn(robot, "cw", "登记捐款");
        robot.clickOn("#newDonorName").write("张明华");
        robot.clickOn("#addDonor");
        waitFor(() -> robot.lookup("#donorChoice").queryComboBox().getValue() != null);
        TextField amount = robot.lookup("#donationAmount").queryAs(TextField.class);
        robot.interact(() -> {
            Button andPrint = robot.lookup("#recordDonationAndPrint").queryButton();
            amount.setText("100");
            andPrint.fire();
            amount.setText("200");
            andPrint.fire();
        });
        Path receipts = home.resolve("receipts");
        waitFor(() -> Files.exists(receipts.resolve("捐赠收据_2026-000002.pdf"))
                && Files.exists(receipts.resolve("捐赠收据_2026-000003.pdf")));
        List<Integer> recorded = frame.context().ledger().entries(Long.MAX_VALUE, 2).stream()
                .map(e -> e.amount().intValueExact())
                .sorted()
                .toList();
        assertEquals(List.of(100, 200), recorded);
        waitFor(() -> amount.getText().isEmpty());
    }

    /**
     * 冲销 is off, saying why, on an entry already reversed and on a reversal itself (it used to be on and refuse
     * after the click); on an entry that may be reversed it is on.
     */
    @Test
    void reversingIsOffWithTheReasonOnAnEntryAlreadyReversedAndOnAReversal(FxRobot robot) {
        logIn(robot, "cw", "账簿");
        TableView<LedgerEntry> entries = robot.lookup("#ledgerTable").queryAs(TableView.class);
        waitFor(() -> entries.getItems().size() == 2);
        javafx.scene.control.Button reverse = robot.lookup("#reverseEntry").queryButton();
        assertTrue(reverse.isDisabled(), "nothing selected");
        LedgerEntry use = entries.getItems().get(0); // the newest: the payment of September
        robot.interact(() -> entries.getSelectionModel().select(use));
        waitFor(() -> !reverse.isDisabled());
        robot.clickOn("#reverseEntry");
        waitFor(() -> robot.lookup("#reasonField").tryQuery().isPresent());
        robot.clickOn("#reasonField").write("凭证号录错，重新登记");
        robot.clickOn(dialogButton(org.huyou.common.Messages.t("ledger.reverse")));
        waitFor(() -> entries.getItems().size() == 3);
        robot.interact(() -> entries.getSelectionModel()
                .select(entries.getItems().stream()
                        .filter(e -> e.seq() == use.seq())
                        .findFirst()
                        .orElseThrow()));
        waitFor(reverse::isDisabled);
        assertEquals("第 " + use.seq() + " 号分录已冲销过。", org.huyou.common.ui.RowAction.reason(reverse));
        robot.interact(() -> entries.getSelectionModel().select(0)); // the reversal
        waitFor(() -> entries.getSelectionModel().getSelectedItem().kind() == LedgerEntry.Kind.REVERSAL);
        assertTrue(reverse.isDisabled());
        assertEquals("冲销分录不能再冲销；如有错误，请重新登记正确的分录。", org.huyou.common.ui.RowAction.reason(reverse));
        robot.interact(() -> entries.getSelectionModel().select(2)); // the donation of August
        waitFor(() -> !reverse.isDisabled());
        assertEquals(null, org.huyou.common.ui.RowAction.reason(reverse));
    }

    /** The director checks a code typed from a printed disclosure on the ledger screen, as verify-ledger --code. */
    @Test
    void theDirectorChecksACodeFromAPrintedDisclosure(FxRobot robot) {
        logIn(robot, "yz", "账簿");
        LedgerEntry last = frame.context().ledger().entries(Long.MAX_VALUE, 1).get(0);
        String code = last.seq() + "-" + last.hash();
        Label result = robot.lookup("#ledgerCodeResult").queryAs(Label.class);
        robot.clickOn("#checkLedgerCode");
        waitFor(() -> result.getText().equals("请先输入公示上印的校验码。"));
        robot.clickOn("#ledgerCode").write(" " + code.toUpperCase() + " ");
        robot.clickOn("#checkLedgerCode");
        // the ledger holds it, but no disclosure was published with it: said plainly, not "matches"
        waitFor(() -> result.getText().startsWith("本院没有以这个校验码发布过公示"));
        assertTrue(result.getText().contains("账簿第 " + last.seq() + " 条分录虽有此哈希"), result.getText());
        assertTrue(result.getStyleClass().contains("warning-text"));
        // a code whose entry carries another hash: the ledger contradicts it, said in one sentence
        robot.interact(() -> robot.lookup("#ledgerCode").queryTextInputControl().setText("1-" + "ab".repeat(32)));
        robot.clickOn("#checkLedgerCode");
        // no disclosure printed it: a typing slip is named first, then what the ledger says
        waitFor(() -> result.getText().startsWith("本院做过的公示中没有这个校验码"));
        assertTrue(result.getText().contains("账簿与校验码"), result.getText());
        assertTrue(result.getText().contains("第 1 条分录的哈希已不同"), result.getText());
        assertTrue(result.getStyleClass().contains("warning-text"));
        // not a code at all: said beside the field, no dialog
        robot.interact(() -> robot.lookup("#ledgerCode").queryTextInputControl().setText("10-abc"));
        robot.clickOn("#checkLedgerCode");
        waitFor(() -> result.getText().contains("不是校验码"));
    }

    private static java.util.function.Predicate<javafx.scene.Node> dialogButton(String text) {
        return n -> n instanceof javafx.scene.control.Button b
                && text.equals(b.getText())
                && n.getScene() != null
                && n.getScene().getRoot() instanceof javafx.scene.control.DialogPane;
    }

    private void pay(FxRobot robot, String amount, String payee) {
        waitFor(() -> !robot.lookup("#useFund").queryComboBox().getItems().isEmpty());
        robot.interact(() ->
                robot.lookup("#useFund").queryComboBox().getSelectionModel().select(0));
        robot.clickOn("#useAmount").write(amount);
        robot.clickOn("#usePayee").write(payee);
        robot.clickOn("#recordUse");
    }

    /**
     * The home's only director pays above the limit: the screen says why a second person is needed (not a stack
     * trace), and pays only once a reason is written.
     */
    @Test
    void theOnlyDirectorPayingAboveTheLimitIsToldWhyAndPaysOnlyWithAReason(FxRobot robot) {
        logIn(robot, "yz", "资金支出");
        pay(robot, "6000", "省儿童医院");
        waitFor(() -> robot.lookup("#reasonField").tryQuery().isPresent());
        assertTrue(
                robot.lookup(n -> n instanceof Label l
                                && l.getText() != null
                                && l.getText().contains("6,000.00")
                                && l.getText().contains("只有您能审批"))
                        .tryQuery()
                        .isPresent(),
                "the dialog says why");
        assertTrue(robot.lookup(dialogButton("由我本人批准并付款")).queryButton().isDisabled(), "not without a reason");
        robot.clickOn("#reasonField").write("本院仅一名院长，今日须付清");
        robot.clickOn(robot.lookup(dialogButton("由我本人批准并付款")).queryButton());
        waitFor(() -> robot.lookup("#useResult").queryAs(Label.class).getText().startsWith("已登记支出"));
        LedgerEntry paid = frame.context().ledger().entries(Long.MAX_VALUE, 1).get(0);
        assertEquals(0, new BigDecimal("-6000").compareTo(paid.amount()));
        assertEquals("yz", paid.approvedBy());
    }

    /**
     * A saved payment leaves its payee on screen for the next one: saved, so logging out asks nothing; a payee typed
     * and not saved is asked about.
     */
    @Test
    void afterAPaymentIsSavedLoggingOutAsksNothingButAnUnsavedPayeeIsAskedAbout(FxRobot robot) {
        logIn(robot, "cw", "资金支出");
        pay(robot, "100", "商场");
        waitFor(() -> robot.lookup("#useResult").queryAs(Label.class).getText().startsWith("已登记支出"));
        assertEquals("商场", robot.lookup("#usePayee").queryTextInputControl().getText(), "kept for the next one");
        robot.clickOn("#logout");
        waitFor(() -> robot.lookup("#loginUsername").tryQuery().isPresent());
        assertTrue(robot.lookup("#unsavedDialog").tryQuery().isEmpty(), "nothing unsaved after the save");

        logIn(robot, "cw", "资金支出");
        robot.clickOn("#usePayee").write("超市");
        robot.clickOn("#logout");
        waitFor(() -> robot.lookup("#unsavedDialog").tryQuery().isPresent());
        // a screen of several tabs: the question says which tab holds the input
        String asked = robot.lookup("#unsavedDialog")
                .queryAs(javafx.scene.control.DialogPane.class)
                .getContentText();
        assertTrue(asked.startsWith("「资金支出」有尚未保存的输入"), asked);
        robot.clickOn("#unsavedCancel");
    }

    @Test
    void goodsAreReceivedAndSomeIssuedAndTheStockShowsWhatIsLeft(FxRobot robot) {
        logIn(robot, "cw", "捐赠物资");
        new CountedActions(robot).find("#goodsDonor", "binzhou", "滨州爱心企业 · 企业");
        robot.clickOn("#goodsItem").write("纯牛奶");
        robot.clickOn("#goodsUnit").write("箱");
        robot.clickOn("#goodsQty").write("20");
        robot.clickOn("#goodsValue").write("1200");
        robot.clickOn("#goodsExpiry").write("2027-05-01");
        robot.clickOn("#recordGoodsIn");
        waitFor(() ->
                robot.lookup("#stockTable").queryAs(TableView.class).getItems().size() == 1);
        // its receipt printed from the goods tab, as a donation's is from 登记捐款
        Label goodsLine = robot.lookup("#lastGoodsReceipt").queryAs(Label.class);
        waitFor(() -> goodsLine.getText().startsWith("已登记入库：收据编号 2026-"));
        String number =
                frame.context().ledger().entries(Long.MAX_VALUE, 1).get(0).receiptNo();
        assertTrue(goodsLine.getText().contains(number), goodsLine.getText());
        robot.clickOn("#printGoodsReceipt");
        // what became of the print is said on the line, after the receipt's file (a PC here has no printer)
        waitFor(() -> goodsLine.getText().contains("捐赠收据_" + number + ".pdf")
                && goodsLine.getText().contains("打印"));
        FxTesting.snapshot(frame, "goods-receipt-printed");
        FxTesting.choose(robot, "#issueItem", "纯牛奶");
        robot.clickOn("#issueQty").write("15");
        robot.clickOn("#issueGoods");
        waitFor(() -> ((LedgerService.Stock) robot.lookup("#stockTable")
                                .queryAs(TableView.class)
                                .getItems()
                                .get(0))
                        .quantity()
                        .compareTo(new BigDecimal("5"))
                == 0);
        assertTrue(frame.context().ledger().verify().ok());
    }

    @Test
    void theDirectorExportsLastQuartersDisclosure(FxRobot robot) throws Exception {
        logIn(robot, "yz", "公示");
        robot.clickOn("#exportDisclosure");
        waitFor(() ->
                robot.lookup("#disclosureResult").queryAs(Label.class).getText().contains("校验码"));
        String result = robot.lookup("#disclosureResult").queryAs(Label.class).getText();
        assertTrue(result.contains("8,888.80") && result.contains("7,888.80"), result);
        waitFor(() -> robot.lookup("#publishedTable")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 1);
        Path folder = home.resolve("disclosures");
        assertTrue(Files.exists(folder.resolve("捐赠公示_2026-07-01_2026-09-30.pdf")));
        assertTrue(Files.exists(folder.resolve("捐赠公示_2026-07-01_2026-09-30.xlsx")));
        // published again with the reason typed: beside the first, which the register marks as corrected
        robot.clickOn("#disclosureReason").write("补登捐赠人署名");
        robot.clickOn("#exportDisclosure");
        waitFor(() -> robot.lookup("#publishedTable")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 2);
        assertTrue(Files.exists(folder.resolve("捐赠公示_2026-07-01_2026-09-30 (2).pdf")));
        assertTrue(Files.exists(folder.resolve("捐赠公示_2026-07-01_2026-09-30.pdf")), "the first is kept");
        PublishedDisclosure later = (PublishedDisclosure) robot.lookup("#publishedTable")
                .queryAs(TableView.class)
                .getItems()
                .get(0);
        assertEquals("补登捐赠人署名", later.correctionReason());
        waitFor(() -> robot.lookup("#disclosureReason")
                .queryTextInputControl()
                .getText()
                .isEmpty());
    }
}
