package org.huyou.donations.ui;

import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.common.OverridableRefusal;
import org.huyou.common.UserFacingException;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.DocumentPrinter;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.RowAction;
import org.huyou.common.ui.TabbedModule;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.TypedInput;
import org.huyou.donations.DisclosureService;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerService;
import org.huyou.donations.LedgerUseService;
import org.huyou.donations.io.DonationHistoryImporter;
import org.huyou.donations.io.DonorImporter;
import org.huyou.donations.io.OpeningBalanceImporter;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/**
 * The finance screens: record money and goods, pay from a fund, the ledger with its verification at opening,
 * balances and the director's approvals, and the public disclosure. Every figure comes from the ledger service; each
 * tab is a View over its ViewModel, and the ledger's ViewModel loads what the forms choose from.
 */
public final class DonationsModule extends TabbedModule {

    /** A tab whose forms and lists all come from the ledger's load. */
    private static final Runnable NOTHING_MORE = () -> {};

    private final LedgerViewModel ledger;
    private final DialogService dialogs;
    private final DocumentPrinter printer;
    private final TableView<LedgerEntry> entries = table("ledgerTable", 420, "ledger.none");
    private final FundsTab funds;
    private final DisclosureTab disclosure;

    public DonationsModule(
            LedgerService ledgerService,
            DisclosureService disclosures,
            LedgerUseService uses,
            TaskRunner tasks,
            DialogService dialogs,
            CurrentUser user,
            Clock clock,
            Path dataDir,
            Supplier<String> homeName,
            DonorImporter donorImporter,
            DonationHistoryImporter historyImporter,
            OpeningBalanceImporter openingImporter) {
        // the balances and the disclosures load when their tab is shown (issue 31); the ledger's load feeds every form
        super("donationTabs");
        this.dialogs = dialogs;
        this.printer = new DocumentPrinter(tasks, dialogs);
        LocalDate today = LocalDate.now(clock);
        MoneyViewModel money = new MoneyViewModel(
                ledgerService, tasks, dialogs, today, dataDir.resolve("receipts"), homeName, this::refresh);
        UseViewModel use = new UseViewModel(ledgerService, tasks, dialogs, today, this::refresh);
        Receipts receipts = new Receipts(dataDir.resolve("receipts"), homeName);
        GoodsViewModel goods = new GoodsViewModel(ledgerService, tasks, dialogs, today, receipts, this::refresh);
        // a home has tens of thousands of donors: found as typed, a page at a time, never all loaded
        DonorPicker donor = new DonorPicker("donorChoice", ledgerService, tasks, dialogs::showError);
        DonorPicker goodsDonor = new DonorPicker("goodsDonor", ledgerService, tasks, dialogs::showError);
        money.addedProperty().addListener((o, was, d) -> goods.donor.set(d));
        this.ledger = new LedgerViewModel(ledgerService, tasks, dialogs, receipts, l -> {
            // donors may have been added or imported meanwhile: the pickers ask again when next opened
            donor.forget();
            goodsDonor.forget();
            money.funds(l.funds());
            use.funds(l.funds());
            goods.lists(l.stock(), l.expiring());
        });
        boolean create = user.can(AppModule.DONATIONS, Action.CREATE);
        this.funds = new FundsTab(
                new FundsViewModel(ledgerService, tasks, dialogs, YearMonth.now(clock), this::refresh),
                dialogs,
                user.can(AppModule.DONATIONS, Action.APPROVE));
        this.disclosure = new DisclosureTab(
                new DisclosureViewModel(disclosures, tasks, dialogs, clock, dataDir.resolve("disclosures")));
        if (create) {
            MoneyTab moneyTab = new MoneyTab(
                    money,
                    donor,
                    create,
                    new MoneyTab.Imports(donorImporter, historyImporter, openingImporter),
                    tasks,
                    dialogs,
                    this::refresh);
            loads.add(new Tab(Messages.t("donation.tab.money"), moneyTab.node()), NOTHING_MORE);
            loads.add(new Tab(Messages.t("donation.tab.use"), new UseTab(use, dialogs).node()), NOTHING_MORE);
        }
        loads.add(
                new Tab(
                        Messages.t("donation.tab.goods"),
                        new GoodsTab(goods, goodsDonor, create, today, printer).node()),
                NOTHING_MORE);
        loads.add(
                new Tab(
                        Messages.t("donation.tab.ledger"),
                        ledgerTab(create, new LedgerEntryDetail(entries, uses, tasks, dialogs, ledger::fundName))),
                NOTHING_MORE);
        loads.add(new Tab(Messages.t("donation.tab.funds"), funds.node()), funds::refresh);
        if (user.can(AppModule.DONATIONS, Action.EXPORT)) {
            loads.add(new Tab(Messages.t("donation.tab.disclosure"), disclosure.node()), disclosure::refresh);
        }
        loads.start();
        ledger.refresh();
    }

    private Node ledgerTab(boolean create, LedgerEntryDetail entryDetail) {
        entries.setItems(ledger.entries());
        TableRows.follow(entries, ledger.selectedProperty());
        Label status = new Label();
        status.setId("ledgerStatus");
        status.textProperty().bind(ledger.statusProperty());
        warnWhile(status, ledger.brokenProperty());
        entries.getColumns().add(Columns.text("ledger.seq", e -> String.valueOf(e.seq()), 60));
        entries.getColumns().add(Columns.text("ledger.date", e -> Dates.format(e.date()), 95));
        entries.getColumns().add(Columns.text("ledger.kind", e -> e.kind().label(), 80));
        entries.getColumns().add(Columns.text("ledger.fundOrItem", ledger::fundOrItem, 120));
        entries.getColumns().add(Columns.text("ledger.donor", ledger::donorName, 120));
        entries.getColumns().add(Columns.text("ledger.amount", e -> e.amount() == null ? "" : money(e.amount()), 100));
        entries.getColumns()
                .add(Columns.text(
                        "goods.quantity",
                        e -> e.quantity() == null
                                ? ""
                                : e.quantity().stripTrailingZeros().toPlainString(),
                        70));
        entries.getColumns()
                .add(Columns.text("ledger.receiptNo", e -> e.receiptNo() == null ? "" : e.receiptNo(), 100));
        entries.getColumns().add(Columns.text("ledger.payee", e -> e.payee() == null ? "" : e.payee(), 120));
        entries.getColumns()
                .add(Columns.text("ledger.description", e -> e.description() == null ? "" : e.description(), 160));
        entries.getColumns().add(Columns.text("residents.col.by", e -> Accounts.displayName(e.createdBy()), 80));
        Button reverse = new Button(Messages.t("ledger.reverse"));
        reverse.setId("reverseEntry");
        reverse.setOnAction(e -> dialogs.askReason(
                        Messages.t(
                                "ledger.reverseTitle",
                                ledger.selectedProperty().get().seq()),
                        Messages.t("ledger.reverseText"),
                        Messages.t("ledger.reverseReason"),
                        Messages.t("ledger.reverse"))
                .ifPresent(ledger::reverse));
        // any receipt of the ledger again, from its entry: same number, marked 补打 with the day, audited
        Button reprint = new Button(Messages.t("ledger.reprintReceipt"));
        reprint.setId("reprintReceipt");
        Label reprinted = new Label(); // what became of the reprint, kept on the screen (its notice fades)
        reprinted.setId("reprintResult");
        reprinted.setWrapText(true);
        reprint.setOnAction(e -> printer.writeAndPrint(
                ledger.reprint(ledger.selectedProperty().get().seq()), "receipt.reprinted", reprinted::setText));
        Button check = new Button(Messages.t("ledger.verify"));
        check.setId("verifyLedger");
        check.setOnAction(e -> ledger.verifyAll()); // on request: the whole chain
        return InlineForms.scrolled(
                row(true, status, check),
                codeCheck(),
                entries,
                entryDetail.node(),
                // a reversal, or an entry already reversed, cannot be reversed: the button says so instead of refusing
                row(
                        create,
                        RowAction.guard(reverse, ledger.selectedProperty(), ledger::whyNotReverse, ledger.entries()),
                        RowAction.guard(reprint, ledger.selectedProperty(), ledger::whyNoReceipt, ledger.entries())),
                reprinted);
    }

    /**
     * A code typed from a printed disclosure, checked as {@code verify-ledger --code} checks it (see
     * {@link LedgerViewModel#checkCode}).
     */
    private Node codeCheck() {
        TextField code = text("ledgerCode", "ledger.codePrompt");
        code.setPrefColumnCount(40);
        code.textProperty().bindBidirectional(ledger.code);
        TypedInput.notInput(code); // a check, not a record's input: leaving it loses nothing
        Label result = new Label();
        result.setId("ledgerCodeResult");
        result.setWrapText(true);
        result.textProperty().bind(ledger.codeResultProperty());
        warnWhile(result, ledger.codeRefusedProperty());
        Button check = new Button(Messages.t("ledger.checkCode"));
        check.setId("checkLedgerCode");
        code.setOnAction(e -> check.fire());
        check.setOnAction(e -> {
            if (!ledger.checkCode()) {
                code.requestFocus();
            }
        });
        return new VBox(4, row(true, labelled("ledger.codeLabel", code), check), result);
    }

    /** The label shown as a warning while {@code warning} holds. */
    private static void warnWhile(Label label, ReadOnlyBooleanProperty warning) {
        warning.addListener((o, was, is) -> {
            label.getStyleClass().removeAll("warning-text");
            if (is) {
                label.getStyleClass().add("warning-text");
            }
        });
    }

    @Override
    public void refresh() {
        ledger.refresh();
        loads.refresh();
    }

    static String money(BigDecimal v) {
        return Money.amount(v);
    }

    /**
     * After a refusal: a {@link OverridableRefusal} this user may set aside gets its sentence and a reason box (empty
     * when cancelled); anything else is shown as the error it is (also empty). See {@link SelfApproval}.
     */
    static Optional<String> askSelfApproval(DialogService dialogs, Throwable failure) {
        if (failure instanceof OverridableRefusal refusal && refusal.mayOverride()) {
            return dialogs.askReason(
                    Messages.t("use.selfApprovalTitle"),
                    UserFacingException.describe(failure),
                    Messages.t("use.selfApprovalReason"),
                    Messages.t("use.selfApprovalDo"),
                    refusal.minReasonLength());
        }
        dialogs.showError(failure);
        return Optional.empty();
    }
}
