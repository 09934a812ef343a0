package org.huyou.care;

import java.time.LocalDate;
import java.util.List;
import org.huyou.security.AppModule;

/** A part of the care file that puts items on the reminders screen. */
public interface ReminderSource {

    /** The module whose VIEW permission the viewer needs to see these reminders. */
    AppModule module();

    List<Reminder> due(LocalDate today);
}
