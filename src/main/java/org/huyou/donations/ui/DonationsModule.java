package org.huyou.donations.ui;

import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.ModuleView;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.TypedInput;
import org.huyou.donations.Donor;
import org.huyou.donations.Fund;
import org.huyou.donations.GoodsItem;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerService;
import org.huyou.donations.LedgerVerifier;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/**
 * The finance screens: record money and goods, pay from a fund, the ledger with its verification at opening,
 * balances and the director's approvals, and the public disclosure. Every figure comes from the ledger service.
 */
public final class DonationsModule implements ModuleView {

    private final LedgerService ledger;
    private final MoneyViewModel money;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Clock clock;
    private final TabPane tabs = new TabPane();
    private final DonorPicker donor;
    private final DonorPicker goodsDonor;
    private final ComboBox<Fund> useFund = new ComboBox<>();
    private final ComboBox<LedgerService.Stock> issueItem = new ComboBox<>();
    private final TableView<LedgerEntry> entries = table("ledgerTable", 420, "ledger.none");
    private final TableView<LedgerService.Stock> stock = table("stockTable", 220, "goods.none");
    private final TableView<org.huyou.donations.LedgerRepository.Expiring> expiring =
            table("expiringTable", 120, "goods.noneExpiring");
    private final Label status = new Label();
    private java.util.Map<Long, String> fundNames = java.util.Map.of();
    private java.util.Map<Long, String> itemNames = java.util.Map.of();
    private java.util.Map<Long, String> donorNames = java.util.Map.of();
    private final FundsTab funds;
    private final DisclosureTab disclosure;
    private final LedgerEntryDetail entryDetail;

    public DonationsModule(
            LedgerService ledger,
            org.huyou.donations.DisclosureService disclosures,
            org.huyou.donations.LedgerUseService uses,
            TaskRunner tasks,
            DialogService dialogs,
            CurrentUser user,
            Clock clock,
            Path dataDir,
            Supplier<String> homeName,
            org.huyou.donations.io.DonorImporter donorImporter,
            org.huyou.donations.io.DonationHistoryImporter historyImporter,
            org.huyou.donations.io.OpeningBalanceImporter openingImporter) {
        this.ledger = ledger;
        this.entryDetail = new LedgerEntryDetail(entries, uses, tasks, dialogs, id -> fundNames.getOrDefault(id, ""));
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.clock = clock;
        this.money = new MoneyViewModel(
                ledger, tasks, dialogs, today(), dataDir.resolve("receipts"), homeName, this::refresh);
        // a home has tens of thousands of donors: found as typed, a page at a time, never all loaded
        this.donor = new DonorPicker("donorChoice", ledger, tasks, dialogs::showError);
        this.goodsDonor = new DonorPicker("goodsDonor", ledger, tasks, dialogs::showError);
        money.addedProperty().addListener((o, was, d) -> goodsDonor.choose(d));
        boolean create = user.can(AppModule.DONATIONS, Action.CREATE);
        tabs.setId("donationTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        this.funds = new FundsTab(
                new FundsViewModel(ledger, tasks, dialogs, java.time.YearMonth.now(clock), this::refresh),
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
            tabs.getTabs().add(new Tab(Messages.t("donation.tab.money"), moneyTab.node()));
            tabs.getTabs().add(new Tab(Messages.t("donation.tab.use"), useTab()));
        }
        tabs.getTabs().add(new Tab(Messages.t("donation.tab.goods"), goodsTab(create)));
        tabs.getTabs().add(new Tab(Messages.t("donation.tab.ledger"), ledgerTab(create)));
        tabs.getTabs().add(new Tab(Messages.t("donation.tab.funds"), funds.node()));
        if (user.can(AppModule.DONATIONS, Action.EXPORT)) {
            tabs.getTabs().add(new Tab(Messages.t("donation.tab.disclosure"), disclosure.node()));
        }
        refresh();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Node useTab() {
        useFund.setId("useFund");
        useFund.setConverter(Converters.of(
                f -> f.name() + (f.restricted() ? " · " + f.purpose().label() : "")));
        DateField day = date("useDate", "ledger.date", today());
        TextField amount = text("useAmount", "ledger.amount");
        ComboBox<Fund.Purpose> purpose = choice("usePurpose", Fund.Purpose.LIVING, Fund.Purpose.values());
        TextField payee = text("usePayee", "ledger.payee");
        TextField voucher = text("useVoucher", "ledger.voucherNo");
        TextField note = text("useNote", "ledger.description");
        Label result = new Label();
        result.setId("useResult");
        result.setWrapText(true);
        Button save = new Button(Messages.t("use.record"));
        save.setId("recordUse");
        Node fields = TypedInput.savedBy(row(true, useFund, labelled("ledger.date", day), amount, purpose), save);
        Node more = row(true, payee, voucher, note, save);
        save.setOnAction(e -> {
            day.commitText();
            Fund f = useFund.getValue();
            if (f == null) {
                dialogs.showError(Messages.t("use.chooseFund"));
                return;
            }
            recordUse(
                    why -> ledger.recordUse(
                            f.id(),
                            day.getValue(),
                            InlineForms.amount(amount),
                            purpose.getValue(),
                            note.getText(),
                            payee.getText(),
                            voucher.getText(),
                            why),
                    outcome -> {
                        result.setText(
                                outcome.entry() != null
                                        ? Messages.t(
                                                "use.recorded", outcome.entry().seq())
                                        : Messages.t(
                                                "use.requested",
                                                money(outcome.request().amount())));
                        amount.clear();
                        note.clear();
                        voucher.clear();
                        // the payee and date stay for the next payment, saved: not "unsaved" when logging out
                        TypedInput.saved(fields);
                        TypedInput.saved(more);
                        refresh();
                    });
        });
        Label limit = new Label();
        tasks.run(ledger::approvalLimit, l -> limit.setText(Messages.t("use.limitHint", money(l))), dialogs::showError);
        return InlineForms.scrolled(heading("donation.tab.use"), limit, fields, more, result);
    }

    /**
     * Records a payment ({@code pay} given no reason first); where the home has no second approver for a payment above
     * the limit, the refusal's sentence is shown with a box for the reason, and it is paid with one (or not at all).
     */
    private void recordUse(
            java.util.function.Function<String, LedgerService.UseOutcome> pay,
            java.util.function.Consumer<LedgerService.UseOutcome> done) {
        tasks.run(
                () -> pay.apply(null),
                done,
                failure -> askSelfApproval(dialogs, failure)
                        .ifPresent(why -> tasks.run(() -> pay.apply(why), done, dialogs::showError)));
    }

    /**
     * After a refusal: a {@link org.huyou.common.OverridableRefusal} this user may set aside gets its sentence and a
     * reason box (empty when cancelled); anything else is shown as the error it is (also empty).
     */
    static java.util.Optional<String> askSelfApproval(DialogService dialogs, Throwable failure) {
        if (failure instanceof org.huyou.common.OverridableRefusal refusal && refusal.mayOverride()) {
            return dialogs.askReason(
                    Messages.t("use.selfApprovalTitle"),
                    org.huyou.common.UserFacingException.describe(failure),
                    Messages.t("use.selfApprovalReason"),
                    Messages.t("use.selfApprovalDo"),
                    refusal.minReasonLength());
        }
        dialogs.showError(failure);
        return java.util.Optional.empty();
    }

    private Node goodsTab(boolean create) {
        TextField item = text("goodsItem", "goods.item");
        TextField unit = text("goodsUnit", "goods.unit");
        unit.setPrefColumnCount(4);
        ComboBox<GoodsItem.Category> category = choice("goodsCategory", null, GoodsItem.Category.values());
        TextField qty = text("goodsQty", "goods.quantity");
        qty.setPrefColumnCount(6);
        TextField value = text("goodsValue", "goods.value");
        value.setPrefColumnCount(8);
        ComboBox<LedgerEntry.Condition> condition = choice("goodsCondition", null, LedgerEntry.Condition.values());
        DateField day = date("goodsDate", "ledger.date", today());
        DateField expiry = date("goodsExpiry", "goods.expiry", null);
        Button in = new Button(Messages.t("goods.receive"));
        in.setId("recordGoodsIn");
        Node inFields = row(create, goodsDonor.node(), labelled("ledger.date", day), item, unit, category);
        Node inMore = row(create, qty, value, condition, labelled("goods.expiry", expiry), in);
        in.setOnAction(e -> {
            day.commitText();
            expiry.commitText();
            Donor d = goodsDonor.value();
            if (d == null) {
                dialogs.showError(Messages.t("donation.chooseDonorAndFund"));
                return;
            }
            tasks.run(
                    () -> ledger.recordGoodsIn(
                            d.id(),
                            day.getValue(),
                            item.getText(),
                            unit.getText(),
                            category.getValue(),
                            InlineForms.decimal(qty),
                            InlineForms.amount(value),
                            condition.getValue(),
                            expiry.getValue(),
                            null),
                    entry -> {
                        item.clear();
                        qty.clear();
                        value.clear();
                        expiry.setValue(null);
                        TypedInput.saved(inFields); // the date and unit stay for the next one, saved
                        TypedInput.saved(inMore);
                        refresh();
                    },
                    dialogs::showError);
        });
        issueItem.setId("issueItem");
        issueItem.setPromptText(Messages.t("goods.item"));
        issueItem.setConverter(Converters.of(s -> s.item().name() + " ("
                + s.quantity().stripTrailingZeros().toPlainString() + s.item().unit() + ")"));
        TextField issueQty = text("issueQty", "goods.quantity");
        issueQty.setPrefColumnCount(6);
        ComboBox<LedgerEntry.IssuedTo> to = choice("issueTo", null, LedgerEntry.IssuedTo.values());
        TextField note = text("issueNote", "ledger.description");
        DateField issueDay = date("issueDate", "ledger.date", today());
        Button out = new Button(Messages.t("goods.issue"));
        out.setId("issueGoods");
        Node outFields = row(create, issueItem, labelled("ledger.date", issueDay), issueQty, to, note, out);
        out.setOnAction(e -> {
            issueDay.commitText();
            LedgerService.Stock s = issueItem.getValue();
            if (s == null) {
                dialogs.showError(Messages.t("goods.chooseItem"));
                return;
            }
            tasks.run(
                    () -> ledger.issueGoods(
                            s.item().id(),
                            issueDay.getValue(),
                            InlineForms.decimal(issueQty),
                            to.getValue(),
                            note.getText()),
                    entry -> {
                        issueQty.clear();
                        note.clear();
                        TypedInput.saved(outFields); // the date stays for the next one, saved
                        refresh();
                    },
                    dialogs::showError);
        });
        stock.getColumns().add(Columns.text("goods.item", s -> s.item().name(), 160));
        stock.getColumns()
                .add(Columns.text("goods.category", s -> s.item().category().label(), 90));
        stock.getColumns()
                .add(Columns.text(
                        "goods.inStock",
                        s -> s.quantity().stripTrailingZeros().toPlainString()
                                + " " + s.item().unit()
                                + (s.expired().signum() == 0
                                        ? ""
                                        : Messages.t(
                                                "goods.expiredPart",
                                                s.expired().stripTrailingZeros().toPlainString())),
                        100));
        expiring.getColumns().add(Columns.text("goods.item", x -> x.item().name(), 160));
        expiring.getColumns()
                .add(Columns.text(
                        "goods.expiry",
                        x -> Dates.format(x.expiry())
                                + (x.expiry().isBefore(today()) ? " " + Messages.t("goods.expired") : ""),
                        100));
        expiring.getColumns().add(Columns.text("goods.receivedOn", x -> Dates.format(x.received()), 100));
        expiring.getColumns()
                .add(Columns.text(
                        "goods.quantity",
                        x -> x.quantity().stripTrailingZeros().toPlainString() + " "
                                + x.item().unit(),
                        100));
        return InlineForms.scrolled(
                heading("goods.expiringTitle"),
                expiring,
                heading("goods.receiveTitle"),
                inFields,
                inMore,
                heading("goods.issueTitle"),
                outFields,
                heading("goods.stockTitle"),
                stock);
    }

    private Node ledgerTab(boolean create) {
        status.setId("ledgerStatus");
        entries.getColumns().add(Columns.text("ledger.seq", e -> String.valueOf(e.seq()), 60));
        entries.getColumns().add(Columns.text("ledger.date", e -> Dates.format(e.date()), 95));
        entries.getColumns().add(Columns.text("ledger.kind", e -> e.kind().label(), 80));
        entries.getColumns()
                .add(Columns.text(
                        "ledger.fundOrItem",
                        e -> e.fundId() != null
                                ? fundNames.getOrDefault(e.fundId(), "")
                                : itemNames.getOrDefault(e.itemId(), ""),
                        120));
        entries.getColumns()
                .add(Columns.text(
                        "ledger.donor", e -> e.donorId() == null ? "" : donorNames.getOrDefault(e.donorId(), ""), 120));
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
        reverse.disableProperty()
                .bind(entries.getSelectionModel().selectedItemProperty().isNull());
        reverse.setOnAction(e -> {
            LedgerEntry entry = entries.getSelectionModel().getSelectedItem();
            dialogs.askReason(
                            Messages.t("ledger.reverseTitle", entry.seq()),
                            Messages.t("ledger.reverseText"),
                            Messages.t("ledger.reverseReason"),
                            Messages.t("ledger.reverse"))
                    .ifPresent(why ->
                            tasks.run(() -> ledger.reverse(entry.seq(), why), r -> refresh(), dialogs::showError));
        });
        Button check = new Button(Messages.t("ledger.verify"));
        check.setId("verifyLedger");
        check.setOnAction(e -> verify(ledger::verify)); // on request: the whole chain
        return InlineForms.scrolled(
                row(true, status, check), codeCheck(), entries, entryDetail.node(), row(create, reverse));
    }

    /**
     * A code typed from a printed disclosure, checked as {@code verify-ledger --code} checks it: the register of
     * disclosures lives in the database and could have been edited to match a rewritten ledger; paper cannot.
     */
    private Node codeCheck() {
        TextField code = text("ledgerCode", "ledger.codePrompt");
        code.setPrefColumnCount(40);
        TypedInput.notInput(code); // a check, not a record's input: leaving it loses nothing
        Label result = new Label();
        result.setId("ledgerCodeResult");
        result.setWrapText(true);
        Button check = new Button(Messages.t("ledger.checkCode"));
        check.setId("checkLedgerCode");
        code.setOnAction(e -> check.fire());
        check.setOnAction(e -> {
            String typed = code.getText() == null ? "" : code.getText().strip();
            result.getStyleClass().removeAll("warning-text");
            if (typed.isEmpty()) {
                result.setText(Messages.t("ledger.codeEmpty"));
                code.requestFocus();
                return;
            }
            result.setText(Messages.t("ledger.verifying"));
            tasks.run(
                    () -> new CodeCheck(ledger.verifyCode(typed), ledger.codeWasIssued(typed)),
                    (CodeCheck c) -> {
                        LedgerVerifier.Result r = c.result();
                        if (r.ok()) {
                            long seq = org.huyou.donations.PublishedCode.parse(typed)
                                    .seq();
                            result.setText(Messages.t("ledger.codeMatches", seq, r.entries()));
                        } else {
                            result.getStyleClass().add("warning-text");
                            // a code no disclosure here printed: most likely mistyped, said before the ledger's answer
                            result.setText(
                                    c.issued()
                                            ? r.describe()
                                            : Messages.t("ledger.codeNotIssued") + "\n" + r.describe());
                        }
                    },
                    t -> {
                        if (t instanceof org.huyou.common.UserFacingException u) { // not a code: said beside the field
                            result.getStyleClass().add("warning-text");
                            result.setText(u.userMessage());
                        } else {
                            dialogs.showError(t);
                        }
                    });
        });
        return new javafx.scene.layout.VBox(4, row(true, labelled("ledger.codeLabel", code), check), result);
    }

    /** A typed code's check, and whether a disclosure of this home printed that code. */
    private record CodeCheck(LedgerVerifier.Result result, boolean issued) {}

    private void verify(java.util.function.Supplier<LedgerVerifier.Result> how) {
        status.setText(Messages.t("ledger.verifying"));
        tasks.run(
                how::get,
                (LedgerVerifier.Result r) -> {
                    status.getStyleClass().removeAll("warning-text");
                    if (r.ok()) {
                        status.setText(Messages.t("ledger.intact", r.entries()));
                    } else {
                        status.getStyleClass().add("warning-text");
                        status.setText(r.describe());
                    }
                },
                dialogs::showError);
    }

    /**
     * Everything the forms choose from and the lists show, loaded together in the background; of the donors only the
     * names the newest entries show (the pickers ask for donors as the user types).
     */
    private record Loaded(
            java.util.Map<Long, String> donorNames,
            List<Fund> funds,
            List<LedgerEntry> entries,
            List<LedgerService.Stock> stock,
            List<org.huyou.donations.LedgerRepository.Expiring> expiring) {}

    @Override
    public void refresh() {
        tasks.run(
                () -> {
                    List<LedgerEntry> newest = ledger.entries(Long.MAX_VALUE, 300);
                    return new Loaded(
                            ledger.donorNames(newest.stream()
                                    .map(LedgerEntry::donorId)
                                    .filter(java.util.Objects::nonNull)
                                    .toList()),
                            ledger.funds(),
                            newest,
                            ledger.stock(null),
                            ledger.expiringGoods());
                },
                l -> {
                    expiring.getItems().setAll(l.expiring());
                    // donors may have been added or imported meanwhile: the pickers ask again when next opened
                    donor.forget();
                    goodsDonor.forget();
                    money.funds(l.funds());
                    Fund u = useFund.getValue();
                    useFund.getItems().setAll(l.funds());
                    useFund.setValue(
                            u == null && !l.funds().isEmpty() ? l.funds().get(0) : u);
                    fundNames = l.funds().stream().collect(java.util.stream.Collectors.toMap(Fund::id, Fund::name));
                    itemNames = l.stock().stream()
                            .collect(java.util.stream.Collectors.toMap(
                                    x -> x.item().id(),
                                    x -> Messages.t(
                                            "goods.itemWithUnit",
                                            x.item().name(),
                                            x.item().unit())));
                    donorNames = l.donorNames();
                    entries.getItems().setAll(l.entries());
                    stock.getItems().setAll(l.stock());
                    issueItem
                            .getItems()
                            .setAll(l.stock().stream()
                                    .filter(s -> s.issuable().signum() > 0)
                                    .toList());
                },
                dialogs::showError);
        funds.refresh();
        disclosure.refresh();
        // the status line counts the entries: checked again with every refresh, so a new entry shows in the count
        verify(ledger::verifySinceCheckpoint);
    }

    @Override
    public Node node() {
        return tabs;
    }

    static String money(BigDecimal v) {
        return org.huyou.common.Money.amount(v);
    }
}
