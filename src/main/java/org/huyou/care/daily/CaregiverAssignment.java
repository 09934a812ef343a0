package org.huyou.care.daily;

import java.time.LocalDate;

/** Who looks after a child, from a date until another caregiver takes over (open: still now). */
public record CaregiverAssignment(
        long id,
        long residentId,
        String caregiver,
        LocalDate from,
        LocalDate to,
        String note,
        String recordedBy,
        boolean voided) {}
