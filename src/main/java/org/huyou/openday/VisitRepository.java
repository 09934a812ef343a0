package org.huyou.openday;

import static org.huyou.db.generated.Tables.OPENDAY_BOOKING;
import static org.huyou.db.generated.Tables.OPENDAY_VISIT;
import static org.huyou.db.generated.Tables.SLIP_COUNTER;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.huyou.db.generated.tables.records.OpendayVisitRecord;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/** Open-day visits and the slip counter. */
public final class VisitRepository {

    private final DSLContext dsl;

    public VisitRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public int nextSlipNo(int year) {
        var c = SLIP_COUNTER;
        Integer last = dsl.select(c.LAST_NO)
                .from(c)
                .where(c.SLIP_YEAR.eq(year))
                .forUpdate()
                .fetchOne(c.LAST_NO);
        if (last == null) {
            dsl.insertInto(c).set(c.SLIP_YEAR, year).set(c.LAST_NO, 1).execute();
            return 1;
        }
        dsl.update(c).set(c.LAST_NO, last + 1).where(c.SLIP_YEAR.eq(year)).execute();
        return last + 1;
    }

    /** The database refused a second check-in of one document at one session (index uq_openday_visit_entry). */
    public static final class DuplicateCheckIn extends RuntimeException {
        DuplicateCheckIn(Throwable cause) {
            super(cause);
        }
    }

    /**
     * Inserts a check-in; throws {@link DuplicateCheckIn} when the same document already checked in at the session,
     * which the service's own look-up misses only when another desk commits the same person at the same moment.
     */
    public long insert(Visit v, String actor) {
        try {
            return insertRow(v, actor);
        } catch (DataAccessException e) {
            // 23505 is the standard unique-violation state on H2 and PostgreSQL; the index name tells it from others
            if ("23505".equals(e.sqlState())
                    && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("uq_openday_visit_entry")) {
                throw new DuplicateCheckIn(e);
            }
            throw e;
        }
    }

    private long insertRow(Visit v, String actor) {
        var t = OPENDAY_VISIT;
        return dsl.insertInto(t)
                .set(t.SESSION_DATE, v.date())
                .set(t.SLOT, v.slot())
                .set(t.BOOKING_ID, v.bookingId())
                .set(t.VISITOR_NAME, v.visitorName())
                .set(t.ORGANISATION, v.organisation())
                .set(t.DOCUMENT_TYPE, v.documentType().name())
                .set(t.DOCUMENT_NO, v.documentNo())
                .set(t.PHONE, v.phone())
                .set(t.HEAD_COUNT, v.headCount())
                .set(t.HOST, v.host())
                .set(t.RULES_ACKNOWLEDGED, true)
                .set(t.SLIP_NO, v.slipNo())
                .set(t.CHECKED_IN_AT, v.checkedInAt())
                .set(t.CHECKED_IN_BY, actor)
                .returning(t.ID)
                .fetchOne(t.ID);
    }

    public Optional<Visit> find(long id) {
        return dsl.selectFrom(OPENDAY_VISIT).where(OPENDAY_VISIT.ID.eq(id)).fetchOptional(VisitRepository::visit);
    }

    /** The check-in of this document at this session (date and slot), if any: one person enters once. */
    public Optional<Visit> findCheckIn(LocalDate date, String slot, Visit.DocumentType type, String documentNo) {
        var v = OPENDAY_VISIT;
        return dsl.selectFrom(v)
                .where(v.SESSION_DATE.eq(date))
                .and(v.SLOT.eq(slot))
                .and(v.DOCUMENT_TYPE.eq(type.name()))
                .and(v.DOCUMENT_NO.eq(documentNo))
                .orderBy(v.ID)
                .limit(1)
                .fetchOptional(VisitRepository::visit);
    }

    /** The booking a visit is checked in against, if it exists. */
    public Optional<Booking> booking(long bookingId) {
        return dsl.selectFrom(OPENDAY_BOOKING)
                .where(OPENDAY_BOOKING.ID.eq(bookingId))
                .fetchOptional(BookingRepository::booking);
    }

    /** The kind of a booking (group or individual), if it exists. */
    public Optional<Booking.Kind> bookingKind(long bookingId) {
        var b = OPENDAY_BOOKING;
        return dsl.select(b.KIND)
                .from(b)
                .where(b.ID.eq(bookingId))
                .fetchOptional(r -> Booking.Kind.valueOf(r.value1()));
    }

    public List<Visit> forSession(LocalDate date) {
        return dsl.selectFrom(OPENDAY_VISIT)
                .where(OPENDAY_VISIT.SESSION_DATE.eq(date))
                .orderBy(OPENDAY_VISIT.ID)
                .fetch(VisitRepository::visit);
    }

    /** Everyone checked in under one booking: the group's members. */
    public List<Visit> forBooking(long bookingId) {
        return dsl.selectFrom(OPENDAY_VISIT)
                .where(OPENDAY_VISIT.BOOKING_ID.eq(bookingId))
                .orderBy(OPENDAY_VISIT.ID)
                .fetch(VisitRepository::visit);
    }

    /** What stands where a removed name or phone was: the columns stay filled, the person is gone. */
    public static final String REMOVED = "—";

    /**
     * Removes the visitors' names, document numbers and phones of sessions before a day, and the contacts of their
     * bookings; the visits, head counts and organisations stay for the statistics. Returns how many visits.
     */
    public int removePersonalData(LocalDate before, LocalDateTime now) {
        var t = OPENDAY_VISIT;
        var b = OPENDAY_BOOKING;
        dsl.update(b)
                .set(b.CONTACT_NAME, REMOVED)
                .set(b.CONTACT_PHONE, REMOVED)
                .where(b.SESSION_DATE.lt(before))
                .and(b.CONTACT_PHONE.ne(REMOVED))
                .execute();
        return dsl.update(t)
                .set(t.VISITOR_NAME, REMOVED)
                .setNull(t.DOCUMENT_NO)
                .setNull(t.PHONE)
                .set(t.PERSONAL_REMOVED_AT, now)
                .where(t.SESSION_DATE.lt(before))
                .and(t.PERSONAL_REMOVED_AT.isNull())
                .execute();
    }

    /** The slip numbers of the visits whose personal data is removed: their printed slips must go too. */
    public Set<String> slipNosWithoutPersonalData() {
        var t = OPENDAY_VISIT;
        return new HashSet<>(dsl.select(t.SLIP_NO)
                .from(t)
                .where(t.PERSONAL_REMOVED_AT.isNotNull())
                .fetch(t.SLIP_NO));
    }

    public List<VisitMonth> stats(int year) {
        var t = OPENDAY_VISIT;
        var month = DSL.month(t.SESSION_DATE);
        return dsl.select(month, DSL.count(), DSL.sum(t.HEAD_COUNT), DSL.count(t.ORGANISATION))
                .from(t)
                .where(DSL.year(t.SESSION_DATE).eq(year))
                .groupBy(month)
                .orderBy(month)
                .fetch(r -> new VisitMonth(r.value1(), r.value2(), r.value3().intValue(), r.value4()));
    }

    private static Visit visit(OpendayVisitRecord r) {
        return new Visit(
                r.getId(),
                r.getSessionDate(),
                r.getSlot(),
                r.getBookingId(),
                r.getVisitorName(),
                r.getOrganisation(),
                Visit.DocumentType.valueOf(r.getDocumentType()),
                r.getDocumentNo(),
                r.getPhone(),
                r.getHeadCount(),
                r.getHost(),
                r.getSlipNo(),
                r.getCheckedInAt(),
                r.getPersonalRemovedAt() != null);
    }
}
