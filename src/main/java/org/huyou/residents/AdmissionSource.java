package org.huyou.residents;

import org.huyou.common.Coded;

/** How a resident came to the home; TRANSFER_IN names the sending home in admission_from. */
public enum AdmissionSource implements Coded {
    FOUND_ABANDONED,
    POLICE,
    CIVIL_AFFAIRS,
    TRANSFER_IN,
    COURT,
    OTHER;

    @Override
    public String labelPrefix() {
        return "admissionSource";
    }
}
