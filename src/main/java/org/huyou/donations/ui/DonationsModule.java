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
import org.huyou.common.ui.DocumentPrinter;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.Mnemonics;
import org.huyou.common.ui.ModuleView;
import org.huyou.common.ui.ShownTabLoads;
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
    private final org.huyou.donations.io.DonorImporter donorImporter;
    private final org.huyou.donations.io.DonationHistoryImporter historyImporter;
    private final org.huyou.donations.io.OpeningBalanceImporter openingImporter;
    private final boolean createDonors;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final DocumentPrinter printer;
    private final Clock clock;
    private final Path receiptsDir;
    private final Supplier<String> homeName;
    private final TabPane tabs = new TabPane();
    /** Only the tab in view loads: opening the module reads one tab's lists, not the whole ledger's (issue 31). */
    private final ShownTabLoads loads = new ShownTabLoads(tabs);
    // a home has tens of thousands of donors: found as typed, a page at a time, never all loaded
    private final DonorPicker donor;
    private final DonorPicker goodsDonor;
    private final ComboBox<Fund> donationFund = new ComboBox<>();
    private final ComboBox<Fund> useFund = new ComboBox<>();
    private final ComboBox<LedgerService.Stock> issueItem = new ComboBox<>();
    private final TableView<LedgerEntry> entries = table("ledgerTable", 420, "ledger.none");
    private final TableView<LedgerService.Stock> stock = table("stockTable", 220, "goods.none");
    private final TableView<org.huyou.donations.LedgerRepository.Expiring> expiring =
            table("expiringTable", 120, "goods.noneExpiring");
    private final Label status = new Label();
    /** The use form's hint: up to how much a payment needs no second approver. */
    private final Label useLimit = new Label();

    private java.util.Map<Long, String> fundNames = java.util.Map.of();
    private java.util.Map<Long, String> itemNames = java.util.Map.of();
    private java.util.Map<Long, String> donorNames = java.util.Map.of();
    private final FundsTab funds;
    private final DisclosureTab disclosure;
    private final LedgerEntryDetail entryDetail;
    /** The money donation form, read by {@link #record(boolean)}. */
    private DateField donationDay;
    /** The money form's rows, marked saved once a donation from them is recorded. */
    private Node moneyFields;

    private Node moneyMore;
    private TextField donationAmount;
    private ComboBox<LedgerEntry.Channel> donationChannel;
    private TextField donationNote;
    private final Label lastReceipt = new Label();
    private final Button printReceipt = new Button(Messages.t("receipt.print"));
    /** The last donation recorded here, whose receipt 打印收据 prints, and its line ("已登记：收据编号 …"). */
    private long lastSeq;

    private String lastRecorded = "";

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
        this.donorImporter = donorImporter;
        this.historyImporter = historyImporter;
        this.openingImporter = openingImporter;
        this.createDonors = user.can(org.huyou.security.AppModule.DONATIONS, org.huyou.security.Action.CREATE);
        this.entryDetail = new LedgerEntryDetail(entries, uses, tasks, dialogs, id -> fundNames.getOrDefault(id, ""));
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.printer = new DocumentPrinter(tasks, dialogs);
        this.clock = clock;
        this.receiptsDir = dataDir.resolve("receipts");
        this.homeName = homeName;
        this.donor = new DonorPicker("donorChoice", ledger, tasks, dialogs::showError);
        this.goodsDonor = new DonorPicker("goodsDonor", ledger, tasks, dialogs::showError);
        boolean create = user.can(AppModule.DONATIONS, Action.CREATE);
        tabs.setId("donationTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        this.funds = new FundsTab(ledger, tasks, dialogs, user, clock, this::refresh);
        this.disclosure = new DisclosureTab(disclosures, tasks, dialogs, clock, dataDir.resolve("disclosures"));
        if (create) {
            loads.add(new Tab(Messages.t("donation.tab.money"), donationTab()), this::loadFunds);
            loads.add(new Tab(Messages.t("donation.tab.use"), useTab()), () -> {
                loadFunds();
                tasks.run(
                        ledger::approvalLimit,
                        l -> useLimit.setText(Messages.t("use.limitHint", money(l))),
                        dialogs::showError);
            });
        }
        loads.add(new Tab(Messages.t("donation.tab.goods"), goodsTab(create)), this::loadGoods);
        loads.add(new Tab(Messages.t("donation.tab.ledger"), ledgerTab(create)), this::loadLedger);
        loads.add(new Tab(Messages.t("donation.tab.funds"), funds.node()), funds::refresh);
        if (user.can(AppModule.DONATIONS, Action.EXPORT)) {
            loads.add(new Tab(Messages.t("donation.tab.disclosure"), disclosure.node()), disclosure::refresh);
        }
        loads.start();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Node donationTab() {
        donationFund.setId("donationFund");
        donationFund.setConverter(Converters.of(Fund::name));
        donationDay = date("donationDate", "ledger.date", today());
        donationAmount = text("donationAmount", "ledger.amount");
        donationChannel = choice("donationChannel", null, LedgerEntry.Channel.values());
        donationNote = text("donationNote", "ledger.description");
        lastReceipt.setId("lastReceipt");
        lastReceipt.setWrapText(true); // the receipt's whole path and the printer's name, never "…"
        printReceipt.setId("printReceipt");
        printReceipt.setDisable(true);
        Button save = new Button(Messages.t("donation.record"));
        save.setId("recordDonation");
        Mnemonics.on(save, 'R');
        save.setOnAction(e -> record(false));
        // the usual path at the desk: the donation recorded and its receipt printed in one press
        Button saveAndPrint = new Button(Messages.t("donation.recordAndPrint"));
        saveAndPrint.setId("recordDonationAndPrint");
        Mnemonics.on(saveAndPrint, 'P');
        saveAndPrint.setOnAction(e -> record(true));
        printReceipt.setOnAction(e -> receipt(lastSeq, lastRecorded, true));
        moneyFields = TypedInput.savedBy(
                row(
                        true,
                        donor.node(),
                        donationFund,
                        labelled("ledger.date", donationDay),
                        donationAmount,
                        donationChannel),
                save);
        moneyMore = row(true, donationNote, save, saveAndPrint);
        return InlineForms.scrolled(
                heading("donation.tab.money"),
                newDonorRow(),
                moneyFields,
                moneyMore,
                // the line on its own, wrapping to the screen's width: a row would scroll it sideways
                new javafx.scene.layout.VBox(6, lastReceipt, row(true, printReceipt)));
    }

    /**
     * Records the money donation typed, its values read here on the JavaFX thread; with {@code andPrint} the receipt
     * of this very donation is printed once it is recorded, whatever else was recorded meanwhile.
     */
    private void record(boolean andPrint) {
        donationDay.commitText();
        Donor d = donor.value();
        Fund f = donationFund.getValue();
        if (d == null || f == null) {
            dialogs.showError(Messages.t("donation.chooseDonorAndFund"));
            return;
        }
        LocalDate day = donationDay.getValue();
        String amountId = donationAmount.getId();
        String amountLabel = donationAmount.getPromptText();
        String amount = donationAmount.getText();
        LedgerEntry.Channel channel = donationChannel.getValue();
        String note = donationNote.getText();
        tasks.run(
                () -> ledger.recordDonation(
                        d.id(), f.id(), day, InlineForms.amount(amountId, amountLabel, amount), channel, note),
                entry -> {
                    lastSeq = entry.seq();
                    // the donor named, so a wrong pick is seen at the desk, not on the printed receipt
                    String recorded =
                            Messages.t("donation.recorded", entry.receiptNo(), money(entry.amount()), d.name());
                    lastRecorded = recorded;
                    lastReceipt.setText(recorded);
                    printReceipt.setDisable(false);
                    // the next donation may already be typed in: only what was recorded is cleared
                    InlineForms.clearIfStill(donationAmount, amount);
                    InlineForms.clearIfStill(donationNote, note);
                    if (donationAmount.getText().isEmpty()
                            && donationNote.getText().isEmpty()) {
                        // the date and donor stay for the next one, saved: not "unsaved" when logging out
                        TypedInput.saved(moneyFields);
                        TypedInput.saved(moneyMore);
                    }
                    refresh();
                    receipt(entry.seq(), recorded, andPrint); // both buttons say 收据: both write it
                },
                dialogs::showError);
    }

    /**
     * The receipt of ledger entry {@code seq} saved as a PDF, and printed with {@code andPrint}; the line under the
     * form then says where it was saved and what became of the printing, after {@code recorded}. The number is fixed
     * when the donation is recorded, not when the file is written.
     */
    private void receipt(long seq, String recorded, boolean andPrint) {
        java.util.function.Consumer<String> say = outcome -> {
            if (seq == lastSeq) { // a slower earlier receipt never overwrites the line of the one after it
                lastReceipt.setText(Messages.t("donation.recordedAnd", recorded, outcome));
            }
        };
        java.util.concurrent.Callable<Path> write = () -> ledger.printReceipt(seq, receiptsDir, homeName.get());
        if (andPrint) {
            printer.writeAndPrint(write, "receipt.written", say);
        } else {
            printer.write(write, "receipt.written", say);
        }
    }

    /** A donor not yet known is added here, then chosen. */
    private Node newDonorRow() {
        TextField name = text("newDonorName", "donor.name");
        ComboBox<Donor.Kind> kind = choice("newDonorKind", null, Donor.Kind.values());
        ComboBox<Donor.Naming> naming = choice("newDonorNaming", null, Donor.Naming.values());
        TextField phone = text("newDonorPhone", "donor.phone");
        Button add = new Button(Messages.t("donor.add"));
        add.setId("addDonor");
        add.setOnAction(e -> tasks.run(
                () -> ledger.createDonor(
                        kind.getValue(), name.getText(), naming.getValue(), phone.getText(), null, null, null),
                d -> {
                    name.clear();
                    phone.clear();
                    donor.choose(d);
                    goodsDonor.choose(d);
                },
                dialogs::showError));
        // a home moving in brings its donor register: the same import screen as the other registers'
        // ... and its donations before the move, or each fund's balance on the move-in day, into the ledger
        return new javafx.scene.layout.VBox(
                8,
                row(true, new Label(Messages.t("donor.new")), name, kind, naming, phone, add),
                row(
                        createDonors,
                        importButton("importDonors", "donorImport.button", donorImporter),
                        importButton("importDonations", "historyImport.button", historyImporter),
                        importButton("importOpenings", "openingImport.button", openingImporter)));
    }

    /** A button opening the shared import screen for one of the registers this screen takes in. */
    private <P extends org.huyou.common.io.SheetImporter.Preview> Button importButton(
            String id, String labelKey, org.huyou.common.io.SheetImporter<P> importer) {
        Button b = new Button(Messages.t(labelKey), org.huyou.common.ui.Icons.IMPORT.icon());
        b.setId(id);
        b.setOnAction(e -> new org.huyou.common.ui.ImportDialog(
                        new org.huyou.common.ui.ImportViewModel<>(importer, tasks), dialogs, this::refresh)
                .show());
        return b;
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
        return InlineForms.scrolled(heading("donation.tab.use"), useLimit, fields, more, result);
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

    /** The funds the money and use forms choose from, keeping each form's choice. */
    private void loadFunds() {
        tasks.run(
                ledger::funds,
                list -> {
                    Fund f = donationFund.getValue();
                    donationFund.getItems().setAll(list);
                    donationFund.setValue(f == null && !list.isEmpty() ? list.get(0) : f);
                    Fund u = useFund.getValue();
                    useFund.getItems().setAll(list);
                    useFund.setValue(u == null && !list.isEmpty() ? list.get(0) : u);
                },
                dialogs::showError);
    }

    /** The goods tab's stock, what expires soon and what can be issued. */
    private record Goods(
            List<LedgerService.Stock> stock, List<org.huyou.donations.LedgerRepository.Expiring> expiring) {}

    private void loadGoods() {
        tasks.run(
                () -> new Goods(ledger.stock(null), ledger.expiringGoods()),
                g -> {
                    expiring.getItems().setAll(g.expiring());
                    stock.getItems().setAll(g.stock());
                    issueItem
                            .getItems()
                            .setAll(g.stock().stream()
                                    .filter(s -> s.issuable().signum() > 0)
                                    .toList());
                },
                dialogs::showError);
    }

    /**
     * The ledger tab's newest entries with the names its columns show: of the donors only those of these entries
     * (the pickers ask for donors as the user types), every fund's and goods item's.
     */
    private record Newest(
            java.util.Map<Long, String> donorNames,
            List<Fund> funds,
            List<LedgerEntry> entries,
            List<LedgerService.Stock> stock) {}

    private void loadLedger() {
        tasks.run(
                () -> {
                    List<LedgerEntry> newest = ledger.entries(Long.MAX_VALUE, 300);
                    return new Newest(
                            ledger.donorNames(newest.stream()
                                    .map(LedgerEntry::donorId)
                                    .filter(java.util.Objects::nonNull)
                                    .toList()),
                            ledger.funds(),
                            newest,
                            ledger.stock(null));
                },
                l -> {
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
                },
                dialogs::showError);
        // the status line counts the entries: checked again with every refresh, so a new entry shows in the count
        verify(ledger::verifySinceCheckpoint);
    }

    /** The tab in view again (after a save, or the module opened anew); the others load when chosen. */
    @Override
    public void refresh() {
        // donors may have been added or imported meanwhile: the pickers ask again when next opened
        donor.forget();
        goodsDonor.forget();
        loads.refresh();
    }

    @Override
    public Node node() {
        return tabs;
    }

    static String money(BigDecimal v) {
        return org.huyou.common.Money.amount(v);
    }
}
