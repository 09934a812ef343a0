package org.huyou.transition;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huyou.common.Checks;
import org.huyou.common.FieldError;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.db.SettingsRepository;
import org.huyou.db.Transactions;
import org.huyou.residents.InCare;
import org.huyou.residents.ResidentRepository;
import org.huyou.residents.ResidentStatus;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;

/**
 * Turning eighteen: the dashboard of residents aged 16 and over, repeatable capability assessments, the pathway the
 * social worker decides and the director approves (only then are tasks and payments generated), task progress,
 * payments, leaving and the visits afterwards.
 */
public final class TransitionService {

    /** Statuses of residents the home still looks after (ADULT_TRANSITION means one has left at adulthood). */
    static final List<String> LIVING_HERE = InCare.CODES;

    private final TransitionRepository repo;
    /** The register, for the status entry a leaving writes (as the resident's file writes one). */
    private final ResidentRepository register;

    private final SettingsRepository settings;
    private final Transactions tx;
    private final CurrentUser user;
    private final AuditLog audit;
    private final Clock clock;

    public TransitionService(
            TransitionRepository repo,
            ResidentRepository register,
            SettingsRepository settings,
            Transactions tx,
            CurrentUser user,
            AuditLog audit,
            Clock clock) {
        this.repo = repo;
        this.register = register;
        this.settings = settings;
        this.tx = tx;
        this.user = user;
        this.audit = audit;
        this.clock = clock;
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
        LocalDate today = today();
        List<TransitionRepository.Candidate> people =
                repo.bornBy(AdultAge.bornBy(today, AdultAge.DASHBOARD_FROM), LIVING_HERE);
        Map<Long, TransitionPlan> plans = repo.plansOf(
                people.stream().map(TransitionRepository.Candidate::residentId).toList());
        Map<Long, Integer> overdue = repo.overdueCounts(
                plans.values().stream().map(TransitionPlan::id).toList(), today);
        List<Row> rows = people.stream()
                .map(c -> {
                    TransitionPlan p = plans.get(c.residentId());
                    return new Row(
                            c.residentId(),
                            c.name(),
                            c.recordNo(),
                            c.birthDate(),
                            c.estimated(),
                            AdultAge.eighteenth(c.birthDate()),
                            AdultAge.monthsLeft(today, c.birthDate()),
                            p == null ? null : p.pathway(),
                            p == null ? null : p.status(),
                            p == null ? 0 : overdue.getOrDefault(p.id(), 0),
                            null);
                })
                .filter(r -> r.planStatus() != TransitionPlan.Status.LEFT)
                .toList();
        List<Row> left = repo.leftWithVisits().stream()
                .map(l -> new Row(
                        l.person().residentId(),
                        l.person().name(),
                        l.person().recordNo(),
                        l.person().birthDate(),
                        l.person().estimated(),
                        AdultAge.eighteenth(l.person().birthDate()),
                        AdultAge.monthsLeft(today, l.person().birthDate()),
                        l.pathway(),
                        TransitionPlan.Status.LEFT,
                        0,
                        l.nextVisit()))
                .toList();
        Comparator<Row> order =
                Comparator.comparingInt((Row r) -> -r.overdueTasks()).thenComparing(Row::eighteenth);
        return new Dashboard(
                rows.stream()
                        .filter(r -> !AdultAge.adultOn(today, r.birthDate()))
                        .sorted(order)
                        .toList(),
                rows.stream()
                        .filter(r -> AdultAge.adultOn(today, r.birthDate()))
                        .sorted(order)
                        .toList(),
                left);
    }

    /** Records an assessment: six scores 0-4 and the conclusion (null takes the one the scores suggest). */
    @RequiresPermission(module = AppModule.TRANSITION, action = Action.CREATE)
    public Capability assess(
            long residentId, LocalDate on, List<Integer> scores, String notes, Capability.Conclusion conclusion) {
        user.require(AppModule.TRANSITION, Action.CREATE);
        Checks checks = new Checks(today());
        checks.pastDate("assessedOn", "capability.date", on);
        checks.rule(
                scores != null
                        && scores.size() == Capability.Area.values().length
                        && scores.stream().allMatch(s -> s != null && s >= 0 && s <= Capability.MAX_SCORE),
                "scores",
                "capability.scoresRequired");
        String n = checks.text("notes", "capability.notes", notes, 2000, false);
        checks.throwIfAny();
        Capability.Conclusion c = conclusion != null ? conclusion : Capability.suggest(scores);
        return tx.inTransaction(() -> {
            Capability draft = new Capability(
                    0,
                    residentId,
                    on,
                    scores.get(0),
                    scores.get(1),
                    scores.get(2),
                    scores.get(3),
                    scores.get(4),
                    scores.get(5),
                    n,
                    c,
                    user.username(),
                    false);
            long id = repo.insertAssessment(draft, user.username(), now());
            audit.record(
                    AuditLog.CREATE,
                    "capability_assessment",
                    id,
                    AuditSummary.of("auditSummary.assessment", c, scores),
                    null);
            return repo.assessments(residentId).stream()
                    .filter(x -> x.id() == id)
                    .findFirst()
                    .orElseThrow();
        });
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public List<Capability> assessments(long residentId) {
        user.require(AppModule.TRANSITION, Action.VIEW);
        return repo.assessments(residentId);
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VOID)
    public void voidAssessment(long id, String reason) {
        user.require(AppModule.TRANSITION, Action.VOID);
        Checks checks = new Checks(today());
        String r = checks.text("reason", "void.reason", reason, 500, true);
        checks.throwIfAny();
        tx.inTransaction(() -> {
            if (!repo.voidAssessment(id, r, user.username(), now())) {
                throw new UserFacingException("error.notFound");
            }
            audit.record(AuditLog.VOID, "capability_assessment", id, AuditSummary.of("auditSummary.voided", r), null);
        });
    }

    /** The pathway the latest assessment suggests (and whether the resident is still at school), if assessed. */
    public record Suggestion(Pathway pathway, Capability.Conclusion conclusion, boolean studying) {}

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public Optional<Suggestion> suggestion(long residentId) {
        user.require(AppModule.TRANSITION, Action.VIEW);
        boolean studying = repo.studying(residentId);
        return latest(residentId)
                .map(c -> new Suggestion(Pathway.suggest(c.conclusion(), studying), c.conclusion(), studying));
    }

    private Optional<Capability> latest(long residentId) {
        return repo.assessments(residentId).stream().filter(c -> !c.voided()).findFirst();
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
        String b = checks.text("basis", "transition.basis", basis, 2000, true);
        checks.rule(
                pathway != Pathway.CONTINUING_EDUCATION || expectedGraduation != null,
                "expectedGraduation",
                "transition.graduationRequired");
        checks.rule(cityTopUp == null || cityTopUp.signum() >= 0, "cityTopUp", "transition.badTopUp");
        checks.throwIfAny();
        if (latest(residentId).isEmpty()) {
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
                repo.deleteUnpaid(p.id());
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
            if (!repo.approve(planId, seenVersion, user.username(), now())) {
                throw new UserFacingException("transition.changedMeanwhile");
            }
            generate(repo, settings, p);
            audit.record(
                    AuditLog.EDIT,
                    "transition_plan",
                    planId,
                    AuditSummary.of("auditSummary.planApproved", p.pathway()),
                    null);
            return repo.plan(planId).orElseThrow();
        });
    }

    /** An approved plan's tasks from the pathway's templates and its payment schedule (also used by the demo). */
    static void generate(TransitionRepository repo, SettingsRepository settings, TransitionPlan p) {
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
        PaymentSchedule.lines(
                        p.pathway(),
                        eighteenth,
                        p.expectedGraduation(),
                        TransitionSettings.subsidy(settings),
                        p.cityTopUp(),
                        TransitionSettings.grantPerYear(settings))
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
        Checks checks = new Checks(today());
        checks.required("status", "task.status", status);
        String n = checks.text("note", "task.note", note, 500, false);
        checks.throwIfAny();
        tx.inTransaction(() -> {
            if (!repo.setTaskStatus(
                    taskId, status, status == Task.Status.DONE ? today() : null, n, user.username(), now())) {
                throw new UserFacingException("error.notFound");
            }
            audit.record(
                    AuditLog.EDIT, "transition_task", taskId, AuditSummary.of("auditSummary.statusTo", status), null);
        });
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public List<Payment> payments(long planId) {
        user.require(AppModule.TRANSITION, Action.VIEW);
        return repo.payments(planId);
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.EDIT)
    public void recordPaid(long paymentId, LocalDate paidOn, String reference) {
        user.require(AppModule.TRANSITION, Action.EDIT);
        Checks checks = new Checks(today());
        checks.pastDate("paidOn", "payment.paidOn", paidOn);
        String r = checks.text("reference", "payment.reference", reference, 100, true);
        checks.throwIfAny();
        tx.inTransaction(() -> {
            if (!repo.recordPaid(paymentId, paidOn, r, user.username())) {
                throw new UserFacingException("payment.alreadyPaid");
            }
            audit.record(
                    AuditLog.EDIT,
                    "transition_payment",
                    paymentId,
                    AuditSummary.of("auditSummary.paid", paidOn, r),
                    null);
        });
    }

    /**
     * The young person left on a day: the plan is closed, the follow-up visits are scheduled after it, and the
     * register has them as left at adulthood from that day (unless it already has them gone), so that the lists of
     * those in the home, the daily rounds and the statistics agree with the plan.
     */
    @RequiresPermission(module = AppModule.TRANSITION, action = Action.EDIT)
    public void recordLeaving(long planId, LocalDate day) {
        user.require(AppModule.TRANSITION, Action.EDIT);
        Checks checks = new Checks(today());
        checks.pastDate("leftOn", "transition.leftOn", day);
        checks.throwIfAny();
        tx.inTransaction(() -> {
            TransitionRepository.Leaver leaver = repo.leaver(planId);
            if (leaver != null && day.isBefore(leaver.admitted())) {
                throw new ValidationException(List.of(new FieldError(
                        "leftOn",
                        "validation.statusBeforeAdmission",
                        leaver.admitted().toString())));
            }
            if (!repo.markLeft(planId, day)) {
                throw new UserFacingException("transition.notApproved");
            }
            if (LIVING_HERE.contains(leaver.status())) {
                long id = register.insertStatusEvent(
                        leaver.residentId(),
                        ResidentStatus.ADULT_TRANSITION,
                        day,
                        Messages.t(
                                "transition.leftStatusNote",
                                leaver.pathway() == null ? "" : leaver.pathway().label()),
                        user.username(),
                        LocalDateTime.now(clock));
                audit.record(
                        AuditLog.CREATE,
                        "resident_status_event",
                        id,
                        AuditSummary.of(
                                "auditSummary.residentStatus", leaver.recordNo(), ResidentStatus.ADULT_TRANSITION),
                        null);
            }
            for (int m : TransitionSettings.followUpMonths(settings)) {
                repo.insertFollowUp(planId, day.plusMonths(m));
            }
            audit.record(AuditLog.EDIT, "transition_plan", planId, AuditSummary.of("auditSummary.left", day), null);
        });
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public List<FollowUp> followUps(long planId) {
        user.require(AppModule.TRANSITION, Action.VIEW);
        return repo.followUps(planId);
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.EDIT)
    public void recordVisit(FollowUp visit) {
        user.require(AppModule.TRANSITION, Action.EDIT);
        Checks checks = new Checks(today());
        checks.pastDate("visitedOn", "followUp.visitedOn", visit.visitedOn());
        for (String[] f : new String[][] {
            {"housing", visit.housing()}, {"work", visit.work()}, {"study", visit.study()}, {"income", visit.income()}
        }) {
            checks.text(f[0], "followUp." + f[0], f[1], 200, false);
        }
        checks.text("notes", "followUp.notes", visit.notes(), 2000, false);
        checks.throwIfAny();
        tx.inTransaction(() -> {
            if (!repo.recordVisit(visit, user.username())) {
                throw new UserFacingException("followUp.alreadyRecorded");
            }
            audit.record(
                    AuditLog.EDIT,
                    "transition_follow_up",
                    visit.id(),
                    AuditSummary.of("auditSummary.visited", visit.visitedOn()),
                    null);
        });
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
