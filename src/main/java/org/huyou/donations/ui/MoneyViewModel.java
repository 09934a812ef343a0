package org.huyou.donations.ui;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.KeptSelection;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.donations.Donor;
import org.huyou.donations.Fund;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerService;
import org.huyou.donations.LedgerService.NewDonor;

/**
 * A money donation recorded at the desk: the donor (a new one added here), the fund, the amount; the line that says
 * which receipt it got, and that receipt's file for the View to write or print.
 */
public final class MoneyViewModel {

    /** The field id a refused amount names (the View's field has it). */
    static final String AMOUNT = "donationAmount";

    private final LedgerService ledger;
    private final TaskRunner tasks;
    private final Notices notices;
    private final Path receipts;
    private final Supplier<String> homeName;
    private final Runnable recorded;
    private final ObservableList<Fund> funds = FXCollections.observableArrayList();
    private final StringProperty receiptLine = new SimpleStringProperty("");
    private final BooleanProperty receiptReady = new SimpleBooleanProperty(false);
    private final ObjectProperty<Donor> added = new SimpleObjectProperty<>();
    /** The last donation recorded here, whose receipt 打印收据 prints, and its line ("已登记：收据编号 …"). */
    private long lastSeq;

    private String lastRecorded = "";

    final ObjectProperty<Donor> donor = new SimpleObjectProperty<>();
    final ObjectProperty<Fund> fund = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>();
    final StringProperty amount = new SimpleStringProperty("");
    final ObjectProperty<LedgerEntry.Channel> channel = new SimpleObjectProperty<>(LedgerEntry.Channel.values()[0]);
    final StringProperty note = new SimpleStringProperty("");

    final StringProperty newDonorName = new SimpleStringProperty("");
    final ObjectProperty<Donor.Kind> newDonorKind = new SimpleObjectProperty<>(Donor.Kind.values()[0]);
    final ObjectProperty<Donor.Naming> newDonorNaming = new SimpleObjectProperty<>(Donor.Naming.values()[0]);
    final StringProperty newDonorPhone = new SimpleStringProperty("");

    /**
     * {@code recorded} runs after each donation recorded (the ledger's lists show it); receipts are written to
     * {@code receipts} under the home's name.
     */
    public MoneyViewModel(
            LedgerService ledger,
            TaskRunner tasks,
            Notices notices,
            LocalDate today,
            Path receipts,
            Supplier<String> homeName,
            Runnable recorded) {
        this.ledger = ledger;
        this.tasks = tasks;
        this.notices = notices;
        this.receipts = receipts;
        this.homeName = homeName;
        this.recorded = recorded;
        day.set(today);
    }

    /** The funds to give to, the one chosen kept (the first chosen when none was). */
    public void funds(List<Fund> fresh) {
        KeptSelection.replaceOrFirst(funds, fund, fresh, Fund::id);
    }

    /** Adds the donor typed in the new-donor row and chooses them; the row is cleared. */
    public void addDonor() {
        Donor.Kind k = newDonorKind.get();
        String n = newDonorName.get();
        Donor.Naming naming = newDonorNaming.get();
        String p = newDonorPhone.get();
        tasks.run(
                () -> ledger.createDonor(new NewDonor(k, n, naming, p, null, null, null)),
                d -> {
                    newDonorName.set("");
                    newDonorPhone.set("");
                    donor.set(d);
                    added.set(d);
                },
                notices::showError);
    }

    /**
     * Records the donation the form holds; {@code then} gets the entry once it is recorded (its receipt is the
     * View's to write or print). Only what was recorded is cleared: the next donation may already be typed in.
     */
    public void record(Consumer<LedgerEntry> then) {
        Donor d = donor.get();
        Fund f = fund.get();
        if (d == null || f == null) {
            notices.showError(new UserFacingException("donation.chooseDonorAndFund"));
            return;
        }
        String typed = amount.get();
        BigDecimal sum;
        try {
            sum = InlineForms.amount(AMOUNT, Messages.t("ledger.amount"), typed);
        } catch (ValidationException bad) {
            notices.showError(bad); // said by name, the text kept
            return;
        }
        LocalDate on = day.get();
        LedgerEntry.Channel via = channel.get();
        String said = note.get();
        tasks.run(
                () -> ledger.recordDonation(d.id(), f.id(), on, sum, via, said),
                entry -> {
                    lastSeq = entry.seq();
                    // the donor named, so a wrong pick is seen at the desk, not on the printed receipt
                    lastRecorded =
                            Messages.t("donation.recorded", entry.receiptNo(), Money.amount(entry.amount()), d.name());
                    receiptLine.set(lastRecorded);
                    receiptReady.set(true);
                    clearIfStill(amount, typed);
                    clearIfStill(note, said);
                    recorded.run();
                    then.accept(entry);
                },
                notices::showError);
    }

    private static void clearIfStill(StringProperty field, String saved) {
        if (Objects.equals(field.get(), saved)) {
            field.set("");
        }
    }

    /** Whether what was recorded has been cleared from the form (the date, donor and fund stay for the next one). */
    public boolean cleared() {
        return amount.get().isEmpty() && note.get().isEmpty();
    }

    /** The receipt of the last donation recorded here. */
    public long lastRecorded() {
        return lastSeq;
    }

    /**
     * Writing the receipt of ledger entry {@code seq} as a PDF, for the View to run (and print). The number is fixed
     * when the donation is recorded, not when the file is written.
     */
    public Callable<Path> receipt(long seq) {
        return () -> ledger.printReceipt(seq, receipts, homeName.get());
    }

    /**
     * What became of the receipt of {@code seq}, said after its donation's line; a slower earlier receipt never
     * overwrites the line of the one after it.
     */
    public void receiptDone(long seq, String outcome) {
        if (seq == lastSeq) {
            receiptLine.set(Messages.t("donation.recordedAnd", lastRecorded, outcome));
        }
    }

    public ObservableList<Fund> fundList() {
        return funds;
    }

    public ReadOnlyStringProperty receiptLineProperty() {
        return receiptLine;
    }

    /** Whether a donation was recorded here, so that its receipt can be printed. */
    public ReadOnlyBooleanProperty receiptReadyProperty() {
        return receiptReady;
    }

    /** The donor added last (other forms of the screen choose them too). */
    public ReadOnlyObjectProperty<Donor> addedProperty() {
        return added;
    }
}
