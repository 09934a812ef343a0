package org.huyou.volunteers;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One volunteer on a shift's roster: attended is null until the day's attendance is recorded; checkOverride is the
 * reason they were put on it despite their background check, and checkOverrideBy who gave it (both null without).
 * One who withdrew stays on the roster with when, by whom and why (withdrawnAt null for those still on it).
 */
public record RosterLine(
        long volunteerId,
        String name,
        String phone,
        String organisation,
        Boolean attended,
        BigDecimal hours,
        String checkOverride,
        String checkOverrideBy,
        LocalDateTime withdrawnAt,
        String withdrawnBy,
        String withdrawnReason) {

    /** Taken off the shift: kept on the roster, out of its count and places. */
    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}
