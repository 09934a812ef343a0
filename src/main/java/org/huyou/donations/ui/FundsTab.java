package org.huyou.donations.ui;

import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TaskRunner;
import org.huyou.donations.LedgerRepository;
import org.huyou.donations.LedgerService;
import org.huyou.donations.PaymentRequest;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/** Balances per fund, money in and out by month, and the director's approvals, month closing and payment limit. */
final class FundsTab {

    private final LedgerService ledger;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Runnable changed;
    private final TableView<LedgerService.FundBalance> balances = table("fundTable", 150, "ledger.none");
    private final TableView<LedgerService.RequestLine> requests = table("requestTable", 120, "request.none");
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final Label closed = new Label();
    private final Node root;

    FundsTab(
            LedgerService ledger,
            TaskRunner tasks,
            DialogService dialogs,
            CurrentUser user,
            Clock clock,
            Runnable changed) {
        this.ledger = ledger;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.changed = changed;
        boolean approve = user.can(AppModule.DONATIONS, Action.APPROVE);
        balances.getColumns().add(Columns.text("fund.name", b -> b.fund().name(), 160));
        balances.getColumns()
                .add(Columns.text(
                        "fund.purpose",
                        b -> b.fund().restricted() ? b.fund().purpose().label() : Messages.t("fund.unrestricted"),
                        120));
        balances.getColumns().add(Columns.text("fund.balance", b -> DonationsModule.money(b.balance()), 120));
        // the fund and what it holds beside each request: the director decides seeing whether the money is there
        requests.getColumns()
                .add(Columns.text("ledger.date", l -> Dates.format(l.request().date()), 95));
        requests.getColumns().add(Columns.text("request.fund", l -> l.fund().name(), 120));
        requests.getColumns()
                .add(Columns.text("request.fundBalance", l -> DonationsModule.money(l.fundBalance()), 110));
        requests.getColumns()
                .add(Columns.text(
                        "ledger.amount", l -> DonationsModule.money(l.request().amount()), 100));
        requests.getColumns()
                .add(Columns.text("ledger.purpose", l -> l.request().purpose().label(), 90));
        requests.getColumns().add(Columns.text("ledger.payee", l -> l.request().payee(), 140));
        requests.getColumns()
                .add(Columns.text(
                        "ledger.description",
                        l -> l.request().description() == null
                                ? ""
                                : l.request().description(),
                        160));
        requests.getColumns()
                .add(Columns.text(
                        "residents.col.by",
                        l -> Accounts.displayName(l.request().requestedBy()),
                        80));
        requests.getColumns()
                .add(Columns.text("request.status", l -> l.request().status().label(), 80));
        requests.getColumns()
                .add(Columns.text(
                        "request.decision",
                        l -> l.request().decisionReason() == null
                                ? ""
                                : l.request().decisionReason(),
                        180));
        chart.setId("moneyChart");
        chart.setTitle(Messages.t("fund.chartTitle"));
        chart.setAnimated(false);
        chart.setPrefHeight(260);
        Button approveIt = new Button(Messages.t("request.approve"));
        approveIt.setId("approveRequest");
        approveIt.disableProperty().bind(pendingSelected().not());
        approveIt.setOnAction(e -> decide(true));
        Button reject = new Button(Messages.t("request.reject"));
        reject.setId("rejectRequest");
        reject.disableProperty().bind(pendingSelected().not());
        reject.setOnAction(e -> decide(false));
        ComboBox<YearMonth> month = new ComboBox<>();
        month.setId("closeMonthChoice");
        YearMonth now = YearMonth.now(clock);
        for (int i = 1; i <= 12; i++) {
            month.getItems().add(now.minusMonths(i));
        }
        month.setValue(now.minusMonths(1));
        Button close = new Button(Messages.t("ledger.closeMonth"));
        close.setId("closeMonth");
        close.setOnAction(e -> {
            YearMonth m = month.getValue();
            if (dialogs.confirm(
                    Messages.t("ledger.closeMonth"),
                    Messages.t("ledger.closeText", m.toString()),
                    Messages.t("ledger.closeMonth"),
                    Messages.t("common.cancel"))) {
                tasks.run(
                        () -> {
                            ledger.closePeriod(m);
                            return true;
                        },
                        ok -> refresh(),
                        dialogs::showError);
            }
        });
        TextField limit = text("approvalLimit", "ledger.amount");
        limit.setPrefColumnCount(8);
        Button setLimit = new Button(Messages.t("use.setLimit"));
        setLimit.setId("setApprovalLimit");
        setLimit.setOnAction(e -> tasks.run(
                () -> {
                    ledger.setApprovalLimit(InlineForms.amount(limit));
                    return true;
                },
                ok -> {
                    org.huyou.common.ui.TypedInput.saved(limit); // stays on screen as saved
                    dialogs.notifySuccess(Messages.t("use.limitSaved"));
                },
                dialogs::showError));
        tasks.run(ledger::approvalLimit, l -> limit.setText(l.toPlainString()), dialogs::showError);
        closed.setWrapText(true);
        root = InlineForms.scrolled(
                heading("fund.balances"),
                balances,
                chart,
                heading("request.title"),
                requests,
                row(approve, approveIt, reject),
                heading("ledger.periods"),
                closed,
                row(approve, month, close),
                row(approve, new Label(Messages.t("use.limitLabel")), limit, setLimit));
    }

    /** Only a request still waiting can be decided (the list also shows the user's own decided ones). */
    private javafx.beans.binding.BooleanBinding pendingSelected() {
        return javafx.beans.binding.Bindings.createBooleanBinding(
                () -> {
                    LedgerService.RequestLine l = requests.getSelectionModel().getSelectedItem();
                    return l != null && l.request().status() == PaymentRequest.Status.PENDING;
                },
                requests.getSelectionModel().selectedItemProperty());
    }

    private void decide(boolean approve) {
        PaymentRequest r = requests.getSelectionModel().getSelectedItem().request();
        if (approve) {
            tasks.run(
                    () -> ledger.approveRequest(r.id(), r.version()),
                    ok -> changed.run(),
                    failure -> DonationsModule.askSelfApproval(dialogs, failure)
                            .ifPresent(why -> tasks.run(
                                    () -> ledger.approveRequest(r.id(), r.version(), why),
                                    ok -> changed.run(),
                                    dialogs::showError)));
            return;
        }
        dialogs.askReason(
                        Messages.t("request.rejectTitle"),
                        Messages.t(
                                "request.rejectText",
                                Accounts.displayName(r.requestedBy()),
                                DonationsModule.money(r.amount()),
                                r.payee()),
                        Messages.t("request.reason"),
                        Messages.t("request.reject"))
                .ifPresent(why -> tasks.run(
                        () -> {
                            ledger.rejectRequest(r.id(), r.version(), why);
                            return true;
                        },
                        ok -> {
                            dialogs.notifySuccess(Messages.t("request.rejected"));
                            changed.run();
                        },
                        dialogs::showError));
    }

    private record Loaded(
            List<LedgerService.FundBalance> balances,
            List<LedgerService.RequestLine> requests,
            List<LedgerRepository.MonthTotals> months,
            List<String> closed) {}

    void refresh() {
        tasks.run(
                () -> new Loaded(
                        ledger.balances(null),
                        ledger.requestLines(),
                        ledger.lastTwelveMonths(),
                        ledger.closedPeriods()),
                l -> {
                    balances.getItems().setAll(l.balances());
                    requests.getItems().setAll(l.requests());
                    XYChart.Series<String, Number> in = new XYChart.Series<>();
                    in.setName(Messages.t("fund.in"));
                    XYChart.Series<String, Number> out = new XYChart.Series<>();
                    out.setName(Messages.t("fund.out"));
                    for (LedgerRepository.MonthTotals m : l.months()) {
                        in.getData().add(new XYChart.Data<>(m.month().toString(), m.received()));
                        out.getData().add(new XYChart.Data<>(m.month().toString(), m.used()));
                    }
                    chart.getData().setAll(List.of(in, out));
                    closed.setText(
                            l.closed().isEmpty()
                                    ? Messages.t("ledger.noneClosed")
                                    : Messages.t("ledger.closedList", Messages.list(l.closed())));
                },
                dialogs::showError);
    }

    Node node() {
        return root;
    }
}
