package org.huyou.residents;

import org.huyou.common.Coded;

/** Who holds guardianship of the resident. */
public enum Guardianship implements Coded {
    CIVIL_AFFAIRS_LONG_TERM,
    CIVIL_AFFAIRS_TEMPORARY,
    ENTRUSTED_BY_GUARDIAN,
    OTHER;

    @Override
    public String labelPrefix() {
        return "guardianship";
    }
}
