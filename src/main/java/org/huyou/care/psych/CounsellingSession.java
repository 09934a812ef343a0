package org.huyou.care.psych;

import java.time.LocalDate;
import org.huyou.common.Coded;

/** A counselling session as lists show it: never the note, which is opened on its own with a reason. */
public record CounsellingSession(
        long id,
        long residentId,
        LocalDate date,
        Kind kind,
        int minutes,
        String counsellor,
        boolean voided,
        String voidReason) {

    public enum Kind implements Coded {
        INDIVIDUAL,
        GROUP,
        CRISIS,
        FOLLOW_UP,
        REFERRAL;

        @Override
        public String labelPrefix() {
            return "counselling";
        }
    }
}
