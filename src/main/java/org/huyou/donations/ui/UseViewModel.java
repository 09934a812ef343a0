package org.huyou.donations.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
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
import org.huyou.donations.Fund;
import org.huyou.donations.LedgerService;
import org.huyou.donations.Payment;

/**
 * A payment from a fund: paid at once up to the approval limit, above it a request for the director (or paid with a
 * reason where the home has no second approver); the line under the form says which.
 */
public final class UseViewModel {

    /** The field id a refused amount names (the View's field has it). */
    static final String AMOUNT = "useAmount";

    private final LedgerService ledger;
    private final TaskRunner tasks;
    private final Notices notices;
    private final Runnable recorded;
    private final ObservableList<Fund> funds = FXCollections.observableArrayList();
    private final StringProperty limitHint = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");

    final ObjectProperty<Fund> fund = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>();
    final StringProperty amount = new SimpleStringProperty("");
    final ObjectProperty<Fund.Purpose> purpose = new SimpleObjectProperty<>(Fund.Purpose.LIVING);
    final StringProperty payee = new SimpleStringProperty("");
    final StringProperty voucher = new SimpleStringProperty("");
    final StringProperty note = new SimpleStringProperty("");

    /** {@code recorded} runs after each payment or request (the ledger's lists show it). */
    public UseViewModel(LedgerService ledger, TaskRunner tasks, Notices notices, LocalDate today, Runnable recorded) {
        this.ledger = ledger;
        this.tasks = tasks;
        this.notices = notices;
        this.recorded = recorded;
        day.set(today);
        tasks.run(
                ledger::approvalLimit,
                l -> limitHint.set(Messages.t("use.limitHint", Money.amount(l))),
                notices::showError);
    }

    /** The funds to pay from, the one chosen kept (the first chosen when none was). */
    public void funds(List<Fund> fresh) {
        KeptSelection.replaceOrFirst(funds, fund, fresh, Fund::id);
    }

    /**
     * Records the payment the form holds; a refusal this user may set aside goes to {@code reason} (see
     * {@link SelfApproval}); {@code then} runs once it is recorded, the amount, note and voucher cleared (the payee
     * and date stay for the next payment).
     */
    public void record(Function<Throwable, Optional<String>> reason, Runnable then) {
        Fund f = fund.get();
        if (f == null) {
            notices.showError(new UserFacingException("use.chooseFund"));
            return;
        }
        BigDecimal sum;
        try {
            sum = InlineForms.amount(AMOUNT, Messages.t("ledger.amount"), amount.get());
        } catch (ValidationException bad) {
            notices.showError(bad); // said by name, the text kept
            return;
        }
        LocalDate on = day.get();
        Fund.Purpose p = purpose.get();
        String n = note.get();
        String to = payee.get();
        String v = voucher.get();
        SelfApproval.run(
                tasks,
                notices,
                why -> ledger.recordUse(new Payment(f.id(), on, sum, p, n, to, v), why),
                outcome -> {
                    result.set(
                            outcome.entry() != null
                                    ? Messages.t("use.recorded", outcome.entry().seq())
                                    : Messages.t(
                                            "use.requested",
                                            Money.amount(outcome.request().amount())));
                    amount.set("");
                    note.set("");
                    voucher.set("");
                    recorded.run();
                    then.run();
                },
                reason);
    }

    public ObservableList<Fund> fundList() {
        return funds;
    }

    /** The approval limit, in a sentence above the form. */
    public ReadOnlyStringProperty limitHintProperty() {
        return limitHint;
    }

    /** What the last payment became: recorded, or a request waiting for the director. */
    public ReadOnlyStringProperty resultProperty() {
        return result;
    }
}
