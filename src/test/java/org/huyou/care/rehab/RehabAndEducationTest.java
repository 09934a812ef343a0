package org.huyou.care.rehab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.huyou.care.CareDomain;
import org.huyou.care.Reminder;
import org.huyou.care.TimelineCursor;
import org.huyou.care.TimelineService;
import org.huyou.care.education.Education;
import org.huyou.care.education.EducationService;
import org.huyou.common.ValidationException;
import org.huyou.security.PermissionDeniedException;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A therapist's plan, sessions and goal progress; a teacher's placement history, IEP and progress. */
class RehabAndEducationTest {

    static final LocalDate DAY = LocalDate.of(2026, 5, 11);

    @TempDir
    Path dir;

    CareStaff home;

    @BeforeEach
    void open() {
        home = new CareStaff(dir, DAY, LocalDate.of(2019, 2, 14));
    }

    @AfterEach
    void close() {
        home.close();
    }

    List<Reminder> reminders(CareDomain d) {
        return home.ctx.reminders().due().stream().filter(r -> r.domain() == d).toList();
    }

    @Test
    void sessionsAndScoresShowTheGoalsProgressTowardItsTarget() {
        RehabService rehab = home.ctx.rehab();
        home.as(Role.REHABILITATION_THERAPIST);
        Rehab.Plan plan = rehab.createPlan(home.child.id(), "粗大运动康复（春季）", DAY.minusDays(60), DAY.plusDays(10));
        Rehab.Goal goal = rehab.addGoal(
                plan.id(),
                Rehab.Area.PHYSICAL,
                "独立站立并行走",
                "GMFM-88 D+E 区 %",
                new BigDecimal("40"),
                new BigDecimal("60"));
        rehab.recordSession(
                plan.id(),
                DAY.minusDays(7),
                Rehab.Area.PHYSICAL,
                Rehab.Attendance.ATTENDED,
                45,
                "扶站训练",
                DAY.plusDays(2));
        Rehab.Session absent = rehab.recordSession(
                plan.id(), DAY.minusDays(3), Rehab.Area.PHYSICAL, Rehab.Attendance.ABSENT_ILL, 45, null, null);
        assertEquals(0, absent.minutes(), "an absence counts no minutes");
        rehab.recordScore(goal.id(), DAY.minusDays(30), new BigDecimal("45"), null);
        rehab.recordScore(goal.id(), DAY, new BigDecimal("50"), "可扶物行走");
        Rehab.Progress p = rehab.progress(goal.id());
        assertEquals(
                List.of(25, 50),
                p.scores().stream()
                        .map(s -> goal.percentOfTarget(s.score()).intValue())
                        .toList());
        assertEquals(50, p.latestPercent().intValue());
        assertThrows(
                ValidationException.class,
                () -> rehab.recordSession(
                        plan.id(), DAY.plusDays(1), Rehab.Area.PHYSICAL, Rehab.Attendance.ATTENDED, 30, null, null),
                "a session cannot be in the future");

        Rehab.Case c = rehab.caseload(true).get(0);
        assertEquals(1, c.goals());
        assertEquals(DAY.minusDays(3), c.lastSession());
        assertEquals(DAY.plusDays(2), c.nextSession());
        assertEquals(1, reminders(CareDomain.REHABILITATION).size(), "the review in ten days is due");
        rehab.reviewPlan(plan.id(), DAY, "站立进步明显，继续", DAY.plusMonths(3));
        assertTrue(reminders(CareDomain.REHABILITATION).isEmpty());
        assertTrue(rehab.reviews(plan.id()).get(0).goalSnapshot().contains("50%"));

        home.as(Role.CAREGIVER);
        assertEquals(
                5,
                home.ctx
                        .timeline()
                        .page(
                                home.child.id(),
                                new TimelineService.Filter(java.util.Set.of(CareDomain.REHABILITATION), null, null),
                                TimelineCursor.START,
                                20)
                        .entries()
                        .size(),
                "two sessions, two scores and the review, readable by the caregiver");
        assertThrows(PermissionDeniedException.class, () -> rehab.recordScore(goal.id(), DAY, BigDecimal.ONE, null));
    }

    @Test
    void theCurrentPlacementIsTheLatestAndTheTeachersClassListsPlanReviews() {
        EducationService edu = home.ctx.education();
        String teacher = CareStaff.name(Role.TEACHER);
        home.as(Role.TEACHER);
        edu.place(
                home.child.id(),
                LocalDate.of(2022, 9, 1),
                Education.PlacementKind.IN_HOUSE_PRESCHOOL,
                null,
                "向日葵班",
                teacher);
        edu.place(
                home.child.id(),
                LocalDate.of(2025, 9, 1),
                Education.PlacementKind.IN_HOUSE_CLASS,
                null,
                "启智一班",
                teacher);
        assertThrows(
                ValidationException.class,
                () -> edu.place(home.child.id(), DAY, Education.PlacementKind.REGULAR_SCHOOL, " ", null, null),
                "a school placement names the school");
        assertEquals("启智一班", edu.placements(home.child.id()).get(0).className());

        Education.Plan iep = edu.createPlan(home.child.id(), "2026年春季个别化教育计划", DAY.minusDays(70), DAY.plusDays(5));
        long goal = edu.addGoal(iep.id(), Education.Area.SELF_CARE, "独立穿脱外套");
        edu.recordProgress(goal, DAY.minusDays(20), Education.Level.EMERGING, null);
        edu.recordProgress(goal, DAY, Education.Level.DEVELOPING, "需要提示拉拉链");
        assertEquals(Education.Level.DEVELOPING, edu.goals(iep.id()).get(0).latest());

        Education.Case c = edu.caseload(true).get(0);
        assertEquals("启智一班", c.className());
        assertEquals(DAY.plusDays(5), c.reviewDue());
        assertEquals(1, reminders(CareDomain.EDUCATION).size());
        home.clock.advance(Duration.ofDays(6));
        assertTrue(reminders(CareDomain.EDUCATION).get(0).overdue());
        edu.reviewPlan(iep.id(), DAY.plusDays(6), "自理目标进展良好", DAY.plusMonths(6));
        assertTrue(reminders(CareDomain.EDUCATION).isEmpty());

        home.as(Role.SOCIAL_WORKER);
        assertEquals(2, edu.placements(home.child.id()).size(), "the social worker reads the history");
        assertThrows(
                PermissionDeniedException.class, () -> edu.recordProgress(goal, DAY, Education.Level.ACHIEVED, null));
    }
}
