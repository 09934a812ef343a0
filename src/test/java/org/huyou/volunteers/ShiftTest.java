package org.huyou.volunteers;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.security.PermissionDeniedException;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Required trainings, matching by specialty, hours per period, the hours certificate and the shift plan. */
class ShiftTest {

    static final LocalDate DAY = LocalDate.of(2026, 5, 4);

    @TempDir
    Path dir;

    CareStaff home;
    VolunteerService volunteers;
    ShiftService shifts;

    @BeforeEach
    void open() {
        home = new CareStaff(dir.resolve("home"), DAY, LocalDate.of(2015, 1, 1));
        home.as(Role.SOCIAL_WORKER);
        volunteers = home.ctx.volunteers();
        shifts = home.ctx.shifts();
    }

    @AfterEach
    void close() {
        home.close();
    }

    Volunteer cleared(String name, String phone, Volunteer.Specialty... specialties) {
        Volunteer v =
                volunteers.register(new Volunteer(0, name, null, phone, "滨州学院", Set.of(specialties), null, null, 0));
        volunteers.recordCheck(v.id(), DAY.minusDays(10), BackgroundCheck.Result.CLEAR, DAY.plusYears(1), null);
        return v;
    }

    Activity activity(String title, Activity.Type type, LocalDate date, Volunteer.Specialty wanted, int capacity) {
        return shifts.plan(new Activity(
                0, title, type, date, LocalTime.of(9, 0), LocalTime.of(11, 0), "活动室", wanted, capacity, true));
    }

    @Test
    void aKindOfActivityNeedsItsTrainingsAttendedByTheDay() {
        Volunteer v = cleared("陈同学", "13900000011");
        Activity rehab = activity("康复陪练", Activity.Type.REHABILITATION, DAY.plusDays(10), null, 3);
        UserFacingException missing = assertThrows(UserFacingException.class, () -> shifts.signUp(rehab.id(), v.id()));
        assertTrue(
                missing.userMessage().contains("儿童保护与安全")
                        && missing.userMessage().contains("康复辅助基础"),
                missing.userMessage());
        volunteers.recordTraining(v.id(), "儿童保护与安全", DAY.minusDays(1), new BigDecimal("2"));
        volunteers.recordTraining(v.id(), "康复辅助基础", DAY.minusDays(1), new BigDecimal("3"));
        assertDoesNotThrow(() -> shifts.signUp(rehab.id(), v.id()));
        assertThrows(ValidationException.class, () -> volunteers.recordTraining(v.id(), "急救", DAY, BigDecimal.ZERO));

        volunteers.setRequiredTrainings(Activity.Type.EVENT, List.of("活动安全", " ", "活动安全"));
        assertEquals(List.of("活动安全"), volunteers.requiredTrainings().get(Activity.Type.EVENT));
        Activity fair = activity("义卖", Activity.Type.EVENT, DAY.plusDays(10), null, 3);
        assertThrows(UserFacingException.class, () -> shifts.signUp(fair.id(), v.id()));
        volunteers.setRequiredTrainings(Activity.Type.EVENT, List.of());
        assertDoesNotThrow(() -> shifts.signUp(fair.id(), v.id()));

        home.as(Role.FRONT_DESK);
        assertThrows(
                PermissionDeniedException.class,
                () -> volunteers.setRequiredTrainings(Activity.Type.EVENT, List.of("x")),
                "front desk registers volunteers but does not schedule them");
    }

    @Test
    void candidatesComeReadyAndMatchingFirstAndTheOthersSayWhy() {
        Volunteer teacher = cleared("王老师", "13900000021", Volunteer.Specialty.SPECIAL_EDUCATION);
        Volunteer other = cleared("李同学", "13900000022", Volunteer.Specialty.MEDICAL);
        Volunteer unchecked = volunteers.register(new Volunteer(
                0, "赵同学", null, "13900000023", null, Set.of(Volunteer.Specialty.SPECIAL_EDUCATION), null, null, 0));
        Activity lesson =
                activity("特教课堂助教", Activity.Type.EVENT, DAY.plusDays(3), Volunteer.Specialty.SPECIAL_EDUCATION, 5);
        List<ShiftService.Candidate> c = shifts.candidates(lesson.id(), null, 50);
        assertEquals(
                List.of(teacher.id(), other.id(), unchecked.id()),
                c.stream().map(x -> x.volunteer().id()).toList());
        assertTrue(c.get(0).ready() && c.get(0).specialtyMatches());
        assertTrue(c.get(1).ready() && !c.get(1).specialtyMatches());
        assertFalse(c.get(2).ready());
        assertTrue(c.get(2).problem().contains("入职查询"), c.get(2).problem());
    }

    @Test
    void hoursAddUpPerVolunteerAndPeriodAndTheCertificateSaysSo() throws Exception {
        Volunteer a = cleared("周老师", "13900000031");
        Volunteer b = cleared("孙同学", "13900000032");
        Activity first = activity("绘本共读", Activity.Type.EVENT, DAY.plusDays(1), null, 5);
        Activity second = activity("户外活动", Activity.Type.EVENT, DAY.plusDays(40), null, 5);
        for (Activity x : List.of(first, second)) {
            shifts.signUp(x.id(), a.id());
            shifts.signUp(x.id(), b.id());
        }
        shifts.withdraw(second.id(), b.id(), "临时有事");
        home.clock.advance(Duration.ofDays(45));
        shifts.recordAttendance(first.id(), a.id(), true, null);
        shifts.recordAttendance(first.id(), b.id(), true, new BigDecimal("1.5"));
        shifts.recordAttendance(second.id(), a.id(), true, null);
        assertThrows(
                UserFacingException.class, () -> shifts.withdraw(first.id(), a.id(), "临时有事"), "attendance recorded");
        assertEquals(0, new BigDecimal("4").compareTo(shifts.serviceHours(a.id(), DAY, DAY.plusDays(45))));
        assertEquals(
                0,
                new BigDecimal("2").compareTo(shifts.serviceHours(a.id(), DAY, DAY.plusDays(30))),
                "the second activity is outside the period");
        List<HoursLine> lines = shifts.hoursPerVolunteer(DAY, DAY.plusDays(45));
        assertEquals(List.of("周老师", "孙同学"), lines.stream().map(HoursLine::name).toList());
        assertEquals(2, lines.get(0).activities());

        Path file = shifts.printCertificate(a.id(), DAY, DAY.plusDays(45), dir.resolve("out"), "滨州市儿童福利院");
        String text;
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertTrue(
                text.contains("志愿服务时长证明")
                        && text.contains("周老师")
                        && text.contains("绘本共读")
                        && text.contains("户外活动")
                        && text.contains("累计服务时长 4 小")
                        && !text.contains("4.00")
                        && text.contains("滨州市儿童福利院"),
                text);
        assertThrows(
                ValidationException.class,
                () -> shifts.printCertificate(a.id(), DAY, DAY.minusDays(1), dir.resolve("out"), "x"));
        UserFacingException none = assertThrows(
                UserFacingException.class,
                () -> shifts.printCertificate(a.id(), DAY.minusDays(60), DAY.minusDays(1), dir.resolve("none"), "x"),
                "no hours: no certificate");
        assertTrue(none.userMessage().contains("周老师") && none.userMessage().contains("不出具"), none.userMessage());
        assertTrue(!java.nio.file.Files.exists(dir.resolve("none")), "nothing written");
    }

    @Test
    void theShiftPlanNamesActivitiesAndVolunteersAndNothingOfTheChildren() throws Exception {
        Volunteer a = cleared("周老师", "13900000041");
        Activity x = activity("绘本共读", Activity.Type.EVENT, DAY.plusDays(2), null, 4);
        shifts.signUp(x.id(), a.id());
        Path file = shifts.printShiftPlan(DAY.withDayOfMonth(1), DAY.withDayOfMonth(31), dir.resolve("out"), "福利院");
        String text;
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertTrue(text.contains("绘本共读") && text.contains("周老师") && text.contains("1/4"), text);
        assertFalse(text.contains(home.child.name()), "no resident is named");
        assertNull(shifts.roster(x.id()).get(0).attended());
    }

    static String planText(Path file) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    Volunteer unchecked(String name, String phone) {
        return volunteers.register(new Volunteer(0, name, null, phone, "滨州学院", Set.of(), null, null, 0));
    }

    /**
     * 退出 deleted the sign-up (and the override on it). Now the row stays, voided with who, when and why, on the
     * roster after those on the shift and out of its count and places; a second withdrawal, or attendance, finds
     * nothing standing; the one who withdrew may sign up again; the audit log names the row and the reason.
     */
    @Test
    void aWithdrawalKeepsTheSignUpMarkedWithWhoWhenAndWhyOutOfTheCountAndThePlaces() throws Exception {
        home.rename(Role.SOCIAL_WORKER, "吴社工").as(Role.SOCIAL_WORKER);
        Volunteer a = unchecked("钱同学", "13900000051");
        Volunteer b = cleared("孙老师", "13900000052");
        Activity x = activity("周末绘本共读", Activity.Type.EVENT, DAY.plusDays(3), null, 1);
        String override = "查询已于上周提交，本次由吴社工全程陪同";
        shifts.signUp(x.id(), a.id(), override);
        assertThrows(UserFacingException.class, () -> shifts.signUp(x.id(), b.id()), "one place, taken");

        ValidationException noReason =
                assertThrows(ValidationException.class, () -> shifts.withdraw(x.id(), a.id(), " "));
        assertEquals("reason", noReason.errors().get(0).field());
        assertFalse(shifts.roster(x.id()).get(0).withdrawn(), "refused: nothing half-done");

        home.clock.advance(Duration.ofHours(2));
        shifts.withdraw(x.id(), a.id(), "临时有课，不能来");
        List<RosterLine> roster = shifts.roster(x.id());
        assertEquals(1, roster.size(), "the sign-up is kept");
        RosterLine gone = roster.get(0);
        assertTrue(gone.withdrawn());
        assertEquals(
                List.of("临时有课，不能来", CareStaff.name(Role.SOCIAL_WORKER), DAY, override),
                List.of(
                        gone.withdrawnReason(),
                        gone.withdrawnBy(),
                        gone.withdrawnAt().toLocalDate(),
                        gone.checkOverride()),
                "who, when and why, and the override it carried");
        assertEquals(
                "已退出：临时有课，不能来（吴社工，" + org.huyou.common.Dates.format(gone.withdrawnAt()) + "）",
                org.huyou.volunteers.ui.ShiftsViewModel.attendanceMark(gone));
        assertEquals(0, shifts.activities(x.date(), x.date()).get(0).signedUp(), "out of the count");
        assertTrue(
                shifts.candidates(x.id(), "钱同学", 10).stream()
                        .anyMatch(c -> c.volunteer().id() == a.id()),
                "a candidate again");
        UserFacingException twice =
                assertThrows(UserFacingException.class, () -> shifts.withdraw(x.id(), a.id(), "再次退出"));
        assertEquals("该志愿者没有报名此活动。", twice.userMessage());

        home.clock.advance(Duration.ofHours(1));
        shifts.signUp(x.id(), b.id()); // the place is free
        shifts.withdraw(x.id(), b.id(), "家里有事");
        shifts.signUp(x.id(), a.id(), override); // and the one who withdrew may come back
        roster = shifts.roster(x.id());
        assertEquals(
                List.of("钱同学:false", "钱同学:true", "孙老师:true"),
                roster.stream().map(l -> l.name() + ":" + l.withdrawn()).toList(),
                "those on the shift first, then those who withdrew, in turn");
        assertEquals(1, shifts.activities(x.date(), x.date()).get(0).signedUp());

        home.clock.advance(Duration.ofDays(3));
        shifts.recordAttendance(x.id(), a.id(), true, null);
        assertThrows(
                UserFacingException.class,
                () -> shifts.recordAttendance(x.id(), b.id(), true, null),
                "no attendance on a withdrawn sign-up");
        assertEquals(0, new BigDecimal("2").compareTo(shifts.serviceHours(a.id(), DAY, DAY.plusDays(30))), "once");

        String plan = planText(shifts.printShiftPlan(DAY, DAY.plusDays(30), dir.resolve("out"), "福利院"));
        assertTrue(plan.contains("（1/1）") && plan.contains("钱同学"), plan);
        assertFalse(plan.contains("孙老师"), "one who withdrew is not on the plan handed out");

        home.as(Role.ADMINISTRATOR);
        var voids = home.ctx.audit().browse(org.huyou.security.AuditFilter.all(), 50).stream()
                .filter(e -> "auditSummary.withdrawnBecause".equals(e.summaryKey()))
                .toList();
        assertEquals(2, voids.size());
        assertTrue(voids.stream().allMatch(e -> "VOID".equals(e.action())));
        List<String> said = voids.stream()
                .map(e -> org.huyou.security.AuditSummary.read(e.summaryKey(), e.summary())
                        .render())
                .toList();
        assertTrue(
                said.stream().anyMatch(t -> t.contains("钱同学") && t.contains("周末绘本共读") && t.contains("临时有课")),
                said.toString());
    }

    /** The printed plan marks one put on a shift despite the background check, and who allowed it, as the roster does. */
    @Test
    void theShiftPlanMarksABackgroundCheckOverrideBesideTheVolunteer() throws Exception {
        home.rename(Role.SOCIAL_WORKER, "吴社工").as(Role.SOCIAL_WORKER);
        Volunteer a = unchecked("钱同学", "13900000061");
        Volunteer b = cleared("周老师", "13900000062");
        Activity x = activity("周末绘本共读", Activity.Type.EVENT, DAY.plusDays(3), null, 4);
        shifts.signUp(x.id(), a.id(), "查询已于上周提交，本次由吴社工全程陪同");
        shifts.signUp(x.id(), b.id());
        String plan = planText(shifts.printShiftPlan(DAY, DAY.plusDays(30), dir.resolve("out"), "福利院"))
                .replaceAll("\\s+", "");
        assertTrue(plan.contains("钱同学（未经入职查询，吴社工准许）"), plan);
        assertFalse(plan.contains("周老师（"), "a cleared volunteer carries no mark");
        assertTrue(plan.contains("2/4"), plan);
    }
}
