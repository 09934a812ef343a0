package org.huyou.care;

import java.time.LocalDate;

/** The record of one review of a plan (rehabilitation, education or care plan): what was found and when next. */
public record PlanReview(
        long id,
        long planId,
        LocalDate reviewedOn,
        String summary,
        String goalSnapshot,
        LocalDate nextReview,
        String reviewedBy,
        boolean voided,
        String voidReason) {}
