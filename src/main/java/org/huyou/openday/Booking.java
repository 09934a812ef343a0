package org.huyou.openday;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.huyou.common.Coded;
import org.huyou.common.UserFacingException;

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

    /**
     * Why this booking cannot be moved to {@code to} in its present status, or null when it can: only a booking
     * awaiting approval is approved; a cancelled or rejected one is closed. The service refuses by it and the desk
     * disables the button by it, so the two cannot drift apart.
     */
    public UserFacingException refusal(Status to) {
        if (status == Status.CANCELLED || status == Status.REJECTED) {
            return new UserFacingException("booking.closed", status.label());
        }
        if (to == Status.APPROVED && status != Status.PENDING) {
            return new UserFacingException("booking.approveOnlyPending", status.label());
        }
        return null;
    }

    /**
     * Why no visitor may be checked in against this booking at the session of {@code day}, or null when they may:
     * children are present on an open day, so only an approved booking admits, and only to its own session (one
     * pending, waiting, rejected or cancelled gives no entry). The service refuses by it and the desk turns its
     * check-in off by it, as with {@link #refusal}.
     */
    public UserFacingException admissionRefusal(LocalDate day) {
        if (status != Status.APPROVED) {
            return new UserFacingException(
                    "visit.bookingNotAdmitting", bookedBy(), date.toString(), slot, status.label());
        }
        if (!date.equals(day)) {
            return new UserFacingException(
                    "visit.bookingOtherSession", bookedBy(), date.toString(), slot, String.valueOf(day));
        }
        return null;
    }

    /** Who booked, as the desk names a booking: a group's organisation, a person (its number once both are gone). */
    public String bookedBy() {
        String who = kind == Kind.GROUP ? organisation : contactName;
        return who == null || who.isBlank() ? "#" + id : who;
    }

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
