package org.huyou.transition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.huyou.common.Checks;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.db.SettingsRepository;
import org.huyou.db.Voidable;
import org.huyou.residents.InCare;
import org.huyou.residents.ResidentRepository;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/**
 * Turning eighteen: the dashboard of residents aged 16 and over, repeatable capability assessments, the pathway the
 * social worker decides and the director approves (only then are tasks and payments generated), task progress,
 * payments, leaving and the visits afterwards.
 *
 * <p>This is the façade every caller uses: each public method checks the permission, then does the work (the pathway
 * decided and approved) or hands it to one of the package's parts: {@link TransitionDashboard}, {@link
 * CapabilityAssessments} and {@link PlanProgress} (tasks, payments, leaving and visits).
 */
public final class TransitionService extends ServiceBase {

    /** Statuses of residents the home still looks after (ADULT_TRANSITION means one has left at adulthood). */
    static final List<String> LIVING_HERE = InCare.CODES;

    /** The least amount of money a plan carries: one fen (0 or less is a slip, not a payment). */
    static final BigDecimal MIN_AMOUNT = new BigDecimal("0.01");

    private static final BigDecimal MAX_TOP_UP = new BigDecimal("10000000");

    private final TransitionRepository repo;
    private final SettingsRepository settings;
    private final TransitionDashboard dashboard;
    private final CapabilityAssessments assessments;
    private final PlanProgress progress;

    public TransitionService(
            TransitionRepository repo,
            ResidentRepository register,
            SettingsRepository settings,
            ServiceContext context) {
        super(context);
        this.repo = repo;
        this.settings = settings;
        this.dashboard = new TransitionDashboard(repo);
        TransitionContext ctx = new TransitionContext(repo, tx, user, audit, clock);
        this.assessments = new CapabilityAssessments(ctx);
        this.progress = new PlanProgress(ctx, register, settings);
    }

    /** A dashboard line: the resident, their 18th birthday, months left, pathway and plan status, overdue tasks. */
    public record Row(
            long residentId,
            String name,
            String recordNo,
            LocalDate birthDate,
            boolean estimated,
            LocalDate eighteenth,
            long monthsLeft,
            Pathway pathway,
            TransitionPlan.Status planStatus,
            int overdueTasks,
            LocalDate nextVisit) {}

    /**
     * Three lists: those turning eighteen (overdue tasks first, then the nearest birthday), adults still here, and
     * those who have left with their next follow-up visit.
     */
    public record Dashboard(List<Row> turning, List<Row> adults, List<Row> left) {}

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public Dashboard dashboard() {
        user.require(AppModule.TRANSITION, Action.VIEW);
        return dashboard.on(today());
    }

    /** Records an assessment: six scores 0-4 and the conclusion (null takes the one the scores suggest). */
    @RequiresPermission(module = AppModule.TRANSITION, action = Action.CREATE)
    public Capability assess(
            long residentId, LocalDate on, List<Integer> scores, String notes, Capability.Conclusion conclusion) {
        user.require(AppModule.TRANSITION, Action.CREATE);
        return assessments.assess(residentId, on, scores, notes, conclusion);
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public List<Capability> assessments(long residentId) {
        user.require(AppModule.TRANSITION, Action.VIEW);
        return assessments.assessments(residentId);
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VOID)
    public void voidAssessment(long id, String reason) {
        user.require(AppModule.TRANSITION, Action.VOID);
        assessments.voidAssessment(id, reason);
    }

    /** The pathway the latest assessment suggests (and whether the resident is still at school), if assessed. */
    public record Suggestion(Pathway pathway, Capability.Conclusion conclusion, boolean studying) {}

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public Optional<Suggestion> suggestion(long residentId) {
        user.require(AppModule.TRANSITION, Action.VIEW);
        return assessments.suggestion(residentId);
    }

    /**
     * The social worker's decision: a pathway with its basis (and the expected graduation for continuing education,
     * an optional city top-up for socialized placement). It waits for the director. Deciding again on an approved
     * plan takes it back to a draft: its open tasks are cancelled and its unpaid schedule dropped.
     */
    @RequiresPermission(module = AppModule.TRANSITION, action = Action.EDIT)
    public TransitionPlan decide(
            long residentId, Pathway pathway, String basis, LocalDate expectedGraduation, BigDecimal cityTopUp) {
        user.require(AppModule.TRANSITION, Action.EDIT);
        Checks checks = new Checks(today());
        checks.required("pathway", "transition.pathway", pathway);
        String b = checks.lines("basis", "transition.basis", basis, 2000, true);
        checks.rule(
                pathway != Pathway.CONTINUING_EDUCATION || expectedGraduation != null,
                "expectedGraduation",
                "transition.graduationRequired");
        if (pathway == Pathway.CONTINUING_EDUCATION) {
            // the grants run from the academic year of the 18th birthday to that of the graduation: an earlier
            // graduation (or one already past) would be a pathway that pays nothing
            LocalDate born = repo.birthDate(residentId);
            checks.notBeforeToday("expectedGraduation", "transition.graduation", expectedGraduation);
            checks.notBefore(
                    "expectedGraduation",
                    "transition.graduation",
                    expectedGraduation,
                    "transition.eighteenth",
                    born == null ? null : AdultAge.eighteenth(born));
        }
        // no top-up is left empty: a zero or negative one is a slip, not an amount
        checks.optionalRange("cityTopUp", "transition.topUpName", cityTopUp, MIN_AMOUNT, MAX_TOP_UP);
        checks.throwIfAny();
        if (assessments.latest(residentId).isEmpty()) {
            throw new UserFacingException("transition.assessFirst");
        }
        return tx.inTransaction(() -> {
            Optional<TransitionPlan> existing = repo.planOf(residentId);
            TransitionPlan draft = new TransitionPlan(
                    existing.map(TransitionPlan::id).orElse(0L),
                    residentId,
                    pathway,
                    b,
                    TransitionPlan.Status.DRAFT,
                    pathway == Pathway.CONTINUING_EDUCATION ? expectedGraduation : null,
                    pathway == Pathway.SOCIALIZED ? cityTopUp : null,
                    user.username(),
                    now(),
                    null,
                    null,
                    null,
                    0);
            if (existing.isEmpty()) {
                repo.insertPlan(draft);
            } else {
                TransitionPlan p = existing.get();
                if (p.status() == TransitionPlan.Status.LEFT) {
                    throw new UserFacingException("transition.alreadyLeft");
                }
                repo.cancelOpenTasks(p.id(), user.username(), now());
                voidOpenPayments(p.id(), pathway);
                repo.redecide(draft, p.version());
            }
            audit.record(
                    AuditLog.EDIT,
                    "transition_plan",
                    residentId,
                    AuditSummary.of("auditSummary.pathwayDecided", pathway),
                    null);
            return repo.planOf(residentId).orElseThrow();
        });
    }

    /**
     * The unpaid lines of a schedule no longer in force are voided with the new decision as their reason, each
     * audited: kept on the plan, marked, never paid (paid ones stay as paid).
     */
    private void voidOpenPayments(long planId, Pathway decided) {
        Voidable lines = repo.voidablePayments(user.username(), now());
        String why = Messages.t("payment.voidedByDecision", decided.label());
        for (long id : repo.openPayments(planId)) {
            lines.voidRow(id, why);
            audit.record(AuditLog.VOID, lines.auditName(), id, AuditSummary.of("auditSummary.voided", why), null);
        }
    }

    /** Everything the screen shows for one resident, read in one go. */
    public record Detail(
            long residentId,
            List<Capability> assessments,
            Optional<Suggestion> suggestion,
            Optional<TransitionPlan> plan,
            List<Task> tasks,
            List<Payment> payments,
            List<FollowUp> followUps) {}

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public Detail detail(long residentId) {
        user.require(AppModule.TRANSITION, Action.VIEW);
        Optional<TransitionPlan> p = repo.planOf(residentId);
        long planId = p.map(TransitionPlan::id).orElse(-1L);
        return new Detail(
                residentId,
                repo.assessments(residentId),
                suggestion(residentId),
                p,
                repo.tasks(planId),
                repo.payments(planId),
                repo.followUps(planId));
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public Optional<TransitionPlan> plan(long residentId) {
        user.require(AppModule.TRANSITION, Action.VIEW);
        return repo.planOf(residentId);
    }

    /**
     * The director approves the decision as seen (its version): the pathway's tasks are generated with due dates
     * counted back from the 18th birthday, and its payments scheduled.
     */
    @RequiresPermission(module = AppModule.TRANSITION, action = Action.APPROVE)
    public TransitionPlan approve(long planId, int seenVersion) {
        user.require(AppModule.TRANSITION, Action.APPROVE);
        return tx.inTransaction(() -> {
            TransitionPlan p = repo.plan(planId).orElseThrow(() -> new UserFacingException("error.notFound"));
            approveAs(repo, settings, p, seenVersion, user.username(), now());
            audit.record(
                    AuditLog.EDIT,
                    "transition_plan",
                    planId,
                    AuditSummary.of("auditSummary.planApproved", p.pathway()),
                    null);
            return repo.plan(planId).orElseThrow();
        });
    }

    /**
     * The approval by {@code approver}, for the service and the demo alike: a second pair of eyes (whoever submitted
     * the pathway does not approve it, whatever roles they hold), the version seen, then the tasks and payments.
     */
    static void approveAs(
            TransitionRepository repo,
            SettingsRepository settings,
            TransitionPlan p,
            int seenVersion,
            String approver,
            LocalDateTime at) {
        if (p.status() == TransitionPlan.Status.DRAFT && p.decidedBy().equals(approver)) {
            throw new UserFacingException("transition.ownDecision");
        }
        if (!repo.approve(p.id(), seenVersion, approver, at)) {
            throw new UserFacingException("transition.changedMeanwhile");
        }
        generate(repo, settings, p);
    }

    /** An approved plan's tasks from the pathway's templates and its payment schedule. */
    private static void generate(TransitionRepository repo, SettingsRepository settings, TransitionPlan p) {
        LocalDate eighteenth = AdultAge.eighteenth(repo.birthDate(p.residentId()));
        for (Task.Template t : repo.templates(p.pathway())) {
            repo.insertTask(new Task(
                    0,
                    p.id(),
                    t.title(),
                    t.department(),
                    eighteenth.minusMonths(t.monthsBefore()),
                    t.documents(),
                    Task.Status.OPEN,
                    null,
                    null));
        }
        // a plan approved again (after a new decision) keeps what was paid under the earlier one: the same payment
        // (kind, academic year, due day) is not scheduled twice, or it would be paid twice
        Set<String> paid = repo.payments(p.id()).stream()
                .filter(x -> x.paidOn() != null)
                .map(x -> x.kind() + "|" + x.label() + "|" + x.dueOn())
                .collect(Collectors.toSet());
        PaymentSchedule.lines(
                        p.pathway(),
                        eighteenth,
                        p.expectedGraduation(),
                        TransitionSettings.subsidy(settings),
                        p.cityTopUp(),
                        TransitionSettings.grantPerYear(settings))
                .stream()
                .filter(l -> !paid.contains(l.kind() + "|" + l.label() + "|" + l.dueOn()))
                .forEach(l -> repo.insertPayment(p.id(), l));
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public List<Task> tasks(long planId) {
        user.require(AppModule.TRANSITION, Action.VIEW);
        return repo.tasks(planId);
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.EDIT)
    public void setTaskStatus(long taskId, Task.Status status, String note) {
        user.require(AppModule.TRANSITION, Action.EDIT);
        progress.setTaskStatus(taskId, status, note);
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public List<Payment> payments(long planId) {
        user.require(AppModule.TRANSITION, Action.VIEW);
        return repo.payments(planId);
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.EDIT)
    public void recordPaid(long paymentId, LocalDate paidOn, String reference) {
        user.require(AppModule.TRANSITION, Action.EDIT);
        progress.recordPaid(paymentId, paidOn, reference);
    }

    /**
     * The young person left on a day: the plan is closed, the follow-up visits are scheduled after it, and the
     * register has them as left at adulthood from that day (unless it already has them gone), so that the lists of
     * those in the home, the daily rounds and the statistics agree with the plan.
     */
    @RequiresPermission(module = AppModule.TRANSITION, action = Action.EDIT)
    public void recordLeaving(long planId, LocalDate day) {
        user.require(AppModule.TRANSITION, Action.EDIT);
        progress.recordLeaving(planId, day);
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public List<FollowUp> followUps(long planId) {
        user.require(AppModule.TRANSITION, Action.VIEW);
        return repo.followUps(planId);
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.EDIT)
    public void recordVisit(FollowUp visit) {
        user.require(AppModule.TRANSITION, Action.EDIT);
        progress.recordVisit(visit);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
