package org.huyou.volunteers;

import java.time.LocalDate;
import org.huyou.common.Coded;

/** One criminal-record inquiry (入职查询) for a volunteer: clear checks are valid until a date. */
public record BackgroundCheck(
        long id, long volunteerId, LocalDate checkedOn, Result result, LocalDate validUntil, String reference) {

    public enum Result implements Coded {
        CLEAR,
        RECORD_FOUND,
        PENDING;

        @Override
        public String labelPrefix() {
            return "checkResult";
        }
    }

    /** Whether this check lets the volunteer work with children on a day. */
    public boolean clearOn(LocalDate day) {
        return result == Result.CLEAR && !day.isBefore(checkedOn) && !day.isAfter(validUntil);
    }
}
