package org.huyou.donations.ui;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.donations.ExpiringGoods;
import org.huyou.donations.Fund;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerService;
import org.huyou.donations.LedgerVerifier;
import org.huyou.donations.PublishedCode;
import org.huyou.donations.PublishedDisclosure;

/**
 * The ledger: its newest entries with the names of their funds, goods and donors, the chain's check (at each refresh
 * since the last checkpoint, the whole chain on request), a code typed from a printed disclosure checked, and an
 * entry reversed with a reason. What the screen's forms choose from is loaded with it, in one background call.
 */
public final class LedgerViewModel {

    /** The newest entries shown. */
    static final int SHOWN = 300;

    private final LedgerService ledger;
    private final Receipts receipts;
    private final TaskRunner tasks;
    private final Notices notices;
    private final Consumer<Loaded> loaded;
    private final ObservableList<LedgerEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<LedgerEntry> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty broken = new SimpleBooleanProperty(false);
    private final StringProperty codeResult = new SimpleStringProperty("");
    private final BooleanProperty codeRefused = new SimpleBooleanProperty(false);
    private Map<Long, String> fundNames = Map.of();
    private Map<Long, String> itemNames = Map.of();
    private Map<Long, String> donorNames = Map.of();

    final StringProperty code = new SimpleStringProperty("");

    /**
     * {@code loaded} gets what the screen's forms choose from (funds, stock) each time it is loaded; receipts are
     * reprinted into {@code receipts}.
     */
    public LedgerViewModel(
            LedgerService ledger, TaskRunner tasks, Notices notices, Receipts receipts, Consumer<Loaded> loaded) {
        this.ledger = ledger;
        this.receipts = receipts;
        this.tasks = tasks;
        this.notices = notices;
        this.loaded = loaded;
    }

    /**
     * Everything the forms choose from and the lists show, loaded together in the background; of the donors only the
     * names the newest entries show (the pickers ask for donors as the user types).
     */
    public record Loaded(
            Map<Long, String> donorNames,
            List<Fund> funds,
            List<LedgerEntry> entries,
            List<LedgerService.Stock> stock,
            List<ExpiringGoods> expiring) {}

    public void refresh() {
        tasks.run(
                () -> {
                    List<LedgerEntry> newest = ledger.entries(Long.MAX_VALUE, SHOWN);
                    return new Loaded(
                            ledger.donorNames(newest.stream()
                                    .map(LedgerEntry::donorId)
                                    .filter(Objects::nonNull)
                                    .toList()),
                            ledger.funds(),
                            newest,
                            ledger.stock(null),
                            ledger.expiringGoods());
                },
                l -> {
                    fundNames = l.funds().stream().collect(Collectors.toMap(Fund::id, Fund::name));
                    itemNames = l.stock().stream()
                            .collect(Collectors.toMap(
                                    x -> x.item().id(),
                                    x -> Messages.t(
                                            "goods.itemWithUnit",
                                            x.item().name(),
                                            x.item().unit())));
                    donorNames = l.donorNames();
                    entries.setAll(l.entries());
                    loaded.accept(l);
                },
                notices::showError);
        // the status line counts the entries: checked again with every refresh, so a new entry shows in the count
        verify(ledger::verifySinceCheckpoint);
    }

    /** The whole chain checked, on request. */
    public void verifyAll() {
        verify(ledger::verify);
    }

    private void verify(Supplier<LedgerVerifier.Result> how) {
        status.set(Messages.t("ledger.verifying"));
        tasks.run(
                how::get,
                (LedgerVerifier.Result r) -> {
                    broken.set(!r.ok());
                    status.set(r.ok() ? Messages.t("ledger.intact", r.entries()) : r.describe());
                },
                notices::showError);
    }

    /**
     * Checks the code typed from a printed disclosure, as {@code verify-ledger --code} does: the register of
     * disclosures lives in the database and could have been edited to match a rewritten ledger; paper cannot.
     * False when nothing was typed (the line says so, and the View puts the cursor in the field).
     */
    public boolean checkCode() {
        String typed = code.get() == null ? "" : code.get().strip();
        codeRefused.set(false);
        if (typed.isEmpty()) {
            codeResult.set(Messages.t("ledger.codeEmpty"));
            return false;
        }
        codeResult.set(Messages.t("ledger.verifying"));
        tasks.run(
                () -> {
                    LedgerVerifier.Result r = ledger.verifyCode(typed);
                    // a slip of the pen is not tampering: said as such once the ledger itself verifies, as the
                    // command line says it (a tester read "the ledger contradicts the code" for one wrong character)
                    Optional<LedgerService.CodeSlip> slip = r.ok()
                            ? Optional.empty()
                            : ledger.codeSlip(typed).filter(x -> ledger.verify().ok());
                    return new CodeCheck(r, ledger.disclosuresWithCode(typed), slip);
                },
                (CodeCheck c) -> {
                    LedgerVerifier.Result r = c.result();
                    // the ledger holding a hash is not a disclosure: only a published one's code is "matching"
                    codeRefused.set(!r.ok() || c.published().isEmpty());
                    if (r.ok() && !c.published().isEmpty()) {
                        codeResult.set(Messages.t(
                                "ledger.codeMatches",
                                PublishedDisclosure.describe(c.published()),
                                PublishedCode.parse(typed).seq(),
                                r.entries()));
                    } else if (r.ok()) {
                        codeResult.set(Messages.t(
                                "ledger.codeNotPublished",
                                PublishedCode.parse(typed).seq()));
                    } else if (c.slip().isPresent()) {
                        codeResult.set(c.slip().get().sentence());
                    } else {
                        // a code no disclosure here printed: most likely mistyped, said before the ledger's answer
                        codeResult.set(
                                c.published().isEmpty()
                                        ? Messages.t("ledger.codeNotIssued") + "\n" + r.describe()
                                        : r.describe());
                    }
                },
                t -> {
                    if (t instanceof UserFacingException u) { // not a code: said beside the field
                        codeRefused.set(true);
                        codeResult.set(u.userMessage());
                    } else {
                        notices.showError(t);
                    }
                });
        return true;
    }

    /** A typed code's check, and the published disclosures that printed that code. */
    private record CodeCheck(
            LedgerVerifier.Result result, List<PublishedDisclosure> published, Optional<LedgerService.CodeSlip> slip) {}

    /** Reverses the selected entry for the reason the user gave. */
    public void reverse(String why) {
        long seq = selected.get().seq();
        tasks.run(() -> ledger.reverse(seq, why), r -> refresh(), notices::showError);
    }

    /**
     * Why the entry cannot be reversed (the button's tooltip), or null when it can. Its reversal, if any, is among
     * the entries shown: it is newer than the entry, and the newest are shown.
     */
    /** Why the entry's receipt cannot be printed again (补打), or null: see {@link LedgerService#whyNoReceipt}. */
    public String whyNoReceipt(LedgerEntry e) {
        boolean reversed = entries.stream().anyMatch(x -> Objects.equals(x.reversesSeq(), e.seq()));
        UserFacingException refused = LedgerService.whyNoReceipt(e, reversed);
        return UserFacingException.why(refused);
    }

    /** Writing the reprint (补打) of the receipt of ledger entry {@code seq}, for the View to run and print. */
    public java.util.concurrent.Callable<java.nio.file.Path> reprint(long seq) {
        return () ->
                ledger.reprintReceipt(seq, receipts.dir(), receipts.homeName().get());
    }

    public String whyNotReverse(LedgerEntry e) {
        boolean reversed = entries.stream().anyMatch(x -> Objects.equals(x.reversesSeq(), e.seq()));
        return UserFacingException.why(e.reversalRefusal(reversed));
    }

    /** The name of an entry's fund, or of its goods with their unit. */
    public String fundOrItem(LedgerEntry e) {
        return e.fundId() != null ? fundName(e.fundId()) : itemNames.getOrDefault(e.itemId(), "");
    }

    public String fundName(long id) {
        return fundNames.getOrDefault(id, "");
    }

    public String donorName(LedgerEntry e) {
        return e.donorId() == null ? "" : donorNames.getOrDefault(e.donorId(), "");
    }

    public ObservableList<LedgerEntry> entries() {
        return entries;
    }

    public ObjectProperty<LedgerEntry> selectedProperty() {
        return selected;
    }

    /** What the chain's check said (entries counted, or where it broke). */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty brokenProperty() {
        return broken;
    }

    public ReadOnlyStringProperty codeResultProperty() {
        return codeResult;
    }

    /** Whether the code typed was refused or does not match (said as a warning). */
    public ReadOnlyBooleanProperty codeRefusedProperty() {
        return codeRefused;
    }
}
