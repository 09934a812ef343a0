package org.huyou.allowance;

import java.time.LocalDate;
import org.huyou.common.EntryTrail;

/** A resident's allowance category from a day on, as recorded (voided entries stay, marked). */
public record CategoryChange(
        long id, long residentId, AllowanceCategory category, LocalDate effectiveFrom, String note, EntryTrail trail) {

    public boolean voided() {
        return trail.voided();
    }
}
