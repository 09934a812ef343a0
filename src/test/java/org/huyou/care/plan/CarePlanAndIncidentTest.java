package org.huyou.care.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.huyou.care.CareDomain;
import org.huyou.care.PlanReview;
import org.huyou.care.Reminder;
import org.huyou.care.TimelineCursor;
import org.huyou.care.TimelineEntry;
import org.huyou.care.TimelineService;
import org.huyou.care.incident.Incident;
import org.huyou.care.incident.IncidentService;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.security.PermissionDeniedException;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integrated care plan's draft-approve-review cycle, and incidents with their mandatory report. */
class CarePlanAndIncidentTest {

    static final LocalDate DAY = LocalDate.of(2026, 4, 10);

    @TempDir
    Path dir;

    CareStaff home;

    @BeforeEach
    void open() {
        home = new CareStaff(dir, DAY, LocalDate.of(2016, 9, 1));
    }

    @AfterEach
    void close() {
        home.close();
    }

    List<Reminder> reminders(CareDomain d) {
        return home.ctx.reminders().due().stream().filter(r -> r.domain() == d).toList();
    }

    @Test
    void theSocialWorkerDraftsTheDirectorApprovesOwnersProgressAndTheDirectorReviews() {
        CarePlanService plans = home.ctx.carePlans();
        home.as(Role.SOCIAL_WORKER);
        CarePlan plan = plans.createPlan(home.child.id(), DAY, "提升自理与行走能力，准备随班就读", 3);
        assertEquals(CarePlan.Status.DRAFT, plan.status());
        ValidationException unknown = assertThrows(
                ValidationException.class,
                () -> plans.addGoal(plan.id(), CarePlan.Domain.REHABILITATION, "独立行走10米", "nobody", DAY.plusMonths(2)));
        assertTrue(unknown.userMessage().contains("nobody"));
        CarePlan.Goal walk = plans.addGoal(
                plan.id(),
                CarePlan.Domain.REHABILITATION,
                "独立行走10米",
                CareStaff.name(Role.REHABILITATION_THERAPIST),
                DAY.plusMonths(2));
        plans.addGoal(plan.id(), CarePlan.Domain.EDUCATION, "完成入学评估", CareStaff.name(Role.TEACHER), DAY.plusMonths(3));
        assertThrows(
                PermissionDeniedException.class,
                () -> plans.approve(plan.id(), 0),
                "the social worker drafts, the director approves");

        home.as(Role.DIRECTOR);
        assertEquals(1, reminders(CareDomain.CARE_PLAN).size(), "the draft waits for the director");
        int seen = plans.plans(home.child.id()).get(0).version();
        assertThrows(
                UserFacingException.class,
                () -> plans.setGoalStatus(walk.id(), walk.version(), CarePlan.GoalStatus.IN_PROGRESS),
                "goals move only on an approved plan");
        CarePlan approved = plans.approve(plan.id(), seen);
        assertEquals(CarePlan.Status.APPROVED, approved.status());
        assertEquals(CareStaff.name(Role.DIRECTOR), approved.approvedBy());
        assertFalse(approved.selfApproved());
        assertEquals(DAY.plusMonths(3), approved.reviewDue());
        assertTrue(reminders(CareDomain.CARE_PLAN).isEmpty(), "approved, and the review is three months away");

        home.as(Role.SOCIAL_WORKER);
        assertThrows(
                UserFacingException.class,
                () -> plans.addGoal(
                        plan.id(), CarePlan.Domain.SAFETY, "防走失", CareStaff.name(Role.CAREGIVER), DAY.plusMonths(1)),
                "an approved plan changes at its review");

        home.as(Role.REHABILITATION_THERAPIST);
        home.clock.advance(Duration.ofDays(50));
        assertEquals(
                List.of("独立行走10米"),
                reminders(CareDomain.CARE_PLAN).stream()
                        .map(r -> r.what().substring(r.what().indexOf('：') + 1))
                        .toList(),
                "the owner sees their own goal due");
        plans.setGoalStatus(walk.id(), walk.version(), CarePlan.GoalStatus.ACHIEVED);
        assertTrue(reminders(CareDomain.CARE_PLAN).isEmpty());
        assertThrows(PermissionDeniedException.class, () -> plans.review(plan.id(), DAY, "x"));

        home.as(Role.DIRECTOR);
        home.clock.advance(Duration.ofDays(35)); // 85 days after approval: the review is due within two weeks
        List<Reminder> due = reminders(CareDomain.CARE_PLAN);
        assertEquals(1, due.size());
        assertFalse(due.get(0).overdue());
        LocalDate reviewDay = DAY.plusDays(85);
        PlanReview review = plans.review(plan.id(), reviewDay, "行走目标达成，入学评估进行中");
        assertTrue(review.goalSnapshot().contains("独立行走10米 | rehabilitation_therapist | ACHIEVED"));
        assertEquals(reviewDay.plusMonths(3), review.nextReview());
        assertEquals(
                reviewDay.plusMonths(3), plans.plans(home.child.id()).get(0).reviewDue());
        assertTrue(reminders(CareDomain.CARE_PLAN).isEmpty());
        assertEquals(1, plans.reviews(plan.id()).size());
    }

    @Test
    void whoDraftedAPlanCannotApproveItUnlessTheHomeAllowsItAndThenTheApprovalSaysSo() {
        CarePlanService plans = home.ctx.carePlans();
        home.as(Role.ADMINISTRATOR);
        // A home whose one social worker is also its deputy director: drafts and approves.
        home.ctx
                .accounts()
                .create(
                        "li",
                        "李社工",
                        org.huyou.testing.TestHome.PASSWORD,
                        java.util.EnumSet.of(Role.SOCIAL_WORKER, Role.DIRECTOR));
        home.ctx.login().logout();
        home.ctx.login().login("li", org.huyou.testing.TestHome.PASSWORD.toCharArray());
        CarePlan plan = plans.createPlan(home.child.id(), DAY, "稳定情绪，恢复上学", 6);
        plans.addGoal(plan.id(), CarePlan.Domain.PSYCHOLOGY, "每周一次个案辅导", "li", DAY.plusMonths(1));
        int seen = plans.plans(home.child.id()).get(0).version();
        UserFacingException refused = assertThrows(UserFacingException.class, () -> plans.approve(plan.id(), seen));
        assertTrue(refused.userMessage().contains("另一位"), refused.userMessage());
        assertEquals(CarePlan.Status.DRAFT, plans.plans(home.child.id()).get(0).status(), "nothing approved");

        home.as(Role.SOCIAL_WORKER);
        assertThrows(
                PermissionDeniedException.class,
                () -> plans.setSelfApprovalAllowed(true),
                "who approves plans decides, not who drafts them");
        home.as(Role.DIRECTOR);
        assertFalse(plans.selfApprovalAllowed());
        plans.setSelfApprovalAllowed(true);

        home.ctx.login().logout();
        home.ctx.login().login("li", org.huyou.testing.TestHome.PASSWORD.toCharArray());
        assertTrue(plans.selfApprovalAllowed());
        CarePlan approved = plans.approve(plan.id(), seen);
        assertEquals(CarePlan.Status.APPROVED, approved.status());
        assertEquals("li", approved.approvedBy());
        assertTrue(approved.selfApproved(), "the approval says the drafter approved it");
        assertTrue(plans.plans(home.child.id()).get(0).selfApproved(), "and keeps saying so");

        home.as(Role.ADMINISTRATOR);
        assertEquals(
                1,
                home.ctx
                        .audit()
                        .browse(
                                new org.huyou.security.AuditFilter(
                                        CareStaff.name(Role.DIRECTOR), null, "app_setting", null, null, null),
                                10)
                        .size(),
                "turning it on is audited");
    }

    @Test
    void aCaregiverReportsSuspectedAbuseTheMandatoryReportIsRequiredAndTheSocialWorkerRecordsIt() {
        IncidentService incidents = home.ctx.incidents();
        home.as(Role.CAREGIVER);
        Incident i = incidents.report(
                home.child.id(),
                new IncidentService.Report(
                        DAY,
                        LocalTime.of(16, 30),
                        Incident.Kind.SUSPECTED_ABUSE,
                        Incident.Severity.SERIOUS,
                        "探视室",
                        "探视后发现手臂多处淤青，孩子称被亲属掐",
                        "已告知医护检查并拍照留存",
                        false,
                        null,
                        null,
                        null));
        assertTrue(i.mandatoryReport(), "a suspected abuse always needs a mandatory report");
        assertThrows(
                PermissionDeniedException.class,
                () -> incidents.incidents(home.child.id()),
                "the caregiver reports but does not read the incident file");
        List<TimelineEntry> seen = home.ctx
                .timeline()
                .page(home.child.id(), TimelineService.Filter.all(), TimelineCursor.START, 20)
                .entries();
        assertTrue(
                seen.stream()
                        .anyMatch(e -> e.domain() == CareDomain.INCIDENT
                                && !e.summary().contains("淤青")),
                "the caregiver's timeline shows only that an entry exists");
        // Called directly, the service's own source and reminders give the caregiver no more than the timeline does.
        List<TimelineEntry> direct =
                incidents.timelineSource().page(home.child.id(), TimelineCursor.START.forSource(0), null, null, 20);
        assertEquals(1, direct.size());
        assertFalse(direct.get(0).summary().contains("淤青"), direct.get(0).summary());
        assertEquals(null, direct.get(0).recordedBy());
        assertThrows(
                PermissionDeniedException.class,
                () -> incidents.reminderSource().due(DAY),
                "the outstanding report names the child and the kind of incident");
        assertThrows(
                PermissionDeniedException.class,
                () -> home.ctx.psychology().reminderSource().due(DAY));

        home.clock.advance(Duration.ofHours(9)); // 18:00 the same day
        home.as(Role.SOCIAL_WORKER);
        List<Reminder> due = reminders(CareDomain.INCIDENT);
        assertEquals(1, due.size());
        assertTrue(due.get(0).overdue(), "an outstanding mandatory report is overdue at once");
        ValidationException half = assertThrows(
                ValidationException.class,
                () -> incidents.recordReport(i.id(), i.version(), Incident.ReportedTo.PUBLIC_SECURITY, "城南派出所", null));
        assertTrue(half.userMessage().contains("报告时间"), half.userMessage());
        Incident reported = incidents.recordReport(
                i.id(),
                i.version(),
                Incident.ReportedTo.PUBLIC_SECURITY,
                "城南派出所 张警官 接报回执 0412",
                LocalDateTime.of(DAY, LocalTime.of(17, 5)));
        assertEquals(Incident.ReportedTo.PUBLIC_SECURITY, reported.reportedTo());
        assertTrue(reminders(CareDomain.INCIDENT).isEmpty());
        assertTrue(incidents.incidents(home.child.id()).get(0).toString().contains("城南派出所"));
        assertThrows(
                org.huyou.common.StaleRecordException.class,
                () -> incidents.recordReport(
                        i.id(),
                        i.version(),
                        Incident.ReportedTo.CIVIL_AFFAIRS,
                        "x",
                        LocalDateTime.of(DAY, LocalTime.of(18, 0))),
                "a second save of the same version is refused");
    }

    @Test
    void anInjuryWithoutAReportIsFineAndAReportWithoutTheFlagIsRefused() {
        IncidentService incidents = home.ctx.incidents();
        home.as(Role.MEDICAL_STAFF);
        Incident fall = incidents.report(
                home.child.id(),
                new IncidentService.Report(
                        DAY,
                        null,
                        Incident.Kind.INJURY,
                        Incident.Severity.MINOR,
                        "活动室",
                        "奔跑时摔倒，膝盖擦伤",
                        "消毒包扎",
                        false,
                        null,
                        null,
                        null));
        assertFalse(fall.mandatoryReport());
        assertThrows(
                ValidationException.class,
                () -> incidents.report(
                        home.child.id(),
                        new IncidentService.Report(
                                DAY,
                                null,
                                Incident.Kind.RUNAWAY,
                                Incident.Severity.SERIOUS,
                                null,
                                "外出未归",
                                null,
                                false,
                                Incident.ReportedTo.PUBLIC_SECURITY,
                                null,
                                LocalDateTime.of(DAY, LocalTime.NOON))));
        assertThrows(
                ValidationException.class,
                () -> incidents.report(
                        home.child.id(),
                        new IncidentService.Report(
                                DAY.plusDays(1),
                                null,
                                Incident.Kind.INJURY,
                                Incident.Severity.MINOR,
                                null,
                                "明天的事",
                                null,
                                false,
                                null,
                                null,
                                null)),
                "an incident cannot be in the future");
        assertEquals(1, incidents.incidents(home.child.id()).size());
    }
}
