package org.huyou.openday;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.huyou.common.Checks;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.db.SettingsRepository;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditChanges;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/** The open day's rule, kept in the settings, and the sessions it gives. */
public final class OpenDayService extends ServiceBase {

    private static final String PREFIX = "openday.";
    static final String CUTOFF_KEY = PREFIX + "cutoffDays";
    static final String RETENTION_KEY = PREFIX + "retentionDays";
    public static final int DEFAULT_CUTOFF_DAYS = 3;
    public static final int DEFAULT_RETENTION_DAYS = 180;

    private final SettingsRepository settings;

    public OpenDayService(SettingsRepository settings, ServiceContext context) {
        super(context);
        this.settings = settings;
    }

    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.VIEW)
    public OpenDayRule rule() {
        user.require(AppModule.OPEN_DAY, Action.VIEW);
        OpenDayRule d = OpenDayRule.DEFAULT;
        try {
            return new OpenDayRule(
                    get("weekOfMonth").map(Integer::parseInt).orElse(d.weekOfMonth()),
                    get("dayOfWeek").map(DayOfWeek::valueOf).orElse(d.dayOfWeek()),
                    get("slots")
                            .map(s -> Arrays.stream(s.split(","))
                                    .map(OpenDayRule.Slot::parse)
                                    .toList())
                            .orElse(d.slots()),
                    get("capacity").map(Integer::parseInt).orElse(d.capacityPerSlot()),
                    dates("blackouts"),
                    dates("extras"));
        } catch (RuntimeException e) {
            throw new UserFacingException(e, "openday.ruleDamaged");
        }
    }

    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.EDIT)
    public void setRule(OpenDayRule rule) {
        user.require(AppModule.OPEN_DAY, Action.EDIT);
        checkRule(rule);
        tx.inTransaction(() -> writeRule(rule));
    }

    /** The rule and the limits together, as the settings screen saves them: both or neither. */
    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.EDIT)
    public void save(OpenDayRule rule, Limits limits) {
        user.require(AppModule.OPEN_DAY, Action.EDIT);
        checkRule(rule);
        checkLimits(limits);
        tx.inTransaction(() -> {
            writeRule(rule);
            writeLimits(limits);
        });
    }

    private void checkRule(OpenDayRule rule) {
        Checks checks = new Checks(LocalDate.now(clock));
        checks.required("rule", "openday.rule", rule);
        checks.throwIfAny();
        checks.range("capacity", "openday.capacity", rule.capacityPerSlot(), 1, 1000);
        checks.rule(!rule.slots().isEmpty(), "slots", "openday.noSlots");
        checks.throwIfAny();
    }

    private void writeRule(OpenDayRule rule) {
        settings.put(PREFIX + "weekOfMonth", String.valueOf(rule.weekOfMonth()));
        settings.put(PREFIX + "dayOfWeek", rule.dayOfWeek().name());
        settings.put(
                PREFIX + "slots",
                rule.slots().stream().map(OpenDayRule.Slot::toString).collect(Collectors.joining(",")));
        settings.put(PREFIX + "capacity", String.valueOf(rule.capacityPerSlot()));
        settings.put(PREFIX + "blackouts", join(rule.blackouts()));
        settings.put(PREFIX + "extras", join(rule.extras()));
        audit.record(
                AuditLog.EDIT,
                "app_setting",
                PREFIX + "rule",
                AuditSummary.of("auditSummary.openDayRule"),
                AuditChanges.created(rule));
    }

    /**
     * Reads a rule as the settings screen shows it; every unreadable part is named, nothing is half-taken. Read only
     * to be saved, so it asks what saving asks.
     */
    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.EDIT)
    public OpenDayRule ruleFromText(
            int weekOfMonth, DayOfWeek dayOfWeek, String slots, int capacity, String blackouts, String extras) {
        user.require(AppModule.OPEN_DAY, Action.EDIT);
        Checks checks = new Checks(LocalDate.now(clock));
        checks.range("weekOfMonth", "openday.weekOfMonth", weekOfMonth, 1, 4);
        checks.required("dayOfWeek", "openday.dayOfWeek", dayOfWeek);
        List<OpenDayRule.Slot> s = parts(slots, OpenDayRule.Slot::parse);
        checks.rule(s != null, "slots", "openday.badSlots");
        checks.rule(s == null || !s.isEmpty(), "slots", "openday.noSlots");
        checks.range("capacity", "openday.capacity", capacity, 1, 1000);
        List<LocalDate> b = parts(blackouts, t -> LocalDate.parse(t));
        checks.rule(b != null, "blackouts", "openday.badDates", Messages.t("openday.blackouts"));
        List<LocalDate> x = parts(extras, t -> LocalDate.parse(t));
        checks.rule(x != null, "extras", "openday.badDates", Messages.t("openday.extras"));
        checks.throwIfAny();
        return new OpenDayRule(weekOfMonth, dayOfWeek, s, capacity, Set.copyOf(b), Set.copyOf(x));
    }

    /** Comma-separated parts, each read; null when one cannot be. */
    private static <T> List<T> parts(String text, Function<String, T> read) {
        try {
            return text == null
                    ? List.of()
                    : Arrays.stream(text.split("[,，、;；\\s]+"))
                            .map(String::strip)
                            .filter(p -> !p.isEmpty())
                            .map(read)
                            .toList();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** How many days ahead a group must book, and how long visitors' personal data is kept. */
    public record Limits(int cutoffDays, int retentionDays) {}

    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.VIEW)
    public Limits limits() {
        user.require(AppModule.OPEN_DAY, Action.VIEW);
        return new Limits(cutoffDays(settings), retentionDays(settings));
    }

    private void checkLimits(Limits limits) {
        Checks checks = new Checks(LocalDate.now(clock));
        checks.range("cutoffDays", "openday.cutoffDays", limits.cutoffDays(), 0, 60);
        checks.range("retentionDays", "openday.retentionDays", limits.retentionDays(), 1, 3650);
        checks.throwIfAny();
    }

    private void writeLimits(Limits limits) {
        Limits before = new Limits(cutoffDays(settings), retentionDays(settings));
        settings.put(CUTOFF_KEY, String.valueOf(limits.cutoffDays()));
        settings.put(RETENTION_KEY, String.valueOf(limits.retentionDays()));
        audit.record(
                AuditLog.EDIT,
                "app_setting",
                PREFIX + "limits",
                AuditSummary.of("auditSummary.openDayLimits", limits.cutoffDays(), limits.retentionDays()),
                AuditChanges.diff(before, limits));
    }

    static int cutoffDays(SettingsRepository settings) {
        return settings.get(CUTOFF_KEY).map(Integer::parseInt).orElse(DEFAULT_CUTOFF_DAYS);
    }

    static int retentionDays(SettingsRepository settings) {
        return settings.get(RETENTION_KEY).map(Integer::parseInt).orElse(DEFAULT_RETENTION_DAYS);
    }

    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.VIEW)
    public List<LocalDate> sessions(int year) {
        user.require(AppModule.OPEN_DAY, Action.VIEW);
        return rule().sessionDates(year);
    }

    private Optional<String> get(String key) {
        return settings.get(PREFIX + key).filter(s -> !s.isBlank());
    }

    private Set<LocalDate> dates(String key) {
        return get(key).map(s -> Arrays.stream(s.split(","))
                        .map(String::strip)
                        .map(LocalDate::parse)
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    private static String join(Set<LocalDate> dates) {
        return dates.stream().sorted().map(LocalDate::toString).collect(Collectors.joining(","));
    }
}
