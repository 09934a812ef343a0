package org.huyou.common;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Someone else saved the record after it was opened here; the caller shows their values beside the user's. */
public class StaleRecordException extends UserFacingException {

    private final String updatedBy;
    private final Object updatedAt;

    public StaleRecordException(String updatedBy, Object updatedAt) {
        this("error.staleRecord", updatedBy, updatedAt);
    }

    /** With a sentence of its own, whose first two arguments are who saved and when, then {@code more}. */
    protected StaleRecordException(String messageKey, String updatedBy, Object updatedAt, Object... more) {
        super(messageKey, with(updatedBy == null ? "?" : updatedBy, shown(updatedAt), more));
        this.updatedBy = updatedBy == null ? "?" : updatedBy;
        this.updatedAt = shown(updatedAt);
    }

    private static Object[] with(Object by, Object at, Object[] more) {
        Object[] args = new Object[2 + more.length];
        args[0] = by;
        args[1] = at;
        System.arraycopy(more, 0, args, 2, more.length);
        return args;
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
