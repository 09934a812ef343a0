package org.huyou.openday;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huyou.common.Checks;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.db.SettingsRepository;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/**
 * Bookings for an open-day slot. Groups book at least N days ahead (default 3) and front desk approves them;
 * individuals register ahead or on the day. Places are held by pending and approved bookings; a booking that does not
 * fit, or comes while others wait, joins the waiting list, which moves up in order whenever places free.
 */
public final class BookingService extends ServiceBase {

    private final BookingRepository repo;
    private final OpenDayService openDay;
    private final SettingsRepository settings;

    public BookingService(
            BookingRepository repo, OpenDayService openDay, SettingsRepository settings, ServiceContext context) {
        super(context);
        this.repo = repo;
        this.openDay = openDay;
        this.settings = settings;
    }

    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.CREATE)
    public Booking bookGroup(
            LocalDate date, String slot, String organisation, String contactName, String phone, int headCount) {
        user.require(AppModule.OPEN_DAY, Action.CREATE);
        Checks checks = new Checks(LocalDate.now(clock));
        String org = checks.text("organisation", "booking.organisation", organisation, 200, true);
        checks.range("headCount", "booking.headCount", headCount, 1, 500);
        checks.throwIfAny();
        int cutoff = OpenDayService.cutoffDays(settings);
        if (date != null && date.isBefore(LocalDate.now(clock).plusDays(cutoff))) {
            throw new UserFacingException("booking.tooLate", cutoff, date.toString());
        }
        return book(date, slot, Booking.Kind.GROUP, org, contactName, phone, headCount);
    }

    /**
     * A person registering, with those who come with them ({@code headCount}, at least 1) and where they come from
     * ({@code organisation}, optional): everything the desk typed is kept, as for a group.
     */
    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.CREATE)
    public Booking registerIndividual(
            LocalDate date, String slot, String name, String organisation, String phone, int headCount) {
        user.require(AppModule.OPEN_DAY, Action.CREATE);
        Checks checks = new Checks(LocalDate.now(clock));
        String org = checks.text("organisation", "booking.organisation", organisation, 200, false);
        checks.range("headCount", "booking.headCount", headCount, 1, 500);
        checks.throwIfAny();
        if (date != null && date.isBefore(LocalDate.now(clock))) {
            throw new UserFacingException("booking.sessionPast", date.toString());
        }
        return book(date, slot, Booking.Kind.INDIVIDUAL, org, name, phone, headCount);
    }

    private Booking book(
            LocalDate date,
            String slot,
            Booking.Kind kind,
            String org,
            String contactName,
            String phone,
            int headCount) {
        Checks checks = new Checks(LocalDate.now(clock));
        checks.required("date", "booking.date", date);
        String s = checks.text("slot", "booking.slot", slot, 11, true);
        String n = checks.text("contactName", "booking.contactName", contactName, 100, true);
        String p = checks.phone("phone", "booking.phone", phone, true);
        checks.throwIfAny();
        OpenDayRule rule = openDay.rule();
        if (!rule.sessionDates(date.getYear()).contains(date)) {
            throw new UserFacingException("booking.noSession", date.toString());
        }
        if (rule.slots().stream().noneMatch(x -> x.toString().equals(s))) {
            throw new UserFacingException("booking.noSlot", s);
        }
        // a group larger than a whole slot would wait for ever: the waiting list cannot ever make room for it
        checks.rule(
                headCount <= rule.capacityPerSlot(),
                "headCount",
                "booking.overCapacity",
                Messages.t("booking.headCount"),
                headCount,
                rule.capacityPerSlot());
        checks.throwIfAny();
        return tx.inTransaction(() -> {
            List<Booking> slotBookings = repo.lockSlot(date, s);
            boolean duplicate = slotBookings.stream()
                    .anyMatch(b -> b.status() != Booking.Status.CANCELLED
                            && b.status() != Booking.Status.REJECTED
                            && b.contactName().equals(n)
                            && b.contactPhone().equals(p));
            if (duplicate) {
                throw new UserFacingException("booking.duplicate", n, date.toString(), s);
            }
            int remaining = rule.capacityPerSlot() - held(slotBookings);
            boolean queue = slotBookings.stream().anyMatch(b -> b.status() == Booking.Status.WAITLISTED);
            Booking.Status status = !queue && headCount <= remaining
                    ? (kind == Booking.Kind.GROUP ? Booking.Status.PENDING : Booking.Status.APPROVED)
                    : Booking.Status.WAITLISTED;
            LocalDateTime now = LocalDateTime.now(clock);
            long id = repo.insert(
                    new Booking(0, date, s, kind, org, n, p, headCount, status, now, 0), user.username(), now);
            audit.record(
                    AuditLog.CREATE,
                    "openday_booking",
                    id,
                    AuditSummary.of("auditSummary.booking", kind, headCount, status),
                    null);
            return repo.find(id).orElseThrow();
        });
    }

    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.APPROVE)
    public Booking approve(long id) {
        user.require(AppModule.OPEN_DAY, Action.APPROVE);
        return decide(id, Booking.Status.APPROVED);
    }

    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.APPROVE)
    public Booking reject(long id) {
        user.require(AppModule.OPEN_DAY, Action.APPROVE);
        return decide(id, Booking.Status.REJECTED);
    }

    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.CREATE)
    public Booking cancel(long id, String reason) {
        user.require(AppModule.OPEN_DAY, Action.CREATE);
        Checks checks = new Checks(LocalDate.now(clock));
        String why = checks.lines("reason", "booking.cancelReason", reason, 300, true);
        checks.throwIfAny();
        return decide(id, Booking.Status.CANCELLED, why);
    }

    private Booking decide(long id, Booking.Status to) {
        return decide(id, to, null);
    }

    /**
     * Changes a booking's status as {@link Booking#refusal} allows; when places free, the waiting list moves up in
     * order as far as they reach.
     */
    private Booking decide(long id, Booking.Status to, String reason) {
        Booking before = repo.find(id).orElseThrow(() -> new UserFacingException("booking.notFound"));
        return tx.inTransaction(() -> {
            List<Booking> slot = repo.lockSlot(before.date(), before.slot());
            Booking b = slot.stream().filter(x -> x.id() == id).findFirst().orElseThrow();
            UserFacingException refused = b.refusal(to);
            if (refused != null) {
                throw refused;
            }
            repo.setStatus(id, to, user.username());
            if (reason != null) {
                repo.setCancelReason(id, reason);
            }
            audit.record(
                    AuditLog.EDIT,
                    "openday_booking",
                    id,
                    reason == null
                            ? AuditSummary.of("auditSummary.statusTo", to)
                            : AuditSummary.of("auditSummary.statusToBecause", to, reason),
                    null);
            if (!to.holdsPlaces()) {
                promote(before.date(), before.slot());
            }
            return repo.find(id).orElseThrow();
        });
    }

    private void promote(LocalDate date, String slotName) {
        List<Booking> slot = repo.lockSlot(date, slotName);
        int remaining = openDay.rule().capacityPerSlot() - held(slot);
        for (Booking w : slot) {
            if (w.status() != Booking.Status.WAITLISTED) {
                continue;
            }
            if (w.headCount() > remaining) {
                break; // strictly in order: the first in line is not passed over for a smaller booking
            }
            Booking.Status next = w.kind() == Booking.Kind.GROUP ? Booking.Status.PENDING : Booking.Status.APPROVED;
            repo.setStatus(w.id(), next, user.username());
            audit.record(
                    AuditLog.EDIT, "openday_booking", w.id(), AuditSummary.of("auditSummary.bookingPromoted"), null);
            remaining -= w.headCount();
        }
    }

    private static int held(List<Booking> bookings) {
        return bookings.stream()
                .filter(b -> b.status().holdsPlaces())
                .mapToInt(Booking::headCount)
                .sum();
    }

    /**
     * Why each booking of a session on the waiting list waits, in the user's language, by booking id: the slot is
     * full for it (its capacity, the places booked and its head count), or others wait ahead of it.
     */
    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.VIEW)
    public Map<Long, String> waitReasons(LocalDate date) {
        user.require(AppModule.OPEN_DAY, Action.VIEW);
        List<Booking> all = repo.forSession(date);
        int capacity = openDay.rule().capacityPerSlot();
        Map<Long, String> reasons = new LinkedHashMap<>();
        for (Booking b : all) {
            if (b.status() == Booking.Status.WAITLISTED) {
                reasons.put(
                        b.id(),
                        waitReason(
                                b,
                                all.stream()
                                        .filter(x -> x.slot().equals(b.slot()))
                                        .toList(),
                                capacity));
            }
        }
        return reasons;
    }

    /** Why this booking waits (see {@link #waitReasons}); null when it is not on the waiting list. */
    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.VIEW)
    public String waitReason(Booking b) {
        user.require(AppModule.OPEN_DAY, Action.VIEW);
        return waitReasons(b.date()).get(b.id());
    }

    /** {@code slot}: the slot's bookings in queue order, as the waiting list moves up. */
    static String waitReason(Booking b, List<Booking> slot, int capacity) {
        int booked = held(slot);
        long ahead = slot.stream()
                .takeWhile(x -> x.id() != b.id())
                .filter(x -> x.status() == Booking.Status.WAITLISTED)
                .count();
        if (b.headCount() > capacity - booked || ahead == 0) {
            return Messages.t("booking.waitFull", capacity, booked, b.headCount());
        }
        return Messages.t("booking.waitQueue", ahead);
    }

    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.VIEW)
    public List<Booking> bookings(LocalDate date) {
        user.require(AppModule.OPEN_DAY, Action.VIEW);
        return repo.forSession(date);
    }
}
