package org.huyou.security;

import org.huyou.common.Coded;

/** The staff roles of a welfare home; an account may hold several. */
public enum Role implements Coded {
    ADMINISTRATOR,
    DIRECTOR,
    CAREGIVER,
    MEDICAL_STAFF,
    REHABILITATION_THERAPIST,
    TEACHER,
    PSYCHOLOGIST,
    SOCIAL_WORKER,
    FINANCE_OFFICER,
    FRONT_DESK;

    @Override
    public String labelPrefix() {
        return "role";
    }
}
