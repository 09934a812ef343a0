package org.huyou.openday.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.huyou.openday.Booking;
import org.huyou.openday.OpenDayRule;
import org.huyou.openday.Visit;
import org.huyou.openday.VisitMonth;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The open day's desk, statistics and rule without controls: the synchronous task runner, a real home. */
class OpenDayViewModelTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 9); // Monday before the second Saturday, 14 November
    static final LocalDate SESSION = LocalDate.of(2026, 11, 14);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(TODAY, Role.FRONT_DESK);

    final HeardNotices heard = home.heard;
    OpenDayViewModel desk;

    @BeforeEach
    void open() {
        OpenDayRule d = OpenDayRule.DEFAULT;
        home.ctx().openDay().setRule(new OpenDayRule(2, DayOfWeek.SATURDAY, d.slots(), 30, Set.of(), Set.of()));
        desk = new OpenDayViewModel(
                home.ctx().openDay(),
                home.ctx().bookings(),
                home.ctx().visits(),
                home.tasks,
                heard,
                home.clock(),
                home.dir().resolve("slips"),
                () -> "测试福利院",
                "刘前台");
        desk.reloadSessions();
    }

    void book(String organisation, String phone, String count) {
        desk.organisation.set(organisation);
        desk.contact.set("李老师");
        desk.phone.set(phone);
        desk.count.set(count);
        desk.book();
    }

    @Test
    void theNextSessionAndItsFirstSlotAreChosen() {
        assertEquals(SESSION, desk.sessionProperty().get());
        assertEquals(desk.slots().get(0), desk.slotProperty().get());
        assertEquals(
                OpenDayRule.DEFAULT.slots().get(0).toString(),
                desk.slotProperty().get());
        assertTrue(
                desk.sessions().contains(SESSION) && desk.sessions().size() <= 14,
                desk.sessions().toString());
    }

    @Test
    void aBookingOverCapacityWaitsAndSaysWhyTheOthersAreApprovedOrCancelledForAReason() {
        book("滨城区实验小学", "13800000001", "10");
        assertEquals("已登记，状态：" + Booking.Status.PENDING.label(), heard.last());
        assertEquals("", desk.organisation.get(), "the form is cleared for the next caller");
        book("滨城区第二中学", "13800000009", "25");
        assertTrue(heard.last().startsWith("已登记，进入候补："), heard.last());
        assertEquals(2, desk.bookings().size());
        assertFalse(desk.waitingProperty().get(), "nothing to explain before a booking is chosen");
        desk.bookingProperty()
                .set(desk.bookings().stream()
                        .filter(b -> b.headCount() == 25)
                        .findFirst()
                        .orElseThrow());
        assertTrue(desk.waitingProperty().get());
        assertTrue(
                desk.waitReasonProperty().get().startsWith("候补原因：本时段名额已满：可容纳 30 人"),
                desk.waitReasonProperty().get());

        Booking school = desk.bookings().stream()
                .filter(b -> "滨城区实验小学".equals(b.organisation()))
                .findFirst()
                .orElseThrow();
        desk.bookingProperty().set(school);
        assertFalse(desk.waitingProperty().get());
        desk.approve();
        assertEquals(Booking.Status.APPROVED, desk.bookingProperty().get().status(), "reloaded, still selected");
        assertEquals("滨城区实验小学", desk.bookedBy(desk.bookingProperty().get()));
        desk.cancel("学校改期到明年");
        assertEquals(Booking.Status.CANCELLED, desk.bookingProperty().get().status());
        assertTrue(heard.errors.isEmpty(), heard.errors.toString());
    }

    @Test
    void lettersInAHeadCountAreRefusedByNameAndTheTextKept() {
        book("滨城区实验小学", "13800000001", "十个");
        assertEquals("人数：“十个”不是整数，请只填写数字。", heard.last());
        assertEquals("十个", desk.count.get());
        assertEquals(0, desk.bookings().size());
        desk.kind.set(Booking.Kind.INDIVIDUAL);
        desk.contact.set("赵女士");
        desk.phone.set("13700000000");
        desk.book();
        assertEquals("人数：“十个”不是整数，请只填写数字。", heard.last(), "a person's head count is kept too: refused");
        assertEquals(0, desk.bookings().size());
        desk.count.set("");
        desk.book();
        assertEquals(1, desk.bookings().size(), "no head count typed: the person alone");
        assertEquals(1, desk.bookings().get(0).headCount());
    }

    @Test
    void aGroupMemberIsCheckedInWithoutAPhoneSelectedAndHerSlipWritten() throws Exception {
        book("滨城区实验小学", "13800000001", "3");
        desk.bookingProperty().set(desk.bookings().get(0));
        assertEquals("联系电话（随团可不填）", desk.visitPhoneHint().get());
        desk.bookingProperty().set(null);
        assertEquals("联系电话", desk.visitPhoneHint().get());
        home.clock().advance(Duration.ofDays(5)); // the session day
        desk.bookingProperty().set(desk.bookings().get(0));
        // a booking awaiting approval admits no one (the check-in buttons' reason); approved, it does
        assertEquals(
                "预约“滨城区实验小学”（2026-11-14 09:00-11:00）当前为“待审核”：只有已确认的预约可以据此登记入园。",
                desk.whyNoCheckIn(desk.bookingProperty().get()));
        desk.approve();
        assertEquals(null, desk.whyNoCheckIn(desk.bookingProperty().get()));
        desk.visitorName.set("张同学家长");
        desk.visitorOrganisation.set("滨城区实验小学");
        desk.documentNo.set("学生证 1");
        desk.documentType.set(Visit.DocumentType.OTHER);
        desk.visitors.set("三");
        List<Visit> then = new ArrayList<>();
        desk.checkIn(then::add);
        assertEquals("人数：“三”不是整数，请只填写数字。", heard.last());
        desk.visitors.set("1");
        desk.rulesRead.set(true);
        desk.checkIn(then::add);
        assertEquals(1, then.size(), heard.errors.toString());
        assertEquals("已登记，接待单号 " + then.get(0).slipNo(), heard.last());
        assertEquals("", desk.visitorName.get());
        assertEquals("1", desk.visitors.get());
        assertFalse(desk.rulesRead.get(), "the next visitor acknowledges the rules herself");
        assertEquals("刘前台", desk.host.get(), "the host stays");
        assertEquals(1, desk.visits().size());
        assertEquals(then.get(0).id(), desk.visitProperty().get().id(), "the new visit is selected");
        assertTrue(desk.visits().contains(desk.visitProperty().get()), "as the row the list shows");
        Path slip = desk.slip(then.get(0).id()).call();
        assertTrue(Files.size(slip) > 0 && slip.startsWith(home.dir().resolve("slips")), slip.toString());

        OpenDayStatsViewModel stats = new OpenDayStatsViewModel(home.ctx().visits(), home.tasks, heard, 2026);
        stats.refresh();
        VisitMonth total = stats.rows().get(stats.rows().size() - 1);
        assertEquals(OpenDayStatsViewModel.YEAR_TOTAL, total.month());
        assertEquals(1, total.visits());
        assertEquals(
                stats.rows().subList(0, stats.rows().size() - 1).stream()
                        .mapToInt(VisitMonth::visitors)
                        .sum(),
                total.visitors());
        assertEquals(List.of(2021, 2022, 2023, 2024, 2025, 2026), stats.years());
        stats.yearProperty().set(2025);
        assertEquals(0, stats.rows().get(stats.rows().size() - 1).visits(), "choosing a year shows that year");
    }

    @Test
    void theRuleIsShownAsTextLettersInItsNumbersAreRefusedByNameAndASavedRuleChangesTheSessions() {
        home.as(Role.DIRECTOR);
        OpenDaySettingsViewModel rule = new OpenDaySettingsViewModel(home.ctx().openDay(), home.tasks, heard);
        rule.load();
        assertEquals(2, rule.week.get());
        assertEquals(DayOfWeek.SATURDAY, rule.day.get());
        assertEquals("30", rule.capacity.get());
        rule.capacity.set("四十");
        List<String> saved = new ArrayList<>();
        rule.save(() -> saved.add("saved"));
        assertEquals("每个时段人数上限：“四十”不是整数，请只填写数字。", heard.last());
        assertTrue(saved.isEmpty());
        rule.capacity.set("40");
        rule.week.set(3);
        rule.save(() -> saved.add("saved"));
        assertEquals(List.of("saved"), saved, heard.errors.toString());
        assertEquals("开放日规则已保存。", heard.last());
        assertEquals(40, home.ctx().openDay().rule().capacityPerSlot());
        desk.reloadSessions();
        assertEquals(LocalDate.of(2026, 11, 21), desk.sessionProperty().get(), "the third Saturday now");
    }

    @Test
    void aGroupLargerThanAWholeSlotIsRefusedNamingTheHeadCountAndTheCapacityAndTheFieldIsMarked() {
        book("滨城区第二中学", "13800000009", "50");
        assertEquals("人数为 50 人，超过一个时段的全部容量（30 人）：请分几个时段预约，或与本院另约时间。", heard.last());
        assertEquals(0, desk.bookings().size(), "not put on a waiting list it could never leave");
        assertEquals(
                OpenDayViewModel.BOOKING_COUNT, desk.refused.fieldProperty().get());
        assertEquals("50", desk.count.get(), "the text kept to correct");
        book("滨城区第二中学", "13800000009", "30");
        assertEquals("", desk.refused.fieldProperty().get(), "a booking that went through marks nothing");
        assertEquals(1, desk.bookings().size());
    }

    @Test
    void theDeskOpensOnTodaysSessionWhenTodayBecomesOneButKeepsASessionTheUserPicked() {
        assertEquals(SESSION, desk.sessionProperty().get(), "Monday: the next session");
        OpenDayRule r = home.ctx().openDay().rule();
        home.ctx()
                .openDay() // today made an extra session while the desk is open (its settings, or another PC)
                .setRule(new OpenDayRule(
                        r.weekOfMonth(), r.dayOfWeek(), r.slots(), r.capacityPerSlot(), Set.of(), Set.of(TODAY)));
        desk.reloadSessions();
        assertEquals(TODAY, desk.sessionProperty().get(), "today's session, where check-ins are allowed");

        desk.sessionProperty().set(SESSION);
        desk.reloadSessions();
        assertEquals(SESSION, desk.sessionProperty().get(), "the user's own pick stays");
    }

    @Test
    void aCheckInWrittenUpAfterItsSlotIsRecordedInsideTheSlotNeverAtTheClocksTime() {
        home.clock().advance(Duration.ofDays(6).plusHours(16).plusMinutes(1)); // Sunday 01:01, the session was Saturday
        desk.sessionProperty().set(SESSION);
        desk.slotProperty().set("14:30-16:30");
        desk.visitorName.set("王先生");
        desk.documentType.set(Visit.DocumentType.OTHER);
        desk.documentNo.set("护照 E1");
        desk.visitorPhone.set("13900000000");
        desk.rulesRead.set(true);
        List<Visit> then = new ArrayList<>();
        desk.checkIn(then::add);
        assertEquals(1, then.size(), heard.errors.toString());
        assertEquals(SESSION.atTime(14, 30), then.get(0).checkedInAt(), "inside the slot, not Sunday 01:01");
    }

    @Test
    void aRefusedCheckInMarksTheFieldItNames() {
        home.clock().advance(Duration.ofDays(5));
        desk.reloadSessions();
        desk.visitorName.set("王先生");
        desk.documentType.set(Visit.DocumentType.OTHER);
        desk.documentNo.set("护照 E1");
        desk.visitorPhone.set("13900000000");
        desk.checkIn(v -> {});
        assertEquals("visitRules", desk.refused.fieldProperty().get(), heard.last());
    }
}
