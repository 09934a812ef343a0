package org.huyou.volunteers;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.security.PermissionDeniedException;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registration and the background-check gate before any work with children. */
class VolunteerGateTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path dir;

    CareStaff home;
    VolunteerService volunteers;

    @BeforeEach
    void open() {
        home = new CareStaff(dir, DAY, LocalDate.of(2015, 1, 1));
        home.as(Role.SOCIAL_WORKER);
        volunteers = home.ctx.volunteers();
    }

    @AfterEach
    void close() {
        home.close();
    }

    static Volunteer draft(
            String name,
            String idNumber,
            String phone,
            String organisation,
            Set<Volunteer.Specialty> specialties,
            String availability) {
        return new Volunteer(0, name, idNumber, phone, organisation, specialties, null, availability, 0);
    }

    @Test
    void registrationValidatesTheIdNumberAndPhone() {
        assertThrows(
                ValidationException.class,
                () -> volunteers.register(draft("周老师", "110105199001012345", "13800000000", null, Set.of(), null)),
                "wrong check digit");
        assertThrows(
                ValidationException.class, () -> volunteers.register(draft("周老师", null, "12", null, Set.of(), null)));
        Volunteer v = volunteers.register(draft(
                "周老师",
                "11010519900101234X",
                "138-0000-0000",
                "滨州学院特教系",
                Set.of(Volunteer.Specialty.SPECIAL_EDUCATION),
                "周末"));
        assertEquals(Set.of(Volunteer.Specialty.SPECIAL_EDUCATION), v.specialties());
        assertThrows(
                ValidationException.class,
                () -> volunteers.register(draft("另一人", "11010519900101234x", "13900000000", null, Set.of(), null)),
                "the same person twice");
    }

    @Test
    void volunteersAreFoundByNameOrganisationAndPinyin() {
        volunteers.register(draft("李志强", null, "13900000031", "滨州学院", Set.of(), null));
        volunteers.register(draft("王芳", null, "13900000032", "爱心车队", Set.of(), null));
        java.util.function.Function<String, List<String>> found =
                q -> volunteers.search(q, 10).stream().map(Volunteer::name).toList();
        assertEquals(List.of("李志强"), found.apply("lzq"), "initials");
        assertEquals(List.of("李志强"), found.apply("LiZhi"), "full pinyin, any case");
        assertEquals(List.of("王芳"), found.apply("wang"));
        assertEquals(List.of("王芳"), found.apply("车队"), "organisation");
        assertEquals(List.of("李志强"), found.apply("志"), "characters");
        assertEquals(List.of(), found.apply("zzz"));
    }

    @Test
    void noClearValidCheckMeansNoWorkWithChildrenAndTheReasonIsSaid() {
        Volunteer v = volunteers.register(draft("吴同学", null, "13900000000", null, Set.of(), null));
        UserFacingException none =
                assertThrows(UserFacingException.class, () -> volunteers.requireClearFor(v.id(), DAY));
        assertTrue(none.userMessage().contains("吴同学") && none.userMessage().contains("入职查询"));
        volunteers.recordCheck(v.id(), DAY.minusDays(3), BackgroundCheck.Result.PENDING, null, null);
        assertTrue(assertThrows(UserFacingException.class, () -> volunteers.requireClearFor(v.id(), DAY))
                .userMessage()
                .contains("尚无结果"));
        assertThrows(
                ValidationException.class,
                () -> volunteers.recordCheck(v.id(), DAY, BackgroundCheck.Result.CLEAR, null, null),
                "a clear check says until when");
        volunteers.recordCheck(v.id(), DAY, BackgroundCheck.Result.CLEAR, DAY.plusDays(20), "滨公查 2026-118");
        assertDoesNotThrow(() -> volunteers.requireClearFor(v.id(), DAY.plusDays(20)));
        UserFacingException expired =
                assertThrows(UserFacingException.class, () -> volunteers.requireClearFor(v.id(), DAY.plusDays(21)));
        assertTrue(expired.userMessage().contains(DAY.plusDays(20).toString()), expired.userMessage());
        assertEquals(1, volunteers.checksToRenew().size(), "runs out within 30 days");
        home.clock.advance(Duration.ofDays(60));
        assertTrue(volunteers.checksToRenew().isEmpty(), "long gone: no longer a renewal reminder");

        home.as(Role.CAREGIVER);
        assertThrows(PermissionDeniedException.class, () -> volunteers.search(null, 10));
    }

    @Test
    void signUpsRespectTheGateCapacityAndDuplicatesAndAttendanceGivesHours() {
        Volunteer cleared = volunteers.register(draft("甲", null, "13900000001", null, Set.of(), null));
        Volunteer unchecked = volunteers.register(draft("乙", null, "13900000002", null, Set.of(), null));
        Volunteer third = volunteers.register(draft("丙", null, "13900000003", null, Set.of(), null));
        volunteers.recordCheck(cleared.id(), DAY, BackgroundCheck.Result.CLEAR, DAY.plusYears(1), null);
        volunteers.recordCheck(third.id(), DAY, BackgroundCheck.Result.CLEAR, DAY.plusYears(1), null);
        ShiftService shifts = home.ctx.shifts();
        Activity reading = shifts.plan(new Activity(
                0,
                "绘本共读",
                Activity.Type.EVENT,
                DAY.plusDays(5),
                java.time.LocalTime.of(9, 0),
                java.time.LocalTime.of(11, 30),
                "活动室",
                Volunteer.Specialty.PRESCHOOL,
                2,
                true));
        Activity sorting = shifts.plan(new Activity(
                0,
                "捐赠物资整理",
                Activity.Type.OFFICE,
                DAY.plusDays(5),
                java.time.LocalTime.of(14, 0),
                java.time.LocalTime.of(16, 0),
                "库房",
                null,
                5,
                false));
        UserFacingException refused =
                assertThrows(UserFacingException.class, () -> shifts.signUp(reading.id(), unchecked.id()));
        assertTrue(refused.userMessage().contains("乙"), refused.userMessage());
        assertDoesNotThrow(() -> shifts.signUp(sorting.id(), unchecked.id()), "no children: no check needed");
        shifts.signUp(reading.id(), cleared.id());
        assertThrows(UserFacingException.class, () -> shifts.signUp(reading.id(), cleared.id()), "twice");
        shifts.signUp(reading.id(), third.id());
        Volunteer fourth = volunteers.register(draft("丁", null, "13900000004", null, Set.of(), null));
        volunteers.recordCheck(fourth.id(), DAY, BackgroundCheck.Result.CLEAR, DAY.plusYears(1), null);
        assertTrue(
                assertThrows(UserFacingException.class, () -> shifts.signUp(reading.id(), fourth.id()))
                        .userMessage()
                        .contains("2"),
                "full at two");
        assertThrows(
                ValidationException.class,
                () -> shifts.recordAttendance(reading.id(), cleared.id(), true, null),
                "not before the day");
        home.clock.advance(Duration.ofDays(5));
        shifts.recordAttendance(reading.id(), cleared.id(), true, null);
        shifts.recordAttendance(reading.id(), third.id(), false, null);
        assertEquals(
                0,
                new java.math.BigDecimal("2.50").compareTo(shifts.serviceHours(cleared.id(), DAY, DAY.plusMonths(1))),
                "9:00 to 11:30");
        assertEquals(0, java.math.BigDecimal.ZERO.compareTo(shifts.serviceHours(third.id(), DAY, DAY.plusMonths(1))));
    }

    /**
     * The safety check refuses by default and is set aside only with a reason: the coordinator (or the director)
     * with a reason in words puts a volunteer without a clear check on a shift with children, kept on the roster
     * and audited; no reason, a reason that is no reason, anyone else, or a record found are refused as before.
     */
    @Test
    void aMissingCheckIsSetAsideOnlyByTheCoordinatorOrDirectorWithAReasonAndAudited() {
        Volunteer unchecked = volunteers.register(draft("乙", null, "13900000002", null, Set.of(), null));
        Volunteer found = volunteers.register(draft("戊", null, "13900000005", null, Set.of(), null));
        volunteers.recordCheck(found.id(), DAY, BackgroundCheck.Result.RECORD_FOUND, null, null);
        ShiftService shifts = home.ctx.shifts();
        Activity reading = shifts.plan(new Activity(
                0,
                "绘本共读",
                Activity.Type.EVENT,
                DAY.plusDays(5),
                java.time.LocalTime.of(9, 0),
                java.time.LocalTime.of(11, 30),
                "活动室",
                null,
                4,
                true));
        String why = "查询已于上周提交，本次由社工全程陪同";
        ShiftService.Candidate c = shifts.candidates(reading.id(), "乙", 10).get(0);
        assertTrue(!c.ready() && c.overridable(), c.toString());
        assertTrue(!shifts.candidates(reading.id(), "戊", 10).get(0).overridable(), "a record found is never set aside");
        assertTrue(shifts.mayOverrideChecks(), "the coordinator may");
        UserFacingException none =
                assertThrows(UserFacingException.class, () -> shifts.signUp(reading.id(), unchecked.id(), " "));
        assertTrue(none.userMessage().contains("入职查询"), none.userMessage());
        ValidationException notWords = assertThrows(
                ValidationException.class, () -> shifts.signUp(reading.id(), unchecked.id(), "好好好好好好好好好好好"));
        assertEquals("checkOverride", notWords.errors().get(0).field());
        assertThrows(ValidationException.class, () -> shifts.signUp(reading.id(), unchecked.id(), "有人陪同"), "too short");
        assertThrows(
                UserFacingException.class,
                () -> shifts.signUp(reading.id(), found.id(), why),
                "a record found is refused whatever the reason");
        assertEquals(List.of(), shifts.roster(reading.id()), "nothing half-done");

        // anyone else who may sign volunteers up (front desk, given the right here) is refused, reason or not
        home.as(Role.ADMINISTRATOR);
        home.ctx
                .accounts()
                .setPermission(
                        Role.FRONT_DESK,
                        new org.huyou.security.Permission(
                                org.huyou.security.AppModule.VOLUNTEERS, org.huyou.security.Action.EDIT),
                        true);
        home.as(Role.FRONT_DESK);
        assertFalse(shifts.mayOverrideChecks());
        UserFacingException notTheirs =
                assertThrows(UserFacingException.class, () -> shifts.signUp(reading.id(), unchecked.id(), why));
        assertTrue(notTheirs.userMessage().startsWith("只有院长或志愿者协调人"), notTheirs.userMessage());
        assertEquals(List.of(), shifts.roster(reading.id()));

        home.as(Role.SOCIAL_WORKER);
        shifts.signUp(reading.id(), unchecked.id(), why);
        RosterLine line = shifts.roster(reading.id()).get(0);
        assertEquals(
                List.of(why, CareStaff.name(Role.SOCIAL_WORKER)),
                List.of(line.checkOverride(), line.checkOverrideBy()));
        home.as(Role.ADMINISTRATOR);
        var override = home.ctx.audit().browse(org.huyou.security.AuditFilter.all(), 20).stream()
                .filter(e -> "auditSummary.checkOverride".equals(e.summaryKey()))
                .findFirst()
                .orElseThrow();
        assertEquals("OVERRIDE", override.action());
        String said = org.huyou.security.AuditSummary.read(override.summaryKey(), override.summary())
                .render();
        assertTrue(said.contains(why) && said.contains("乙") && said.contains("入职查询"), said);
    }
}
