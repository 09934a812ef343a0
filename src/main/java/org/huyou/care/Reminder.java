package org.huyou.care;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Something due for a resident: a checkup, a dose, a growth flag. Overdue ones come first on the screen. A reminder
 * may carry actions that deal with it at once (a dose: given, refused); each goes through its service's checks.
 * {@code warning} is a safety warning to show with it, marked (a dose of a drug the child is allergic to), or null.
 */
public record Reminder(
        CareDomain domain,
        long residentId,
        String residentName,
        LocalDate due,
        String what,
        boolean overdue,
        List<Action> actions,
        String warning) {

    public Reminder {
        actions = List.copyOf(actions);
    }

    public Reminder(
            CareDomain domain, long residentId, String residentName, LocalDate due, String what, boolean overdue) {
        this(domain, residentId, residentName, due, what, overdue, List.of(), null);
    }

    /**
     * One way to deal with a reminder from the reminders screen; {@code act} runs off the JavaFX thread and returns
     * how to take it back (run off the JavaFX thread too), or null when it cannot be taken back. When {@code act} is
     * refused for safety but may be done anyway with a reason (a dose despite an allergy), {@code withReason} does it
     * with the reason the screen asked for; null when no override exists.
     */
    public record Action(String id, String label, Supplier<Runnable> act, Function<String, Runnable> withReason) {

        public Action(String id, String label, Supplier<Runnable> act) {
            this(id, label, act, null);
        }

        public Action(String id, String label, Runnable perform) {
            this(id, label, () -> {
                perform.run();
                return null;
            });
        }

        /** Does it, dropping the way back. */
        public Runnable perform() {
            return act::get;
        }
    }
}
