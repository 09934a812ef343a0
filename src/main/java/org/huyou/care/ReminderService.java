package org.huyou.care;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/** The logged-in user's reminders from every registered part they may see: overdue first, then by date. */
public final class ReminderService extends ServiceBase {

    private final List<ReminderSource> sources;

    public ReminderService(List<ReminderSource> sources, ServiceContext context) {
        super(context);
        this.sources = List.copyOf(sources);
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public List<Reminder> due() {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        LocalDate today = LocalDate.now(clock);
        List<Reminder> all = new ArrayList<>();
        for (ReminderSource s : sources) {
            if (user.can(s.module(), s.requiredAction())) {
                all.addAll(s.due(today));
            }
        }
        all.sort(Comparator.comparing((Reminder r) -> !r.overdue())
                .thenComparing(Reminder::due)
                .thenComparing(Reminder::residentName));
        return all;
    }

    /** How many are due today or overdue (not those coming up): the number beside 提醒 in the sidebar. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public int dueNow() {
        return countDueNow(due(), today());
    }

    @AnyUser
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Of a list already loaded, how many are due by {@code today}: the screen counts what it shows, no second load. */
    public static int countDueNow(Collection<Reminder> list, LocalDate today) {
        return (int) list.stream()
                .filter(r -> r.overdue() || !r.due().isAfter(today))
                .count();
    }
}
