package org.huyou.common;

/**
 * The data itself is not as it was written: a backup whose checksum fails, a broken ledger chain, unreadable
 * settings. Told apart from a user's mistake so that scripts can (the command line exits 2 for it, 1 for a mistake).
 */
public class DamagedDataException extends UserFacingException {

    public DamagedDataException(String messageKey, Object... args) {
        super(messageKey, args);
    }

    public DamagedDataException(Throwable cause, String messageKey, Object... args) {
        super(cause, messageKey, args);
    }
}
