package org.huyou.care;

import java.time.LocalDate;
import java.util.List;

/**
 * Something due for a resident: a checkup, a dose, a growth flag. Overdue ones come first on the screen. A reminder
 * may carry actions that deal with it at once (a dose: given, refused); each goes through its service's checks.
 */
public record Reminder(CareDomain domain, long residentId, String residentName, LocalDate due, String what,
                       boolean overdue, List<Action> actions) {

    public Reminder {
        actions = List.copyOf(actions);
    }

    public Reminder(CareDomain domain, long residentId, String residentName, LocalDate due, String what,
                    boolean overdue) {
        this(domain, residentId, residentName, due, what, overdue, List.of());
    }

    /** One way to deal with a reminder from the reminders screen; {@code perform} runs off the JavaFX thread. */
    public record Action(String id, String label, Runnable perform) {
    }
}
