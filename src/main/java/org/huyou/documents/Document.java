package org.huyou.documents;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One document of a resident's file, without its bytes (those are read through the service, audited). */
public record Document(
        long id,
        long residentId,
        DocumentKind kind,
        String title,
        LocalDate paperDate,
        LocalDate validUntil,
        ContentType contentType,
        long size,
        String sha256,
        Long replacesId,
        String createdBy,
        LocalDateTime createdAt,
        boolean voided,
        String voidedBy,
        String voidReason) {

    /** Expiry as of {@code today}: expired, expiring within {@code days}, or neither (also when it has no date). */
    public Expiry expiry(LocalDate today, int days) {
        if (validUntil == null) {
            return Expiry.NONE;
        }
        if (validUntil.isBefore(today)) {
            return Expiry.EXPIRED;
        }
        return validUntil.isAfter(today.plusDays(days)) ? Expiry.NONE : Expiry.EXPIRING;
    }

    public enum Expiry {
        NONE,
        EXPIRING,
        EXPIRED
    }
}
