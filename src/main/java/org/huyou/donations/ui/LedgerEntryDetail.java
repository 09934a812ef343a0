package org.huyou.donations.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.TaskRunner;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerUseService;

/**
 * The selected ledger entry in words under the table: what it was, and for a payment what it paid for (a child's
 * surgery, as far as the user's role may know it), looked up in the background.
 */
final class LedgerEntryDetail {

    private final Label text = new Label();
    private final LedgerUseService uses;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final LongFunction<String> fundName;

    LedgerEntryDetail(
            TableView<LedgerEntry> entries,
            LedgerUseService uses,
            TaskRunner tasks,
            DialogService dialogs,
            LongFunction<String> fundName) {
        this.uses = uses;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.fundName = fundName;
        text.setId("ledgerEntryDetail");
        text.setWrapText(true);
        entries.getSelectionModel().selectedItemProperty().addListener((o, was, e) -> show(e));
    }

    Node node() {
        return text;
    }

    private void show(LedgerEntry e) {
        if (e == null) {
            text.setText("");
            return;
        }
        List<String> parts = new ArrayList<>();
        parts.add(Messages.t("ledger.entryNo", e.seq()));
        parts.add(Dates.format(e.date()));
        parts.add(e.kind().label());
        if (e.fundId() != null) {
            parts.add(fundName.apply(e.fundId()));
        }
        if (e.amount() != null) {
            parts.add(Money.format(e.amount()));
        }
        if (e.payee() != null) {
            parts.add(e.payee());
        }
        if (e.description() != null) {
            parts.add(e.description());
        }
        String head = String.join(" · ", parts);
        text.setText(head);
        if (e.kind() != LedgerEntry.Kind.USE) {
            return;
        }
        long seq = e.seq();
        tasks.run(
                () -> uses.paidFor(seq),
                paid -> {
                    if (paid.isPresent() && head.equals(text.getText())) { // still the entry this lookup was for
                        text.setText(head + "\n" + Messages.t("ledger.paidFor", paid.get()));
                    }
                },
                dialogs::showError);
    }
}
