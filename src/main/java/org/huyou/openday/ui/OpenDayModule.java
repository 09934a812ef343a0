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
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.DocumentPrinter;
import org.huyou.common.ui.FieldMarks;
import org.huyou.common.ui.FormKeys;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.Mnemonics;
import org.huyou.common.ui.ModuleView;
import org.huyou.common.ui.RowAction;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.openday.Booking;
import org.huyou.openday.BookingService;
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

    private final OpenDayViewModel model;
    private final DocumentPrinter printer;
    private final DialogService dialogs;
    private final ComboBox<LocalDate> session = new ComboBox<>();
    private final ComboBox<String> slot = new ComboBox<>();
    private final TableView<Booking> bookingTable = table("bookingTable", 200, "booking.none");
    /** Why the chosen booking waits, when it is on the waiting list. */
    private final Label waitReason = new Label();

    private final TableView<Visit> visitTable = table("visitTable", 200, "visit.none");
    private final Node root;
    private final Label slipPrinted = new Label();

    public OpenDayModule(
            OpenDayService openDay,
            BookingService bookings,
            VisitService visits,
            TaskRunner tasks,
            DialogService dialogs,
            CurrentUser user,
            Clock clock,
            Path dataDir,
            Supplier<String> homeName) {
        this.model = new OpenDayViewModel(
                openDay,
                bookings,
                visits,
                tasks,
                dialogs,
                clock,
                dataDir.resolve("slips"),
                homeName,
                Accounts.displayName(user.username()));
        this.dialogs = dialogs;
        this.printer = new DocumentPrinter(tasks, dialogs);
        boolean create = user.can(AppModule.OPEN_DAY, Action.CREATE);
        boolean approve = user.can(AppModule.OPEN_DAY, Action.APPROVE);
        session.setId("sessionChoice");
        session.setConverter(Converters.of(LocalDate::toString));
        session.setItems(model.sessions());
        session.valueProperty().bindBidirectional(model.sessionProperty());
        slot.setId("slotChoice");
        slot.setItems(model.slots());
        slot.valueProperty().bindBidirectional(model.slotProperty());
        bookingTable.setItems(model.bookings());
        TableRows.follow(bookingTable, model.bookingProperty());
        bookingTable.getColumns().add(Columns.text("booking.slot", Booking::slot, 100));
        bookingTable.getColumns().add(Columns.text("booking.kind", b -> b.kind().label(), 60));
        bookingTable
                .getColumns()
                .add(Columns.text("booking.organisation", b -> b.organisation() == null ? "" : b.organisation(), 140));
        bookingTable.getColumns().add(Columns.text("booking.contactName", Booking::contactName, 90));
        bookingTable.getColumns().add(Columns.text("booking.headCount", b -> String.valueOf(b.headCount()), 60));
        bookingTable
                .getColumns()
                .add(Columns.text("booking.status", b -> b.status().label(), 80));
        waitReason.setId("bookingWaitReason");
        waitReason.setWrapText(true);
        waitReason.textProperty().bind(model.waitReasonProperty());
        waitReason.visibleProperty().bind(model.waitingProperty());
        waitReason.managedProperty().bind(waitReason.visibleProperty());
        visitTable.setItems(model.visits());
        TableRows.follow(visitTable, model.visitProperty());
        visitTable.getColumns().add(Columns.text("visit.slip", Visit::slipNo, 90));
        visitTable.getColumns().add(Columns.text("booking.slot", Visit::slot, 100));
        visitTable.getColumns().add(Columns.text("visit.name", Visit::visitorName, 90));
        visitTable
                .getColumns()
                .add(Columns.text("booking.organisation", v -> v.organisation() == null ? "" : v.organisation(), 140));
        visitTable.getColumns().add(Columns.text("booking.headCount", v -> String.valueOf(v.headCount()), 60));
        visitTable.getColumns().add(Columns.text("visit.host", v -> Accounts.displayName(v.host()), 90));
        OpenDayStatsPane stats = new OpenDayStatsPane(new OpenDayStatsViewModel(
                visits, tasks, dialogs, LocalDate.now(clock).getYear()));
        model.setAfterRefresh(stats::refresh);
        root = InlineForms.scrolled(
                heading("openday.title"),
                row(true, new Label(Messages.t("booking.date")), session, new Label(Messages.t("booking.slot")), slot),
                heading("booking.title"),
                bookingForm(create),
                bookingTable,
                waitReason,
                bookingActions(create, approve),
                heading("visit.title"),
                checkInForm(create),
                visitTable,
                slipButton(create),
                stats.node(),
                user.can(AppModule.OPEN_DAY, Action.EDIT)
                        ? new OpenDaySettingsPane(
                                        new OpenDaySettingsViewModel(openDay, tasks, dialogs), model::reloadSessions)
                                .node()
                        : new Region());
        FieldMarks.follow((Parent) root, model.refused.fieldProperty());
        model.reloadSessions();
    }

    private Node bookingForm(boolean visible) {
        ComboBox<Booking.Kind> kind = choice("bookingKind", null, Booking.Kind.values());
        kind.valueProperty().bindBidirectional(model.kind);
        TextField org = text("bookingOrganisation", "booking.organisation");
        org.textProperty().bindBidirectional(model.organisation);
        TextField contact = text("bookingContact", "booking.contactName");
        contact.textProperty().bindBidirectional(model.contact);
        TextField phone = text("bookingPhone", "booking.phone");
        phone.textProperty().bindBidirectional(model.phone);
        TextField count = text(OpenDayViewModel.BOOKING_COUNT, "booking.headCount");
        count.setPrefColumnCount(7); // room for its prompt in English ("Head cc" at 4)
        count.textProperty().bindBidirectional(model.count);
        Button book = new Button(Messages.t("booking.book"));
        book.setId("book");
        book.setOnAction(e -> model.book());
        return FormKeys.install((Parent) row(visible, kind, org, contact, phone, count, book), book);
    }

    private Node bookingActions(boolean create, boolean approve) {
        Button ok = new Button(Messages.t("booking.approve"));
        ok.setId("approveBooking");
        Button no = new Button(Messages.t("booking.reject"));
        no.setId("rejectBooking");
        Button cancel = new Button(Messages.t("booking.cancel"));
        cancel.setId("cancelBooking");
        ok.setOnAction(e -> model.approve());
        no.setOnAction(e -> model.reject());
        // a cancellation frees places for the waiting list and cannot be undone: confirm it with the reason
        cancel.setOnAction(e -> {
            Booking b = model.bookingProperty().get();
            dialogs.askReason(
                            Messages.t("booking.cancelTitle"),
                            Messages.t("booking.cancelText", model.bookedBy(b), b.headCount()),
                            Messages.t("booking.cancelReason"),
                            Messages.t("booking.cancel"))
                    .ifPresent(model::cancel);
        });
        // offered only where the booking's status allows it, the reason shown where it does not
        Node approveIt = RowAction.guard(ok, model.bookingProperty(), b -> model.whyNot(b, Booking.Status.APPROVED));
        Node rejectIt = RowAction.guard(no, model.bookingProperty(), b -> model.whyNot(b, Booking.Status.REJECTED));
        Node cancelIt =
                RowAction.guard(cancel, model.bookingProperty(), b -> model.whyNot(b, Booking.Status.CANCELLED));
        for (Node n : List.of(approveIt, rejectIt)) {
            n.setVisible(approve);
            n.setManaged(approve);
        }
        return row(create, approveIt, rejectIt, cancelIt);
    }

    private Node checkInForm(boolean visible) {
        TextField visitName = text("visitName", "visit.name");
        visitName.textProperty().bindBidirectional(model.visitorName);
        TextField visitOrganisation = text("visitOrganisation", "booking.organisation");
        visitOrganisation.textProperty().bindBidirectional(model.visitorOrganisation);
        ComboBox<Visit.DocumentType> visitDocType = choice("visitDocType", null, Visit.DocumentType.values());
        visitDocType.valueProperty().bindBidirectional(model.documentType);
        TextField visitDocNo = text("visitDocNo", "visit.documentNo");
        visitDocNo.textProperty().bindBidirectional(model.documentNo);
        TextField visitPhone = text("visitPhone", "booking.phone");
        visitPhone.textProperty().bindBidirectional(model.visitorPhone);
        visitPhone.promptTextProperty().bind(model.visitPhoneHint());
        TextField visitCount = text(OpenDayViewModel.VISIT_COUNT, "booking.headCount");
        visitCount.setPrefColumnCount(4);
        visitCount.textProperty().bindBidirectional(model.visitors);
        TextField visitHost = text("visitHost", "visit.host");
        visitHost.textProperty().bindBidirectional(model.host);
        CheckBox visitRules = new CheckBox(Messages.t("visit.rulesAck"));
        visitRules.setId("visitRules");
        visitRules.setWrapText(true);
        visitRules.selectedProperty().bindBidirectional(model.rulesRead);
        Button checkIn = new Button(Messages.t("visit.checkIn"));
        checkIn.setId("checkIn");
        Mnemonics.on(checkIn, 'C');
        checkIn.setOnAction(e -> model.checkIn(v -> {}));
        // the usual path at the door: checked in and the slip printed in one press
        Button checkInAndPrint = new Button(Messages.t("visit.checkInAndPrint"));
        checkInAndPrint.setId("checkInAndPrint");
        Mnemonics.on(checkInAndPrint, 'P');
        checkInAndPrint.setOnAction(e -> model.checkIn(v -> printSlip(v.id())));
        return FormKeys.install(
                new VBox(
                        6,
                        row(
                                visible,
                                visitName,
                                visitOrganisation,
                                visitDocType,
                                visitDocNo,
                                visitPhone,
                                visitCount,
                                visitHost),
                        row(
                                visible,
                                visitRules,
                                // off, with the reason, for a booking that gives no entry; on for a walk-in
                                RowAction.guardIfSelected(
                                        checkIn, model.bookingProperty(), model::whyNoCheckIn, model.sessionProperty()),
                                RowAction.guardIfSelected(
                                        checkInAndPrint,
                                        model.bookingProperty(),
                                        model::whyNoCheckIn,
                                        model.sessionProperty()))),
                checkIn);
    }

    private Node slipButton(boolean visible) {
        slipPrinted.setId("slipPrinted");
        slipPrinted.setWrapText(true); // where the slip was saved and which printer it went to, kept on screen
        Button print = new Button(Messages.t("visit.printSlip"));
        print.setId("printSlip");
        print.disableProperty().bind(model.visitProperty().isNull());
        print.setOnAction(e -> printSlip(model.visitProperty().get().id()));
        // the line on its own, wrapping to the screen's width: a row would scroll it sideways
        VBox box = new VBox(6, row(visible, print), slipPrinted);
        box.setVisible(visible);
        box.setManaged(visible);
        return box;
    }

    private void printSlip(long visitId) {
        printer.writeAndPrint(model.slip(visitId), "slip.written", slipPrinted::setText);
    }

    @Override
    public void refresh() {
        model.reloadSessions(); // the day may have changed since the desk was opened, or the rule elsewhere
    }

    @Override
    public Node node() {
        return root;
    }
}
