package org.huyou.openday;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.huyou.common.FieldError;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.security.PermissionDeniedException;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cut-off, capacity, the waiting list moving up in order, and duplicate registrations, on a fixed clock. */
class BookingTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 9); // Monday before the second Saturday, 14 November
    static final LocalDate SESSION = LocalDate.of(2026, 11, 14);
    static final String MORNING = "09:00-11:00";

    @TempDir
    Path dir;

    CareStaff home;
    BookingService bookings;

    @BeforeEach
    void open() {
        home = new CareStaff(dir, TODAY, LocalDate.of(2015, 1, 1));
        home.as(Role.FRONT_DESK);
        OpenDayRule d = OpenDayRule.DEFAULT;
        home.ctx.openDay().setRule(new OpenDayRule(2, DayOfWeek.SATURDAY, d.slots(), 30, Set.of(), Set.of()));
        bookings = home.ctx.bookings();
    }

    @AfterEach
    void close() {
        home.close();
    }

    @Test
    void groupsBookThreeDaysAheadIntoRealSessionsAndSlots() {
        assertThrows(
                UserFacingException.class,
                () -> bookings.bookGroup(SESSION.plusDays(1), MORNING, "实验小学", "李老师", "13900000000", 10),
                "a Sunday is not an open day");
        assertThrows(
                UserFacingException.class,
                () -> bookings.bookGroup(SESSION, "08:00-09:00", "实验小学", "李老师", "13900000000", 10));
        Booking ok = bookings.bookGroup(SESSION, MORNING, "实验小学", "李老师", "13900000000", 10);
        assertEquals(Booking.Status.PENDING, ok.status());
        home.clock.advance(java.time.Duration.ofDays(3)); // Thursday: two days before
        UserFacingException late = assertThrows(
                UserFacingException.class, () -> bookings.bookGroup(SESSION, MORNING, "银座商城", "王经理", "13800000000", 5));
        assertTrue(late.userMessage().contains("3"), late.userMessage());
        Booking person = bookings.registerIndividual(SESSION, MORNING, "赵女士", null, "13700000000", 1);
        assertEquals(Booking.Status.APPROVED, person.status(), "individuals may come up to the day");
        assertThrows(
                UserFacingException.class,
                () -> bookings.registerIndividual(SESSION, MORNING, "赵女士", null, "13700000000", 1),
                "the same person twice");
    }

    @Test
    void membersOfAGroupBookingCheckInWithoutAPhoneOthersGiveOne() {
        Booking group = bookings.approve(bookings.bookGroup(SESSION, MORNING, "实验小学", "李老师", "13900000000", 10)
                .id());
        Booking person = bookings.registerIndividual(SESSION, MORNING, "赵女士", null, "13700000000", 1);
        home.clock.advance(java.time.Duration.ofDays(5)); // the open day
        VisitService visits = home.ctx.visits();
        Visit member = visits.checkIn(new VisitService.CheckIn(
                SESSION,
                MORNING,
                group.id(),
                "王同学",
                "实验小学",
                Visit.DocumentType.OTHER,
                "学生证 1",
                null,
                1,
                "front_desk",
                true));
        assertNull(member.phone(), "the group's contact phone is on its booking");
        for (Long booked : java.util.Arrays.asList(person.id(), null)) {
            ValidationException noPhone = assertThrows(
                    ValidationException.class,
                    () -> visits.checkIn(new VisitService.CheckIn(
                            SESSION,
                            MORNING,
                            booked,
                            "钱先生",
                            null,
                            Visit.DocumentType.OTHER,
                            "G" + booked,
                            " ",
                            1,
                            "front_desk",
                            true)),
                    "a visitor on their own leaves a phone");
            assertEquals(
                    List.of("phone"),
                    noPhone.errors().stream().map(FieldError::field).toList());
        }
    }

    @Test
    void aBookingOverCapacityWaitsAndMovesUpInOrderWhenPlacesFree() {
        Booking a = bookings.bookGroup(SESSION, MORNING, "甲校", "甲", "13900000001", 20);
        Booking b = bookings.bookGroup(SESSION, MORNING, "乙企业", "乙", "13900000002", 15);
        Booking c = bookings.bookGroup(SESSION, MORNING, "丙协会", "丙", "13900000003", 5);
        assertEquals(Booking.Status.WAITLISTED, b.status(), "20 + 15 is over 30");
        assertEquals(Booking.Status.WAITLISTED, c.status(), "5 would fit, but 乙 is in line first");
        // each says why it waits, in the user's language
        assertEquals("本时段名额已满：可容纳 30 人，已预约 20 人，本预约 15 人。", bookings.waitReason(b));
        assertEquals("前面还有 1 个候补预约，按登记先后递补。", bookings.waitReason(c));
        assertNull(bookings.waitReason(a), "a booking holding its places does not wait");
        org.huyou.common.Messages.use(org.huyou.common.Messages.ENGLISH);
        try {
            assertEquals("The slot is full: it holds 30, 20 booked, this booking is for 15.", bookings.waitReason(b));
        } finally {
            org.huyou.common.Messages.use(org.huyou.common.Messages.CHINESE);
        }
        bookings.approve(a.id());
        assertThrows(PermissionDeniedException.class, () -> {
            home.as(Role.SOCIAL_WORKER);
            bookings.approve(b.id());
        });
        home.as(Role.FRONT_DESK);
        assertThrows(ValidationException.class, () -> bookings.cancel(a.id(), ""), "a cancellation says why");
        bookings.cancel(a.id(), "学校临时调课");
        assertEquals(
                Booking.Status.PENDING,
                bookings.bookings(SESSION).stream()
                        .filter(x -> x.id() == b.id())
                        .findFirst()
                        .orElseThrow()
                        .status(),
                "乙 moves up first");
        assertEquals(
                Booking.Status.PENDING,
                bookings.bookings(SESSION).stream()
                        .filter(x -> x.id() == c.id())
                        .findFirst()
                        .orElseThrow()
                        .status(),
                "and 丙 still fits: 15 + 5 of 30");
        assertThrows(UserFacingException.class, () -> bookings.approve(a.id()), "a cancelled booking stays cancelled");
    }

    /** Nothing typed is dropped: a person's head count (who comes along) and organisation are kept as a group's. */
    @Test
    void anIndividualKeepsHerHeadCountAndOrganisation() {
        Booking p = bookings.registerIndividual(SESSION, MORNING, " 陈女士 ", "滨州学院", "13900000002", 3);
        assertEquals(
                List.of(SESSION, MORNING, Booking.Kind.INDIVIDUAL, "滨州学院", "陈女士", "13900000002", 3),
                List.of(
                        p.date(),
                        p.slot(),
                        p.kind(),
                        p.organisation(),
                        p.contactName(),
                        p.contactPhone(),
                        p.headCount()));
        assertEquals(p, bookings.bookings(SESSION).get(0), "as read back");
        ValidationException none = assertThrows(
                ValidationException.class,
                () -> bookings.registerIndividual(SESSION, MORNING, "钱先生", null, "13900000003", 0));
        assertEquals(
                List.of("headCount"),
                none.errors().stream().map(FieldError::field).toList());
    }

    /** The service refuses by the same rule the desk's buttons follow ({@link Booking#refusal}). */
    @Test
    void aBookingIsDecidedOnlyAsItsStatusAllows() {
        Booking g = bookings.bookGroup(SESSION, MORNING, "实验小学", "李老师", "13900000000", 10);
        assertNull(g.refusal(Booking.Status.APPROVED));
        Booking approved = bookings.approve(g.id());
        UserFacingException twice = assertThrows(UserFacingException.class, () -> bookings.approve(g.id()));
        assertEquals("该预约当前为“已确认”：只有待审核的预约可以审核通过。", twice.userMessage());
        assertEquals(approved.refusal(Booking.Status.APPROVED).userMessage(), twice.userMessage());
        assertNull(approved.refusal(Booking.Status.CANCELLED), "an approved booking may be cancelled");
        Booking cancelled = bookings.cancel(g.id(), "学校改期");
        for (Booking.Status to : List.of(Booking.Status.APPROVED, Booking.Status.REJECTED, Booking.Status.CANCELLED)) {
            assertEquals("该预约已是“已取消”，不能再审核或取消。", cancelled.refusal(to).userMessage());
        }
        assertThrows(UserFacingException.class, () -> bookings.reject(g.id()));
        assertThrows(UserFacingException.class, () -> bookings.cancel(g.id(), "再取消一次"));
    }

    static VisitService.CheckIn member(Long booking, String name, String document) {
        return new VisitService.CheckIn(
                SESSION,
                MORNING,
                booking,
                name,
                null,
                Visit.DocumentType.OTHER,
                document,
                "13600000000",
                1,
                "front_desk",
                true);
    }

    /**
     * Children are present on an open day: a visitor is admitted only against an approved booking of the session
     * (it used to take a cancelled or rejected one). Any other is refused naming the booking and its state, and
     * nothing is written; approved, the same visitor is checked in; a walk-in needs no booking.
     */
    @Test
    void aVisitorIsCheckedInOnlyAgainstAnApprovedBookingOfItsSession() {
        Booking pending = bookings.bookGroup(SESSION, MORNING, "实验小学", "李老师", "13900000000", 10);
        Booking rejected = bookings.reject(bookings.bookGroup(SESSION, MORNING, "银座商城", "王经理", "13800000000", 5)
                .id());
        Booking cancelled = bookings.cancel(
                bookings.bookGroup(SESSION, MORNING, "第三小学", "孙老师", "13800000007", 4)
                        .id(),
                "学校改期到明年");
        Booking waiting = bookings.bookGroup(SESSION, MORNING, "丙协会", "丙", "13900000003", 30);
        assertEquals(Booking.Status.WAITLISTED, waiting.status());
        Booking nextMonth =
                bookings.registerIndividual(LocalDate.of(2026, 12, 12), MORNING, "钱女士", null, "13700000001", 1);
        home.clock.advance(java.time.Duration.ofDays(5)); // the open day
        VisitService visits = home.ctx.visits();
        for (Booking b : List.of(pending, rejected, cancelled, waiting)) {
            UserFacingException refused = assertThrows(
                    UserFacingException.class, () -> visits.checkIn(member(b.id(), "王同学", "学生证 " + b.id())));
            assertEquals(
                    "预约“" + b.organisation() + "”（2026-11-14 09:00-11:00）当前为“"
                            + b.status().label() + "”：只有已确认的预约可以据此登记入园。",
                    refused.userMessage());
        }
        UserFacingException otherDay =
                assertThrows(UserFacingException.class, () -> visits.checkIn(member(nextMonth.id(), "钱女士", "G1")));
        assertEquals("预约“钱女士”是 2026-12-12 09:00-11:00 时段的，不是本场次（2026-11-14）的，不能据此登记入园。", otherDay.userMessage());
        assertEquals(List.of(), visits.visits(SESSION), "nothing written");

        bookings.approve(pending.id());
        Visit in = visits.checkIn(member(pending.id(), "王同学", "学生证 1"));
        assertEquals(pending.id(), in.bookingId());
        assertNull(visits.checkIn(member(null, "路人", "G2")).bookingId(), "a walk-in");
        assertEquals(2, visits.visits(SESSION).size());
    }
}
