package org.huyou.care.rehab;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.huyou.care.CareDomain;
import org.huyou.care.Corrections;
import org.huyou.care.PlanReview;
import org.huyou.care.PlanReviewRepository.PlanKind;
import org.huyou.care.PlanReviews;
import org.huyou.care.Reminder;
import org.huyou.care.ReminderSource;
import org.huyou.care.TimelineEntry;
import org.huyou.care.TimelineSource;
import org.huyou.common.Checks;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceContext;

/**
 * Rehabilitation: the therapist's plans with measurable goals, the sessions with attendance, and scored
 * assessments that draw each goal's progress toward its target. Plan reviews come up on the reminders screen.
 */
public final class RehabService {

    public static final int REVIEW_WINDOW_DAYS = 14;
    private static final BigDecimal SCORE_LIMIT = new BigDecimal("99999");

    /** What can be voided in this part. */
    public enum Entry {
        PLAN,
        GOAL,
        SESSION,
        SCORE
    }

    private final RehabRepository repo;
    private final PlanReviews reviews;
    private final CurrentUser user;
    private final ServiceContext context;

    public RehabService(RehabRepository repo, PlanReviews reviews, ServiceContext context) {
        this.repo = repo;
        this.reviews = reviews;
        this.user = context.user();
        this.context = context;
    }

    @RequiresPermission(module = AppModule.REHABILITATION, action = Action.VIEW)
    public List<Rehab.Plan> plans(long residentId) {
        user.require(AppModule.REHABILITATION, Action.VIEW);
        return repo.plans(residentId);
    }

    @RequiresPermission(module = AppModule.REHABILITATION, action = Action.VIEW)
    public List<Rehab.Goal> goals(long planId) {
        user.require(AppModule.REHABILITATION, Action.VIEW);
        return repo.goals(planId);
    }

    @RequiresPermission(module = AppModule.REHABILITATION, action = Action.VIEW)
    public List<Rehab.Session> sessions(long residentId, int limit) {
        user.require(AppModule.REHABILITATION, Action.VIEW);
        return repo.sessions(residentId, limit);
    }

    @RequiresPermission(module = AppModule.REHABILITATION, action = Action.VIEW)
    public Rehab.Progress progress(long goalId) {
        user.require(AppModule.REHABILITATION, Action.VIEW);
        Rehab.Goal goal = repo.goal(goalId).orElseThrow(() -> new UserFacingException("error.notFound"));
        return new Rehab.Progress(goal, repo.scores(goalId));
    }

    @RequiresPermission(module = AppModule.REHABILITATION, action = Action.VIEW)
    public List<PlanReview> reviews(long planId) {
        user.require(AppModule.REHABILITATION, Action.VIEW);
        return reviews.forPlan(PlanKind.REHABILITATION, planId);
    }

    /** A new plan, with the current user as its therapist. */
    @RequiresPermission(module = AppModule.REHABILITATION, action = Action.CREATE)
    public Rehab.Plan createPlan(long residentId, String title, LocalDate start, LocalDate reviewDue) {
        user.require(AppModule.REHABILITATION, Action.CREATE);
        Checks checks = new Checks(context.today());
        String t = checks.text("title", "rehab.planTitle", title, 200, true);
        PlanReviews.checkDates(checks, "rehab.start", "rehab.reviewDue", start, reviewDue);
        checks.throwIfAny();
        return context.tx().inTransaction(() -> {
            long id = repo.insertPlan(residentId, t, start, reviewDue, user.username(), user.username(), context.now());
            context.audit().record(AuditLog.CREATE, "rehab_plan", id, AuditSummary.of("auditSummary.value", t), null);
            return repo.plan(id).orElseThrow();
        });
    }

    @RequiresPermission(module = AppModule.REHABILITATION, action = Action.CREATE)
    public Rehab.Goal addGoal(
            long planId, Rehab.Area area, String description, String measure, BigDecimal baseline, BigDecimal target) {
        user.require(AppModule.REHABILITATION, Action.CREATE);
        Checks checks = new Checks(context.today());
        checks.required("area", "rehab.area", area);
        String d = checks.text("description", "rehab.goal", description, 300, true);
        String m = checks.text("measure", "rehab.measure", measure, 100, true);
        checks.range("baseline", "rehab.baseline", baseline, SCORE_LIMIT.negate(), SCORE_LIMIT);
        checks.range("target", "rehab.target", target, SCORE_LIMIT.negate(), SCORE_LIMIT);
        checks.rule(
                baseline == null || target == null || baseline.compareTo(target) != 0,
                "target",
                "rehab.targetEqualsBaseline");
        checks.throwIfAny();
        activePlan(planId);
        return context.tx().inTransaction(() -> {
            long id = repo.insertGoal(planId, area, d, m, baseline, target, user.username(), context.now());
            context.audit().record(AuditLog.CREATE, "rehab_goal", id, AuditSummary.of("auditSummary.value", d), null);
            return repo.goal(id).orElseThrow();
        });
    }

    @RequiresPermission(module = AppModule.REHABILITATION, action = Action.CREATE)
    public Rehab.Session recordSession(
            long planId,
            LocalDate date,
            Rehab.Area area,
            Rehab.Attendance attendance,
            int minutes,
            String note,
            LocalDate nextSession) {
        user.require(AppModule.REHABILITATION, Action.CREATE);
        Checks checks = new Checks(context.today());
        checks.pastDate("date", "rehab.sessionDate", date);
        checks.required("area", "rehab.area", area);
        checks.required("attendance", "rehab.attendance", attendance);
        checks.range("minutes", "rehab.minutes", minutes, attendance == Rehab.Attendance.ATTENDED ? 1 : 0, 600);
        String n = checks.lines("note", "rehab.note", note, 2000, false);
        checks.rule(
                nextSession == null || date == null || nextSession.isAfter(date),
                "nextSession",
                "rehab.nextAfterSession");
        checks.throwIfAny();
        Rehab.Plan plan = activePlan(planId);
        return context.tx().inTransaction(() -> {
            Rehab.Session s = new Rehab.Session(
                    0,
                    plan.residentId(),
                    planId,
                    date,
                    area,
                    attendance,
                    attendance == Rehab.Attendance.ATTENDED ? minutes : 0,
                    n,
                    nextSession,
                    user.username(),
                    false,
                    null);
            long id = repo.insertSession(s, user.username(), context.now());
            context.audit()
                    .record(
                            AuditLog.CREATE,
                            "rehab_session",
                            id,
                            AuditSummary.of("auditSummary.rehabSession", area, attendance),
                            null);
            return new Rehab.Session(
                    id,
                    s.residentId(),
                    planId,
                    date,
                    area,
                    attendance,
                    s.minutes(),
                    n,
                    nextSession,
                    user.username(),
                    false,
                    null);
        });
    }

    @RequiresPermission(module = AppModule.REHABILITATION, action = Action.CREATE)
    public Rehab.Score recordScore(long goalId, LocalDate date, BigDecimal score, String note) {
        user.require(AppModule.REHABILITATION, Action.CREATE);
        Checks checks = new Checks(context.today());
        checks.pastDate("date", "rehab.assessedOn", date);
        checks.range("score", "rehab.score", score, SCORE_LIMIT.negate(), SCORE_LIMIT);
        String n = checks.lines("note", "rehab.note", note, 500, false);
        checks.throwIfAny();
        Rehab.Goal goal =
                repo.goal(goalId).filter(g -> !g.voided()).orElseThrow(() -> new UserFacingException("error.notFound"));
        Rehab.Plan plan = activePlan(goal.planId());
        return context.tx().inTransaction(() -> {
            Rehab.Score s = new Rehab.Score(0, plan.residentId(), goalId, date, score, n, user.username(), false, null);
            long id = repo.insertScore(s, user.username(), context.now());
            context.audit()
                    .record(
                            AuditLog.CREATE,
                            "rehab_score",
                            id,
                            AuditSummary.of("auditSummary.score", goal.description(), score.toPlainString()),
                            null);
            return new Rehab.Score(id, plan.residentId(), goalId, date, score, n, user.username(), false, null);
        });
    }

    /** Records a review of the plan and when the next is due. */
    @RequiresPermission(module = AppModule.REHABILITATION, action = Action.EDIT)
    public PlanReview reviewPlan(long planId, LocalDate date, String summary, LocalDate nextReview) {
        user.require(AppModule.REHABILITATION, Action.EDIT);
        Rehab.Plan plan = activePlan(planId);
        return reviews.record(
                PlanKind.REHABILITATION,
                "rehab_plan",
                planId,
                plan.residentId(),
                date,
                summary,
                d -> nextReview,
                () -> percentSnapshot(planId),
                repo::setReviewDue);
    }

    /** Each goal standing with how far its latest score has come toward the target. */
    private String percentSnapshot(long planId) {
        return PlanReviews.goalSnapshot(
                repo.goals(planId),
                Rehab.Goal::voided,
                g -> g.description() + ": " + new Rehab.Progress(g, repo.scores(g.id())).latestPercent() + "%");
    }

    @RequiresPermission(module = AppModule.REHABILITATION, action = Action.VOID)
    public void voidEntry(Entry entry, long id, String reason) {
        user.require(AppModule.REHABILITATION, Action.VOID);
        Corrections.voidEntry(
                context.tx(), context.audit(), repo.voidable(entry, user.username(), context.now()), id, reason);
    }

    /** Plans of residents in care: the current therapist's ({@code mine}) or everyone's. */
    @RequiresPermission(module = AppModule.REHABILITATION, action = Action.VIEW)
    public List<Rehab.Case> caseload(boolean mine) {
        user.require(AppModule.REHABILITATION, Action.VIEW);
        return repo.caseload(mine ? user.username() : null);
    }

    private Rehab.Plan activePlan(long planId) {
        return repo.plan(planId).filter(p -> !p.voided()).orElseThrow(() -> new UserFacingException("plan.notFound"));
    }

    /** Plan reviews due within two weeks or overdue, for the therapists who review them. */
    @AnyUser
    public ReminderSource reminderSource() {
        return ReminderSource.of(
                user,
                AppModule.REHABILITATION,
                Action.EDIT,
                today -> repo.caseload(null).stream()
                        .filter(c -> !c.reviewDue().isAfter(today.plusDays(REVIEW_WINDOW_DAYS)))
                        .map(c -> new Reminder(
                                CareDomain.REHABILITATION,
                                c.residentId(),
                                c.residentName(),
                                c.reviewDue(),
                                Messages.t("rehab.reviewDueReminder", c.planTitle()),
                                c.reviewDue().isBefore(today)))
                        .toList());
    }

    @AnyUser
    public List<TimelineSource> timelineSources() {
        return List.of(
                source((id, c, from, to, limit) -> repo.sessionPage(id, c, from, to, limit).stream()
                        .map(s -> new TimelineEntry(
                                CareDomain.REHABILITATION,
                                s.id(),
                                s.date(),
                                sessionSummary(s),
                                s.therapist(),
                                s.voided(),
                                s.voidReason(),
                                null))
                        .toList()),
                source((id, c, from, to, limit) -> repo.scorePage(id, c, from, to, limit).stream()
                        .map(l -> new TimelineEntry(
                                CareDomain.REHABILITATION,
                                l.score().id(),
                                l.score().date(),
                                Messages.t(
                                        "rehab.scoreSummary",
                                        l.goal().description(),
                                        l.score().score().stripTrailingZeros().toPlainString(),
                                        l.goal().measure(),
                                        l.goal().percentOfTarget(l.score().score())),
                                l.score().assessedBy(),
                                l.score().voided(),
                                l.score().voidReason(),
                                null))
                        .toList()),
                source(reviews.pager(PlanKind.REHABILITATION, CareDomain.REHABILITATION)));
    }

    private TimelineSource source(TimelineSource.Pager pager) {
        return TimelineSource.of(user, CareDomain.REHABILITATION, AppModule.REHABILITATION, pager);
    }

    public static String sessionSummary(Rehab.Session s) {
        return Messages.t(
                        "rehab.sessionSummary", s.area().label(), s.attendance().label(), s.minutes())
                + (s.note() == null ? "" : " — " + s.note());
    }
}
