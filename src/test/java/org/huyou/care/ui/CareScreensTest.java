package org.huyou.care.ui;

import static org.huyou.testing.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.huyou.app.AppContext;
import org.huyou.care.daily.DailyCareChoices.Meals;
import org.huyou.care.daily.DailyCareChoices.Shift;
import org.huyou.care.daily.DailyLogEntry;
import org.huyou.care.growth.GrowthPoint;
import org.huyou.care.medical.Allergy;
import org.huyou.residents.ResidentFilter;
import org.huyou.residents.ResidentStatus;
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

/** A nurse who also works shifts, on the real screens: shift log, growth with its chart, the allergy warning. */
@ExtendWith(ApplicationExtension.class)
class CareScreensTest {

    @TempDir
    static Path dir;

    AppFrame frame;
    Path home;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            ctx.demoHome().load(24, 11);
            ctx.accounts().create("nurse", "刘护士", TestHome.PASSWORD, EnumSet.of(Role.CAREGIVER, Role.MEDICAL_STAFF));
            ctx.login().logout();
            ctx.login().login("nurse", TestHome.PASSWORD.toCharArray());
            var first = ctx.residents().search(ResidentFilter.all(), 1).get(0);
            ctx.medication().prescribe(first.id(), "维生素D滴剂", "1粒", "09:30", TestHome.TODAY.minusDays(3), null, null);
        }
        frame = FxTesting.showFrame(stage, home);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    private void logInAsNurse(FxRobot robot) {
        waitFor(() -> robot.lookup("#loginUsername").tryQuery().isPresent());
        robot.clickOn("#loginUsername").write("nurse");
        robot.clickOn("#loginPassword").write(TestHome.PASSWORD);
        robot.clickOn("#loginSubmit");
        waitFor(() -> robot.lookup("#residentTable").tryQuery().isPresent());
    }

    @Test
    void aShiftForAWholeLivingGroupIsSavedInOnePass(FxRobot robot) {
        logInAsNurse(robot);
        robot.clickOn("#navShift");
        waitFor(() -> robot.lookup("#shiftGroup").tryQuery().isPresent());
        robot.clickOn("#shiftGroup");
        FxTesting.clickWhenShown(robot, "彩虹组");
        waitFor(() ->
                !robot.lookup("#shiftTable").queryAs(TableView.class).getItems().isEmpty());
        int children =
                robot.lookup("#shiftTable").queryAs(TableView.class).getItems().size();
        robot.clickOn("#saveShift");
        AppContext ctx = frame.context();
        waitFor(() -> {
            var ids = ctx
                    .residents()
                    .search(
                            new ResidentFilter(
                                    null,
                                    ResidentStatus.IN_CARE,
                                    null,
                                    ctx.residents().livingGroups().stream()
                                            .filter(g -> g.name().equals("彩虹组"))
                                            .findFirst()
                                            .orElseThrow()
                                            .id(),
                                    null,
                                    null),
                            100)
                    .stream()
                    .map(r -> r.id())
                    .toList();
            var saved = ctx.dailyCare()
                    .forShift(
                            ids,
                            ctx.residents().today(),
                            DailyShiftViewModel.currentShift(java.time.LocalTime.now(ctx.clock())));
            return saved.size() == children && saved.values().stream().allMatch(e -> e.meals() == Meals.ALL);
        });
    }

    /** The living group's children, and the shift the screen opens on. */
    private List<Long> rainbowGroup(AppContext ctx) {
        return ctx
                .residents()
                .search(
                        new ResidentFilter(
                                null,
                                ResidentStatus.IN_CARE,
                                null,
                                ctx.residents().livingGroups().stream()
                                        .filter(g -> g.name().equals("彩虹组"))
                                        .findFirst()
                                        .orElseThrow()
                                        .id(),
                                null,
                                null),
                        100)
                .stream()
                .map(r -> r.id())
                .toList();
    }

    /** Another PC saves the whole group's shift with this note (as it showed: what stands now). */
    private void anotherPcSaves(AppContext ctx, List<Long> ids, Shift shift, String note) {
        var standing = ctx.dailyCare().forShift(ids, ctx.residents().today(), shift);
        ctx.dailyCare()
                .recordShift(
                        ctx.residents().today(),
                        shift,
                        ids.stream()
                                .map(id -> new DailyLogEntry(
                                        standing.containsKey(id)
                                                ? standing.get(id).id()
                                                : null,
                                        id,
                                        null,
                                        null,
                                        Meals.HALF,
                                        null,
                                        null,
                                        null,
                                        null,
                                        note,
                                        null,
                                        false))
                                .toList());
    }

    @Test
    void aShiftSavedByAnotherPcMeanwhileIsNeverReplacedUnseen(FxRobot robot) {
        logInAsNurse(robot);
        robot.clickOn("#navShift");
        waitFor(() -> robot.lookup("#shiftGroup").tryQuery().isPresent());
        robot.clickOn("#shiftGroup");
        FxTesting.clickWhenShown(robot, "彩虹组");
        @SuppressWarnings("unchecked")
        TableView<DailyShiftViewModel.Row> table = robot.lookup("#shiftTable").queryAs(TableView.class);
        waitFor(() -> !table.getItems().isEmpty());
        AppContext ctx = frame.context();
        List<Long> ids = rainbowGroup(ctx);
        Shift shift = DailyShiftViewModel.currentShift(LocalTime.now(ctx.clock()));

        // While the defaults are on screen here, another PC saves the shift: saving here is refused and asks.
        anotherPcSaves(ctx, ids, shift, "另一台电脑");
        robot.clickOn("#saveShift");
        waitFor(() -> robot.lookup("#shiftConflict").tryQuery().isPresent());
        FxTesting.clickWhenShown(robot, "显示对方的");
        waitFor(() -> table.getItems().stream().allMatch(r -> "另一台电脑".equals(r.note.get())));
        var kept = ctx.dailyCare().forShift(ids, ctx.residents().today(), shift);
        assertEquals(ids.size(), kept.size());
        assertTrue(kept.values().stream().allMatch(e -> "另一台电脑".equals(e.note())), "theirs stands");

        // Saved again meanwhile; this time the user keeps what the screen shows: theirs is corrected, not lost.
        anotherPcSaves(ctx, ids, shift, "第三次");
        robot.clickOn("#saveShift");
        waitFor(() -> robot.lookup("#shiftConflict").tryQuery().isPresent());
        FxTesting.clickWhenShown(robot, "仍保存我的");
        waitFor(() -> ctx.dailyCare().forShift(ids, ctx.residents().today(), shift).values().stream()
                .allMatch(e -> "另一台电脑".equals(e.note())));
        waitFor(() -> robot.lookup("#shiftConflict").tryQuery().isEmpty());
        assertEquals(
                ids.size(),
                ctx.dailyCare().forShift(ids, ctx.residents().today(), shift).size(),
                "one live entry per child");
    }

    @Test
    void recordingAGrowthMeasurementShowsItsPointZScoreAndFlag(FxRobot robot) {
        logInAsNurse(robot);
        AppContext ctx = frame.context();
        var youngest = ctx.residents().search(ResidentFilter.all(), 100).stream()
                .max(java.util.Comparator.comparing(r -> r.birthDate()))
                .orElseThrow();
        robot.clickOn("#residentSearch").write(youngest.recordNo());
        waitFor(() -> robot.lookup("#residentTable")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 1);
        FxTesting.clickText(robot, youngest.name());
        waitFor(() -> youngest.name()
                .equals(robot.lookup("#detailName").queryAs(Label.class).getText()));
        FxTesting.clickWhenShown(robot, "生长发育");
        robot.clickOn("#growthWeight").write("2.0");
        robot.clickOn("#recordGrowth");
        waitFor(() ->
                robot.lookup("#growthTable").queryAs(TableView.class).getItems().size() == 1);
        GrowthPoint p = (GrowthPoint)
                robot.lookup("#growthTable").queryAs(TableView.class).getItems().get(0);
        assertTrue(p.weightZ() < -2, "2 kg is far below any child's median: " + p.weightZ());
        waitFor(() ->
                robot.lookup("#growthFlags").queryAs(Label.class).getText().contains("低体重"));
        LineChart<?, ?> chart = robot.lookup("#growthChart").queryAs(LineChart.class);
        assertEquals(4, chart.getData().size(), "three reference curves and the child");
        assertEquals(1, chart.getData().get(3).getData().size(), "the child's point is on the chart");
    }

    @Test
    void remindersAreGroupedByKindWithCountsThatFoldAndTheSidebarCountsWhatIsDue(FxRobot robot) {
        logInAsNurse(robot);
        AppContext ctx = frame.context();
        javafx.scene.control.ToggleButton nav =
                robot.lookup("#navReminders").queryAs(javafx.scene.control.ToggleButton.class);
        int dueNow = ctx.reminders().dueNow();
        assertTrue(dueNow > 0, "the vitamin D dose at 09:30 is due");
        waitFor(() -> org.huyou.common.Messages.t("nav.remindersCount", dueNow).equals(nav.getText()));

        robot.clickOn("#navReminders");
        waitFor(() -> !FxTesting.rowsOfAll(robot, ".reminder-table").isEmpty());
        var all = ctx.reminders().due();
        for (org.huyou.care.CareDomain kind :
                all.stream().map(org.huyou.care.Reminder::domain).distinct().toList()) {
            long n = all.stream().filter(r -> r.domain() == kind).count();
            javafx.scene.control.TitledPane group =
                    robot.lookup("#reminderGroup_" + kind.name()).queryAs(javafx.scene.control.TitledPane.class);
            assertTrue(
                    group.getText().startsWith(kind.label()) && group.getText().contains(String.valueOf(n)),
                    group.getText());
            var rows = robot.lookup("#reminderTable_" + kind.name())
                    .queryAs(TableView.class)
                    .getItems();
            assertEquals(n, rows.size());
            assertTrue(rows.stream().allMatch(r -> ((org.huyou.care.Reminder) r).domain() == kind));
        }
        // The doses fold away under their heading, and stay folded when the list is loaded again (F5). The list is
        // let settle first: a second load still running replaced the panes under the pointer (CI, stop 49).
        FxTesting.waitIdle(frame);
        javafx.scene.control.TitledPane doses =
                robot.lookup("#reminderGroup_MEDICAL").queryAs(javafx.scene.control.TitledPane.class);
        FxTesting.click(robot, "#reminderGroup_MEDICAL .title");
        waitFor(() -> !doses.isExpanded());
        robot.type(javafx.scene.input.KeyCode.F5);
        waitFor(() -> robot.lookup("#reminderGroup_MEDICAL").queryAs(javafx.scene.control.TitledPane.class) != doses);
        assertTrue(!robot.lookup("#reminderGroup_MEDICAL")
                .queryAs(javafx.scene.control.TitledPane.class)
                .isExpanded());
        robot.interact(() -> robot.lookup("#reminderGroup_MEDICAL")
                .queryAs(javafx.scene.control.TitledPane.class)
                .setExpanded(true));

        // A dose given from here: the sidebar's count follows at once.
        var items = FxTesting.rowsOfAll(robot, ".reminder-table");
        int row = 0;
        while (!((org.huyou.care.Reminder) items.get(row)).what().contains("维生素D")) {
            row++;
        }
        int given = row;
        // a group shows at most 20 rows at once and scrolls in its table: the row is brought into view as a user would
        Object vitaminD = items.get(given);
        robot.interact(() -> robot.lookup(".reminder-table").queryAllAs(TableView.class).stream()
                .filter(t -> t.getItems().contains(vitaminD))
                .findFirst()
                .orElseThrow()
                .scrollTo(vitaminD));
        waitFor(() -> robot.lookup("#reminder_GIVEN_" + given).tryQuery().isPresent());
        FxTesting.click(robot, "#reminder_GIVEN_" + given);
        waitFor(() -> org.huyou.common.Messages.t("nav.remindersCount", dueNow - 1)
                        .equals(nav.getText())
                || (dueNow == 1 && org.huyou.common.Messages.t("nav.reminders").equals(nav.getText())));
        // the screen says what the sidebar's number counts, and the doses' heading no longer counts the one given
        long medical = all.stream()
                .filter(r -> r.domain() == org.huyou.care.CareDomain.MEDICAL)
                .count();
        waitFor(() -> robot.lookup("#reminderGroup_MEDICAL")
                .queryAs(javafx.scene.control.TitledPane.class)
                .getText()
                .startsWith(org.huyou.care.CareDomain.MEDICAL.label() + "（" + (medical - 1)));
        assertEquals(
                org.huyou.common.Messages.t("reminders.summary", dueNow - 1, all.size() - dueNow),
                robot.lookup("#reminderSummary").queryAs(Label.class).getText());
    }

    @Test
    void theRemindersAreFilteredByChildOrTaskAndEscShowsThemAll(FxRobot robot) {
        logInAsNurse(robot);
        var all = frame.context().reminders().due();
        String child = all.get(0).residentName();
        robot.clickOn("#navReminders");
        waitFor(() -> FxTesting.rowsOfAll(robot, ".reminder-table").size() == all.size());
        robot.interact(() -> robot.lookup("#reminderFilter")
                .queryAs(javafx.scene.control.TextField.class)
                .setText(child));
        waitFor(() -> FxTesting.rowsOfAll(robot, ".reminder-table").size()
                == all.stream().filter(r -> r.residentName().contains(child)).count());
        assertTrue(FxTesting.rowsOfAll(robot, ".reminder-table").stream()
                .allMatch(r -> ((org.huyou.care.Reminder) r).residentName().contains(child)));
        // by pinyin initials, as the register's search
        String initials = org.huyou.common.Pinyin.initials(child);
        robot.interact(() -> robot.lookup("#reminderFilter")
                .queryAs(javafx.scene.control.TextField.class)
                .setText(initials));
        waitFor(() -> FxTesting.rowsOfAll(robot, ".reminder-table").stream()
                .anyMatch(r -> ((org.huyou.care.Reminder) r).residentName().equals(child)));
        robot.interact(() -> robot.lookup("#reminderFilter")
                .queryAs(javafx.scene.control.TextField.class)
                .setText("没有这样的事项"));
        waitFor(() -> robot.lookup("#remindersNone").queryAs(Label.class).isVisible());
        assertEquals(
                org.huyou.common.Messages.t("reminders.noneMatch"),
                robot.lookup("#remindersNone").queryAs(Label.class).getText());
        robot.clickOn("#reminderFilter").type(javafx.scene.input.KeyCode.ESCAPE);
        waitFor(() -> FxTesting.rowsOfAll(robot, ".reminder-table").size() == all.size());
    }

    @Test
    void aDoseIsGivenFromTheRemindersScreenAndShowsOnTheAdministrationRecord(FxRobot robot) {
        logInAsNurse(robot);
        robot.clickOn("#navReminders");
        waitFor(() -> FxTesting.rowsOfAll(robot, ".reminder-table").stream()
                .anyMatch(r -> ((org.huyou.care.Reminder) r).what().contains("维生素D")));
        int before = FxTesting.rowsOfAll(robot, ".reminder-table").size();
        int row = 0;
        var items = FxTesting.rowsOfAll(robot, ".reminder-table");
        while (!((org.huyou.care.Reminder) items.get(row)).what().contains("维生素D")) {
            row++;
        }
        int shown = row;
        waitFor(() -> robot.lookup("#reminder_GIVEN_" + shown).tryQuery().isPresent());
        FxTesting.click(robot, "#reminder_GIVEN_" + row);
        // The row stays in place, marked, with 撤销 instead of its buttons, until the list is refreshed.
        int givenRow = row;
        waitFor(() -> robot.lookup("#reminder_UNDO_" + givenRow).tryQuery().isPresent());
        assertEquals(before, FxTesting.rowsOfAll(robot, ".reminder-table").size());
        robot.clickOn("#navResidents");
        robot.clickOn("#navReminders"); // coming back refreshes the list: the dose given is gone
        waitFor(() -> FxTesting.rowsOfAll(robot, ".reminder-table").size() == before - 1);

        AppContext ctx = frame.context();
        var first = ctx.residents().search(ResidentFilter.all(), 1).get(0);
        robot.clickOn("#navResidents");
        robot.clickOn("#residentSearch").write(first.recordNo());
        waitFor(() -> robot.lookup("#residentTable")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 1);
        FxTesting.clickText(robot, first.name());
        waitFor(() -> first.name()
                .equals(robot.lookup("#detailName").queryAs(Label.class).getText()));
        FxTesting.clickWhenShown(robot, "医疗");
        waitFor(() ->
                robot.lookup("#marTable").queryAs(TableView.class).getItems().size() == 1);
        var given = (org.huyou.care.medical.Medication.Administration)
                robot.lookup("#marTable").queryAs(TableView.class).getItems().get(0);
        assertEquals("nurse", given.recordedBy());
        assertEquals(org.huyou.care.medical.Medication.Outcome.GIVEN, given.outcome());
    }

    @Test
    void anAllergyShowsAsAWarningOnTheFile(FxRobot robot) {
        logInAsNurse(robot);
        AppContext ctx = frame.context();
        var first = ctx.residents().search(ResidentFilter.all(), 1).get(0);
        robot.clickOn("#residentSearch").write(first.recordNo());
        waitFor(() -> robot.lookup("#residentTable")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 1);
        FxTesting.clickText(robot, first.name());
        waitFor(() -> first.name()
                .equals(robot.lookup("#detailName").queryAs(Label.class).getText()));
        assertTrue(!robot.lookup("#residentWarning").queryAs(Label.class).isVisible());
        FxTesting.clickWhenShown(robot, "医疗");
        robot.clickOn("#allergySubstance").write("花生");
        FxTesting.choose(robot, "#allergySeverity", org.huyou.common.Messages.t("allergySeverity.MILD"));
        robot.clickOn("#addAllergy");
        // a food matches no drug: saved once the user has read that the check finds it only by this name
        FxTesting.clickWhenShown(robot, "仍然保存");
        waitFor(() -> robot.lookup("#allergyTable")
                        .queryAs(TableView.class)
                        .getItems()
                        .size()
                == 1);
        // the header above every tab now warns
        waitFor(() -> robot.lookup("#residentWarning").queryAs(Label.class).isVisible()
                && robot.lookup("#residentWarning")
                        .queryAs(Label.class)
                        .getText()
                        .contains("花生"));
        List<Allergy> stored = ctx.allergies().current(first.id());
        assertEquals("花生", stored.get(0).substance());
    }
}
