package org.huyou.care;

import java.time.LocalDate;

/** Something due for a resident: a checkup, a dose, a growth flag. Overdue ones come first on the screen. */
public record Reminder(CareDomain domain, long residentId, String residentName, LocalDate due, String what,
                       boolean overdue) {
}
