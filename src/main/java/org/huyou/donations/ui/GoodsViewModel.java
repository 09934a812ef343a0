package org.huyou.donations.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.donations.Donor;
import org.huyou.donations.ExpiringGoods;
import org.huyou.donations.GoodsItem;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerService;

/** Goods received from a donor and issued from stock, with what is in stock and what expires soon. */
public final class GoodsViewModel {

    /** The field ids a refused number names (the View's fields have them). */
    static final String QUANTITY = "goodsQty";

    static final String VALUE = "goodsValue";
    static final String ISSUE_QUANTITY = "issueQty";

    private final LedgerService ledger;
    private final Receipts receipts;
    private final TaskRunner tasks;
    private final Notices notices;
    private final Runnable recorded;
    private final ObservableList<LedgerService.Stock> stock = FXCollections.observableArrayList();
    private final ObservableList<LedgerService.Stock> issuable = FXCollections.observableArrayList();
    private final ObservableList<ExpiringGoods> expiring = FXCollections.observableArrayList();

    final ObjectProperty<Donor> donor = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>();
    final StringProperty item = new SimpleStringProperty("");
    final StringProperty unit = new SimpleStringProperty("");
    final ObjectProperty<GoodsItem.Category> category = new SimpleObjectProperty<>(GoodsItem.Category.values()[0]);
    final StringProperty quantity = new SimpleStringProperty("");
    final StringProperty value = new SimpleStringProperty("");
    final ObjectProperty<LedgerEntry.Condition> condition =
            new SimpleObjectProperty<>(LedgerEntry.Condition.values()[0]);
    final ObjectProperty<LocalDate> expiry = new SimpleObjectProperty<>();

    /** The goods received last here, whose receipt 打印收据 prints, and its line ("已登记入库：收据编号 …"). */
    private long lastSeq;

    private String lastRecorded = "";
    private final javafx.beans.property.StringProperty receiptLine = new SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty receiptReady =
            new javafx.beans.property.SimpleBooleanProperty(false);

    final ObjectProperty<LedgerService.Stock> issueItem = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> issueDay = new SimpleObjectProperty<>();
    final StringProperty issueQuantity = new SimpleStringProperty("");
    final ObjectProperty<LedgerEntry.IssuedTo> issuedTo = new SimpleObjectProperty<>(LedgerEntry.IssuedTo.values()[0]);
    final StringProperty issueNote = new SimpleStringProperty("");

    /**
     * {@code recorded} runs after goods are received or issued (the ledger's lists show it); the receipt of goods
     * received is written to {@code receipts}.
     */
    public GoodsViewModel(
            LedgerService ledger,
            TaskRunner tasks,
            Notices notices,
            LocalDate today,
            Receipts receipts,
            Runnable recorded) {
        this.ledger = ledger;
        this.receipts = receipts;
        this.tasks = tasks;
        this.notices = notices;
        this.recorded = recorded;
        day.set(today);
        issueDay.set(today);
    }

    /** The stock and the goods expiring soon, as the screen loaded them; only what is left can be issued. */
    public void lists(List<LedgerService.Stock> fresh, List<ExpiringGoods> soon) {
        stock.setAll(fresh);
        expiring.setAll(soon);
        issuable.setAll(fresh.stream().filter(s -> s.issuable().signum() > 0).toList());
    }

    /** Records the goods the form holds; {@code then} runs once they are (the date and unit stay for the next). */
    public void receive(Runnable then) {
        Donor d = donor.get();
        if (d == null) {
            notices.showError(new UserFacingException("donation.chooseDonorAndFund"));
            return;
        }
        BigDecimal q;
        BigDecimal v;
        try {
            q = InlineForms.decimal(QUANTITY, Messages.t("goods.quantity"), quantity.get());
            v = InlineForms.amount(VALUE, Messages.t("goods.value"), value.get());
        } catch (ValidationException bad) {
            notices.showError(bad); // said by name, the text kept
            return;
        }
        LocalDate on = day.get();
        String what = item.get();
        String u = unit.get();
        GoodsItem.Category c = category.get();
        LedgerEntry.Condition state = condition.get();
        LocalDate until = expiry.get();
        tasks.run(
                () -> ledger.recordGoodsIn(new LedgerService.GoodsIn(d.id(), on, what, u, c, q, v, state, until, null)),
                entry -> {
                    item.set("");
                    quantity.set("");
                    value.set("");
                    expiry.set(null);
                    recorded.run();
                    then.run();
                    receipt(entry);
                },
                notices::showError);
    }

    /**
     * The receipt the donor of the goods is owed, written once they are recorded; 打印收据 beside the form prints it,
     * as on 登记捐款 (补打 on the ledger prints any entry's again).
     */
    private void receipt(LedgerEntry entry) {
        lastSeq = entry.seq();
        lastRecorded = Messages.t(
                "goods.recorded",
                entry.receiptNo(),
                donor.get() == null ? "" : donor.get().name());
        receiptLine.set(lastRecorded);
        receiptReady.set(true);
        tasks.run(
                () -> ledger.printReceipt(
                        entry.seq(), receipts.dir(), receipts.homeName().get()),
                file -> {
                    notices.notifySuccess(Messages.t("goods.receiptWritten", entry.receiptNo(), file));
                    receiptDone(entry.seq(), Messages.t("receipt.written", file));
                },
                notices::showError);
    }

    /** The goods received last here, for 打印收据. */
    long lastRecorded() {
        return lastSeq;
    }

    /** Writing the receipt of ledger entry {@code seq} as a PDF, for the View to run and print. */
    java.util.concurrent.Callable<java.nio.file.Path> receipt(long seq) {
        return () ->
                ledger.printReceipt(seq, receipts.dir(), receipts.homeName().get());
    }

    /** What became of the receipt of {@code seq}, said after its line; never over a later one's. */
    void receiptDone(long seq, String outcome) {
        if (seq == lastSeq) {
            receiptLine.set(Messages.t("donation.recordedAnd", lastRecorded, outcome));
        }
    }

    javafx.beans.property.ReadOnlyStringProperty receiptLineProperty() {
        return receiptLine;
    }

    /** Whether goods were received here, so that their receipt can be printed. */
    javafx.beans.property.ReadOnlyBooleanProperty receiptReadyProperty() {
        return receiptReady;
    }

    /** Issues goods from stock; {@code then} runs once they are (the date stays for the next). */
    public void issue(Runnable then) {
        LedgerService.Stock s = issueItem.get();
        if (s == null) {
            notices.showError(new UserFacingException("goods.chooseItem"));
            return;
        }
        BigDecimal q;
        try {
            q = InlineForms.decimal(ISSUE_QUANTITY, Messages.t("goods.quantity"), issueQuantity.get());
        } catch (ValidationException bad) {
            notices.showError(bad);
            return;
        }
        LocalDate on = issueDay.get();
        LedgerEntry.IssuedTo to = issuedTo.get();
        String n = issueNote.get();
        tasks.run(
                () -> ledger.issueGoods(s.item().id(), on, q, to, n),
                entry -> {
                    issueQuantity.set("");
                    issueNote.set("");
                    recorded.run();
                    then.run();
                },
                notices::showError);
    }

    public ObservableList<LedgerService.Stock> stock() {
        return stock;
    }

    /** The items with something left to issue. */
    public ObservableList<LedgerService.Stock> issuable() {
        return issuable;
    }

    public ObservableList<ExpiringGoods> expiring() {
        return expiring;
    }
}
