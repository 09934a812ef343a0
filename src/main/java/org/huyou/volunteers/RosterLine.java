package org.huyou.volunteers;

import java.math.BigDecimal;

/**
 * One volunteer on a shift's roster: attended is null until the day's attendance is recorded; checkOverride is the
 * reason they were put on it despite their background check, and checkOverrideBy who gave it (both null without).
 */
public record RosterLine(
        long volunteerId,
        String name,
        String phone,
        String organisation,
        Boolean attended,
        BigDecimal hours,
        String checkOverride,
        String checkOverrideBy) {}
