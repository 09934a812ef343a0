package org.huyou.care;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/**
 * A part of the care file that puts items on the reminders screen. It checks the viewer itself (a final class, not
 * an interface, so no caller gets at the query without the check): called directly, it refuses whom the reminders
 * screen would not show it to.
 */
public final class ReminderSource {

    private final CurrentUser user;
    private final AppModule module;
    private final Action action;
    private final Function<LocalDate, List<Reminder>> due;

    private ReminderSource(CurrentUser user, AppModule module, Action action, Function<LocalDate, List<Reminder>> due) {
        this.user = user;
        this.module = module;
        this.action = action;
        this.due = due;
    }

    /** A source of reminders for those holding {@code action} on {@code module}. */
    public static ReminderSource of(
            CurrentUser user, AppModule module, Action action, Function<LocalDate, List<Reminder>> due) {
        return new ReminderSource(user, module, action, due);
    }

    /** The module whose permission the viewer needs to see these reminders. */
    public AppModule module() {
        return module;
    }

    /**
     * The action on {@link #module()} that makes a reminder the viewer's to act on: VIEW for most; a follow-up
     * goes to those who record it, an approval to those who approve.
     */
    public Action requiredAction() {
        return action;
    }

    /** The reminders due on {@code today}; refuses a viewer without {@link #requiredAction()} on the module. */
    public List<Reminder> due(LocalDate today) {
        user.require(module, action);
        return due.apply(today);
    }
}
