package org.huyou.donations.ui;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.common.Messages;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.donations.LedgerService;
import org.huyou.donations.MonthTotals;
import org.huyou.donations.PaymentRequest;

/**
 * Balances per fund, money in and out by month, and the director's decisions: payment requests approved or
 * rejected, months closed, the payment limit above which a second person approves.
 */
public final class FundsViewModel {

    /** The field id a refused limit names (the View's field has it). */
    static final String LIMIT = "approvalLimit";

    private final LedgerService ledger;
    private final TaskRunner tasks;
    private final Notices notices;
    private final Runnable changed;
    private final ObservableList<LedgerService.FundBalance> balances = FXCollections.observableArrayList();
    private final ObservableList<LedgerService.RequestLine> requests = FXCollections.observableArrayList();
    private final ObservableList<MonthTotals> months = FXCollections.observableArrayList();
    private final ObjectProperty<LedgerService.RequestLine> selected = new SimpleObjectProperty<>();
    private final StringProperty closed = new SimpleStringProperty("");

    final ObjectProperty<YearMonth> month = new SimpleObjectProperty<>();
    final StringProperty limit = new SimpleStringProperty("");

    /** {@code changed} runs after a request is decided (the ledger and the forms show it). */
    public FundsViewModel(
            LedgerService ledger, TaskRunner tasks, Notices notices, YearMonth thisMonth, Runnable changed) {
        this.ledger = ledger;
        this.tasks = tasks;
        this.notices = notices;
        this.changed = changed;
        month.set(thisMonth.minusMonths(1));
        tasks.run(ledger::approvalLimit, l -> limit.set(l.toPlainString()), notices::showError);
    }

    private record Loaded(
            List<LedgerService.FundBalance> balances,
            List<LedgerService.RequestLine> requests,
            List<MonthTotals> months,
            List<String> closed) {}

    public void refresh() {
        tasks.run(
                () -> new Loaded(
                        ledger.balances(null),
                        ledger.requestLines(),
                        ledger.lastTwelveMonths(),
                        ledger.closedPeriods()),
                l -> {
                    balances.setAll(l.balances());
                    requests.setAll(l.requests());
                    months.setAll(l.months());
                    closed.set(
                            l.closed().isEmpty()
                                    ? Messages.t("ledger.noneClosed")
                                    : Messages.t("ledger.closedList", Messages.list(l.closed())));
                },
                notices::showError);
    }

    /** Only a request still waiting can be decided (the list also shows the user's own decided ones). */
    public BooleanBinding pendingSelected() {
        return Bindings.createBooleanBinding(
                () -> selected.get() != null && selected.get().request().status() == PaymentRequest.Status.PENDING,
                selected);
    }

    /**
     * Approves the selected request; a refusal the user may set aside (no second approver) is handed to
     * {@code overrideReason}, and approved with the reason it gives (not at all when it gives none).
     */
    public void approve(Function<Throwable, Optional<String>> overrideReason) {
        PaymentRequest r = selected.get().request();
        SelfApproval.run(
                tasks,
                notices,
                why -> ledger.approveRequest(r.id(), r.version(), why),
                e -> {
                    if (!e.date().equals(r.date())) {
                        // its period was closed or published meanwhile: the payment went in on the approval day
                        notices.notifySuccess(Messages.t("request.approvedToday", r.date(), e.date()));
                    }
                    changed.run();
                },
                overrideReason);
    }

    /** Rejects the selected request for the reason the user gave. */
    public void reject(String why) {
        PaymentRequest r = selected.get().request();
        tasks.run(
                () -> {
                    ledger.rejectRequest(r.id(), r.version(), why);
                    return true;
                },
                ok -> {
                    notices.notifySuccess(Messages.t("request.rejected"));
                    changed.run();
                },
                notices::showError);
    }

    /** Closes the month chosen (the user confirmed it: closing cannot be undone). */
    public void closeMonth() {
        YearMonth m = month.get();
        tasks.run(
                () -> {
                    ledger.closePeriod(m);
                    return true;
                },
                ok -> refresh(),
                notices::showError);
    }

    /** Saves the payment limit typed; {@code then} runs once it is saved. Letters are refused naming the field. */
    public void saveLimit(Runnable then) {
        BigDecimal l;
        try {
            l = InlineForms.amount(LIMIT, Messages.t("ledger.amount"), limit.get());
        } catch (ValidationException bad) {
            notices.showError(bad);
            return;
        }
        tasks.run(
                () -> {
                    ledger.setApprovalLimit(l);
                    return true;
                },
                ok -> {
                    then.run();
                    notices.notifySuccess(Messages.t("use.limitSaved"));
                },
                notices::showError);
    }

    public ObservableList<LedgerService.FundBalance> balances() {
        return balances;
    }

    public ObservableList<LedgerService.RequestLine> requests() {
        return requests;
    }

    public ObservableList<MonthTotals> months() {
        return months;
    }

    public ObjectProperty<LedgerService.RequestLine> selectedProperty() {
        return selected;
    }

    /** Which months are closed, in a sentence. */
    public ReadOnlyStringProperty closedProperty() {
        return closed;
    }
}
