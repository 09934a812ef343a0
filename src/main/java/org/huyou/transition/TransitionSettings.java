package org.huyou.transition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.huyou.common.Checks;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.db.SettingsRepository;
import org.huyou.db.Voidable;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditChanges;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/**
 * What the home sets for turning eighteen, apart from any one child's plan: each pathway's task template and the
 * standards (subsidy, grant, follow-up months) an approved plan's payments and a leaving's visits are made from.
 */
public final class TransitionSettings extends ServiceBase {

    static final String SUBSIDY = "transition.subsidy";
    static final String GRANT = "transition.grantPerYear";
    static final String FOLLOW_UPS = "transition.followUpMonths";

    private final TransitionRepository repo;
    private final SettingsRepository settings;

    public TransitionSettings(TransitionRepository repo, SettingsRepository settings, ServiceContext context) {
        super(context);
        this.repo = repo;
        this.settings = settings;
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public List<Task.Template> templates(Pathway pathway) {
        user.require(AppModule.TRANSITION, Action.VIEW);
        return repo.templates(pathway);
    }

    /** Adds a task to a pathway's template; plans approved later get it. */
    @RequiresPermission(module = AppModule.TRANSITION, action = Action.EDIT)
    public Task.Template addTemplate(Task.Template draft) {
        user.require(AppModule.TRANSITION, Action.EDIT);
        Checks checks = new Checks(today());
        checks.required("pathway", "transition.pathway", draft.pathway());
        String title = checks.text("title", "task.what", draft.title(), 200, true);
        checks.required("department", "task.department", draft.department());
        checks.range("monthsBefore", "template.monthsBefore", draft.monthsBefore(), -24, 36);
        String docs = checks.text("documents", "task.documents", draft.documents(), 300, false);
        checks.throwIfAny();
        return tx.inTransaction(() -> {
            Task.Template t =
                    new Task.Template(0, draft.pathway(), title, draft.department(), draft.monthsBefore(), docs);
            long id = repo.insertTemplate(t);
            audit.record(
                    AuditLog.CREATE,
                    "transition_task_template",
                    id,
                    AuditSummary.of("auditSummary.taskTemplate", draft.pathway(), title),
                    null);
            return new Task.Template(id, t.pathway(), title, t.department(), t.monthsBefore(), docs);
        });
    }

    /**
     * Takes a line off a template: voided (who, when), not deleted, so what the template asked stays on record; plans
     * approved later no longer get it, tasks already generated from it stay.
     */
    @RequiresPermission(module = AppModule.TRANSITION, action = Action.EDIT)
    public void removeTemplate(long id) {
        user.require(AppModule.TRANSITION, Action.EDIT);
        tx.inTransaction(() -> {
            Task.Template t = repo.template(id).orElseThrow(() -> new UserFacingException("error.notFound"));
            Voidable lines = repo.voidableTemplates(user.username(), LocalDateTime.now(clock));
            if (!lines.voidRow(id, Messages.t("template.removedReason"))) {
                throw new UserFacingException("error.notFound");
            }
            audit.record(
                    AuditLog.VOID,
                    lines.auditName(),
                    id,
                    AuditSummary.of("auditSummary.taskTemplate", t.pathway(), t.title()),
                    null);
        });
    }

    /** The money and the visits: subsidy per person, grant per academic year, follow-up months after leaving. */
    public record Standards(BigDecimal subsidy, BigDecimal grantPerYear, List<Integer> followUpMonths) {}

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public Standards standards() {
        user.require(AppModule.TRANSITION, Action.VIEW);
        return new Standards(subsidy(settings), grantPerYear(settings), followUpMonths(settings));
    }

    /** Sets the standards; the director's approval is what they change, so it is the director's to set. */
    @RequiresPermission(module = AppModule.TRANSITION, action = Action.APPROVE)
    public void setStandards(Standards s) {
        user.require(AppModule.TRANSITION, Action.APPROVE);
        Checks checks = new Checks(today());
        checks.range("subsidy", "transition.subsidyLabel", s.subsidy(), BigDecimal.ONE, new BigDecimal("10000000"));
        checks.range(
                "grantPerYear", "transition.grantLabel", s.grantPerYear(), BigDecimal.ONE, new BigDecimal("1000000"));
        checks.rule(
                s.followUpMonths() != null
                        && !s.followUpMonths().isEmpty()
                        && s.followUpMonths().stream().allMatch(m -> m != null && m >= 1 && m <= 120),
                "followUpMonths",
                "transition.badFollowUps");
        checks.throwIfAny();
        tx.inTransaction(() -> {
            Standards before = standards();
            settings.put(SUBSIDY, s.subsidy().toPlainString());
            settings.put(GRANT, s.grantPerYear().toPlainString());
            settings.put(
                    FOLLOW_UPS,
                    s.followUpMonths().stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
            audit.record(
                    AuditLog.EDIT,
                    "app_setting",
                    "transition",
                    AuditSummary.of(
                            "auditSummary.transitionStandards",
                            s.subsidy().toPlainString(),
                            s.grantPerYear().toPlainString(),
                            s.followUpMonths()),
                    AuditChanges.diff(before, s));
        });
    }

    /** The subsidy per person a plan's payments are made of, as configured. */
    static BigDecimal subsidy(SettingsRepository settings) {
        return new BigDecimal(settings.get(SUBSIDY).orElse("50000"));
    }

    /** The grant per academic year a plan's payments are made of, as configured. */
    static BigDecimal grantPerYear(SettingsRepository settings) {
        return new BigDecimal(settings.get(GRANT).orElse("10000"));
    }

    /** The follow-up months after leaving, as configured (default 1, 3, 6, 12). */
    static List<Integer> followUpMonths(SettingsRepository settings) {
        return Arrays.stream(settings.get(FOLLOW_UPS).orElse("1,3,6,12").split(","))
                .map(String::strip)
                .map(Integer::parseInt)
                .toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
