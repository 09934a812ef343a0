package org.huyou.donations.ui;

import static org.huyou.common.ui.InlineForms.bound;
import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.text;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.huyou.common.Messages;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TypedInput;
import org.huyou.donations.Fund;

/** A payment from a fund, with the approval limit above the form and what became of it below. */
final class UseTab {

    private final Node root;

    UseTab(UseViewModel model, DialogService dialogs) {
        ComboBox<Fund> fund = new ComboBox<>(model.fundList());
        fund.setId("useFund");
        fund.setConverter(Converters.of(
                f -> f.name() + (f.restricted() ? " · " + f.purpose().label() : "")));
        fund.valueProperty().bindBidirectional(model.fund);
        DateField day = date("useDate", "ledger.date", null);
        day.valueProperty().bindBidirectional(model.day);
        TextField amount = bound(text(UseViewModel.AMOUNT, "ledger.amount"), model.amount);
        ComboBox<Fund.Purpose> purpose = choice("usePurpose", Fund.Purpose.LIVING, Fund.Purpose.values());
        purpose.valueProperty().bindBidirectional(model.purpose);
        TextField payee = bound(text("usePayee", "ledger.payee"), model.payee);
        TextField voucher = bound(text("useVoucher", "ledger.voucherNo"), model.voucher);
        TextField note = bound(text("useNote", "ledger.description"), model.note);
        Label result = new Label();
        result.setId("useResult");
        result.setWrapText(true);
        result.textProperty().bind(model.resultProperty());
        Button save = new Button(Messages.t("use.record"));
        save.setId("recordUse");
        Node fields = TypedInput.savedBy(row(true, fund, labelled("ledger.date", day), amount, purpose), save);
        Node more = row(true, payee, voucher, note, save);
        save.setOnAction(e -> {
            day.commitText();
            model.record(failure -> DonationsModule.askSelfApproval(dialogs, failure), () -> {
                // the payee and date stay for the next payment, saved: not "unsaved" when logging out
                TypedInput.saved(fields);
                TypedInput.saved(more);
            });
        });
        Label limit = new Label();
        limit.textProperty().bind(model.limitHintProperty());
        root = InlineForms.scrolled(heading("donation.tab.use"), limit, fields, more, result);
    }

    Node node() {
        return root;
    }
}
