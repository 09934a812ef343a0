package org.huyou.care;

import org.huyou.common.Coded;

/** The parts of the integrated care file (养、治、教、康、社工); part 2 adds its domains here. */
public enum CareDomain implements Coded {
    UPBRINGING,
    GROWTH,
    MEDICAL,
    REHABILITATION,
    EDUCATION,
    PSYCHOLOGY,
    INCIDENT,
    CARE_PLAN,
    DOCUMENTS;

    @Override
    public String labelPrefix() {
        return "careDomain";
    }
}
