package org.huyou.openday.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.KeptSelection;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.RefusedField;
import org.huyou.common.ui.TaskRunner;
import org.huyou.openday.Booking;
import org.huyou.openday.BookingService;
import org.huyou.openday.OpenDayRule;
import org.huyou.openday.OpenDayService;
import org.huyou.openday.Visit;
import org.huyou.openday.VisitService;

/**
 * Front desk's open day: the session and slot chosen, the session's bookings (book, approve, reject, cancel; why a
 * booking waits), its visits (check in with the rules acknowledged) and the reception slip to print.
 */
public final class OpenDayViewModel {

    /** The field ids a refused head count names (the View gives its fields the same ids). */
    static final String BOOKING_COUNT = "bookingCount";

    static final String VISIT_COUNT = "visitCount";

    /** The booking form's controls by the fields the service names. */
    private static final Map<String, String> BOOKING_FIELDS = Map.of(
            "headCount", BOOKING_COUNT,
            "organisation", "bookingOrganisation",
            "contactName", "bookingContact",
            "phone", "bookingPhone");

    /** The check-in form's controls by the fields the service names. */
    private static final Map<String, String> VISIT_FIELDS = Map.of(
            "headCount", VISIT_COUNT,
            "name", "visitName",
            "organisation", "visitOrganisation",
            "documentNo", "visitDocNo",
            "phone", "visitPhone",
            "host", "visitHost",
            "rulesAcknowledged", "visitRules");

    private final OpenDayService openDay;
    private final BookingService bookings;
    private final VisitService visits;
    private final TaskRunner tasks;
    private final Notices notices;
    private final Clock clock;
    private final Path slipsDir;
    private final Supplier<String> homeName;
    private final ObservableList<LocalDate> sessions = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> session = new SimpleObjectProperty<>();
    private final ObservableList<String> slots = FXCollections.observableArrayList();
    private final ObjectProperty<String> slot = new SimpleObjectProperty<>();
    private final ObservableList<Booking> bookingRows = FXCollections.observableArrayList();
    private final ObjectProperty<Booking> booking = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper waitReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(false);
    private Map<Long, String> waitReasons = Map.of();
    private final ObservableList<Visit> visitRows = FXCollections.observableArrayList();
    private final ObjectProperty<Visit> visit = new SimpleObjectProperty<>();
    private Runnable afterRefresh = () -> {};
    /** The session the screen chose itself (not the user), followed when the day or the rule changes. */
    private LocalDate defaulted;
    /** The field a refused booking or check-in names, marked on the form. */
    final RefusedField refused;

    final ObjectProperty<Booking.Kind> kind = new SimpleObjectProperty<>(Booking.Kind.values()[0]);
    final StringProperty organisation = new SimpleStringProperty("");
    final StringProperty contact = new SimpleStringProperty("");
    final StringProperty phone = new SimpleStringProperty("");
    final StringProperty count = new SimpleStringProperty("");

    final StringProperty visitorName = new SimpleStringProperty("");
    final StringProperty visitorOrganisation = new SimpleStringProperty("");
    final ObjectProperty<Visit.DocumentType> documentType = new SimpleObjectProperty<>(Visit.DocumentType.values()[0]);
    final StringProperty documentNo = new SimpleStringProperty("");
    final StringProperty visitorPhone = new SimpleStringProperty("");
    final StringProperty visitors = new SimpleStringProperty("1");
    final StringProperty host;
    final BooleanProperty rulesRead = new SimpleBooleanProperty(false);

    /** {@code host}: who receives visitors unless changed, the user at the desk (one field less to type). */
    public OpenDayViewModel(
            OpenDayService openDay,
            BookingService bookings,
            VisitService visits,
            TaskRunner tasks,
            Notices notices,
            Clock clock,
            Path slipsDir,
            Supplier<String> homeName,
            String host) {
        this.openDay = openDay;
        this.bookings = bookings;
        this.visits = visits;
        this.tasks = tasks;
        this.notices = notices;
        this.clock = clock;
        this.slipsDir = slipsDir;
        this.homeName = homeName;
        this.host = new SimpleStringProperty(host);
        this.refused = new RefusedField(notices);
        session.addListener((o, a, d) -> refresh());
        booking.addListener((o, a, b) -> showWaitReason());
    }

    /** The rule, the sessions to choose from and the next one. */
    private record Setup(OpenDayRule rule, List<LocalDate> dates, LocalDate next) {}

    /**
     * The rule's sessions from last month on, keeping the one the user chose when it is still a session; otherwise
     * today's session, or the next one. The chosen session's day is reloaded either way.
     */
    public void reloadSessions() {
        tasks.run(
                () -> {
                    OpenDayRule rule = openDay.rule();
                    LocalDate today = LocalDate.now(clock);
                    List<LocalDate> dates = new ArrayList<>(rule.sessionDates(today.getYear()));
                    dates.addAll(rule.sessionDates(today.getYear() + 1));
                    return new Setup(
                            rule,
                            dates.stream()
                                    .filter(d -> !d.isBefore(today.minusMonths(1)))
                                    .limit(14)
                                    .toList(),
                            rule.nextSession(today));
                },
                s -> {
                    slots.setAll(s.rule().slots().stream()
                            .map(OpenDayRule.Slot::toString)
                            .toList());
                    if (!slots.contains(slot.get())) {
                        slot.set(slots.isEmpty() ? null : slots.get(0));
                    }
                    LocalDate chosen = session.get();
                    // the user's own pick is kept; the screen's own (today's session, else the next) follows the
                    // day and the rule: a desk left open overnight, or today made a session, opens on today's
                    boolean picked = chosen != null && !chosen.equals(defaulted);
                    defaulted = s.next();
                    sessions.setAll(s.dates());
                    LocalDate shown = picked && s.dates().contains(chosen) ? chosen : s.next();
                    if (shown.equals(chosen)) {
                        refresh();
                    } else {
                        session.set(shown);
                    }
                },
                notices::showError);
    }

    /** One session's bookings and visits. */
    private record Day(List<Booking> bookings, Map<Long, String> waitReasons, List<Visit> visits) {}

    /** The chosen session's bookings and visits, keeping the selected ones. */
    public void refresh() {
        LocalDate d = session.get();
        if (d == null) {
            return;
        }
        tasks.run(
                () -> new Day(bookings.bookings(d), bookings.waitReasons(d), visits.visits(d)),
                day -> {
                    waitReasons = day.waitReasons();
                    KeptSelection.replace(bookingRows, booking, day.bookings(), Booking::id);
                    showWaitReason();
                    KeptSelection.replace(visitRows, visit, day.visits(), Visit::id);
                    afterRefresh.run();
                },
                notices::showError);
    }

    /** What else shows the day's figures (the statistics), reloaded with the day. */
    public void setAfterRefresh(Runnable afterRefresh) {
        this.afterRefresh = afterRefresh;
    }

    private void showWaitReason() {
        Booking b = booking.get();
        String why = b == null ? null : waitReasons.get(b.id());
        waitReason.set(why == null ? "" : Messages.t("booking.waitReason", why));
        waiting.set(why != null);
    }

    /** Books the form's group or registers its individual; a booking put on the waiting list says why. */
    public void book() {
        LocalDate d = session.get();
        String s = slot.get();
        Booking.Kind k = kind.get();
        String o = organisation.get();
        String c = contact.get();
        String p = phone.get();
        String n = count.get();
        String countLabel = Messages.t("booking.headCount");
        // every field goes to the service whatever the kind: what the desk typed is kept or refused by name, never
        // dropped (an individual's empty head count is the person alone)
        tasks.run(
                () -> {
                    int heads = InlineForms.whole(BOOKING_COUNT, countLabel, n);
                    Booking b = k == Booking.Kind.GROUP
                            ? bookings.bookGroup(d, s, o, c, p, heads)
                            : bookings.registerIndividual(d, s, c, o, p, heads == -1 ? 1 : heads);
                    // the desk can tell the caller why
                    return b.status() == Booking.Status.WAITLISTED
                            ? Messages.t("booking.doneWaiting", bookings.waitReason(b))
                            : Messages.t("booking.done", b.status().label());
                },
                said -> {
                    refused.clear();
                    notices.notifySuccess(said);
                    List.of(organisation, contact, phone, count).forEach(f -> f.set(""));
                    refresh();
                },
                refused.naming(BOOKING_FIELDS));
    }

    public void approve() {
        act(bookings::approve);
    }

    public void reject() {
        act(bookings::reject);
    }

    /** Cancels the selected booking for the reason given (the View asks for it); the waiting list moves up. */
    public void cancel(String reason) {
        act(id -> bookings.cancel(id, reason));
    }

    /** Who the selected booking is, for the question before it is cancelled: a group's organisation, a person. */
    public String bookedBy(Booking b) {
        return b.bookedBy();
    }

    /**
     * Why no visitor may be checked in against the selected booking (the check-in buttons' tooltip), or null when
     * they may: only an approved booking of this session admits. Without a booking a walk-in is checked in.
     */
    public String whyNoCheckIn(Booking b) {
        return UserFacingException.why(b.admissionRefusal(session.get()));
    }

    /** Why the booking's status forbids moving it to {@code to} (the button's tooltip), or null when it may. */
    public String whyNot(Booking b, Booking.Status to) {
        return UserFacingException.why(b.refusal(to));
    }

    private void act(LongFunction<Booking> action) {
        long id = booking.get().id();
        tasks.run(() -> action.apply(id), b -> refresh(), notices::showError);
    }

    /** The phone's hint: with a group's booking selected it may stay empty (the booking holds the contact's). */
    public StringBinding visitPhoneHint() {
        return Bindings.createStringBinding(
                () -> {
                    Booking b = booking.get();
                    return Messages.t(
                            b != null && b.kind() == Booking.Kind.GROUP ? "visit.phoneOptional" : "booking.phone");
                },
                booking);
    }

    /**
     * Checks the form's visitor in (with the selected booking, if any); the form is cleared but for the host, the
     * day reloaded with the new visit selected, and {@code then} gets it (to print its slip at once).
     */
    public void checkIn(Consumer<Visit> then) {
        Booking booked = booking.get();
        VisitService.CheckIn c;
        try {
            c = new VisitService.CheckIn(
                    session.get(),
                    slot.get(),
                    booked == null ? null : booked.id(),
                    visitorName.get(),
                    visitorOrganisation.get(),
                    documentType.get(),
                    documentNo.get(),
                    visitorPhone.get(),
                    InlineForms.whole(VISIT_COUNT, Messages.t("booking.headCount"), visitors.get()),
                    host.get(),
                    rulesRead.get());
        } catch (ValidationException bad) {
            refused.showError(bad); // letters in the head count: said by name, the text kept
            return;
        }
        tasks.run(
                () -> visits.checkIn(c),
                v -> {
                    refused.clear();
                    notices.notifySuccess(Messages.t("visit.checkedIn", v.slipNo()));
                    List.of(visitorName, visitorOrganisation, documentNo, visitorPhone)
                            .forEach(f -> f.set(""));
                    visitors.set("1");
                    rulesRead.set(false);
                    visit.set(v);
                    refresh();
                    then.accept(v);
                },
                refused.naming(VISIT_FIELDS));
    }

    /** Writing a visit's reception slip, for the View to run and print. */
    public Callable<Path> slip(long visitId) {
        return () -> visits.printSlip(visitId, slipsDir, homeName.get());
    }

    public ObservableList<LocalDate> sessions() {
        return sessions;
    }

    public ObjectProperty<LocalDate> sessionProperty() {
        return session;
    }

    public ObservableList<String> slots() {
        return slots;
    }

    public ObjectProperty<String> slotProperty() {
        return slot;
    }

    public ObservableList<Booking> bookings() {
        return bookingRows;
    }

    public ObjectProperty<Booking> bookingProperty() {
        return booking;
    }

    public ReadOnlyStringProperty waitReasonProperty() {
        return waitReason.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public ObservableList<Visit> visits() {
        return visitRows;
    }

    public ObjectProperty<Visit> visitProperty() {
        return visit;
    }
}
