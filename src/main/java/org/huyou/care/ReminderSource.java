package org.huyou.care;

import java.time.LocalDate;
import java.util.List;
import org.huyou.security.Action;
import org.huyou.security.AppModule;

/** A part of the care file that puts items on the reminders screen. */
public interface ReminderSource {

    /** The module whose permission the viewer needs to see these reminders. */
    AppModule module();

    /**
     * The action on {@link #module()} that makes a reminder the viewer's to act on: VIEW by default; a follow-up
     * goes to those who record it, an approval to those who approve.
     */
    default Action requiredAction() {
        return Action.VIEW;
    }

    List<Reminder> due(LocalDate today);

    /** A source of reminders for those holding {@code action} on {@code module}. */
    static ReminderSource of(AppModule module, Action action, java.util.function.Function<LocalDate,
            List<Reminder>> due) {
        return new ReminderSource() {
            @Override
            public AppModule module() {
                return module;
            }

            @Override
            public Action requiredAction() {
                return action;
            }

            @Override
            public List<Reminder> due(LocalDate today) {
                return due.apply(today);
            }
        };
    }
}
