package org.huyou.openday;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.huyou.common.Checks;
import org.huyou.common.UserFacingException;
import org.huyou.db.SettingsRepository;
import org.huyou.db.Transactions;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;

/** The open day's rule, kept in the settings, and the sessions it gives. */
public final class OpenDayService {

    private static final String PREFIX = "openday.";

    private final SettingsRepository settings;
    private final Transactions tx;
    private final CurrentUser user;
    private final AuditLog audit;

    public OpenDayService(SettingsRepository settings, Transactions tx, CurrentUser user, AuditLog audit) {
        this.settings = settings;
        this.tx = tx;
        this.user = user;
        this.audit = audit;
    }

    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.VIEW)
    public OpenDayRule rule() {
        user.require(AppModule.OPEN_DAY, Action.VIEW);
        OpenDayRule d = OpenDayRule.DEFAULT;
        try {
            return new OpenDayRule(get("weekOfMonth").map(Integer::parseInt).orElse(d.weekOfMonth()),
                    get("dayOfWeek").map(DayOfWeek::valueOf).orElse(d.dayOfWeek()),
                    get("slots").map(s -> Arrays.stream(s.split(",")).map(OpenDayRule.Slot::parse).toList())
                            .orElse(d.slots()),
                    get("capacity").map(Integer::parseInt).orElse(d.capacityPerSlot()),
                    dates("blackouts"), dates("extras"));
        } catch (RuntimeException e) {
            throw new UserFacingException(e, "openday.ruleDamaged");
        }
    }

    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.EDIT)
    public void setRule(OpenDayRule rule) {
        user.require(AppModule.OPEN_DAY, Action.EDIT);
        Checks checks = new Checks(LocalDate.now());
        checks.required("rule", "openday.rule", rule);
        checks.throwIfAny();
        checks.range("capacity", "openday.capacity", rule.capacityPerSlot(), 1, 1000);
        checks.rule(!rule.slots().isEmpty(), "slots", "openday.noSlots");
        checks.throwIfAny();
        tx.inTransaction(() -> {
            settings.put(PREFIX + "weekOfMonth", String.valueOf(rule.weekOfMonth()));
            settings.put(PREFIX + "dayOfWeek", rule.dayOfWeek().name());
            settings.put(PREFIX + "slots", rule.slots().stream().map(OpenDayRule.Slot::toString)
                    .collect(Collectors.joining(",")));
            settings.put(PREFIX + "capacity", String.valueOf(rule.capacityPerSlot()));
            settings.put(PREFIX + "blackouts", join(rule.blackouts()));
            settings.put(PREFIX + "extras", join(rule.extras()));
            audit.record(AuditLog.EDIT, "app_setting", PREFIX + "rule", rule.toString(), null);
        });
    }

    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.VIEW)
    public List<LocalDate> sessions(int year) {
        user.require(AppModule.OPEN_DAY, Action.VIEW);
        return rule().sessionDates(year);
    }

    private java.util.Optional<String> get(String key) {
        return settings.get(PREFIX + key).filter(s -> !s.isBlank());
    }

    private Set<LocalDate> dates(String key) {
        return get(key).map(s -> Arrays.stream(s.split(",")).map(String::strip).map(LocalDate::parse)
                .collect(Collectors.toSet())).orElse(Set.of());
    }

    private static String join(Set<LocalDate> dates) {
        return dates.stream().sorted().map(LocalDate::toString).collect(Collectors.joining(","));
    }
}
