package org.huyou.care.psych;

import org.huyou.common.Coded;

/** The low / medium / high risk grading (低中高风险分级管理) that decides how closely a child is followed. */
public enum RiskGrade implements Coded {
    LOW,
    MEDIUM,
    HIGH;

    public static RiskGrade higher(RiskGrade a, RiskGrade b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public String labelPrefix() {
        return "risk";
    }
}
