package org.huyou.transition;

import org.huyou.common.Coded;

/** The departments a placement plan's tasks go to. */
public enum Department implements Coded {
    CIVIL_AFFAIRS,
    PUBLIC_SECURITY,
    HOUSING,
    HUMAN_RESOURCES,
    MEDICAL_INSURANCE,
    EDUCATION,
    DISABLED_FEDERATION,
    JUSTICE,
    FINANCE,
    AGRICULTURE;

    @Override
    public String labelPrefix() {
        return "department";
    }
}
