package org.huyou.security;

import org.huyou.common.Coded;

/** What a permission allows on a module. */
public enum Action implements Coded {
    VIEW,
    CREATE,
    EDIT,
    VOID,
    APPROVE,
    EXPORT;

    @Override
    public String labelPrefix() {
        return "action";
    }
}
