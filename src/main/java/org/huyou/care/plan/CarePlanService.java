package org.huyou.care.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
import org.huyou.common.StaleRecordException;
import org.huyou.common.UserFacingException;
import org.huyou.db.SettingsRepository;
import org.huyou.security.AccountService;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
import org.huyou.security.AuditChanges;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/**
 * The integrated care plan: the social worker drafts cross-domain goals, each with an owner and a due date; the
 * director approves the draft and reviews the plan at its interval; owners move their goals along. The director
 * sees drafts to approve and reviews due on the reminders screen; owners see their goals coming due.
 */
public final class CarePlanService extends ServiceBase {

    public static final int DUE_WINDOW_DAYS = 14;
    public static final int DEFAULT_REVIEW_MONTHS = 6;

    /** What can be voided in this part. */
    public enum Entry {
        PLAN,
        GOAL
    }

    private final CarePlanRepository repo;
    private final PlanReviews reviews;
    private final AccountService accounts;
    private final SettingsRepository settings;
    private final ServiceContext context;

    public CarePlanService(
            CarePlanRepository repo,
            PlanReviews reviews,
            AccountService accounts,
            SettingsRepository settings,
            ServiceContext context) {
        super(context);
        this.repo = repo;
        this.settings = settings;
        this.reviews = reviews;
        this.accounts = accounts;
        this.context = context;
    }

    @RequiresPermission(module = AppModule.CARE_PLAN, action = Action.VIEW)
    public List<CarePlan> plans(long residentId) {
        user.require(AppModule.CARE_PLAN, Action.VIEW);
        return repo.plans(residentId);
    }

    @RequiresPermission(module = AppModule.CARE_PLAN, action = Action.VIEW)
    public List<CarePlan.Goal> goals(long planId) {
        user.require(AppModule.CARE_PLAN, Action.VIEW);
        return repo.goals(planId);
    }

    @RequiresPermission(module = AppModule.CARE_PLAN, action = Action.VIEW)
    public List<PlanReview> reviews(long planId) {
        user.require(AppModule.CARE_PLAN, Action.VIEW);
        return reviews.forPlan(PlanKind.CARE_PLAN, planId);
    }

    @RequiresPermission(module = AppModule.CARE_PLAN, action = Action.CREATE)
    public CarePlan createPlan(long residentId, LocalDate start, String summary, int reviewMonths) {
        user.require(AppModule.CARE_PLAN, Action.CREATE);
        Checks checks = new Checks(context.today());
        checks.required("start", "carePlan.start", start);
        String s = checks.lines("summary", "carePlan.summary", summary, 1000, true);
        checks.range("reviewMonths", "carePlan.reviewMonths", reviewMonths, 1, 24);
        checks.throwIfAny();
        return tx.inTransaction(() -> {
            long id = repo.insertPlan(
                    residentId, start, s, reviewMonths, start.plusMonths(reviewMonths), user.username(), context.now());
            audit.record(AuditLog.CREATE, "care_plan", id, AuditSummary.of("auditSummary.value", s), null);
            return repo.plan(id).orElseThrow();
        });
    }

    /** Adds a goal to a draft; an approved plan changes at its review, through a new draft. */
    @RequiresPermission(module = AppModule.CARE_PLAN, action = Action.CREATE)
    public CarePlan.Goal addGoal(long planId, CarePlan.Domain domain, String goal, String owner, LocalDate due) {
        user.require(AppModule.CARE_PLAN, Action.CREATE);
        Checks checks = new Checks(context.today());
        checks.required("domain", "carePlan.domain", domain);
        String g = checks.text("goal", "carePlan.goal", goal, 500, true);
        String o = checks.text("owner", "carePlan.owner", owner, 64, true);
        checks.required("due", "carePlan.due", due);
        Set<String> staff = accounts.staff().stream()
                .map(AccountService.StaffMember::username)
                .collect(Collectors.toSet());
        checks.rule(o == null || staff.contains(o), "owner", "carePlan.ownerUnknown", o);
        checks.throwIfAny();
        CarePlan plan = plan(planId);
        if (plan.status() != CarePlan.Status.DRAFT) {
            throw new UserFacingException("carePlan.notDraft");
        }
        checks.rule(!due.isBefore(plan.start()), "due", "carePlan.dueBeforeStart");
        checks.throwIfAny();
        return tx.inTransaction(() -> {
            long id = repo.insertGoal(planId, domain, g, o, due, user.username(), context.now());
            repo.touch(planId, user.username(), context.now());
            audit.record(AuditLog.CREATE, "care_plan_goal", id, AuditSummary.of("auditSummary.value", g), null);
            return repo.goal(id).orElseThrow();
        });
    }

    /**
     * The director approves the draft as seen ({@code version}); reviews fall due from the approval on. Approval is a
     * second pair of eyes: the drafter may approve their own plan only where the home's setting allows it, and the
     * plan then carries that mark.
     */
    @RequiresPermission(module = AppModule.CARE_PLAN, action = Action.APPROVE)
    public CarePlan approve(long planId, int version) {
        user.require(AppModule.CARE_PLAN, Action.APPROVE);
        CarePlan plan = plan(planId);
        if (plan.status() != CarePlan.Status.DRAFT) {
            throw new UserFacingException("carePlan.notDraft");
        }
        if (repo.goals(planId).stream().noneMatch(g -> !g.voided())) {
            throw new UserFacingException("carePlan.noGoalsToApprove");
        }
        boolean self = plan.createdBy().equals(user.username());
        if (self && !selfApprovalAllowed()) {
            throw new UserFacingException("carePlan.ownDraft");
        }
        return tx.inTransaction(() -> {
            if (!repo.approve(
                    planId,
                    version,
                    context.today().plusMonths(plan.reviewMonths()),
                    self,
                    user.username(),
                    context.now())) {
                throw new StaleRecordException(Accounts.displayName(plan.createdBy()), plan.start());
            }
            CarePlan after = repo.plan(planId).orElseThrow();
            audit.record(
                    AuditLog.EDIT,
                    "care_plan",
                    planId,
                    AuditSummary.of("auditSummary.approved"),
                    AuditChanges.diff(plan, after));
            return after;
        });
    }

    /** The home's setting key: whether a plan's drafter may approve it (a home with one social worker). */
    static final String SELF_APPROVAL_KEY = "carePlan.selfApproval";

    /** Whether the drafter of a plan may approve it too (off unless the home turned it on). */
    @AnyUser
    public boolean selfApprovalAllowed() {
        return settings.get(SELF_APPROVAL_KEY).map(Boolean::parseBoolean).orElse(false);
    }

    /** Turns self-approval on or off for the home: who approves plans decides it; audited. */
    @RequiresPermission(module = AppModule.CARE_PLAN, action = Action.APPROVE)
    public void setSelfApprovalAllowed(boolean allowed) {
        user.require(AppModule.CARE_PLAN, Action.APPROVE);
        tx.inTransaction(() -> {
            boolean before = selfApprovalAllowed();
            settings.put(SELF_APPROVAL_KEY, String.valueOf(allowed));
            audit.record(
                    AuditLog.EDIT,
                    "app_setting",
                    SELF_APPROVAL_KEY,
                    AuditSummary.of(allowed ? "auditSummary.selfApprovalOn" : "auditSummary.selfApprovalOff"),
                    null);
        });
    }

    /** A goal's owner (or anyone with EDIT) moves it along once the plan is approved. */
    @RequiresPermission(module = AppModule.CARE_PLAN, action = Action.EDIT)
    public CarePlan.Goal setGoalStatus(long goalId, int version, CarePlan.GoalStatus status) {
        user.require(AppModule.CARE_PLAN, Action.EDIT);
        Checks checks = new Checks(context.today());
        checks.required("status", "carePlan.status", status);
        checks.throwIfAny();
        CarePlan.Goal before =
                repo.goal(goalId).filter(g -> !g.voided()).orElseThrow(() -> new UserFacingException("error.notFound"));
        if (plan(before.planId()).status() != CarePlan.Status.APPROVED) {
            throw new UserFacingException("carePlan.notApproved");
        }
        return tx.inTransaction(() -> {
            if (!repo.setGoalStatus(goalId, version, status, user.username(), context.now())) {
                throw new StaleRecordException(Accounts.displayName(before.owner()), before.due());
            }
            CarePlan.Goal after = repo.goal(goalId).orElseThrow();
            audit.record(
                    AuditLog.EDIT,
                    "care_plan_goal",
                    goalId,
                    AuditSummary.of("auditSummary.value", status),
                    AuditChanges.diff(before, after));
            return after;
        });
    }

    /** The director's review: what was found, each goal's status at that moment, and the next review date. */
    @RequiresPermission(module = AppModule.CARE_PLAN, action = Action.APPROVE)
    public PlanReview review(long planId, LocalDate date, String summary) {
        user.require(AppModule.CARE_PLAN, Action.APPROVE);
        CarePlan plan = plan(planId);
        if (plan.status() != CarePlan.Status.APPROVED) {
            throw new UserFacingException("carePlan.notApproved");
        }
        return reviews.record(
                PlanKind.CARE_PLAN,
                "care_plan",
                planId,
                plan.residentId(),
                date,
                summary,
                d -> d.plusMonths(plan.reviewMonths()),
                () -> PlanReviews.goalSnapshot(
                        repo.goals(planId),
                        CarePlan.Goal::voided,
                        g -> g.domain().name() + " | " + g.goal() + " | " + g.owner() + " | "
                                + g.status().name()),
                repo::setReviewDue);
    }

    @RequiresPermission(module = AppModule.CARE_PLAN, action = Action.VOID)
    public void voidEntry(Entry entry, long id, String reason) {
        user.require(AppModule.CARE_PLAN, Action.VOID);
        Corrections.voidEntry(tx, audit, repo.voidable(entry, user.username(), context.now()), id, reason);
    }

    private CarePlan plan(long planId) {
        return repo.plan(planId).filter(p -> !p.voided()).orElseThrow(() -> new UserFacingException("plan.notFound"));
    }

    /** Drafts to approve and reviews due (the director's), and goals coming due (each owner's own). */
    @AnyUser
    public List<ReminderSource> reminderSources() {
        return List.of(
                ReminderSource.of(
                        user,
                        AppModule.CARE_PLAN,
                        Action.APPROVE,
                        today -> repo.pending("DRAFT", null).stream()
                                .map(p -> new Reminder(
                                        CareDomain.CARE_PLAN,
                                        p.plan().residentId(),
                                        p.residentName(),
                                        p.plan().start(),
                                        Messages.t(
                                                "carePlan.awaitingApproval",
                                                p.plan().summary()),
                                        false))
                                .toList()),
                ReminderSource.of(
                        user,
                        AppModule.CARE_PLAN,
                        Action.APPROVE,
                        today -> repo.pending("APPROVED", today.plusDays(DUE_WINDOW_DAYS)).stream()
                                .map(p -> new Reminder(
                                        CareDomain.CARE_PLAN,
                                        p.plan().residentId(),
                                        p.residentName(),
                                        p.plan().reviewDue(),
                                        Messages.t(
                                                "carePlan.reviewDue", p.plan().summary()),
                                        p.plan().reviewDue().isBefore(today)))
                                .toList()),
                ReminderSource.of(
                        user,
                        AppModule.CARE_PLAN,
                        Action.EDIT,
                        today -> repo.openGoalsOf(user.username(), today.plusDays(DUE_WINDOW_DAYS)).stream()
                                .map(g -> new Reminder(
                                        CareDomain.CARE_PLAN,
                                        g.residentId(),
                                        g.residentName(),
                                        g.goal().due(),
                                        Messages.t(
                                                "carePlan.goalDue",
                                                g.goal().domain().label(),
                                                g.goal().goal()),
                                        g.goal().due().isBefore(today)))
                                .toList()));
    }

    @AnyUser
    public List<TimelineSource> timelineSources() {
        return List.of(
                TimelineSource.of(
                        user,
                        CareDomain.CARE_PLAN,
                        AppModule.CARE_PLAN,
                        (id, c, from, to, limit) -> repo.page(id, c, from, to, limit).stream()
                                .map(p -> new TimelineEntry(
                                        CareDomain.CARE_PLAN,
                                        p.id(),
                                        p.start(),
                                        Messages.t(
                                                "carePlan.timeline", p.status().label(), p.summary()),
                                        p.createdBy(),
                                        p.voided(),
                                        p.voidReason(),
                                        null))
                                .toList()),
                TimelineSource.of(
                        user,
                        CareDomain.CARE_PLAN,
                        AppModule.CARE_PLAN,
                        reviews.pager(PlanKind.CARE_PLAN, CareDomain.CARE_PLAN)));
    }
}
