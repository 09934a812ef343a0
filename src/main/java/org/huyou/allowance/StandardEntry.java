package org.huyou.allowance;

import org.huyou.common.EntryTrail;

/** A standard as recorded: who entered it and, if it was entered wrongly, who voided it and why. */
public record StandardEntry(long id, Proration.Standard standard, String source, EntryTrail trail) {

    public boolean voided() {
        return trail.voided();
    }
}
