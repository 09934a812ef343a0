package org.huyou.volunteers;

import java.math.BigDecimal;

/** One volunteer on a shift's roster: attended is null until the day's attendance is recorded. */
public record RosterLine(
        long volunteerId, String name, String phone, String organisation, Boolean attended, BigDecimal hours) {}
