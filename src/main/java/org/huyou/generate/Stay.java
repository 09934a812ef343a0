package org.huyou.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.ResidentStatus;

/** A generated resident's time in the home: from admission to departure (null while still in care). */
record Stay(
        long residentId,
        LocalDate birth,
        LocalDate admission,
        LocalDate departure,
        ResidentStatus leftAs,
        DisabilityType disability) {

    /** The last day in care: the day before departure, else {@code today}. */
    LocalDate lastDay(LocalDate today) {
        return departure == null ? today : departure.minusDays(1);
    }

    long days(LocalDate today) {
        return Math.max(1, ChronoUnit.DAYS.between(admission, lastDay(today)) + 1);
    }
}
