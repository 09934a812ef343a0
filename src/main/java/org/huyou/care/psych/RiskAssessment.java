package org.huyou.care.psych;

import java.time.LocalDate;

/**
 * The guardianship + psychological double assessment (监护、心理"双评估"): each side graded, the overall grade the
 * higher of the two, since a child is as much at risk as the worse of its situation and its state.
 */
public record RiskAssessment(
        long id,
        long residentId,
        LocalDate assessedOn,
        RiskGrade guardianshipRisk,
        RiskGrade psychologicalRisk,
        RiskGrade grade,
        Long screeningId,
        String basis,
        String psychologist,
        boolean voided,
        String voidReason) {

    /** The same assessment as stored under {@code id}. */
    public RiskAssessment withId(long id) {
        return new RiskAssessment(
                id,
                residentId,
                assessedOn,
                guardianshipRisk,
                psychologicalRisk,
                grade,
                screeningId,
                basis,
                psychologist,
                voided,
                voidReason);
    }

    public static RiskGrade gradeOf(RiskGrade guardianship, RiskGrade psychological) {
        return RiskGrade.higher(guardianship, psychological);
    }
}
