package org.huyou.volunteers;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The shift plan of a period as it is printed: the home, the period, its activities and who is on each (by id). */
public record ShiftPlan(
        String homeName,
        LocalDate from,
        LocalDate to,
        List<Activity> activities,
        Map<Long, List<RosterLine>> rosters) {}
