package org.huyou.allowance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.huyou.common.Checks;
import org.huyou.common.UserFacingException;
import org.huyou.db.SettingsRepository;
import org.huyou.db.Voidable;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/**
 * Allowance standards as data (a new one each year, the old ones kept), each resident's allowance category over
 * time, and the monthly roll prorated by day. Standards and categories are never deleted: a wrong one is voided.
 */
public final class AllowanceService extends ServiceBase {

    /** The region whose standards apply to this home (a region as written in the standards). */
    public static final String REGION_SETTING = "allowance.region";

    private final AllowanceRepository repo;
    private final SettingsRepository settings;
    private final ServiceContext context;
    private final RollWriter rollWriter;

    public AllowanceService(
            AllowanceRepository repo, SettingsRepository settings, ServiceContext context, RollWriter rollWriter) {
        super(context);
        this.repo = repo;
        this.settings = settings;
        this.context = context;
        this.rollWriter = rollWriter;
    }

    @RequiresPermission(module = AppModule.ALLOWANCE, action = Action.VIEW)
    public List<StandardEntry> standards(boolean withVoided) {
        user.require(AppModule.ALLOWANCE, Action.VIEW);
        return repo.standards(withVoided);
    }

    /** The regions standards exist for, for the home's choice. */
    @RequiresPermission(module = AppModule.ALLOWANCE, action = Action.VIEW)
    public List<String> regions() {
        user.require(AppModule.ALLOWANCE, Action.VIEW);
        return repo.standards(false).stream()
                .map(s -> s.standard().region())
                .distinct()
                .sorted()
                .toList();
    }

    @RequiresPermission(module = AppModule.ALLOWANCE, action = Action.VIEW)
    public String region() {
        user.require(AppModule.ALLOWANCE, Action.VIEW);
        return settings.get(REGION_SETTING).orElse("");
    }

    @RequiresPermission(module = AppModule.ALLOWANCE, action = Action.EDIT)
    public void setRegion(String region) {
        user.require(AppModule.ALLOWANCE, Action.EDIT);
        Checks checks = new Checks(context.today());
        String r = checks.text("region", "allowance.region", region, 100, true);
        checks.throwIfAny();
        tx.inTransaction(() -> {
            String before = settings.get(REGION_SETTING).orElse("");
            settings.put(REGION_SETTING, r);
            audit.record(
                    AuditLog.EDIT,
                    "app_setting",
                    REGION_SETTING,
                    AuditSummary.of("auditSummary.region", before, r),
                    before + " → " + r);
        });
    }

    /**
     * Adds a standard in force from a day (next year's standard is added, the current one stays for the months it
     * covered). The same category, region and day twice is refused: void the wrong one first.
     */
    @RequiresPermission(module = AppModule.ALLOWANCE, action = Action.EDIT)
    public StandardEntry addStandard(
            AllowanceCategory category, String region, LocalDate effectiveFrom, BigDecimal monthly, String source) {
        user.require(AppModule.ALLOWANCE, Action.EDIT);
        Checks checks = new Checks(context.today());
        checks.required("category", "allowance.category", category);
        String r = checks.text("region", "allowance.region", region, 100, true);
        checks.required("effectiveFrom", "allowance.effectiveFrom", effectiveFrom);
        checks.rule(
                monthly != null
                        && monthly.signum() > 0
                        && monthly.scale() <= 2
                        && monthly.compareTo(new BigDecimal("100000")) < 0,
                "monthly",
                "allowance.badAmount");
        String s = checks.text("source", "allowance.source", source, 300, false);
        checks.rule(
                r == null
                        || effectiveFrom == null
                        || repo.standards(false).stream()
                                .map(StandardEntry::standard)
                                .noneMatch(x -> x.category() == category
                                        && x.region().equals(r)
                                        && x.effectiveFrom().equals(effectiveFrom)),
                "effectiveFrom",
                "allowance.standardExists");
        checks.throwIfAny();
        return tx.inTransaction(() -> {
            Proration.Standard st = new Proration.Standard(category, r, effectiveFrom, monthly);
            long id = repo.insertStandard(st, s, user.username(), context.now());
            audit.record(
                    AuditLog.CREATE,
                    "allowance_standard",
                    id,
                    AuditSummary.of(
                            "auditSummary.allowanceStandard", category, r, effectiveFrom, monthly.toPlainString()),
                    null);
            return repo.standards(true).stream()
                    .filter(e -> e.id() == id)
                    .findFirst()
                    .orElseThrow();
        });
    }

    @RequiresPermission(module = AppModule.ALLOWANCE, action = Action.EDIT)
    public void voidStandard(long id, String reason) {
        user.require(AppModule.ALLOWANCE, Action.EDIT);
        voidEntry(repo.voidableStandard(user.username(), context.now()), id, reason);
    }

    @RequiresPermission(module = AppModule.ALLOWANCE, action = Action.VIEW)
    public List<CategoryChange> categoryChanges(long residentId) {
        user.require(AppModule.ALLOWANCE, Action.VIEW);
        return repo.categoryChanges(residentId);
    }

    /** Records that a resident's allowance category is another from a day on (e.g. a parent's death confirmed). */
    @RequiresPermission(module = AppModule.ALLOWANCE, action = Action.EDIT)
    public CategoryChange changeCategory(long residentId, AllowanceCategory category, LocalDate from, String note) {
        user.require(AppModule.ALLOWANCE, Action.EDIT);
        Checks checks = new Checks(context.today());
        checks.required("category", "allowance.category", category);
        checks.required("effectiveFrom", "allowance.effectiveFrom", from);
        String n = checks.lines("note", "allowance.note", note, 500, false);
        checks.throwIfAny();
        if (!repo.residentExists(residentId)) {
            throw new UserFacingException("allowance.residentNotFound");
        }
        return tx.inTransaction(() -> {
            long id = repo.insertCategoryChange(residentId, category, from, n, user.username(), context.now());
            audit.record(
                    AuditLog.CREATE,
                    "allowance_category_change",
                    id,
                    AuditSummary.of("auditSummary.categoryChange", residentId, category, from),
                    null);
            return repo.categoryChanges(residentId).stream()
                    .filter(c -> c.id() == id)
                    .findFirst()
                    .orElseThrow();
        });
    }

    @RequiresPermission(module = AppModule.ALLOWANCE, action = Action.EDIT)
    public void voidCategoryChange(long id, String reason) {
        user.require(AppModule.ALLOWANCE, Action.EDIT);
        voidEntry(repo.voidableCategoryChange(user.username(), context.now()), id, reason);
    }

    /** The month's roll under the home's region; refused while no region is chosen. */
    @RequiresPermission(module = AppModule.ALLOWANCE, action = Action.VIEW)
    public Roll roll(YearMonth month) {
        user.require(AppModule.ALLOWANCE, Action.VIEW);
        String region = settings.get(REGION_SETTING).orElse("");
        if (region.isBlank()) {
            throw new UserFacingException("allowance.noRegion");
        }
        return Roll.build(
                month,
                region,
                repo.rollInputs(month.atEndOfMonth()),
                repo.standards(false).stream().map(StandardEntry::standard).toList());
    }

    /** Writes the month's roll as a workbook (ID numbers masked); audited. */
    @RequiresPermission(module = AppModule.ALLOWANCE, action = Action.EXPORT)
    public Roll exportRoll(YearMonth month, Path file, String homeName) {
        user.require(AppModule.ALLOWANCE, Action.EXPORT);
        Roll roll = roll(month);
        try {
            rollWriter.write(roll, homeName, file);
        } catch (IOException e) {
            throw new UserFacingException("allowance.exportFailed", file.toString());
        }
        audit.record(
                AuditLog.EXPORT,
                "allowance_roll",
                month.toString(),
                AuditSummary.of("auditSummary.exportedFile", file.getFileName()),
                null);
        return roll;
    }

    /** Marks a standard or a category change void with the reason, who and when; audited in the same transaction. */
    private void voidEntry(Voidable rows, long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new UserFacingException("allowance.reasonRequired");
        }
        String why = reason.strip();
        tx.inTransaction(() -> {
            if (!rows.voidRow(id, why)) {
                throw new UserFacingException("allowance.notFound");
            }
            audit.record(AuditLog.VOID, rows.auditName(), id, AuditSummary.of("auditSummary.voided", why), null);
        });
    }
}
