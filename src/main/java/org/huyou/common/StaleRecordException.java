package org.huyou.common;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Someone else saved the record after it was opened here; the caller shows their values beside the user's. */
public class StaleRecordException extends UserFacingException {

    private final String updatedBy;
    private final Object updatedAt;

    public StaleRecordException(String updatedBy, Object updatedAt) {
        super("error.staleRecord", updatedBy == null ? "?" : updatedBy, shown(updatedAt));
        this.updatedBy = updatedBy == null ? "?" : updatedBy;
        this.updatedAt = shown(updatedAt);
    }

    /** A time as people read it (to the second: two saves in one minute are told apart), not ISO's "T". */
    static Object shown(Object at) {
        if (at instanceof LocalDateTime t) {
            return t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        }
        return at == null ? "?" : at;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Object updatedAt() {
        return updatedAt;
    }
}
