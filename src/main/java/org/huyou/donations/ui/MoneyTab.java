package org.huyou.donations.ui;

import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.text;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;
import org.huyou.common.io.SheetImporter;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.DocumentPrinter;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.ImportDialog;
import org.huyou.common.ui.ImportViewModel;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.Mnemonics;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.TypedInput;
import org.huyou.donations.Donor;
import org.huyou.donations.Fund;
import org.huyou.donations.LedgerEntry;

/** The money donation form: a new donor's row, the registers a home moving in brings, and the receipt's line. */
final class MoneyTab {

    private final MoneyViewModel model;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final DocumentPrinter printer;
    private final Runnable imported;
    private final Node root;
    private final DateField day;
    /** The form's rows, marked saved once a donation from them is recorded. */
    private final Node fields;

    private final Node more;

    /** {@code imported} runs after an import (the screen's lists show what came in). */
    MoneyTab(
            MoneyViewModel model,
            DonorPicker donor,
            boolean importing,
            Imports imports,
            TaskRunner tasks,
            DialogService dialogs,
            Runnable imported) {
        this.model = model;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.printer = new DocumentPrinter(tasks, dialogs);
        this.imported = imported;
        donor.follow(model.donor);
        ComboBox<Fund> fund = new ComboBox<>(model.fundList());
        fund.setId("donationFund");
        fund.setConverter(Converters.of(Fund::name));
        fund.valueProperty().bindBidirectional(model.fund);
        day = date("donationDate", "ledger.date", null);
        day.valueProperty().bindBidirectional(model.day);
        TextField amount = text(MoneyViewModel.AMOUNT, "ledger.amount");
        amount.textProperty().bindBidirectional(model.amount);
        ComboBox<LedgerEntry.Channel> channel = choice("donationChannel", null, LedgerEntry.Channel.values());
        channel.valueProperty().bindBidirectional(model.channel);
        TextField note = text("donationNote", "ledger.description");
        note.textProperty().bindBidirectional(model.note);
        Label lastReceipt = new Label();
        lastReceipt.setId("lastReceipt");
        lastReceipt.setWrapText(true); // the receipt's whole path and the printer's name, never "…"
        lastReceipt.textProperty().bind(model.receiptLineProperty());
        Button printReceipt = new Button(Messages.t("receipt.print"));
        printReceipt.setId("printReceipt");
        printReceipt.disableProperty().bind(model.receiptReadyProperty().not());
        printReceipt.setOnAction(e -> receipt(model.lastRecorded(), true));
        Button save = new Button(Messages.t("donation.record"));
        save.setId("recordDonation");
        Mnemonics.on(save, 'R');
        save.setOnAction(e -> record(false));
        // the usual path at the desk: the donation recorded and its receipt printed in one press
        Button saveAndPrint = new Button(Messages.t("donation.recordAndPrint"));
        saveAndPrint.setId("recordDonationAndPrint");
        Mnemonics.on(saveAndPrint, 'P');
        saveAndPrint.setOnAction(e -> record(true));
        fields = TypedInput.savedBy(row(true, donor.node(), fund, labelled("ledger.date", day), amount, channel), save);
        more = row(true, note, save, saveAndPrint);
        root = InlineForms.scrolled(
                heading("donation.tab.money"),
                newDonorRow(importing, imports),
                fields,
                more,
                // the line on its own, wrapping to the screen's width: a row would scroll it sideways
                new VBox(6, lastReceipt, row(true, printReceipt)));
    }

    /** The importers of the registers a home moving in brings: donors, donations before the move, opening balances. */
    record Imports(SheetImporter<?> donors, SheetImporter<?> donations, SheetImporter<?> openings) {}

    /**
     * Records the donation typed; with {@code andPrint} the receipt of this very donation is printed once it is
     * recorded, whatever else was recorded meanwhile. Both buttons say 收据: both write it.
     */
    private void record(boolean andPrint) {
        day.commitText();
        model.record(entry -> {
            if (model.cleared()) {
                // the date and donor stay for the next one, saved: not "unsaved" when logging out
                TypedInput.saved(fields);
                TypedInput.saved(more);
            }
            receipt(entry.seq(), andPrint);
        });
    }

    /** The receipt of ledger entry {@code seq} saved as a PDF, and printed with {@code andPrint}. */
    private void receipt(long seq, boolean andPrint) {
        if (andPrint) {
            printer.writeAndPrint(model.receipt(seq), "receipt.written", outcome -> model.receiptDone(seq, outcome));
        } else {
            printer.write(model.receipt(seq), "receipt.written", outcome -> model.receiptDone(seq, outcome));
        }
    }

    /** A donor not yet known is added here, then chosen. */
    private Node newDonorRow(boolean importing, Imports imports) {
        TextField name = text("newDonorName", "donor.name");
        name.textProperty().bindBidirectional(model.newDonorName);
        ComboBox<Donor.Kind> kind = choice("newDonorKind", null, Donor.Kind.values());
        kind.valueProperty().bindBidirectional(model.newDonorKind);
        ComboBox<Donor.Naming> naming = choice("newDonorNaming", null, Donor.Naming.values());
        naming.valueProperty().bindBidirectional(model.newDonorNaming);
        TextField phone = text("newDonorPhone", "donor.phone");
        phone.textProperty().bindBidirectional(model.newDonorPhone);
        Button add = new Button(Messages.t("donor.add"));
        add.setId("addDonor");
        add.setOnAction(e -> model.addDonor());
        // a home moving in brings its donor register: the same import screen as the other registers'
        // ... and its donations before the move, or each fund's balance on the move-in day, into the ledger
        return new VBox(
                8,
                row(true, new Label(Messages.t("donor.new")), name, kind, naming, phone, add),
                row(
                        importing,
                        importButton("importDonors", "donorImport.button", imports.donors()),
                        importButton("importDonations", "historyImport.button", imports.donations()),
                        importButton("importOpenings", "openingImport.button", imports.openings())));
    }

    /** A button opening the shared import screen for one of the registers this screen takes in. */
    private <P extends SheetImporter.Preview> Button importButton(
            String id, String labelKey, SheetImporter<P> importer) {
        Button b = new Button(Messages.t(labelKey), Icons.IMPORT.icon());
        b.setId(id);
        b.setOnAction(e -> new ImportDialog(new ImportViewModel<>(importer, tasks), dialogs, imported).show());
        return b;
    }

    Node node() {
        return root;
    }
}
