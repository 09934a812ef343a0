package org.huyou.care.ui;

import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.care.medical.Allergy;
import org.huyou.care.medical.Medication;
import org.huyou.common.Gender;
import org.huyou.common.Messages;
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
 * The tester's findings on the real screens, in Chinese and in English at 1366x768: an allergen that matches no drug
 * is saved only after the warning and stays marked in the table; a dose far above the maximum is refused with the
 * figures, ordered only with a reason, and marked on the order.
 */
@ExtendWith(ApplicationExtension.class)
class MedicationLimitsScreenTest {

    private static final String REASON = "儿科医生会诊后确认此剂量 confirmed";

    @TempDir
    static Path dir;

    AppFrame frame;
    Stage stage;
    Resident child;

    /** The language the window speaks; the English test is this one in English. */
    Locale locale() {
        return Messages.CHINESE;
    }

    /** The home and the window, made before the test (building the window reads the home's files). */
    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path home = prepareHome();
        // styled as the app is (its skins of tables and choice boxes): what the tester saw
        frame = FxTesting.showStyledFrame(stage, home, locale());
    }

    @org.junit.jupiter.api.AfterAll
    static void backToModena() {
        FxTesting.backToModena();
    }

    @AfterEach
    void close() {
        if (frame != null) {
            FxTesting.shutDown(frame);
        }
        Messages.use(Messages.CHINESE);
    }

    private Path prepareHome() throws Exception {
        Path home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            ctx.accounts().create("nurse", "刘护士", TestHome.PASSWORD, EnumSet.of(Role.CAREGIVER, Role.MEDICAL_STAFF));
            child = ctx.residents()
                    .create(new Resident(
                            null,
                            null,
                            null,
                            "韩欣静",
                            null,
                            Gender.FEMALE,
                            LocalDate.of(2009, 3, 1),
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
            ctx.allergies().add(child.id(), "阿莫西林", "皮疹", Allergy.Severity.SEVERE, TestHome.TODAY.minusYears(1));
        }
        return home;
    }

    private void open(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "nurse", "#navResidents");
        robot.clickOn("#residentSearch").write(child.recordNo());
        waitFor(() -> robot.lookup("#residentTable")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 1);
        FxTesting.clickText(robot, child.name());
        waitFor(() -> child.name()
                .equals(robot.lookup("#detailName").queryAs(Label.class).getText()));
        FxTesting.clickWhenShown(robot, Messages.t("careDomain.MEDICAL"));
        waitFor(() -> robot.lookup("#orderTable").tryQuery().isPresent());
    }

    private static Predicate<Node> dialogButton(String text) {
        return n -> n instanceof Button b
                && text.equals(b.getText())
                && n.getScene() != null
                && n.getScene().getRoot() instanceof javafx.scene.control.DialogPane;
    }

    private static Predicate<Node> labelWith(String... parts) {
        // a label, or a wrapped sentence in a table cell
        return n -> n instanceof Labeled l
                        && l.getText() != null
                        && List.of(parts).stream().allMatch(l.getText()::contains)
                || n instanceof javafx.scene.text.Text t
                        && t.getText() != null
                        && List.of(parts).stream().allMatch(t.getText()::contains);
    }

    void flow(FxRobot robot, String lang) {
        // An allergen that matches nothing: the warning, then saved, and marked in the table.
        robot.clickOn("#allergySubstance").write("花生");
        FxTesting.choose(robot, "#allergySeverity", org.huyou.common.Messages.t("allergySeverity.MILD"));
        FxTesting.click(robot, "#addAllergy");
        String saveAnyway = Messages.t("allergy.saveAnyway");
        waitFor(() -> robot.lookup(dialogButton(saveAnyway)).tryQuery().isPresent());
        String warning = robot.lookup(".dialog-pane")
                .queryAs(javafx.scene.control.DialogPane.class)
                .getContentText();
        assertEquals(Messages.t("allergy.unmatched", "花生"), warning, "the sentence, not its key");
        FxTesting.snapshot(
                robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class),
                "medication-unmatched-allergen-" + lang);
        robot.clickOn(robot.lookup(dialogButton(saveAnyway)).queryButton());
        waitFor(() -> FxTesting.rows(robot, "#allergyTable") == 2);
        // the form starts again: its severity unchosen, and saying so (it showed blank, without 请选择)
        List<String> blank = new java.util.ArrayList<>();
        robot.interact(() -> blank.addAll(org.huyou.testing.ScreenProblems.blankPrompts(
                robot.lookup("#allergySeverity").queryAs(ComboBox.class).getParent())));
        assertEquals(List.of(), blank, "after the save: " + lang);
        waitFor(() -> robot.lookup(labelWith(Messages.t("allergy.onlyExactName")))
                .tryQuery()
                .isPresent());

        // Ibuprofen 8000 mg four times a day: refused with the figures; ordered only with a reason, then marked.
        // part of a name shows the drugs it finds as it is typed, without the arrow; the whole name closes the list
        ComboBox<?> picker = robot.lookup("#orderDrug").queryAs(ComboBox.class);
        FxTesting.click(robot, "#orderDrug").write("布洛");
        waitFor(() -> picker.isShowing() && picker.getItems().contains("布洛芬"));
        FxTesting.snapshotWithPopups(stage, "medication-drug-typed-" + lang);
        robot.write("芬");
        waitFor(() -> !picker.isShowing());
        robot.clickOn("#orderDose").write("8000 mg");
        robot.clickOn("#orderTimes").write("06:00,12:00,18:00,23:00");
        FxTesting.click(robot, "#prescribe");
        String orderAnyway = Messages.t("medication.orderAnyway");
        waitFor(() -> robot.lookup(dialogButton(orderAnyway)).tryQuery().isPresent());
        FxTesting.snapshot(
                robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class),
                "medication-dose-limit-" + lang);
        assertTrue(
                robot.lookup(labelWith("8000", "400", "32000", "2400"))
                        .tryQuery()
                        .isPresent(),
                "the figures");
        assertTrue(robot.lookup(dialogButton(orderAnyway)).queryButton().isDisabled(), "not without a reason");
        robot.clickOn("#reasonField").write(REASON);
        robot.clickOn(robot.lookup(dialogButton(orderAnyway)).queryButton());
        waitFor(() -> FxTesting.rows(robot, "#orderTable") == 1);
        @SuppressWarnings("unchecked")
        List<Medication.Order> orders =
                robot.lookup("#orderTable").queryAs(TableView.class).getItems();
        assertEquals(REASON, orders.get(0).doseOverride());
        waitFor(() -> robot.lookup(labelWith(REASON)).tryQuery().isPresent());
        FxTesting.snapshot(frame.getScene().getRoot(), "medication-limits-" + lang);
        FxTesting.snapshot(robot.lookup("#orderTable").query(), "medication-limits-orders-" + lang);
        // the warnings wrap in the width left: no sideways scroll at 1366×768, in either language
        assertFalse(FxTesting.scrollsSideways(robot.lookup("#orderTable").query()), "the orders fit: " + lang);
        // and the warning is wrapped between words, never inside one (its column was as narrow as its header)
        javafx.scene.text.Text shownWarning = robot.lookup("#orderTable .table-cell Text")
                .match((javafx.scene.text.Text t) ->
                        t.getText() != null && t.getText().contains(REASON))
                .query();
        assertTrue(
                shownWarning.getWrappingWidth()
                        >= org.huyou.common.ui.WholeWords.longestWord(shownWarning.getText(), shownWarning.getFont()),
                "the warning's column holds its longest word: " + lang);
        FxTesting.snapshot(robot.lookup("#allergyTable").query(), "medication-limits-allergies-" + lang);
        // every table of the medical tab, not only the orders: none stands past its edge (过敏检查依据 did in English)
        List<String> sideways = new java.util.ArrayList<>();
        // (the residents' list beside it is a register, wide by design)
        robot.interact(() -> robot.lookup("#residentTabs").query().lookupAll(".table-view").stream()
                .filter(t -> t instanceof TableView<?> && t.isVisible())
                .forEach(t -> org.huyou.testing.ScreenProblems.sideways((TableView<?>) t)
                        .ifPresent(sideways::add)));
        assertEquals(List.of(), sideways, "the medical tab's tables fit: " + lang);
    }

    @Test
    void refusedMarkedAndShown(FxRobot robot) {
        open(robot);
        flow(robot, locale().getLanguage());
    }
}
