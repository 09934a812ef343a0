package org.huyou.openday.ui;

import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.Mnemonics;
import org.huyou.common.ui.FormKeys;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.DocumentPrinter;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.ModuleView;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.openday.Booking;
import org.huyou.openday.BookingService;
import org.huyou.openday.OpenDayRule;
import org.huyou.openday.OpenDayService;
import org.huyou.openday.Visit;
import org.huyou.openday.VisitService;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/**
 * Front desk's open day: pick a session, book groups and individuals into its slots (approve, reject, cancel; the
 * waiting list moves up by itself), check visitors in with the rules acknowledged, and print their reception slip.
 */
public final class OpenDayModule implements ModuleView {

    private final OpenDayService openDay;
    private final BookingService bookings;
    private final VisitService visits;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final DocumentPrinter printer;
    private final Path slipsDir;
    private final Supplier<String> homeName;
    private final Clock clock;
    private final ComboBox<LocalDate> session = new ComboBox<>();
    private final ComboBox<String> slot = new ComboBox<>();
    private final TableView<Booking> bookingTable = table("bookingTable", 200, "booking.none");
    /** Why the chosen booking waits, when it is on the waiting list. */
    private final Label waitReason = new Label();
    private Map<Long, String> waitReasons = Map.of();
    private final TableView<Visit> visitTable = table("visitTable", 200, "visit.none");
    private final OpenDayStatsPane stats;
    private final Node root;
    /** The check-in form, read by {@link #record(boolean)}. */
    private final TextField visitName = text("visitName", "visit.name");
    private final TextField visitOrganisation = text("visitOrganisation", "booking.organisation");
    private final ComboBox<Visit.DocumentType> visitDocType = choice("visitDocType", null,
            Visit.DocumentType.values());
    private final TextField visitDocNo = text("visitDocNo", "visit.documentNo");
    private final TextField visitPhone = text("visitPhone", "booking.phone");
    private final TextField visitCount = text("visitCount", "booking.headCount");
    private final TextField visitHost = text("visitHost", "visit.host");
    private final Label slipPrinted = new Label();
    private final CheckBox visitRules = new CheckBox(Messages.t("visit.rulesAck"));

    public OpenDayModule(OpenDayService openDay, BookingService bookings, VisitService visits, TaskRunner tasks,
                         DialogService dialogs, CurrentUser user, Clock clock, Path dataDir,
                         Supplier<String> homeName) {
        this.openDay = openDay;
        this.bookings = bookings;
        this.visits = visits;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.printer = new DocumentPrinter(tasks, dialogs);
        this.slipsDir = dataDir.resolve("slips");
        this.homeName = homeName;
        this.clock = clock;
        boolean create = user.can(AppModule.OPEN_DAY, Action.CREATE);
        boolean approve = user.can(AppModule.OPEN_DAY, Action.APPROVE);
        session.setId("sessionChoice");
        session.setConverter(Converters.of(LocalDate::toString));
        session.valueProperty().addListener((o, a, d) -> refresh());
        slot.setId("slotChoice");
        bookingTable.getColumns().add(Columns.text("booking.slot", Booking::slot, 100));
        bookingTable.getColumns().add(Columns.text("booking.kind", b -> b.kind().label(), 60));
        bookingTable.getColumns().add(Columns.text("booking.organisation", b -> b.organisation() == null ? ""
                : b.organisation(), 140));
        bookingTable.getColumns().add(Columns.text("booking.contactName", Booking::contactName, 90));
        bookingTable.getColumns().add(Columns.text("booking.headCount", b -> String.valueOf(b.headCount()), 60));
        bookingTable.getColumns().add(Columns.text("booking.status", b -> b.status().label(), 80));
        waitReason.setId("bookingWaitReason");
        waitReason.setWrapText(true);
        waitReason.setVisible(false);
        waitReason.managedProperty().bind(waitReason.visibleProperty());
        bookingTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showWaitReason());
        visitTable.getColumns().add(Columns.text("visit.slip", Visit::slipNo, 90));
        visitTable.getColumns().add(Columns.text("booking.slot", Visit::slot, 100));
        visitTable.getColumns().add(Columns.text("visit.name", Visit::visitorName, 90));
        visitTable.getColumns().add(Columns.text("booking.organisation", v -> v.organisation() == null ? ""
                : v.organisation(), 140));
        visitTable.getColumns().add(Columns.text("booking.headCount", v -> String.valueOf(v.headCount()), 60));
        visitTable.getColumns().add(Columns.text("visit.host", v -> Accounts.displayName(v.host()), 90));
        stats = new OpenDayStatsPane(visits, tasks, dialogs, clock);
        root = InlineForms.scrolled(heading("openday.title"), row(true, new Label(Messages.t("booking.date")),
                        session, new Label(Messages.t("booking.slot")), slot),
                heading("booking.title"), bookingForm(create), bookingTable, waitReason,
                bookingActions(create, approve),
                heading("visit.title"), checkInForm(create, user), visitTable, slipButton(create),
                stats.node(),
                user.can(AppModule.OPEN_DAY, Action.EDIT) ? new OpenDaySettingsPane(openDay, tasks, dialogs,
                        this::reloadSessions).node() : new Region());
        reloadSessions();
    }

    /** The rule's sessions from last month on, keeping the chosen one when it is still a session. */
    private void reloadSessions() {
        tasks.run(() -> {
            OpenDayRule rule = openDay.rule();
            LocalDate today = LocalDate.now(clock);
            List<LocalDate> dates = new ArrayList<>(rule.sessionDates(today.getYear()));
            dates.addAll(rule.sessionDates(today.getYear() + 1));
            return new Setup(rule, dates.stream().filter(d -> !d.isBefore(today.minusMonths(1))).limit(14)
                    .toList(), rule.nextSession(today));
        }, s -> {
            slot.getItems().setAll(s.rule().slots().stream().map(OpenDayRule.Slot::toString).toList());
            slot.getSelectionModel().selectFirst();
            LocalDate chosen = session.getValue();
            session.getItems().setAll(s.dates());
            session.setValue(chosen != null && s.dates().contains(chosen) ? chosen : s.next());
        }, dialogs::showError);
    }

    private Node bookingForm(boolean visible) {
        ComboBox<Booking.Kind> kind = choice("bookingKind", null, Booking.Kind.values());
        TextField org = text("bookingOrganisation", "booking.organisation");
        TextField contact = text("bookingContact", "booking.contactName");
        TextField phone = text("bookingPhone", "booking.phone");
        TextField count = text("bookingCount", "booking.headCount");
        count.setPrefColumnCount(7); // room for its prompt in English ("Head cc" at 4)
        Button book = new Button(Messages.t("booking.book"));
        book.setId("book");
        book.setOnAction(e -> {
            LocalDate d = session.getValue();
            String s = slot.getValue();
            Booking.Kind k = kind.getValue();
            String o = org.getText();
            String c = contact.getText();
            String p = phone.getText();
            String n = count.getText();
            String countId = count.getId();
            String countLabel = count.getPromptText();
            // parsed in the task: an individual's booking has no head count, so letters left in it do not matter
            // (the field itself is read here, on the JavaFX thread)
            tasks.run(() -> {
                Booking b = k == Booking.Kind.GROUP ? bookings.bookGroup(d, s, o, c, p,
                        InlineForms.whole(countId, countLabel, n))
                        : bookings.registerIndividual(d, s, c, p);
                // a booking put on the waiting list says why, so the desk can tell the caller
                return b.status() == Booking.Status.WAITLISTED
                        ? Messages.t("booking.doneWaiting", bookings.waitReason(b))
                        : Messages.t("booking.done", b.status().label());
            }, said -> {
                        dialogs.notifySuccess(said);
                        org.clear();
                        contact.clear();
                        phone.clear();
                        count.clear();
                        refresh();
                    }, dialogs::showError);
        });
        return FormKeys.install((Parent) row(visible, kind, org, contact, phone,
                count, book), book);
    }

    private Node bookingActions(boolean create, boolean approve) {
        Button ok = new Button(Messages.t("booking.approve"));
        ok.setId("approveBooking");
        Button no = new Button(Messages.t("booking.reject"));
        no.setId("rejectBooking");
        Button cancel = new Button(Messages.t("booking.cancel"));
        cancel.setId("cancelBooking");
        for (Button b : List.of(ok, no, cancel)) {
            b.disableProperty().bind(bookingTable.getSelectionModel().selectedItemProperty().isNull());
        }
        ok.setOnAction(e -> act(bookings::approve));
        no.setOnAction(e -> act(bookings::reject));
        // a cancellation frees places for the waiting list and cannot be undone: confirm it with the reason
        cancel.setOnAction(e -> {
            Booking b = bookingTable.getSelectionModel().getSelectedItem();
            dialogs.askReason(Messages.t("booking.cancelTitle"), Messages.t("booking.cancelText",
                            b.organisation() == null ? b.contactName() : b.organisation(), b.headCount()),
                    Messages.t("booking.cancelReason"), Messages.t("booking.cancel"))
                    .ifPresent(why -> act(id -> bookings.cancel(id, why)));
        });
        ok.setVisible(approve);
        no.setVisible(approve);
        return row(create, ok, no, cancel);
    }

    private void act(LongFunction<Booking> action) {
        long id = bookingTable.getSelectionModel().getSelectedItem().id();
        tasks.run(() -> action.apply(id), b -> refresh(), dialogs::showError);
    }

    private Node checkInForm(boolean visible, CurrentUser user) {
        // with a group's booking selected the phone may stay empty (the booking holds the contact's): say so
        visitPhone.promptTextProperty().bind(Bindings.createStringBinding(() -> {
            Booking b = bookingTable.getSelectionModel().getSelectedItem();
            return Messages.t(b != null && b.kind() == Booking.Kind.GROUP ? "visit.phoneOptional" : "booking.phone");
        }, bookingTable.getSelectionModel().selectedItemProperty()));
        visitCount.setText("1");
        visitCount.setPrefColumnCount(4);
        // the desk usually receives its own visitors: one field less to type (issue 28's six actions)
        visitHost.setText(Accounts.displayName(user.username()));
        visitRules.setId("visitRules");
        visitRules.setWrapText(true);
        Button checkIn = new Button(Messages.t("visit.checkIn"));
        checkIn.setId("checkIn");
        Mnemonics.on(checkIn, 'C');
        checkIn.setOnAction(e -> record(false));
        // the usual path at the door: checked in and the slip printed in one press
        Button checkInAndPrint = new Button(Messages.t("visit.checkInAndPrint"));
        checkInAndPrint.setId("checkInAndPrint");
        Mnemonics.on(checkInAndPrint, 'P');
        checkInAndPrint.setOnAction(e -> record(true));
        return FormKeys.install(new VBox(6, row(visible, visitName, visitOrganisation,
                visitDocType, visitDocNo, visitPhone, visitCount, visitHost), row(visible, visitRules, checkIn,
                checkInAndPrint)), checkIn);
    }

    /**
     * Checks the visitor in, the form read here on the JavaFX thread; with {@code andPrint} the slip of this very
     * visit is printed once it is recorded.
     */
    private void record(boolean andPrint) {
        Booking booked = bookingTable.getSelectionModel().getSelectedItem();
        VisitService.CheckIn c;
        try {
            c = new VisitService.CheckIn(session.getValue(), slot.getValue(),
                    booked == null ? null : booked.id(), visitName.getText(), visitOrganisation.getText(),
                    visitDocType.getValue(), visitDocNo.getText(), visitPhone.getText(),
                    InlineForms.whole(visitCount), visitHost.getText(), visitRules.isSelected());
        } catch (ValidationException bad) {
            dialogs.showError(bad); // letters in the head count: said by name, the text kept
            return;
        }
        tasks.run(() -> visits.checkIn(c), v -> {
            dialogs.notifySuccess(Messages.t("visit.checkedIn", v.slipNo()));
            visitName.clear();
            visitOrganisation.clear();
            visitDocNo.clear();
            visitPhone.clear();
            visitCount.setText("1");
            visitRules.setSelected(false);
            refresh();
            visitTable.getSelectionModel().select(v);
            if (andPrint) {
                printSlip(v.id());
            }
        }, dialogs::showError);
    }

    private Node slipButton(boolean visible) {
        slipPrinted.setId("slipPrinted");
        slipPrinted.setWrapText(true); // where the slip was saved and which printer it went to, kept on screen
        Button print = new Button(Messages.t("visit.printSlip"));
        print.setId("printSlip");
        print.disableProperty().bind(visitTable.getSelectionModel().selectedItemProperty().isNull());
        print.setOnAction(e -> {
            printSlip(visitTable.getSelectionModel().getSelectedItem().id());
        });
        // the line on its own, wrapping to the screen's width: a row would scroll it sideways
        VBox box = new VBox(6, row(visible, print), slipPrinted);
        box.setVisible(visible);
        box.setManaged(visible);
        return box;
    }

    private void printSlip(long visitId) {
        printer.writeAndPrint(() -> visits.printSlip(visitId, slipsDir, homeName.get()), "slip.written",
                slipPrinted::setText);
    }

    /** The rule, the sessions to choose from and the next one. */
    private record Setup(OpenDayRule rule, List<LocalDate> dates, LocalDate next) {
    }

    /** One session's bookings and visits. */
    private record Day(List<Booking> bookings, Map<Long, String> waitReasons, List<Visit> visits) {
    }

    private void showWaitReason() {
        Booking b = bookingTable.getSelectionModel().getSelectedItem();
        String why = b == null ? null : waitReasons.get(b.id());
        waitReason.setText(why == null ? "" : Messages.t("booking.waitReason", why));
        waitReason.setVisible(why != null);
    }

    @Override
    public void refresh() {
        LocalDate d = session.getValue();
        if (d == null) {
            return;
        }
        tasks.run(() -> new Day(bookings.bookings(d), bookings.waitReasons(d), visits.visits(d)), day -> {
            waitReasons = day.waitReasons();
            TableRows.replaceKeepingSelection(bookingTable, day.bookings(), Booking::id);
            showWaitReason();
            TableRows.replaceKeepingSelection(visitTable, day.visits(), Visit::id);
            stats.refresh();
        }, dialogs::showError);
    }

    @Override
    public Node node() {
        return root;
    }
}
