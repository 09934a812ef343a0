package org.huyou.residents;

import org.huyou.common.Coded;

/** A resident's status over time; the current one is the latest event of the history. */
public enum ResidentStatus implements Coded {
    IN_CARE,
    FAMILY_FOSTER_CARE,
    ADOPTED,
    TRANSFERRED_OUT,
    ADULT_TRANSITION,
    DECEASED;

    @Override
    public String labelPrefix() {
        return "status";
    }
}
