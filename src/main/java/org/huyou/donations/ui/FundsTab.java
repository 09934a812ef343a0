package org.huyou.donations.ui;

import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;

import java.time.YearMonth;
import java.util.List;
import javafx.collections.ListChangeListener;
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
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TypedInput;
import org.huyou.donations.LedgerService;
import org.huyou.donations.MonthTotals;
import org.huyou.donations.PaymentRequest;
import org.huyou.security.Accounts;

/** Balances per fund, money in and out by month, and the director's approvals, month closing and payment limit. */
final class FundsTab {

    private final FundsViewModel model;
    private final DialogService dialogs;
    private final TableView<LedgerService.FundBalance> balances = table("fundTable", 150, "ledger.none");
    private final TableView<LedgerService.RequestLine> requests = table("requestTable", 120, "request.none");
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final Label closed = new Label();
    private final Node root;

    FundsTab(FundsViewModel model, DialogService dialogs, boolean approve) {
        this.model = model;
        this.dialogs = dialogs;
        balances.setItems(model.balances());
        requests.setItems(model.requests());
        TableRows.follow(requests, model.selectedProperty());
        model.months().addListener((ListChangeListener<MonthTotals>) c -> chart());
        closed.textProperty().bind(model.closedProperty());
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
        approveIt.disableProperty().bind(model.pendingSelected().not());
        approveIt.setOnAction(e -> decide(true));
        Button reject = new Button(Messages.t("request.reject"));
        reject.setId("rejectRequest");
        reject.disableProperty().bind(model.pendingSelected().not());
        reject.setOnAction(e -> decide(false));
        ComboBox<YearMonth> month = new ComboBox<>();
        month.setId("closeMonthChoice");
        YearMonth last = model.month.get();
        for (int i = 0; i < 12; i++) {
            month.getItems().add(last.minusMonths(i));
        }
        month.valueProperty().bindBidirectional(model.month);
        Button close = new Button(Messages.t("ledger.closeMonth"));
        close.setId("closeMonth");
        close.setOnAction(e -> {
            if (dialogs.confirm(
                    Messages.t("ledger.closeMonth"),
                    Messages.t("ledger.closeText", model.month.get().toString()),
                    Messages.t("ledger.closeMonth"),
                    Messages.t("common.cancel"))) {
                model.closeMonth();
            }
        });
        TextField limit = text(FundsViewModel.LIMIT, "ledger.amount");
        limit.setPrefColumnCount(8);
        limit.textProperty().bindBidirectional(model.limit);
        Button setLimit = new Button(Messages.t("use.setLimit"));
        setLimit.setId("setApprovalLimit");
        setLimit.setOnAction(e -> model.saveLimit(() -> TypedInput.saved(limit))); // stays on screen as saved
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

    /** The months' money in and out as two series of bars. */
    private void chart() {
        XYChart.Series<String, Number> in = new XYChart.Series<>();
        in.setName(Messages.t("fund.in"));
        XYChart.Series<String, Number> out = new XYChart.Series<>();
        out.setName(Messages.t("fund.out"));
        for (MonthTotals m : model.months()) {
            in.getData().add(new XYChart.Data<>(m.month().toString(), m.received()));
            out.getData().add(new XYChart.Data<>(m.month().toString(), m.used()));
        }
        chart.getData().setAll(List.of(in, out));
    }

    private void decide(boolean approve) {
        if (approve) {
            model.approve(failure -> DonationsModule.askSelfApproval(dialogs, failure));
            return;
        }
        PaymentRequest r = model.selectedProperty().get().request();
        dialogs.askReason(
                        Messages.t("request.rejectTitle"),
                        Messages.t(
                                "request.rejectText",
                                Accounts.displayName(r.requestedBy()),
                                DonationsModule.money(r.amount()),
                                r.payee()),
                        Messages.t("request.reason"),
                        Messages.t("request.reject"))
                .ifPresent(model::reject);
    }

    void refresh() {
        model.refresh();
    }

    Node node() {
        return root;
    }
}
