package org.huyou.donations.ui;

import static org.huyou.common.ui.InlineForms.bound;
import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;

import java.time.LocalDate;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DocumentPrinter;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TypedInput;
import org.huyou.donations.ExpiringGoods;
import org.huyou.donations.GoodsItem;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerService;

/** Goods received and issued: what expires soon, the two forms, and the stock. */
final class GoodsTab {

    private final GoodsViewModel model;
    private final Node root;

    /** The forms show only to those who may {@code record}; {@code today} marks what has expired. */
    GoodsTab(GoodsViewModel model, DonorPicker donor, boolean record, LocalDate today, DocumentPrinter printer) {
        this.model = model;
        donor.follow(model.donor);
        TextField item = bound(text("goodsItem", "goods.item"), model.item);
        TextField unit = bound(text("goodsUnit", "goods.unit"), model.unit);
        unit.setPrefColumnCount(4);
        ComboBox<GoodsItem.Category> category = choice("goodsCategory", null, GoodsItem.Category.values());
        category.valueProperty().bindBidirectional(model.category);
        TextField qty = bound(text(GoodsViewModel.QUANTITY, "goods.quantity"), model.quantity);
        qty.setPrefColumnCount(6);
        TextField value = bound(text(GoodsViewModel.VALUE, "goods.value"), model.value);
        value.setPrefColumnCount(8);
        ComboBox<LedgerEntry.Condition> condition = choice("goodsCondition", null, LedgerEntry.Condition.values());
        condition.valueProperty().bindBidirectional(model.condition);
        DateField day = date("goodsDate", "ledger.date", null);
        day.valueProperty().bindBidirectional(model.day);
        DateField expiry = date("goodsExpiry", "date.prompt", null); // the label beside it names it
        expiry.valueProperty().bindBidirectional(model.expiry);
        Button in = new Button(Messages.t("goods.receive"));
        in.setId("recordGoodsIn");
        Node inFields = row(record, donor.node(), labelled("ledger.date", day), item, unit, category);
        Node inMore = row(record, qty, value, condition, labelled("goods.expiry", expiry), in);
        in.setOnAction(e -> {
            day.commitText();
            expiry.commitText();
            model.receive(() -> {
                TypedInput.saved(inFields); // the date and unit stay for the next one, saved
                TypedInput.saved(inMore);
            });
        });
        // the receipt of the goods just received, printed from here as a donation's is on 登记捐款
        Label lastReceipt = new Label();
        lastReceipt.setId("lastGoodsReceipt");
        lastReceipt.setWrapText(true); // the receipt's whole path, never "…"
        lastReceipt.textProperty().bind(model.receiptLineProperty());
        Button printReceipt = new Button(Messages.t("receipt.print"));
        printReceipt.setId("printGoodsReceipt");
        printReceipt.disableProperty().bind(model.receiptReadyProperty().not());
        printReceipt.setOnAction(e -> {
            long seq = model.lastRecorded();
            printer.writeAndPrint(model.receipt(seq), "receipt.written", outcome -> model.receiptDone(seq, outcome));
        });
        Node receipt = new VBox(6, lastReceipt, row(record, printReceipt));
        receipt.setVisible(record);
        receipt.setManaged(record);
        ComboBox<LedgerService.Stock> issueItem = new ComboBox<>(model.issuable());
        issueItem.setId("issueItem");
        issueItem.setPromptText(Messages.t("goods.item"));
        issueItem.setConverter(Converters.of(s -> s.item().name() + " ("
                + s.quantity().stripTrailingZeros().toPlainString() + s.item().unit() + ")"));
        issueItem.valueProperty().bindBidirectional(model.issueItem);
        TextField issueQty = bound(text(GoodsViewModel.ISSUE_QUANTITY, "goods.quantity"), model.issueQuantity);
        issueQty.setPrefColumnCount(6);
        ComboBox<LedgerEntry.IssuedTo> to = choice("issueTo", null, LedgerEntry.IssuedTo.values());
        to.valueProperty().bindBidirectional(model.issuedTo);
        TextField note = bound(text("issueNote", "ledger.description"), model.issueNote);
        DateField issueDay = date("issueDate", "ledger.date", null);
        issueDay.valueProperty().bindBidirectional(model.issueDay);
        Button out = new Button(Messages.t("goods.issue"));
        out.setId("issueGoods");
        Node outFields = row(record, issueItem, labelled("ledger.date", issueDay), issueQty, to, note, out);
        out.setOnAction(e -> {
            issueDay.commitText();
            model.issue(() -> TypedInput.saved(outFields)); // the date stays for the next one, saved
        });
        root = InlineForms.scrolled(
                heading("goods.expiringTitle"),
                expiring(today),
                heading("goods.receiveTitle"),
                inFields,
                inMore,
                receipt,
                heading("goods.issueTitle"),
                outFields,
                heading("goods.stockTitle"),
                stock());
    }

    private TableView<LedgerService.Stock> stock() {
        TableView<LedgerService.Stock> stock = table("stockTable", 220, "goods.none");
        stock.setItems(model.stock());
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
        return stock;
    }

    private TableView<ExpiringGoods> expiring(LocalDate today) {
        TableView<ExpiringGoods> expiring = table("expiringTable", 120, "goods.noneExpiring");
        expiring.setItems(model.expiring());
        expiring.getColumns().add(Columns.text("goods.item", x -> x.item().name(), 160));
        expiring.getColumns()
                .add(Columns.text(
                        "goods.expiry",
                        x -> Dates.format(x.expiry())
                                + (x.expiry().isBefore(today) ? " " + Messages.t("goods.expired") : ""),
                        100));
        expiring.getColumns().add(Columns.text("goods.receivedOn", x -> Dates.format(x.received()), 100));
        expiring.getColumns()
                .add(Columns.text(
                        "goods.quantity",
                        x -> x.quantity().stripTrailingZeros().toPlainString() + " "
                                + x.item().unit(),
                        100));
        return expiring;
    }

    Node node() {
        return root;
    }
}
