package org.huyou.transition;

import java.time.LocalDate;

/** A visit after leaving and what the young adult's situation was. */
public record FollowUp(
        long id,
        long planId,
        LocalDate dueOn,
        LocalDate visitedOn,
        String housing,
        String work,
        String study,
        String income,
        String notes) {}
