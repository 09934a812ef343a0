package org.huyou.security;

import org.huyou.common.Coded;

/**
 * What a permission is about: a module of the app, or a group of sensitive fields (ID numbers in full, clinical
 * notes) that some roles see and others do not. Later modules add their constants here and rows to the matrix.
 */
public enum AppModule implements Coded {
    RESIDENTS, ID_NUMBERS, CLINICAL_NOTES, ACCOUNTS, AUDIT, BACKUP;

    @Override
    public String labelPrefix() {
        return "module";
    }
}
