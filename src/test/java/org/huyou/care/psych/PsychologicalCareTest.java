package org.huyou.care.psych;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.huyou.app.AppContext;
import org.huyou.care.CareDomain;
import org.huyou.care.Reminder;
import org.huyou.care.TimelineCursor;
import org.huyou.care.TimelineEntry;
import org.huyou.care.TimelineService;
import org.huyou.common.Gender;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.security.AuditEntry;
import org.huyou.security.AuditFilter;
import org.huyou.security.PermissionDeniedException;
import org.huyou.security.Role;
import org.huyou.testing.MutableClock;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Screening, the double assessment's grade, the follow-up schedule it drives, and the sealed counselling notes. */
class PsychologicalCareTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path dir;

    AppContext ctx;
    MutableClock clock;
    Resident teen;

    @BeforeEach
    void open() {
        clock = new MutableClock(
                LocalDateTime.of(DAY, java.time.LocalTime.of(9, 0)).toInstant(ZoneOffset.ofHours(8)),
                ZoneId.of("Asia/Shanghai"));
        ctx = TestHome.open(dir, clock);
        teen = ctx.residents()
                .create(new Resident(
                        null,
                        null,
                        null,
                        "林小雨",
                        null,
                        Gender.FEMALE,
                        LocalDate.of(2012, 5, 1),
                        false,
                        null,
                        null,
                        null,
                        Category.ORPHAN,
                        LocalDate.of(2015, 3, 1),
                        AdmissionSource.CIVIL_AFFAIRS,
                        null,
                        DisabilityType.NONE,
                        null,
                        Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                        null,
                        null,
                        null));
        for (String[] u : new String[][] {
            {"psy", "PSYCHOLOGIST"}, {"sw", "SOCIAL_WORKER"}, {"dir", "DIRECTOR"}, {"care", "CAREGIVER"}
        }) {
            ctx.accounts().create(u[0], u[0], TestHome.PASSWORD, java.util.EnumSet.of(Role.valueOf(u[1])));
        }
        as("psy");
    }

    void as(String username) {
        ctx.login().logout();
        ctx.login().login(username, TestHome.PASSWORD.toCharArray());
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    List<Reminder> psychReminders() {
        return ctx.reminders().due().stream()
                .filter(r -> r.domain() == CareDomain.PSYCHOLOGY)
                .toList();
    }

    @Test
    void aHighGradeFromSelfHarmThoughtsSetsWeeklyFollowUpsForThePsychologistAndSocialWorker() {
        Screening s = ctx.psychology().screen(teen.id(), "PHQA", DAY, List.of(1, 1, 0, 1, 1, 0, 0, 0, 1));
        assertEquals(5, s.total());
        assertEquals(RiskGrade.HIGH, s.suggested(), "item 9 answered: high whatever the total");
        RiskAssessment a = ctx.psychology().assess(teen.id(), DAY, RiskGrade.LOW, s.suggested(), s.id(), null);
        assertEquals(RiskGrade.HIGH, a.grade(), "the grade is the higher of the two sides");

        List<Reminder> due = psychReminders();
        assertEquals(1, due.size());
        assertEquals(DAY.plusDays(7), due.get(0).due(), "high risk: weekly");
        assertFalse(due.get(0).overdue());
        as("sw");
        assertEquals(1, psychReminders().size(), "the social worker is notified too");
        as("dir");
        assertEquals(0, psychReminders().size(), "the director may read the grade but does not do follow-ups");

        as("psy");
        clock.advance(Duration.ofDays(8));
        assertTrue(psychReminders().get(0).overdue(), "a week and a day later the follow-up is overdue");
        assertTrue(ctx.psychology().caseload(true).get(0).overdue());
        ctx.counselling().record(teen.id(), DAY.plusDays(8), CounsellingSession.Kind.FOLLOW_UP, 40, "情绪较前平稳");
        assertEquals(DAY.plusDays(15), psychReminders().get(0).due(), "a session restarts the weekly clock");
        assertFalse(psychReminders().get(0).overdue());
    }

    @Test
    void theScheduleIsConfigurablePerGradeAndAMediumGradeIsFollowedMonthlyByDefault() {
        ctx.psychology().assess(teen.id(), DAY, RiskGrade.MEDIUM, RiskGrade.LOW, null, "寄养家庭变动");
        assertEquals(DAY.plusDays(30), ctx.psychology().caseload(false).get(0).nextDue());
        assertTrue(psychReminders().isEmpty(), "a month away is outside the week's window");
        ctx.psychology()
                .setSchedule(new FollowUpSchedule(Map.of(RiskGrade.HIGH, 3, RiskGrade.MEDIUM, 5, RiskGrade.LOW, 90)));
        assertEquals(DAY.plusDays(5), psychReminders().get(0).due());
        assertThrows(
                ValidationException.class,
                () -> ctx.psychology()
                        .setSchedule(new FollowUpSchedule(
                                Map.of(RiskGrade.HIGH, 30, RiskGrade.MEDIUM, 7, RiskGrade.LOW, 90))),
                "high must be followed most often");
        as("sw");
        assertThrows(PermissionDeniedException.class, () -> ctx.psychology().setSchedule(FollowUpSchedule.DEFAULT));
    }

    @Test
    void theGradeTrendKeepsEveryAssessmentAndALowerGradeThanTheScreeningNeedsAReason() {
        Screening s = ctx.psychology().screen(teen.id(), "GAD7", DAY, List.of(2, 2, 2, 2, 2, 0, 0));
        assertEquals(RiskGrade.MEDIUM, s.suggested());
        assertThrows(
                UserFacingException.class,
                () -> ctx.psychology().assess(teen.id(), DAY, RiskGrade.LOW, RiskGrade.LOW, s.id(), " "));
        ctx.psychology().assess(teen.id(), DAY, RiskGrade.LOW, RiskGrade.MEDIUM, s.id(), null);
        clock.advance(Duration.ofDays(40));
        ctx.psychology().assess(teen.id(), DAY.plusDays(40), RiskGrade.LOW, RiskGrade.LOW, null, "焦虑明显缓解");
        assertEquals(
                List.of(RiskGrade.MEDIUM, RiskGrade.LOW),
                ctx.psychology().assessments(teen.id()).stream()
                        .map(RiskAssessment::grade)
                        .toList());
        assertEquals(DAY.plusDays(130), ctx.psychology().caseload(true).get(0).nextDue(), "low: quarterly");
    }

    @Test
    void aQuestionnaireOutsideItsAgesOrHalfAnsweredIsRefusedWithAMessage() {
        as(TestHome.ADMIN);
        Resident older = ctx.residents()
                .create(new Resident(
                        null,
                        null,
                        null,
                        "高小山",
                        null,
                        Gender.MALE,
                        LocalDate.of(2008, 6, 1),
                        false,
                        null,
                        null,
                        null,
                        Category.ORPHAN,
                        LocalDate.of(2010, 3, 1),
                        AdmissionSource.CIVIL_AFFAIRS,
                        null,
                        DisabilityType.NONE,
                        null,
                        Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                        null,
                        null,
                        null));
        as("psy");
        UserFacingException age = assertThrows(
                UserFacingException.class,
                () -> ctx.psychology().screen(older.id(), "PSC17", DAY, java.util.Collections.nCopies(17, 0)));
        assertTrue(age.userMessage().contains("4–16"), age.userMessage());
        List<Integer> partial = new java.util.ArrayList<>(java.util.Collections.nCopies(9, 0));
        partial.set(3, null);
        UserFacingException half =
                assertThrows(UserFacingException.class, () -> ctx.psychology().screen(teen.id(), "PHQA", DAY, partial));
        assertTrue(half.userMessage().contains("1"), half.userMessage());
    }

    @Test
    void counsellingNotesAreSealedOpenedOnlyWithAReasonThatTheAuditLogKeeps() {
        CounsellingSession session =
                ctx.counselling().record(teen.id(), DAY, CounsellingSession.Kind.INDIVIDUAL, 50, "谈到对寄养家庭的担忧，约定下周继续");
        assertThrows(ValidationException.class, () -> ctx.counselling().openNote(session.id(), " 看 "));
        String note = ctx.counselling().openNote(session.id(), "准备下次咨询，回顾上次内容");
        assertEquals("谈到对寄养家庭的担忧，约定下周继续", note);
        as(TestHome.ADMIN);
        List<AuditEntry> reads =
                ctx.audit().browse(new AuditFilter(null, "READ", "counselling_session", null, null, null), 10);
        assertEquals(1, reads.size());
        assertEquals("psy", reads.get(0).username());
        assertEquals(
                org.huyou.common.Messages.t("auditSummary.readReason", "准备下次咨询，回顾上次内容"),
                org.huyou.security.AuditLabels.summary(reads.get(0)));
        assertTrue(
                ctx.audit().browse(AuditFilter.all(), 100).stream()
                        .noneMatch(e -> String.valueOf(e.summary()).contains("寄养家庭的担忧")
                                || String.valueOf(e.changes()).contains("寄养家庭的担忧")),
                "the audit never holds the note");

        as("care");
        assertThrows(PermissionDeniedException.class, () -> ctx.counselling().openNote(session.id(), "想了解情况"));
        assertThrows(PermissionDeniedException.class, () -> ctx.counselling().sessions(teen.id()));
        as("sw");
        assertEquals(1, ctx.counselling().sessions(teen.id()).size(), "the social worker sees that a session was held");
        assertThrows(PermissionDeniedException.class, () -> ctx.counselling().openNote(session.id(), "想了解情况"));
    }

    @Test
    void othersSeeOnlyThatAPsychologicalEntryExistsOnTheTimeline() {
        ctx.psychology().assess(teen.id(), DAY, RiskGrade.HIGH, RiskGrade.MEDIUM, null, "监护人失联");
        ctx.counselling().record(teen.id(), DAY, CounsellingSession.Kind.CRISIS, 60, "危机干预详细记录");
        List<TimelineEntry> own = ctx.timeline()
                .page(teen.id(), TimelineService.Filter.all(), TimelineCursor.START, 50)
                .entries();
        assertEquals(2, own.size());
        assertTrue(own.stream().anyMatch(e -> e.summary().contains("高风险")));
        assertTrue(own.stream().noneMatch(e -> e.summary().contains("危机干预详细记录")), "never the note itself");

        as("care");
        List<TimelineEntry> others = ctx.timeline()
                .page(teen.id(), TimelineService.Filter.all(), TimelineCursor.START, 50)
                .entries();
        assertEquals(2, others.size(), "the caregiver sees that two entries exist");
        assertTrue(others.stream()
                .allMatch(e -> e.domain() == CareDomain.PSYCHOLOGY
                        && e.recordedBy() == null
                        && !e.summary().contains("风险")
                        && !e.summary().contains("危机")));
        assertTrue(ctx.timeline().visibleDomains().contains(CareDomain.PSYCHOLOGY));
    }
}
