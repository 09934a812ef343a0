package org.huyou.allowance.ui;

import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.huyou.allowance.AllowanceCategory;
import org.huyou.allowance.AllowanceService;
import org.huyou.allowance.StandardEntry;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.VoidButton;
import org.huyou.security.Accounts;

/**
 * The allowance standards: the region whose standards apply to the home, every standard with the day it took effect
 * (old ones stay: they still price the months they covered), a new one added each year, a wrong one voided.
 */
final class StandardsTab {

    private final AllowanceService allowance;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ComboBox<String> region = new ComboBox<>();
    private final Label current = new Label();
    private final TableView<StandardEntry> table = table("standardsTable", 320, "allowance.noStandards");
    private final TextField newRegion = text("standardRegion", "allowance.region");
    private final Node root;

    StandardsTab(AllowanceService allowance, TaskRunner tasks, DialogService dialogs, boolean edit) {
        this.allowance = allowance;
        this.tasks = tasks;
        this.dialogs = dialogs;
        region.setId("allowanceRegion");
        region.setEditable(true);
        current.setId("currentRegion");
        Button saveRegion = new Button(Messages.t("allowance.saveRegion"));
        saveRegion.setId("saveRegion");
        saveRegion.setOnAction(e -> {
            String r = region.getEditor().getText();
            tasks.run(
                    () -> {
                        allowance.setRegion(r);
                        return true;
                    },
                    ok -> refresh(),
                    dialogs::showError);
        });
        table.getColumns()
                .add(Columns.text("allowance.region", s -> s.standard().region(), 130));
        table.getColumns()
                .add(Columns.text(
                        "allowance.category",
                        s -> s.standard().category().label() + InlineForms.voidMark(s.voided(), s.voidedReason()),
                        200));
        table.getColumns()
                .add(Columns.text(
                        "allowance.effectiveFrom",
                        s -> s.standard().effectiveFrom().toString(),
                        100));
        table.getColumns()
                .add(Columns.text(
                        "allowance.monthly", s -> Money.amount(s.standard().monthly()), 110));
        table.getColumns().add(Columns.text("allowance.source", s -> InlineForms.nz(s.source()), 160));
        table.getColumns().add(Columns.text("allowance.recordedBy", e -> Accounts.displayName(e.createdBy()), 90));

        ComboBox<AllowanceCategory> category =
                choice("standardCategory", AllowanceCategory.INSTITUTION_ORPHAN, AllowanceCategory.values());
        DateField from = date("standardFrom", "allowance.effectiveFrom", null);
        TextField amount = text("standardAmount", "allowance.monthly");
        TextField source = text("standardSource", "allowance.source");
        Button add = new Button(Messages.t("allowance.addStandard"), Icons.ADD.icon());
        add.setId("addStandard");
        add.setOnAction(e -> {
            from.commitText();
            tasks.run(
                    () -> allowance.addStandard(
                            category.getValue(),
                            newRegion.getText(),
                            from.getValue(),
                            InlineForms.amount(amount),
                            source.getText()),
                    s -> {
                        amount.clear();
                        source.clear();
                        refresh();
                    },
                    dialogs::showError);
        });
        Button voidIt = VoidButton.under(
                table,
                edit,
                StandardEntry::voided,
                (s, reason) -> allowance.voidStandard(s.id(), reason),
                tasks,
                dialogs,
                this::refresh);
        root = InlineForms.scrolled(
                heading("allowance.regionHeading"),
                current,
                row(edit, labelled("allowance.region", region), saveRegion),
                heading("allowance.standardsHeading"),
                table,
                voidIt,
                row(
                        edit,
                        labelled("allowance.category", category),
                        labelled("allowance.region", newRegion),
                        labelled("allowance.effectiveFrom", from),
                        labelled("allowance.monthly", amount),
                        labelled("allowance.source", source),
                        add));
    }

    private record Loaded(String region, List<String> regions, List<StandardEntry> standards) {}

    void refresh() {
        tasks.run(
                () -> new Loaded(allowance.region(), allowance.regions(), allowance.standards(true)),
                l -> {
                    region.getItems().setAll(l.regions());
                    region.getEditor().setText(l.region());
                    current.setText(
                            l.region().isBlank()
                                    ? Messages.t("allowance.noRegion")
                                    : Messages.t("allowance.currentRegion", l.region()));
                    table.getItems().setAll(l.standards());
                    if (newRegion.getText().isBlank()) {
                        newRegion.setText(l.region()); // next year's standard is usually for the home's own region
                    }
                },
                dialogs::showError);
    }

    Node node() {
        return root;
    }
}
