package org.huyou.residents;

import java.time.LocalDate;
import org.huyou.common.EntryTrail;

/** One entry of a resident's status history. Voided entries stay in the history, marked. */
public record StatusEvent(
        Long id, long residentId, ResidentStatus status, LocalDate date, String note, EntryTrail trail) {

    public boolean voided() {
        return trail.voided();
    }
}
