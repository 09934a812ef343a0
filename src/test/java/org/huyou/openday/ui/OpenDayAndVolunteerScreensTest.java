package org.huyou.openday.ui;

import static org.huyou.testing.FxTesting.choose;
import static org.huyou.testing.FxTesting.click;
import static org.huyou.testing.FxTesting.rows;
import static org.huyou.testing.FxTesting.waitFor;
import static org.huyou.testing.FxTesting.waitOrFailOnDialog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huyou.app.AppContext;
import org.huyou.common.IdNumber;
import org.huyou.openday.Booking;
import org.huyou.openday.Visit;
import org.huyou.security.Role;
import org.huyou.shell.AppFrame;
import org.huyou.testing.CountedActions;
import org.huyou.testing.FxTesting;
import org.huyou.testing.MutableClock;
import org.huyou.testing.TestHome;
import org.huyou.volunteers.ShiftService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Front desk runs an open day on the real screen (a school books, is approved, three of its visitors are checked in
 * on the day and their reception slip printed); every field of a booking is kept; the booking buttons follow its
 * status; the coordinator puts an unchecked volunteer on a shift with children only with a reason, marked on the
 * roster.
 */
@ExtendWith(ApplicationExtension.class)
class OpenDayAndVolunteerScreensTest {

    /** The next open day after TestHome.TODAY (2026-11-23): the second Saturday of December. */
    static final LocalDate SESSION = LocalDate.of(2026, 12, 12);

    @TempDir
    static Path dir;

    AppFrame frame;
    Path home;
    MutableClock clock;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(dir, "home");
        try (AppContext ctx = TestHome.open(home)) {
            ctx.demoHome().markOffered();
            ctx.accounts().create("qt", "刘前台", TestHome.PASSWORD, EnumSet.of(Role.FRONT_DESK));
            ctx.accounts().create("sw", "吴社工", TestHome.PASSWORD, EnumSet.of(Role.SOCIAL_WORKER));
        }
        clock = new MutableClock(TestHome.TODAY.atTime(10, 0).toInstant(ZoneOffset.ofHours(8)), ZoneOffset.ofHours(8));
        frame = FxTesting.showFrame(stage, home, clock);
    }

    @AfterEach
    void close() {
        FxTesting.shutDown(frame);
    }

    /** Books a group on the screen as front desk types it. */
    static void bookGroup(FxRobot robot, String organisation, String contact, String phone, String count) {
        click(robot, "#bookingOrganisation").write(organisation);
        click(robot, "#bookingContact").write(contact);
        click(robot, "#bookingPhone").write(phone);
        click(robot, "#bookingCount").write(count);
        click(robot, "#book");
    }

    static String idNumber(String first17) {
        return first17 + IdNumber.checkDigit(first17);
    }

    @Test
    void frontDeskBooksASchoolChecksInThreeVisitorsAndPrintsTheirSlip(FxRobot robot) throws Exception {
        FxTesting.logInAndOpen(robot, "qt", "#navOpenDay");
        waitFor(() ->
                SESSION.equals(robot.lookup("#sessionChoice").queryComboBox().getValue()));
        bookGroup(robot, "滨城区实验小学", "李老师", "13800000001", "3");
        waitOrFailOnDialog(robot, () -> rows(robot, "#bookingTable") == 1);
        robot.interact(() -> robot.lookup("#bookingTable")
                .queryAs(TableView.class)
                .getSelectionModel()
                .select(0));
        click(robot, "#approveBooking");
        waitFor(() -> ((Booking) robot.lookup("#bookingTable")
                                .queryAs(TableView.class)
                                .getItems()
                                .get(0))
                        .status()
                == Booking.Status.APPROVED);

        clock.advance(Duration.ofDays(19)); // the session day
        robot.interact(() -> robot.lookup("#bookingTable")
                .queryAs(TableView.class)
                .getSelectionModel()
                .select(0));
        List<String> names = List.of("李老师", "张同学家长", "王同学家长");
        for (int i = 0; i < names.size(); i++) {
            click(robot, "#visitName").write(names.get(i));
            click(robot, "#visitOrganisation").write("滨城区实验小学");
            click(robot, "#visitDocNo").write(idNumber("37160219850101" + (201 + i)));
            boolean last = i == names.size() - 1;
            if (!last) { // the last comes with the group's booking and leaves no phone of her own
                click(robot, "#visitPhone").write("1380000000" + (i + 1));
            }
            // the host is the user at the desk unless changed
            assertEquals(
                    org.huyou.security.Accounts.displayName("qt"),
                    robot.lookup("#visitHost")
                            .queryAs(javafx.scene.control.TextField.class)
                            .getText());
            click(robot, "#visitRules");
            // the last is checked in and her slip printed in one press (no printer here: the file is kept)
            click(robot, last ? "#checkInAndPrint" : "#checkIn");
            int expected = i + 1;
            waitOrFailOnDialog(robot, () -> rows(robot, "#visitTable") == expected);
        }
        waitFor(() -> robot.lookup("#visitTable")
                        .queryAs(TableView.class)
                        .getSelectionModel()
                        .getSelectedIndex()
                == 2);
        Visit selected = (Visit) robot.lookup("#visitTable")
                .queryAs(TableView.class)
                .getSelectionModel()
                .getSelectedItem();
        Path slip = home.resolve("slips").resolve("来访接待单_" + selected.slipNo() + ".pdf");
        waitOrFailOnDialog(robot, () -> Files.exists(slip));
        String text;
        try (PDDocument pdf = Loader.loadPDF(slip.toFile())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertTrue(
                text.contains("来访接待单")
                        && text.contains("滨城区实验小学")
                        && text.contains("2026-12-12")
                        && text.contains("同团来访 3 人")
                        && names.stream().allMatch(text::contains)
                        && text.contains("请勿拍摄儿童照片"),
                text);
        assertEquals(3, frame.context().visits().visits(SESSION).size());
    }

    /**
     * Issue 28: a visitor who walks in is checked in and the reception slip printed in at most 6 actions, counted
     * from the open day's screen on the session day: name, ID number, phone, the rules read, 登记并打印, the print
     * dialog's 打印 (the host is the user at the desk, the document type an ID card unless changed).
     */
    @Test
    void aWalkInVisitorIsCheckedInWithHerSlipInAtMostSixActions(FxRobot robot) throws Exception {
        FxTesting.logInAndOpen(robot, "qt", "#navOpenDay");
        waitFor(() ->
                SESSION.equals(robot.lookup("#sessionChoice").queryComboBox().getValue()));
        clock.advance(Duration.ofDays(19)); // the session day
        CountedActions desk = new CountedActions(robot)
                .type("#visitName", "陈女士")
                .type("#visitDocNo", idNumber("37160219900101052"))
                .type("#visitPhone", "13900000001")
                .click("#visitRules")
                .click("#checkInAndPrint")
                .systemPrintDialog();
        waitOrFailOnDialog(robot, () -> rows(robot, "#visitTable") == 1);
        Visit visit = frame.context().visits().visits(SESSION).get(0);
        assertEquals("陈女士", visit.visitorName());
        Path slip = home.resolve("slips").resolve("来访接待单_" + visit.slipNo() + ".pdf");
        waitOrFailOnDialog(robot, () -> Files.exists(slip));
        String text;
        try (PDDocument pdf = Loader.loadPDF(slip.toFile())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertTrue(text.contains("陈女士") && text.contains("2026-12-12"), text);
        assertTrue(desk.count() <= 6, "actions: " + desk.count());
        // the notice names the whole path yet wraps inside the window, and offers to open the file or its folder
        // (the check-in's own notice may still be up beside it)
        java.util.function.Predicate<javafx.scene.Node> slipNotice = n -> "noticeText".equals(n.getId())
                && ((javafx.scene.control.Label) n).getText().contains(slip.toString());
        waitFor(() -> robot.lookup(slipNotice).tryQuery().isPresent());
        javafx.scene.control.Label notice = robot.lookup(slipNotice).queryAs(javafx.scene.control.Label.class);
        javafx.geometry.Bounds onScreen = notice.localToScreen(notice.getBoundsInLocal());
        javafx.stage.Window window =
                robot.lookup("#visitTable").query().getScene().getWindow();
        assertTrue(
                onScreen.getMinX() >= window.getX() && onScreen.getMaxX() <= window.getX() + window.getWidth(),
                onScreen + " in " + window.getWidth());
        for (String open : List.of("打开", "打开所在文件夹")) {
            assertTrue(
                    robot.lookup(n -> n instanceof javafx.scene.control.Button b && open.equals(b.getText()))
                            .tryQuery()
                            .isPresent(),
                    open);
        }
    }

    /**
     * Nothing typed is lost: every field of the booking form, typed for a person and for a group, is in the saved
     * booking (an individual's head count and organisation were dropped). The form's fields are listed from the
     * screen, so a field added to the form fails here until it is typed and checked too.
     */
    @Test
    void everyFieldOfTheBookingFormArrivesInTheSavedBookingForAPersonAndAGroup(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "qt", "#navOpenDay");
        waitFor(() ->
                SESSION.equals(robot.lookup("#sessionChoice").queryComboBox().getValue()));
        String slot = (String) robot.lookup("#slotChoice").queryComboBox().getValue();
        java.util.Map<String, String> person = new java.util.LinkedHashMap<>();
        person.put("#bookingOrganisation", "滨州学院");
        person.put("#bookingContact", "陈女士");
        person.put("#bookingPhone", "13900000002");
        person.put("#bookingCount", "2");
        java.util.Map<String, String> group = new java.util.LinkedHashMap<>();
        group.put("#bookingOrganisation", "滨城区实验小学");
        group.put("#bookingContact", "李老师");
        group.put("#bookingPhone", "13800000001");
        group.put("#bookingCount", "3");
        javafx.scene.Node form = robot.lookup("#book").query().getParent();
        java.util.Set<String> fields = robot
                .from(form)
                .lookup((java.util.function.Predicate<javafx.scene.Node>)
                        n -> n instanceof javafx.scene.control.TextInputControl)
                .queryAll()
                .stream()
                .map(n -> "#" + n.getId())
                .collect(java.util.stream.Collectors.toSet());
        assertEquals(fields, person.keySet(), "every field of the form is typed here");

        choose(robot, "#bookingKind", Booking.Kind.INDIVIDUAL.label());
        person.forEach((field, value) -> click(robot, field).write(value));
        click(robot, "#book");
        waitOrFailOnDialog(robot, () -> rows(robot, "#bookingTable") == 1);
        choose(robot, "#bookingKind", Booking.Kind.GROUP.label());
        group.forEach((field, value) -> click(robot, field).write(value));
        click(robot, "#book");
        waitOrFailOnDialog(robot, () -> rows(robot, "#bookingTable") == 2);

        List<Booking> saved = frame.context().bookings().bookings(SESSION);
        Booking p = saved.stream()
                .filter(b -> b.kind() == Booking.Kind.INDIVIDUAL)
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of(SESSION, slot, "滨州学院", "陈女士", "13900000002", 2, Booking.Status.APPROVED),
                List.of(
                        p.date(),
                        p.slot(),
                        p.organisation(),
                        p.contactName(),
                        p.contactPhone(),
                        p.headCount(),
                        p.status()));
        Booking g = saved.stream()
                .filter(b -> b.kind() == Booking.Kind.GROUP)
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of(SESSION, slot, "滨城区实验小学", "李老师", "13800000001", 3, Booking.Status.PENDING),
                List.of(
                        g.date(),
                        g.slot(),
                        g.organisation(),
                        g.contactName(),
                        g.contactPhone(),
                        g.headCount(),
                        g.status()));
    }

    /**
     * A button the selected booking's status forbids is off and says why (it used to be on and refuse after the
     * click): 审核通过 on a cancelled booking, or on one already approved; every decision on a cancelled one.
     */
    @Test
    void theBookingButtonsAreOffWhereTheBookingsStatusForbidsThemAndSayWhy(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "qt", "#navOpenDay");
        waitFor(() ->
                SESSION.equals(robot.lookup("#sessionChoice").queryComboBox().getValue()));
        bookGroup(robot, "滨城区第三小学", "孙老师", "13800000007", "4");
        waitOrFailOnDialog(robot, () -> rows(robot, "#bookingTable") == 1);
        TableView<?> table = robot.lookup("#bookingTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0));
        javafx.scene.control.Button approve = robot.lookup("#approveBooking").queryButton();
        javafx.scene.control.Button reject = robot.lookup("#rejectBooking").queryButton();
        javafx.scene.control.Button cancel = robot.lookup("#cancelBooking").queryButton();
        waitFor(() -> !approve.isDisabled());
        assertTrue(!reject.isDisabled() && !cancel.isDisabled(), "a pending booking may be decided");
        assertEquals(null, org.huyou.common.ui.RowAction.reason(approve));

        click(robot, "#approveBooking");
        waitFor(approve::isDisabled);
        assertEquals("该预约当前为“已确认”：只有待审核的预约可以审核通过。", org.huyou.common.ui.RowAction.reason(approve));
        assertTrue(!cancel.isDisabled(), "an approved booking may still be cancelled");

        click(robot, "#cancelBooking");
        waitFor(() -> robot.lookup("#reasonField").tryQuery().isPresent());
        robot.clickOn("#reasonField").write("学校改期到明年");
        robot.clickOn(dialogButton(org.huyou.common.Messages.t("booking.cancel")));
        waitFor(cancel::isDisabled);
        for (javafx.scene.control.Button b : List.of(approve, reject, cancel)) {
            assertTrue(b.isDisabled(), b.getId());
            assertEquals("该预约已是“已取消”，不能再审核或取消。", org.huyou.common.ui.RowAction.reason(b), b.getId());
        }
        // the tooltip sits on the button's wrapper: a disabled button takes no mouse events and shows none
        assertEquals(
                "该预约已是“已取消”，不能再审核或取消。",
                ((javafx.scene.control.Tooltip)
                                approve.getParent().getProperties().get("javafx.scene.control.Tooltip"))
                        .getText());
    }

    /**
     * Children are present on an open day: 登记来访 and 登记并打印 are off, with the reason, while the selected booking
     * gives no entry (pending, then cancelled), on once it is approved, and on with no booking selected (a walk-in).
     */
    @Test
    void theCheckInIsOffForABookingThatGivesNoEntryAndSaysWhy(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "qt", "#navOpenDay");
        waitFor(() ->
                SESSION.equals(robot.lookup("#sessionChoice").queryComboBox().getValue()));
        javafx.scene.control.Button checkIn = robot.lookup("#checkIn").queryButton();
        javafx.scene.control.Button andPrint = robot.lookup("#checkInAndPrint").queryButton();
        assertTrue(!checkIn.isDisabled() && !andPrint.isDisabled(), "a walk-in needs no booking");
        bookGroup(robot, "滨城区第五小学", "周老师", "13800000005", "6");
        waitOrFailOnDialog(robot, () -> rows(robot, "#bookingTable") == 1);
        TableView<?> table = robot.lookup("#bookingTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0));
        waitFor(checkIn::isDisabled);
        String pending = org.huyou.common.ui.RowAction.reason(checkIn);
        assertTrue(
                pending.startsWith("预约“滨城区第五小学”（2026-12-12 ") && pending.endsWith("当前为“待审核”：只有已确认的预约可以据此登记入园。"),
                pending);
        assertTrue(andPrint.isDisabled());
        assertEquals(pending, org.huyou.common.ui.RowAction.reason(andPrint));

        click(robot, "#approveBooking");
        waitFor(() -> !checkIn.isDisabled());
        assertEquals(null, org.huyou.common.ui.RowAction.reason(andPrint));

        click(robot, "#cancelBooking");
        waitFor(() -> robot.lookup("#reasonField").tryQuery().isPresent());
        robot.clickOn("#reasonField").write("学校改期到明年");
        robot.clickOn(dialogButton(org.huyou.common.Messages.t("booking.cancel")));
        waitFor(checkIn::isDisabled);
        assertTrue(org.huyou.common.ui.RowAction.reason(checkIn).contains("当前为“已取消”"));
        assertTrue(andPrint.isDisabled());

        robot.interact(() -> table.getSelectionModel().clearSelection());
        waitFor(() -> !checkIn.isDisabled() && !andPrint.isDisabled());
    }

    /**
     * Cancelling a booking frees places for good: the dialog asks for the reason, its button stays off until one is
     * typed, 取消 in the dialog leaves the booking as it was, and the reason is kept with the cancellation.
     */
    @Test
    void cancellingABookingAsksWhyAndKeepsTheReason(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "qt", "#navOpenDay");
        waitFor(() ->
                SESSION.equals(robot.lookup("#sessionChoice").queryComboBox().getValue()));
        bookGroup(robot, "滨城区第三小学", "孙老师", "13800000007", "4");
        waitOrFailOnDialog(robot, () -> rows(robot, "#bookingTable") == 1);
        robot.interact(() -> robot.lookup("#bookingTable")
                .queryAs(TableView.class)
                .getSelectionModel()
                .select(0));
        String cancel = org.huyou.common.Messages.t("booking.cancel");
        click(robot, "#cancelBooking");
        waitFor(() -> robot.lookup("#reasonField").tryQuery().isPresent());
        assertTrue(robot.lookup(dialogButton(cancel)).queryButton().isDisabled(), "not without a reason");
        robot.clickOn(dialogButton(org.huyou.common.Messages.t("common.cancel")));
        waitFor(() -> robot.lookup("#reasonField").tryQuery().isEmpty());
        assertEquals(
                Booking.Status.PENDING,
                frame.context().bookings().bookings(SESSION).get(0).status());

        click(robot, "#cancelBooking");
        waitFor(() -> robot.lookup("#reasonField").tryQuery().isPresent());
        robot.clickOn("#reasonField").write("学校改期到明年");
        robot.clickOn(dialogButton(cancel));
        // the service refuses a cancellation without a reason: cancelled means the typed reason went with it
        waitOrFailOnDialog(
                robot, () -> frame.context().bookings().bookings(SESSION).get(0).status() == Booking.Status.CANCELLED);
    }

    private static java.util.function.Predicate<javafx.scene.Node> dialogButton(String text) {
        return n -> n instanceof javafx.scene.control.Button b
                && text.equals(b.getText())
                && n.getScene() != null
                && n.getScene().getRoot() instanceof DialogPane;
    }

    /** A booking over the slot's capacity goes on the waiting list, and the screen says why. */
    @Test
    void aBookingOnTheWaitingListSaysWhy(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "qt", "#navOpenDay");
        waitFor(() ->
                SESSION.equals(robot.lookup("#sessionChoice").queryComboBox().getValue()));
        bookGroup(robot, "滨城区第一中学", "钱老师", "13800000008", "20");
        waitOrFailOnDialog(robot, () -> rows(robot, "#bookingTable") == 1);
        bookGroup(robot, "滨城区第二中学", "赵老师", "13800000009", "25");
        waitOrFailOnDialog(robot, () -> rows(robot, "#bookingTable") == 2);
        Booking waiting = (Booking) robot.lookup("#bookingTable")
                .queryAs(TableView.class)
                .getItems()
                .get(1);
        assertEquals(Booking.Status.WAITLISTED, waiting.status());
        javafx.scene.control.Label why = robot.lookup("#bookingWaitReason").queryAs(javafx.scene.control.Label.class);
        assertTrue(!why.isVisible(), "nothing to explain before a booking is chosen");
        robot.interact(() -> robot.lookup("#bookingTable")
                .queryAs(TableView.class)
                .getSelectionModel()
                .select(1));
        int capacity = frame.context().openDay().rule().capacityPerSlot();
        waitFor(why::isVisible);
        assertEquals("候补原因：本时段名额已满：可容纳 " + capacity + " 人，已预约 20 人，本预约 25 人。", why.getText());
    }

    /**
     * A group larger than a whole slot is refused, not put on a waiting list it could never leave: the sentence
     * names the head count and the capacity, and the head count is marked on the form with the cursor in it.
     */
    @Test
    void aGroupLargerThanASlotIsRefusedAndItsHeadCountMarked(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "qt", "#navOpenDay");
        waitFor(() ->
                SESSION.equals(robot.lookup("#sessionChoice").queryComboBox().getValue()));
        bookGroup(robot, "滨城区第二中学", "赵老师", "13800000009", "50");
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        String said = robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText();
        assertEquals("人数为 50 人，超过一个时段的全部容量（30 人）：请分几个时段预约，或与本院另约时间。", said);
        robot.clickOn(dialogButton(org.huyou.common.Messages.t("common.ok")));
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        javafx.scene.Node count = robot.lookup("#bookingCount").query();
        assertTrue(count.getPseudoClassStates().contains(org.huyou.common.ui.FieldMarks.DANGER), "marked");
        waitFor(count::isFocused);
        assertEquals(0, rows(robot, "#bookingTable"));
        click(robot, "#bookingCount").write("0");
        assertTrue(!count.getPseudoClassStates().contains(org.huyou.common.ui.FieldMarks.DANGER), "changed: unmarked");
    }

    /**
     * The check, training and certificate forms say whom they are for and stay off until a volunteer is chosen;
     * the course offers the required ones and warns before saving another.
     */
    @Test
    void theVolunteerFormsNameWhomTheyAreForAndWarnOfACourseNoActivityRequires(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "sw", "#navVolunteers");
        waitFor(() -> robot.lookup("#volunteerName").tryQuery().isPresent());
        assertTrue(robot.lookup("#recordCheck").queryButton().isDisabled());
        assertTrue(robot.lookup("#printCertificate").queryButton().isDisabled());
        assertTrue(robot.lookup("入职查询记录：请先在上方名册中选择一位志愿者").tryQuery().isPresent());
        click(robot, "#volunteerName").write("钱同学");
        click(robot, "#volunteerPhone").write("13900000009");
        click(robot, "#registerVolunteer");
        waitOrFailOnDialog(robot, () -> rows(robot, "#volunteerTable") == 1);
        waitFor(() -> !robot.lookup("#recordCheck").queryButton().isDisabled());
        assertTrue(robot.lookup("入职查询记录：钱同学（电话尾号 0009）").tryQuery().isPresent());
        assertTrue(robot.lookup("培训记录：钱同学（电话尾号 0009）").tryQuery().isPresent());
        javafx.scene.control.ComboBox<?> course =
                robot.lookup("#trainingCourse").queryComboBox();
        assertTrue(
                course.isEditable() && course.getItems().contains("儿童保护与安全"),
                course.getItems().toString());
        javafx.scene.control.Label warning =
                robot.lookup("#trainingCourseWarning").queryAs(javafx.scene.control.Label.class);
        assertTrue(!warning.isVisible());
        robot.interact(() -> course.getEditor().setText("儿童保护"));
        waitFor(warning::isVisible);
        assertTrue(warning.getText().startsWith("“儿童保护”不是活动要求的培训课程"), warning.getText());
    }

    /** Front desk registers volunteers and looks them up; checks, trainings, hours and shifts are not theirs. */
    @Test
    void frontDeskSeesTheLookUpAndTheRegistrationOnly(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "qt", "#navVolunteers");
        waitFor(() -> robot.lookup("#volunteerName").tryQuery().isPresent());
        assertTrue(robot.lookup("#volunteerTable").tryQuery().isPresent());
        for (String hidden : List.of("#renewTable", "#checkTable", "#trainingTable", "#printCertificate")) {
            assertTrue(robot.lookup(hidden).tryQuery().isEmpty(), hidden);
        }
        javafx.scene.control.TabPane tabs = robot.lookup("#volunteerTabs").queryAs(javafx.scene.control.TabPane.class);
        assertEquals(1, tabs.getTabs().size());
        TableView<?> list = robot.lookup("#volunteerTable").queryAs(TableView.class);
        assertTrue(
                list.getColumns().stream()
                        .noneMatch(c -> c.getText().equals(org.huyou.common.Messages.t("volunteer.idNumber"))),
                "no ID numbers at the desk");
    }

    /**
     * The background check refuses by default: the coordinator's 报名 on an unchecked volunteer asks for a reason
     * (取消 puts nobody on the shift); with a reason in words the volunteer is on it, the roster marks it with the
     * reason and who gave it, and the audit log has the override.
     */
    @Test
    void theCoordinatorPutsAnUncheckedVolunteerOnAShiftWithChildrenOnlyWithAReason(FxRobot robot) {
        FxTesting.logInAndOpen(robot, "sw", "#navVolunteers");
        waitFor(() -> robot.lookup("#volunteerName").tryQuery().isPresent());
        click(robot, "#volunteerName").write("钱同学");
        click(robot, "#volunteerPhone").write("13900000009");
        click(robot, "#volunteerOrganisation").write("滨州学院青年志愿者协会");
        click(robot, "#specialtyPRESCHOOL");
        click(robot, "#registerVolunteer");
        waitOrFailOnDialog(robot, () -> rows(robot, "#volunteerTable") == 1);
        robot.interact(() -> robot.lookup("#volunteerSearch")
                .queryAs(javafx.scene.control.TextField.class)
                .setText(""));
        // a search that finds nobody says so, not that there are no volunteers
        click(robot, "#volunteerSearch").write("zzzz");
        waitFor(() -> rows(robot, "#volunteerTable") == 0);
        assertEquals(
                org.huyou.common.Messages.t("volunteer.noMatch"),
                ((javafx.scene.control.Label) robot.lookup("#volunteerTable")
                                .queryAs(TableView.class)
                                .getPlaceholder())
                        .getText());
        robot.interact(() -> robot.lookup("#volunteerSearch")
                .queryAs(javafx.scene.control.TextField.class)
                .setText(""));
        click(robot, "#volunteerSearch").write("qtx"); // 钱同学 by its pinyin initials
        waitFor(() -> rows(robot, "#volunteerTable") == 1);
        FxTesting.snapshot(robot.lookup("#volunteerTable").query().getScene().getRoot(), "volunteer-pinyin-search");

        FxTesting.selectTab(robot, "#volunteerTabs", "活动排班");
        click(robot, "#activityTitle").write("周末绘本共读");
        choose(robot, "#activityType", "活动保障");
        click(robot, "#activityStart").write("09:00");
        click(robot, "#activityEnd").write("11:00");
        click(robot, "#activityPlace").write("活动室");
        click(robot, "#activityCapacity").write("4");
        click(robot, "#planActivity");
        waitOrFailOnDialog(robot, () -> rows(robot, "#activityTable") == 1);
        robot.interact(() -> robot.lookup("#activityTable")
                .queryAs(TableView.class)
                .getSelectionModel()
                .select(0));
        waitFor(() -> rows(robot, "#candidateTable") == 1);
        ShiftService.Candidate c = (ShiftService.Candidate) robot.lookup("#candidateTable")
                .queryAs(TableView.class)
                .getItems()
                .get(0);
        assertTrue(!c.ready() && c.problem().contains("入职查询"), c.problem());
        robot.interact(() -> robot.lookup("#candidateTable")
                .queryAs(TableView.class)
                .getSelectionModel()
                .select(0));
        click(robot, "#signUp");
        waitFor(() -> robot.lookup("#reasonField").tryQuery().isPresent());
        String override = org.huyou.common.Messages.t("activity.overrideButton");
        assertTrue(robot.lookup(dialogButton(override)).queryButton().isDisabled(), "not without a reason");
        robot.clickOn(dialogButton(org.huyou.common.Messages.t("common.cancel")));
        waitFor(() -> robot.lookup("#reasonField").tryQuery().isEmpty());
        assertEquals(0, rows(robot, "#rosterTable"), "nobody was put on the shift");

        click(robot, "#signUp");
        waitFor(() -> robot.lookup("#reasonField").tryQuery().isPresent());
        robot.clickOn("#reasonField").write("查询已于上周提交，本次由吴社工全程陪同");
        robot.clickOn(dialogButton(override));
        waitOrFailOnDialog(robot, () -> rows(robot, "#rosterTable") == 1);
        org.huyou.volunteers.RosterLine line = (org.huyou.volunteers.RosterLine)
                robot.lookup("#rosterTable").queryAs(TableView.class).getItems().get(0);
        assertEquals("查询已于上周提交，本次由吴社工全程陪同", line.checkOverride());
        assertEquals("未经入职查询安排：查询已于上周提交，本次由吴社工全程陪同（吴社工）", org.huyou.volunteers.ui.ShiftsViewModel.checkMark(line));
        assertTrue(
                // the column wraps its sentence: a cell's Text, not its label
                robot.lookup(n -> n instanceof javafx.scene.text.Text t
                                && org.huyou.volunteers.ui.ShiftsViewModel.checkMark(line)
                                        .equals(t.getText()))
                        .tryQuery()
                        .isPresent(),
                "the roster shows the mark");

        // 退出 asks why; the line stays on the roster, marked withdrawn with the reason and who, and is out of the
        // count; neither attendance nor a second withdrawal is offered on it
        robot.interact(() -> robot.lookup("#rosterTable")
                .queryAs(TableView.class)
                .getSelectionModel()
                .select(0));
        click(robot, "#withdraw");
        waitFor(() -> robot.lookup("#reasonField").tryQuery().isPresent());
        String withdraw = org.huyou.common.Messages.t("activity.withdraw");
        assertTrue(robot.lookup(dialogButton(withdraw)).queryButton().isDisabled(), "not without a reason");
        robot.clickOn("#reasonField").write("临时有课，不能来");
        robot.clickOn(dialogButton(withdraw));
        waitOrFailOnDialog(
                robot,
                () -> rows(robot, "#rosterTable") == 1
                        && ((org.huyou.volunteers.RosterLine) robot.lookup("#rosterTable")
                                        .queryAs(TableView.class)
                                        .getItems()
                                        .get(0))
                                .withdrawn());
        assertEquals(1, rows(robot, "#rosterTable"), "kept, not deleted");
        org.huyou.volunteers.RosterLine gone = (org.huyou.volunteers.RosterLine)
                robot.lookup("#rosterTable").queryAs(TableView.class).getItems().get(0);
        String mark = org.huyou.volunteers.ui.ShiftsViewModel.attendanceMark(gone);
        assertTrue(mark.startsWith("已退出：临时有课，不能来（吴社工，"), mark);
        assertTrue(
                robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && mark.equals(l.getText()))
                        .tryQuery()
                        .isPresent(),
                "the roster shows the withdrawal");
        assertEquals("查询已于上周提交，本次由吴社工全程陪同", gone.checkOverride(), "the override stays with it");
        robot.interact(() -> robot.lookup("#rosterTable")
                .queryAs(TableView.class)
                .getSelectionModel()
                .select(0));
        javafx.scene.control.Button again = robot.lookup("#withdraw").queryButton();
        waitFor(again::isDisabled);
        assertTrue(org.huyou.common.ui.RowAction.reason(again).startsWith("该志愿者已于 "));
        assertEquals(
                0,
                frame.context()
                        .shifts()
                        .activities(SESSION.minusMonths(1), SESSION.plusMonths(1))
                        .get(0)
                        .signedUp());
    }
}
