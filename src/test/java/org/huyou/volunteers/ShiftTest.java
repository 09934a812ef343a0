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
}
