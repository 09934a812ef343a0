package org.huyou.common;

/** Someone else saved the record after it was opened here; the caller reloads and tries again. */
public class StaleRecordException extends UserFacingException {

    public StaleRecordException(String updatedBy, Object updatedAt) {
        super("error.staleRecord", updatedBy == null ? "?" : updatedBy, updatedAt == null ? "?" : updatedAt);
    }
}
