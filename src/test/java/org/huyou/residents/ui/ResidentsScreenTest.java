package org.huyou.residents.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import org.huyou.residents.Resident;
import org.huyou.residents.ResidentFilter;
import org.huyou.residents.ResidentSummary;
import org.huyou.residents.io.ResidentImportTest;
import org.huyou.security.Role;
import org.huyou.shell.AppFrame;
import org.huyou.testing.FxTesting;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window over a real H2 database, driven as a user would (headless Monocle in CI). */
@ExtendWith(ApplicationExtension.class)
class ResidentsScreenTest {

    @TempDir
    static Path dir;

    AppContext ctx;
    AppFrame frame;

    /** A home set up beforehand; the test logs in through the real login screen. */
    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory(dir, "home");
        TestHome.open(home).close();
        frame = FxTesting.showFrame(stage, home);
    }

    @BeforeEach
    void login(FxRobot robot) {
        logIn(robot, TestHome.ADMIN);
        ctx = frame.context();
        // the first login of an empty home offers the demo: not wanted here
        waitFor(() -> robot.lookup("从空白开始").tryQuery().isPresent());
        FxTesting.clickWhenShown(robot, "从空白开始");
    }

    static void logIn(FxRobot robot, String user) {
        waitFor(() -> robot.lookup("#loginUsername").tryQuery().isPresent());
        robot.clickOn("#loginUsername").eraseText(20).write(user);
        robot.clickOn("#loginPassword").write(TestHome.PASSWORD);
        robot.clickOn("#loginSubmit");
        waitFor(() -> robot.lookup("#residentTable").tryQuery().isPresent());
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    @Test
    void addFindByPinyinInitialsAndEditAResident(FxRobot robot) {
        // Until a resident is shown, the file's tabs are not made (the main window's first styling skips them).
        assertTrue(robot.lookup("#residentTabs").tryQuery().isEmpty());
        // the main buttons answer Alt + their letter, shown after the text in Chinese
        assertEquals(
                "新建档案(N)",
                robot.lookup("#newResident")
                        .queryAs(javafx.scene.control.Button.class)
                        .getText()
                        .replace("_", ""));
        robot.press(javafx.scene.input.KeyCode.ALT)
                .type(javafx.scene.input.KeyCode.N)
                .release(javafx.scene.input.KeyCode.ALT);
        waitFor(() -> robot.lookup("#residentEditor").tryQuery().isPresent());
        robot.clickOn("#name").write("张小明");
        choose(robot, "#gender", "男");
        robot.clickOn("#birthDateText").write("2015/3/7");
        robot.clickOn("#idNumber").write("110105201503070013");
        choose(robot, "#category", "孤儿");
        choose(robot, "#admissionSource", "民政部门安置");
        robot.clickOn("#saveResident");
        waitFor(() -> ctx.residents().countAll() == 1);
        waitFor(() -> robot.lookup("#residentEditor").tryQuery().isEmpty());
        Resident saved = ctx.residents()
                .get(ctx.residents().search(ResidentFilter.all(), 5).get(0).id());
        assertEquals("张小明", saved.name());
        assertEquals(java.time.LocalDate.of(2015, 3, 7), saved.birthDate());

        ctx.residents().create(ResidentServiceFixture.draft("李小红"));
        robot.clickOn("#residentSearch").write("zxm");
        waitFor(() -> rows(robot).size() == 1 && rows(robot).get(0).name().equals("张小明"));

        FxTesting.clickWhenShown(robot, "张小明");
        waitFor(() ->
                "张小明".equals(robot.lookup("#detailName").queryAs(Label.class).getText()));
        FxTesting.snapshot(robot.lookup("#residentTabs").query().getScene().getRoot(), "resident-file");
        robot.clickOn("#editResident");
        waitFor(() -> robot.lookup("#residentEditor").tryQuery().isPresent());
        robot.clickOn("#formerName").write("张明");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitFor(() -> "张明".equals(ctx.residents().get(saved.id()).formerName()));
        assertEquals(1, ctx.residents().get(saved.id()).version());
    }

    @Test
    void aBadIdNumberIsExplainedBesideTheFieldAndNothingIsSaved(FxRobot robot) {
        robot.clickOn("#newResident");
        waitFor(() -> robot.lookup("#residentEditor").tryQuery().isPresent());
        robot.clickOn("#name").write("王乐");
        robot.clickOn("#idNumber").write("110105201503070014");
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        try {
            waitFor(() -> errorText(robot).contains("校验位"));
        } catch (AssertionError e) {
            throw new AssertionError(
                    "errors shown: [" + errorText(robot) + "] focus: "
                            + robot.lookup("#idNumber")
                                    .queryAs(Node.class)
                                    .getScene()
                                    .getFocusOwner(),
                    e);
        }
        robot.clickOn("#saveResident");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#residentEditor").tryQuery().isPresent(), "the form stays open");
        assertTrue(robot.lookup("#gender").queryAs(Node.class).isFocused(), "focus moves to the first problem");
        assertEquals(0, ctx.residents().countAll());

        robot.clickOn("#cancelResident");
        FxTesting.clickWhenShown(robot, "放弃修改");
        waitFor(() -> robot.lookup("#residentEditor").tryQuery().isEmpty());
        assertEquals(0, ctx.residents().countAll());
    }

    @Test
    void importingAFileWithOneBadRowShowsTheReportAndAddsNobody(FxRobot robot) throws Exception {
        Path file = dir.resolve("one-bad-row.csv");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        ResidentImportTest.HEADER,
                        ResidentImportTest.GOOD_1,
                        ResidentImportTest.BAD_ID,
                        ResidentImportTest.GOOD_2),
                StandardCharsets.UTF_8);
        robot.clickOn("#importResidents");
        waitFor(() -> robot.lookup("#importDialog").tryQuery().isPresent());
        robot.clickOn("#importPath").write(file.toString());
        robot.clickOn("#previewImport");
        waitFor(() -> robot.lookup("#importReport")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 1);
        String summary = robot.lookup("#importSummary").queryAs(Label.class).getText();
        assertTrue(summary.contains("1 行有问题"), summary);
        assertTrue(robot.lookup("#commitImport").queryAs(Button.class).isDisabled());
        waitFor(() -> robot.lookup("身份证号").tryQuery().isPresent()); // cells are drawn on the pulse after the rows
        assertEquals(0, ctx.residents().countAll());
    }

    @Test
    void aFileWithItsOwnHeadersIsMappedColumnByColumnThenImported(FxRobot robot) throws Exception {
        Path file = dir.resolve("own-headers.csv");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "儿童姓名,性别,出生年月,公民身份号码,类别,入院时间,入院来源,监护情况,联系电话",
                        "张小红,女,2015-03-07,110105201503070021,孤儿,2016-05-20,民政部门安置,民政部门长期监护,13800000000"),
                StandardCharsets.UTF_8);
        robot.clickOn("#importResidents");
        waitFor(() -> robot.lookup("#importDialog").tryQuery().isPresent());
        robot.clickOn("#importPath").write(file.toString());
        // the one 列对应 control: opening it reads the file's columns
        robot.interact(() -> robot.lookup("#mappingStep")
                .queryAs(javafx.scene.control.TitledPane.class)
                .setExpanded(true));
        waitFor(() -> robot.lookup("#mapColumn8").tryQuery().isPresent());
        assertEquals(
                "birthDate",
                robot.lookup("#mapColumn2")
                        .queryAs(javafx.scene.control.ComboBox.class)
                        .getValue(),
                "出生年月 is guessed as the birth date");
        assertEquals(
                null,
                robot.lookup("#mapColumn8")
                        .queryAs(javafx.scene.control.ComboBox.class)
                        .getValue(),
                "联系电话 goes nowhere until the user says");
        robot.clickOn("#previewImport");
        waitFor(() -> robot.lookup("#importReport")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 1);
        assertTrue(robot.lookup("#commitImport").queryAs(Button.class).isDisabled());

        // The user's choice in the column's box (set on the box itself: its popup may open below a small screen).
        var phone = robot.lookup("#mapColumn8").queryAs(javafx.scene.control.ComboBox.class);
        assertEquals("忽略此列", phone.getConverter().toString("ignore"));
        robot.interact(() -> phone.getSelectionModel().select("ignore"));
        robot.clickOn("#previewImport");
        waitFor(() ->
                robot.lookup("#importSummary").queryAs(Label.class).getText().contains("全部正确"));
        robot.clickOn("#commitImport");
        waitFor(() -> ctx.residents().countAll() == 1);
        assertEquals(
                java.time.LocalDate.of(2015, 3, 7),
                ctx.residents()
                        .get(ctx.residents()
                                .search(ResidentFilter.all(), 5)
                                .get(0)
                                .id())
                        .birthDate());
    }

    @Test
    void theDirectorSeesTheFullIdNumberInTheFileAndFormACaregiverSeesItMasked(FxRobot robot) {
        ctx.accounts().create("yz", "刘院长", TestHome.PASSWORD, java.util.EnumSet.of(Role.DIRECTOR));
        ctx.accounts().create("zhang", "张保育", TestHome.PASSWORD, java.util.EnumSet.of(Role.CAREGIVER));
        // A caregiver who may correct the register (granted here) still may not read the number in full.
        ctx.accounts()
                .setPermission(
                        Role.CAREGIVER,
                        org.huyou.security.Permission.of(
                                org.huyou.security.AppModule.RESIDENTS, org.huyou.security.Action.EDIT),
                        true);
        Resident r = ctx.residents().create(ResidentServiceFixture.draft("李小红"));
        ctx.residents().update(withIdNumber(ctx.residents().get(r.id()), "110105201503070021"));
        robot.clickOn("#logout");

        for (String[] who : new String[][] {{"yz", "110105201503070021"}, {"zhang", "110105************"}}) {
            logIn(robot, who[0]);
            // The search's prompt names the ID number only for who may search by it, and the search agrees.
            boolean full = !who[1].contains("*");
            javafx.scene.control.TextField search =
                    robot.lookup("#residentSearch").queryAs(javafx.scene.control.TextField.class);
            assertEquals(full, search.getPromptText().contains(Messages.t("field.idNumber")), search.getPromptText());
            TableView<?> table = robot.lookup("#residentTable").queryAs(TableView.class);
            robot.clickOn("#residentSearch").write("11010520");
            waitFor(() -> table.getItems().size() == (full ? 1 : 0));
            robot.clickOn("#residentSearch").eraseText(8);
            waitFor(() -> table.getItems().size() == 1);
            FxTesting.clickText(robot, "李小红");
            waitFor(() -> robot.lookup("#profileIdNumber")
                    .tryQuery()
                    .map(n -> ((Label) n).getText())
                    .orElse("")
                    .equals(who[1]));
            // The history names who recorded the admission by display name (姓名), not the login "admin".
            TableView<?> history = robot.lookup("#statusHistory").queryAs(TableView.class);
            waitFor(() -> !history.getItems().isEmpty());
            javafx.scene.control.TableColumn<?, ?> by = history.getColumns().stream()
                    .filter(c -> c.getText().equals(Messages.t("residents.col.by")))
                    .findFirst()
                    .orElseThrow();
            assertEquals("王管理", by.getCellData(0));
            robot.clickOn("#editResident");
            waitFor(() -> robot.lookup("#residentEditor").tryQuery().isPresent());
            javafx.scene.control.TextField field =
                    robot.lookup("#idNumber").queryAs(javafx.scene.control.TextField.class);
            assertEquals(who[1], field.getText(), who[0]);
            assertEquals(!who[1].contains("*"), field.isEditable(), "a masked number cannot be typed over");
            robot.clickOn("#formerName").eraseText(10).write("小红" + who[0]);
            robot.clickOn("#saveResident");
            waitFor(() -> robot.lookup("#residentEditor").tryQuery().isEmpty());
            robot.clickOn("#logout");
        }
        logIn(robot, TestHome.ADMIN);
        Resident stored = ctx.residents().get(r.id());
        assertEquals("小红zhang", stored.formerName());
        assertEquals("110105201503070021", stored.idNumber(), "the caregiver's save kept the stored number");
        // The file opened, and again after the save.
        assertEquals(
                2,
                ctx.audit()
                        .browse(
                                new org.huyou.security.AuditFilter(
                                        "yz",
                                        null,
                                        org.huyou.residents.ResidentService.ID_NUMBER_READ,
                                        String.valueOf(r.id()),
                                        null,
                                        null),
                                10)
                        .size(),
                "the director's readings of the full number are logged");
        assertTrue(ctx.audit()
                .browse(
                        new org.huyou.security.AuditFilter(
                                "zhang", null, org.huyou.residents.ResidentService.ID_NUMBER_READ, null, null, null),
                        10)
                .isEmpty());
    }

    private static Resident withIdNumber(Resident r, String idNumber) {
        return new Resident(
                r.id(),
                r.version(),
                r.recordNo(),
                r.name(),
                r.formerName(),
                r.gender(),
                java.time.LocalDate.of(2015, 3, 7),
                false,
                r.ethnicity(),
                idNumber,
                r.householdRegistration(),
                r.category(),
                r.admissionDate(),
                r.admissionSource(),
                r.admissionFrom(),
                r.disabilityType(),
                r.disabilityGrade(),
                r.guardianship(),
                r.guardianshipNote(),
                r.livingGroupId(),
                r.note());
    }

    @Test
    void lockingKeepsAnUnsavedFormForItsUserAndShowsAnotherUserNothing(FxRobot robot) {
        ctx.accounts().create("zhang", "张保育", TestHome.PASSWORD, java.util.EnumSet.of(Role.CAREGIVER));
        robot.clickOn("#newResident");
        waitFor(() -> robot.lookup("#residentEditor").tryQuery().isPresent());
        robot.clickOn("#name").write("未保存的名字");
        robot.interact(frame::lock); // what the idle timer does after the configured minutes
        waitFor(() -> robot.lookup("#loginNotice").tryQuery().isPresent());
        assertTrue(robot.lookup("#residentEditor").tryQuery().isEmpty(), "the form is hidden while locked");

        logIn(robot, "zhang");
        assertTrue(robot.lookup("#residentEditor").tryQuery().isEmpty(), "another user sees none of it");
        assertTrue(
                robot.lookup("#newResident").tryQuery().map(Node::isVisible).orElse(false) == false,
                "a caregiver may not create residents");
        assertTrue(robot.lookup("#navAccounts").tryQuery().isEmpty(), "nor open the accounts module");
        robot.clickOn("#lockNow");

        logIn(robot, TestHome.ADMIN);
        waitFor(() -> robot.lookup("#residentEditor").tryQuery().isPresent());
        assertEquals(
                "未保存的名字",
                robot.lookup("#name")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getText());
        robot.clickOn("#cancelResident");
        FxTesting.clickWhenShown(robot, "放弃修改");
        waitFor(() -> robot.lookup("#residentEditor").tryQuery().isEmpty());
    }

    /**
     * The count line says how many the register holds, also when a search narrows the list: a search that finds
     * nobody among three said "显示 0 人，共 0 人".
     */
    @Test
    void aSearchThatFindsNobodyStillSaysHowManyThereAreInAll(FxRobot robot) {
        for (String name : List.of("李小红", "王小刚", "赵小丽")) {
            ctx.residents().create(ResidentServiceFixture.draft(name));
        }
        robot.press(KeyCode.F5).release(KeyCode.F5);
        Label count = robot.lookup("#residentCount").queryAs(Label.class);
        waitFor(() -> "显示 3 人，共 3 人".equals(count.getText()));
        robot.clickOn("#residentSearch").write("无此人");
        waitFor(() -> "显示 0 人，共 3 人".equals(count.getText()));
        robot.interact(
                () -> robot.lookup("#residentSearch").queryTextInputControl().setText("李小红"));
        waitFor(() -> "显示 1 人，共 3 人".equals(count.getText()));
    }

    @Test
    void aLongRegisterShowsOnePageAndTheNextAsTheListIsScrolled(FxRobot robot) {
        ctx.stressGenerator()
                .generate(
                        new org.huyou.generate.StressProfile(ResidentListViewModel.PAGE + 50, 1, 0, 0, 0, 3),
                        step -> {});
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitFor(() -> rows(robot).size() == ResidentListViewModel.PAGE);
        String count = robot.lookup("#residentCount").queryAs(Label.class).getText();
        assertTrue(count.contains("共 " + (ResidentListViewModel.PAGE + 50) + " 人") && count.contains("滚动"), count);
        FxTesting.snapshot(robot.lookup("#residentTable").query().getScene().getRoot(), "register-first-page");

        TableView<?> table = robot.lookup("#residentTable").queryAs(TableView.class);
        robot.interact(() -> table.scrollTo(ResidentListViewModel.PAGE - 1));
        waitFor(() -> rows(robot).size() == ResidentListViewModel.PAGE + 50);
        assertEquals(
                ResidentListViewModel.PAGE + 50,
                rows(robot).stream().map(ResidentSummary::id).distinct().count());
        assertFalse(
                robot.lookup("#residentCount").queryAs(Label.class).getText().contains("滚动"));
    }

    @Test
    void aSaveAfterSomeoneElsesShowsTheirValuesBesideTheFormAndSavesTheChosenMerge(FxRobot robot) {
        Resident stored = ctx.residents().create(ResidentServiceFixture.draft("李小红"));
        robot.clickOn("#residentSearch").write("lxh");
        waitFor(() -> rows(robot).size() == 1);
        FxTesting.clickWhenShown(robot, "李小红");
        waitFor(() ->
                "李小红".equals(robot.lookup("#detailName").queryAs(Label.class).getText()));
        robot.clickOn("#editResident");
        waitFor(() -> robot.lookup("#residentEditor").tryQuery().isPresent());

        // Meanwhile another office PC saves the same resident (a second form over the same record).
        ResidentEditorViewModel there = new ResidentEditorViewModel(
                ctx.residents(),
                new org.huyou.common.ui.DirectTaskRunner(),
                java.util.List.of(),
                ctx.residents().get(stored.id()),
                null);
        there.household.set("山东省济南市");
        there.note.set("对方的备注：已转入康复组");
        there.save(r -> {}, t -> {
            throw new AssertionError(t);
        });

        robot.clickOn("#formerName").write("李红");
        robot.clickOn("#householdRegistration").write("山东省滨州市");
        robot.clickOn("#saveResident");
        waitFor(() -> robot.lookup("#conflictDialog").tryQuery().isPresent());
        assertEquals("对方的备注：已转入康复组", radio(robot, "#noteTheirs").getText());
        assertTrue(radio(robot, "#noteTheirs").isSelected(), "only the other PC changed the note: theirs is kept");
        assertTrue(
                radio(robot, "#householdRegistrationMine").isSelected(),
                "both changed the household: this PC's input is kept unless the user chooses theirs");
        assertEquals("李红", radio(robot, "#formerNameMine").getText());
        FxTesting.snapshot(robot.lookup("#conflictDialog").query(), "conflict-dialog");
        robot.clickOn("#householdRegistrationTheirs");
        robot.clickOn("#conflictMerge");

        waitFor(() -> robot.lookup("#residentEditor").tryQuery().isEmpty());
        Resident merged = ctx.residents().get(stored.id());
        assertEquals("李红", merged.formerName());
        assertEquals("山东省济南市", merged.householdRegistration());
        assertEquals("对方的备注：已转入康复组", merged.note());
        assertEquals(2, merged.version());
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<ResidentSummary> rows(FxRobot robot) {
        return robot.lookup("#residentTable").queryAs(TableView.class).getItems();
    }

    private static javafx.scene.control.RadioButton radio(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(javafx.scene.control.RadioButton.class);
    }

    private static String errorText(FxRobot robot) {
        return robot.lookup(".field-error").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .reduce("", String::concat);
    }

    /** Tab-like: focus first (the form scrolls it into view), then click as a user would. */
    private static void choose(FxRobot robot, String combo, String item) {
        robot.interact(() -> robot.lookup(combo).query().requestFocus());
        robot.clickOn(combo);
        robot.clickOn(item);
    }

    static void waitFor(Supplier<Boolean> condition) {
        FxTesting.waitFor(condition);
    }
}
