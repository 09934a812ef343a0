package org.huyou.openday.ui;

import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.huyou.common.Messages;
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
    private final TableView<Visit> visitTable = table("visitTable", 200, "visit.none");
    private final OpenDayStatsPane stats;
    private final Node root;

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
                heading("booking.title"), bookingForm(create), bookingTable, bookingActions(create, approve),
                heading("visit.title"), checkInForm(create, user), visitTable, slipButton(create),
                stats.node(),
                user.can(AppModule.OPEN_DAY, Action.EDIT) ? new OpenDaySettingsPane(openDay, tasks, dialogs,
                        this::reloadSessions).node() : new javafx.scene.layout.Region());
        reloadSessions();
    }

    /** The rule's sessions from last month on, keeping the chosen one when it is still a session. */
    private void reloadSessions() {
        tasks.run(() -> {
            OpenDayRule rule = openDay.rule();
            LocalDate today = LocalDate.now(clock);
            List<LocalDate> dates = new java.util.ArrayList<>(rule.sessionDates(today.getYear()));
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
        count.setPrefColumnCount(4);
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
            String countLabel = count.getPromptText();
            // read in the task: an individual's booking has no head count, so letters left in it do not matter
            tasks.run(() -> k == Booking.Kind.GROUP ? bookings.bookGroup(d, s, o, c, p,
                    InlineForms.whole(count.getId(), countLabel, n))
                    : bookings.registerIndividual(d, s, c, p), b -> {
                        dialogs.notifySuccess(Messages.t("booking.done", b.status().label()));
                        org.clear();
                        contact.clear();
                        phone.clear();
                        count.clear();
                        refresh();
                    }, dialogs::showError);
        });
        return FormKeys.install((javafx.scene.Parent) row(visible, kind, org, contact, phone,
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

    private void act(java.util.function.LongFunction<Booking> action) {
        long id = bookingTable.getSelectionModel().getSelectedItem().id();
        tasks.run(() -> action.apply(id), b -> refresh(), dialogs::showError);
    }

    private Node checkInForm(boolean visible, CurrentUser user) {
        TextField name = text("visitName", "visit.name");
        TextField org = text("visitOrganisation", "booking.organisation");
        ComboBox<Visit.DocumentType> doc = choice("visitDocType", null, Visit.DocumentType.values());
        TextField docNo = text("visitDocNo", "visit.documentNo");
        TextField phone = text("visitPhone", "booking.phone");
        // with a group's booking selected the phone may stay empty (the booking holds the contact's): say so
        phone.promptTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Booking b = bookingTable.getSelectionModel().getSelectedItem();
            return Messages.t(b != null && b.kind() == Booking.Kind.GROUP ? "visit.phoneOptional" : "booking.phone");
        }, bookingTable.getSelectionModel().selectedItemProperty()));
        TextField count = text("visitCount", "booking.headCount");
        count.setText("1");
        count.setPrefColumnCount(4);
        TextField host = text("visitHost", "visit.host");
        // the desk usually receives its own visitors: one field less to type (issue 28's six actions)
        host.setText(Accounts.displayName(user.username()));
        CheckBox rules = new CheckBox(Messages.t("visit.rulesAck"));
        rules.setId("visitRules");
        rules.setWrapText(true);
        Button checkIn = new Button(Messages.t("visit.checkIn"));
        checkIn.setId("checkIn");
        // the usual path at the door: checked in and the slip printed in one press
        Button checkInAndPrint = new Button(Messages.t("visit.checkInAndPrint"));
        checkInAndPrint.setId("checkInAndPrint");
        boolean[] printAfter = {false};
        checkInAndPrint.setOnAction(e -> {
            printAfter[0] = true;
            checkIn.fire();
        });
        checkIn.setOnAction(e -> {
            boolean andPrint = printAfter[0];
            printAfter[0] = false;
            Booking booked = bookingTable.getSelectionModel().getSelectedItem();
            VisitService.CheckIn c;
            try {
                c = new VisitService.CheckIn(session.getValue(), slot.getValue(),
                        booked == null ? null : booked.id(), name.getText(), org.getText(), doc.getValue(),
                        docNo.getText(), phone.getText(), InlineForms.whole(count), host.getText(),
                        rules.isSelected());
            } catch (org.huyou.common.ValidationException bad) {
                dialogs.showError(bad); // letters in the head count: said by name, the text kept
                return;
            }
            tasks.run(() -> visits.checkIn(c), v -> {
                dialogs.notifySuccess(Messages.t("visit.checkedIn", v.slipNo()));
                name.clear();
                org.clear();
                docNo.clear();
                phone.clear();
                count.setText("1");
                rules.setSelected(false);
                refresh();
                visitTable.getSelectionModel().select(v);
                if (andPrint) {
                    printSlip(v.id());
                }
            }, dialogs::showError);
        });
        return FormKeys.install(new javafx.scene.layout.VBox(6, row(visible, name, org, doc,
                docNo, phone, count, host), row(visible, rules, checkIn, checkInAndPrint)), checkIn);
    }

    private Node slipButton(boolean visible) {
        Button print = new Button(Messages.t("visit.printSlip"));
        print.setId("printSlip");
        print.disableProperty().bind(visitTable.getSelectionModel().selectedItemProperty().isNull());
        print.setOnAction(e -> {
            printSlip(visitTable.getSelectionModel().getSelectedItem().id());
        });
        return row(visible, print);
    }

    private void printSlip(long visitId) {
        printer.writeAndPrint(() -> visits.printSlip(visitId, slipsDir, homeName.get()), "slip.written");
    }

    /** The rule, the sessions to choose from and the next one. */
    private record Setup(OpenDayRule rule, List<LocalDate> dates, LocalDate next) {
    }

    /** One session's bookings and visits. */
    private record Day(List<Booking> bookings, List<Visit> visits) {
    }

    @Override
    public void refresh() {
        LocalDate d = session.getValue();
        if (d == null) {
            return;
        }
        tasks.run(() -> new Day(bookings.bookings(d), visits.visits(d)), day -> {
            TableRows.replaceKeepingSelection(bookingTable, day.bookings(), Booking::id);
            TableRows.replaceKeepingSelection(visitTable, day.visits(), Visit::id);
            stats.refresh();
        }, dialogs::showError);
    }

    @Override
    public Node node() {
        return root;
    }
}
