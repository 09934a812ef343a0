package org.huyou.care.psych;

import java.time.LocalDate;
import java.util.List;

/** One completed questionnaire: the answers as given, the total and the risk the scoring suggested. */
public record Screening(
        long id,
        long residentId,
        String instrument,
        LocalDate assessedOn,
        List<Integer> answers,
        int total,
        String resultCode,
        RiskGrade suggested,
        String recordedBy,
        boolean voided,
        String voidReason) {}
