package org.huyou.care.education;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
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
import org.huyou.security.AuditChanges;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceContext;

/**
 * Special education: where each child learns (with history), the individual education plan with goals and review
 * dates, and progress records per goal. Plan reviews come up on the reminders screen for teachers.
 */
public final class EducationService {

    public static final int REVIEW_WINDOW_DAYS = 14;

    /** What can be voided in this part. */
    public enum Entry {
        PLACEMENT,
        PLAN,
        GOAL,
        PROGRESS
    }

    private final EducationRepository repo;
    private final PlanReviews reviews;
    private final CurrentUser user;
    private final ServiceContext context;

    public EducationService(EducationRepository repo, PlanReviews reviews, ServiceContext context) {
        this.repo = repo;
        this.reviews = reviews;
        this.user = context.user();
        this.context = context;
    }

    /** Placements, newest first; the first valid one is the current placement. */
    @RequiresPermission(module = AppModule.EDUCATION, action = Action.VIEW)
    public List<Education.Placement> placements(long residentId) {
        user.require(AppModule.EDUCATION, Action.VIEW);
        return repo.placements(residentId);
    }

    @RequiresPermission(module = AppModule.EDUCATION, action = Action.CREATE)
    public Education.Placement place(
            long residentId,
            LocalDate start,
            Education.PlacementKind kind,
            String school,
            String className,
            String teacher) {
        user.require(AppModule.EDUCATION, Action.CREATE);
        Checks checks = new Checks(context.today());
        checks.required("start", "education.start", start);
        checks.rule(start == null || !start.isAfter(context.today().plusMonths(6)), "start", "education.startTooFar");
        checks.required("kind", "education.kind", kind);
        String s = checks.text(
                "school",
                "education.school",
                school,
                100,
                kind == Education.PlacementKind.SPECIAL_SCHOOL || kind == Education.PlacementKind.REGULAR_SCHOOL);
        String c = checks.text("className", "education.className", className, 60, false);
        String t = checks.text("teacher", "education.teacher", teacher, 64, false);
        checks.throwIfAny();
        return context.tx().inTransaction(() -> {
            Education.Placement p =
                    new Education.Placement(0, residentId, start, kind, s, c, t, user.username(), false, null);
            long id = repo.insertPlacement(p, user.username(), context.now());
            Education.Placement saved =
                    new Education.Placement(id, residentId, start, kind, s, c, t, user.username(), false, null);
            context.audit()
                    .record(
                            AuditLog.CREATE,
                            "education_placement",
                            id,
                            AuditSummary.of("auditSummary.value", kind),
                            AuditChanges.created(saved));
            return saved;
        });
    }

    @RequiresPermission(module = AppModule.EDUCATION, action = Action.VIEW)
    public List<Education.Plan> plans(long residentId) {
        user.require(AppModule.EDUCATION, Action.VIEW);
        return repo.plans(residentId);
    }

    @RequiresPermission(module = AppModule.EDUCATION, action = Action.VIEW)
    public List<Education.Goal> goals(long planId) {
        user.require(AppModule.EDUCATION, Action.VIEW);
        return repo.goals(planId);
    }

    @RequiresPermission(module = AppModule.EDUCATION, action = Action.VIEW)
    public List<Education.Progress> progress(long residentId, int limit) {
        user.require(AppModule.EDUCATION, Action.VIEW);
        return repo.progress(residentId, limit);
    }

    @RequiresPermission(module = AppModule.EDUCATION, action = Action.VIEW)
    public List<PlanReview> reviews(long planId) {
        user.require(AppModule.EDUCATION, Action.VIEW);
        return reviews.forPlan(PlanKind.EDUCATION, planId);
    }

    /** A new individual education plan, with the current user as its teacher. */
    @RequiresPermission(module = AppModule.EDUCATION, action = Action.CREATE)
    public Education.Plan createPlan(long residentId, String title, LocalDate start, LocalDate reviewDue) {
        user.require(AppModule.EDUCATION, Action.CREATE);
        Checks checks = new Checks(context.today());
        String t = checks.text("title", "education.planTitle", title, 200, true);
        PlanReviews.checkDates(checks, "education.start", "education.reviewDue", start, reviewDue);
        checks.throwIfAny();
        return context.tx().inTransaction(() -> {
            long id = repo.insertPlan(residentId, t, start, reviewDue, user.username(), user.username(), context.now());
            context.audit()
                    .record(AuditLog.CREATE, "education_plan", id, AuditSummary.of("auditSummary.value", t), null);
            return repo.plan(id).orElseThrow();
        });
    }

    @RequiresPermission(module = AppModule.EDUCATION, action = Action.CREATE)
    public long addGoal(long planId, Education.Area area, String description) {
        user.require(AppModule.EDUCATION, Action.CREATE);
        Checks checks = new Checks(context.today());
        checks.required("area", "education.area", area);
        String d = checks.text("description", "education.goal", description, 300, true);
        checks.throwIfAny();
        activePlan(planId);
        return context.tx().inTransaction(() -> {
            long id = repo.insertGoal(planId, area, d, user.username(), context.now());
            context.audit()
                    .record(AuditLog.CREATE, "education_goal", id, AuditSummary.of("auditSummary.value", d), null);
            return id;
        });
    }

    @RequiresPermission(module = AppModule.EDUCATION, action = Action.CREATE)
    public long recordProgress(long goalId, LocalDate date, Education.Level level, String note) {
        user.require(AppModule.EDUCATION, Action.CREATE);
        Checks checks = new Checks(context.today());
        checks.pastDate("date", "education.progressDate", date);
        checks.required("level", "education.level", level);
        String n = checks.lines("note", "education.note", note, 1000, false);
        checks.throwIfAny();
        long planId = repo.planOfGoal(goalId).orElseThrow(() -> new UserFacingException("error.notFound"));
        Education.Plan plan = activePlan(planId);
        return context.tx().inTransaction(() -> {
            long id = repo.insertProgress(plan.residentId(), goalId, date, level, n, user.username(), context.now());
            context.audit()
                    .record(
                            AuditLog.CREATE,
                            "education_progress",
                            id,
                            AuditSummary.of("auditSummary.value", level),
                            null);
            return id;
        });
    }

    @RequiresPermission(module = AppModule.EDUCATION, action = Action.EDIT)
    public PlanReview reviewPlan(long planId, LocalDate date, String summary, LocalDate nextReview) {
        user.require(AppModule.EDUCATION, Action.EDIT);
        Education.Plan plan = activePlan(planId);
        return reviews.record(
                PlanKind.EDUCATION,
                "education_plan",
                planId,
                plan.residentId(),
                date,
                summary,
                d -> nextReview,
                () -> levelSnapshot(planId),
                repo::setReviewDue);
    }

    /** Each goal standing with its latest progress level ("-" before the first record). */
    private String levelSnapshot(long planId) {
        return PlanReviews.goalSnapshot(
                repo.goals(planId),
                Education.Goal::voided,
                g -> g.description() + ": "
                        + (g.latest() == null ? "-" : g.latest().name()));
    }

    @RequiresPermission(module = AppModule.EDUCATION, action = Action.VOID)
    public void voidEntry(Entry entry, long id, String reason) {
        user.require(AppModule.EDUCATION, Action.VOID);
        Corrections.voidEntry(
                context.tx(), context.audit(), repo.voidable(entry, user.username(), context.now()), id, reason);
    }

    /** The children of the current teacher's class ({@code mine}) or all, with their plan review dates. */
    @RequiresPermission(module = AppModule.EDUCATION, action = Action.VIEW)
    public List<Education.Case> caseload(boolean mine) {
        user.require(AppModule.EDUCATION, Action.VIEW);
        return repo.caseload(mine ? user.username() : null);
    }

    private Education.Plan activePlan(long planId) {
        return repo.plan(planId).filter(p -> !p.voided()).orElseThrow(() -> new UserFacingException("plan.notFound"));
    }

    /** Each child's current plan review, due within two weeks or overdue, for teachers. */
    @AnyUser
    public ReminderSource reminderSource() {
        return ReminderSource.of(
                user,
                AppModule.EDUCATION,
                Action.EDIT,
                today -> repo.reviewsDue(today.plusDays(REVIEW_WINDOW_DAYS)).stream()
                        .map(d -> new Reminder(
                                CareDomain.EDUCATION,
                                d.residentId(),
                                d.residentName(),
                                d.reviewDue(),
                                Messages.t("education.reviewDueReminder", d.title()),
                                d.reviewDue().isBefore(today)))
                        .toList());
    }

    /** One of education's timeline sources: its entries, seen by who may view education. */
    private TimelineSource timeline(TimelineSource.Pager pager) {
        return TimelineSource.of(user, CareDomain.EDUCATION, AppModule.EDUCATION, pager);
    }

    public static String placementSummary(Education.Placement p) {
        return Messages.t(
                "education.placementSummary",
                p.kind().label(),
                String.join(
                        " ",
                        Stream.of(p.school(), p.className())
                                .filter(Objects::nonNull)
                                .toList()));
    }

    @AnyUser
    public List<TimelineSource> timelineSources() {
        return List.of(
                timeline((id, c, from, to, limit) -> repo.placementPage(id, c, from, to, limit).stream()
                        .map(p -> new TimelineEntry(
                                CareDomain.EDUCATION,
                                p.id(),
                                p.start(),
                                placementSummary(p),
                                p.recordedBy(),
                                p.voided(),
                                p.voidReason(),
                                null))
                        .toList()),
                timeline((id, c, from, to, limit) -> repo.progressPage(id, c, from, to, limit).stream()
                        .map(p -> new TimelineEntry(
                                CareDomain.EDUCATION,
                                p.id(),
                                p.date(),
                                Messages.t(
                                                "education.progressSummary",
                                                p.goal(),
                                                p.level().label())
                                        + (p.note() == null ? "" : " — " + p.note()),
                                p.recordedBy(),
                                p.voided(),
                                p.voidReason(),
                                null))
                        .toList()),
                timeline(reviews.pager(PlanKind.EDUCATION, CareDomain.EDUCATION)));
    }
}
