package org.huyou.openday;

import static org.huyou.db.generated.Tables.OPENDAY_BOOKING;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.huyou.db.generated.tables.records.OpendayBookingRecord;
import org.jooq.DSLContext;

/** Open-day bookings. */
public final class BookingRepository {

    private final DSLContext dsl;

    public BookingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Locks the slot's bookings so two desks cannot hand out the same last places. */
    public List<Booking> lockSlot(LocalDate date, String slot) {
        var b = OPENDAY_BOOKING;
        return dsl.selectFrom(b)
                .where(b.SESSION_DATE.eq(date))
                .and(b.SLOT.eq(slot))
                .orderBy(b.QUEUED_AT, b.ID)
                .forUpdate()
                .fetch(BookingRepository::booking);
    }

    public long insert(Booking x, String actor, LocalDateTime now) {
        var b = OPENDAY_BOOKING;
        return dsl.insertInto(b)
                .set(b.SESSION_DATE, x.date())
                .set(b.SLOT, x.slot())
                .set(b.KIND, x.kind().name())
                .set(b.ORGANISATION, x.organisation())
                .set(b.CONTACT_NAME, x.contactName())
                .set(b.CONTACT_PHONE, x.contactPhone())
                .set(b.HEAD_COUNT, x.headCount())
                .set(b.STATUS, x.status().name())
                .set(b.QUEUED_AT, x.queuedAt())
                .set(b.CREATED_AT, now)
                .set(b.CREATED_BY, actor)
                .returning(b.ID)
                .fetchOne(b.ID);
    }

    public boolean setStatus(long id, Booking.Status status, String actor) {
        var b = OPENDAY_BOOKING;
        return dsl.update(b)
                        .set(b.STATUS, status.name())
                        .set(b.DECIDED_BY, actor)
                        .set(b.VERSION, b.VERSION.plus(1))
                        .where(b.ID.eq(id))
                        .execute()
                == 1;
    }

    /** Keeps why a booking was cancelled (set in the same transaction as the status). */
    public void setCancelReason(long id, String reason) {
        var b = OPENDAY_BOOKING;
        dsl.update(b).set(b.CANCEL_REASON, reason).where(b.ID.eq(id)).execute();
    }

    public Optional<Booking> find(long id) {
        return dsl.selectFrom(OPENDAY_BOOKING)
                .where(OPENDAY_BOOKING.ID.eq(id))
                .fetchOptional(BookingRepository::booking);
    }

    public List<Booking> forSession(LocalDate date) {
        var b = OPENDAY_BOOKING;
        return dsl.selectFrom(b)
                .where(b.SESSION_DATE.eq(date))
                .orderBy(b.SLOT, b.QUEUED_AT, b.ID)
                .fetch(BookingRepository::booking);
    }

    static Booking booking(OpendayBookingRecord r) {
        return new Booking(
                r.getId(),
                r.getSessionDate(),
                r.getSlot(),
                Booking.Kind.valueOf(r.getKind()),
                r.getOrganisation(),
                r.getContactName(),
                r.getContactPhone(),
                r.getHeadCount(),
                Booking.Status.valueOf(r.getStatus()),
                r.getQueuedAt(),
                r.getVersion());
    }
}
