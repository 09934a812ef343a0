package org.huyou.openday;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.huyou.common.Coded;

/** A group's or a person's place in one slot of an open-day session. */
public record Booking(
        long id,
        LocalDate date,
        String slot,
        Kind kind,
        String organisation,
        String contactName,
        String contactPhone,
        int headCount,
        Status status,
        LocalDateTime queuedAt,
        int version) {

    public enum Kind implements Coded {
        GROUP,
        INDIVIDUAL;

        @Override
        public String labelPrefix() {
            return "bookingKind";
        }
    }

    public enum Status implements Coded {
        PENDING,
        APPROVED,
        WAITLISTED,
        CANCELLED,
        REJECTED;

        /** Holds places in the slot. */
        public boolean holdsPlaces() {
            return this == PENDING || this == APPROVED;
        }

        @Override
        public String labelPrefix() {
            return "bookingStatus";
        }
    }
}
