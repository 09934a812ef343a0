package org.huyou.care.psych;

import java.time.LocalDate;

/**
 * A resident on the psychological caseload: the current grade, when they were last seen (assessment or counselling)
 * and when the next follow-up is due under the grade's schedule.
 */
public record PsychCase(
        long residentId,
        String residentName,
        RiskGrade grade,
        LocalDate assessedOn,
        String psychologist,
        LocalDate lastContact,
        LocalDate nextDue,
        boolean overdue) {}
