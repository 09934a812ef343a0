package org.huyou.allowance.ui;

import static org.huyou.common.ui.InlineForms.bound;
import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.huyou.allowance.AllowanceCategory;
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

/** The allowance standards' controls: the home's region, the standards with void, and the form adding one. */
final class StandardsTab {

    private final StandardsViewModel model;
    private final Node root;

    StandardsTab(StandardsViewModel model, TaskRunner tasks, DialogService dialogs, boolean edit) {
        this.model = model;
        ComboBox<String> region = new ComboBox<>(model.regions());
        region.setId("allowanceRegion");
        region.setEditable(true);
        region.getEditor().textProperty().bindBidirectional(model.region);
        Label current = new Label();
        current.setId("currentRegion");
        current.textProperty().bind(model.currentProperty());
        Button saveRegion = new Button(Messages.t("allowance.saveRegion"));
        saveRegion.setId("saveRegion");
        saveRegion.setOnAction(e -> model.saveRegion());
        TableView<StandardEntry> table = table("standardsTable", 320, "allowance.noStandards");
        table.setItems(model.standards());
        table.getColumns()
                .add(Columns.text("allowance.region", s -> s.standard().region(), 130));
        table.getColumns()
                .add(Columns.text(
                        "allowance.category",
                        s -> s.standard().category().label()
                                + InlineForms.voidMark(s.voided(), s.trail().voidedReason()),
                        200));
        table.getColumns()
                .add(Columns.text(
                        "allowance.effectiveFrom",
                        s -> s.standard().effectiveFrom().toString(),
                        100));
        table.getColumns()
                .add(Columns.text(
                        "allowance.monthly", s -> Money.amount(s.standard().monthly()), 110));
        // a policy document's name is long: wrapped, read whole without scrolling sideways
        table.getColumns().add(Columns.wrapped("allowance.source", s -> InlineForms.nz(s.source()), 220));
        table.getColumns()
                .add(Columns.text(
                        "allowance.recordedBy",
                        e -> Accounts.displayName(e.trail().createdBy()),
                        90));

        ComboBox<AllowanceCategory> category =
                choice("standardCategory", AllowanceCategory.INSTITUTION_ORPHAN, AllowanceCategory.values());
        category.valueProperty().bindBidirectional(model.category);
        TextField newRegion = bound(text("standardRegion", "allowance.region"), model.standardRegion);
        DateField from = date("standardFrom", "allowance.effectiveFrom", null);
        from.valueProperty().bindBidirectional(model.from);
        TextField amount = bound(text(StandardsViewModel.AMOUNT, "allowance.monthly"), model.amount);
        TextField source = bound(text("standardSource", "allowance.source"), model.source);
        Button add = new Button(Messages.t("allowance.addStandard"), Icons.ADD.icon());
        add.setId("addStandard");
        add.setOnAction(e -> {
            from.commitText();
            model.addStandard();
        });
        Button voidIt = VoidButton.under(
                table, edit, StandardEntry::voided, model::voidStandard, tasks, dialogs, model::refresh);
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

    void refresh() {
        model.refresh();
    }

    Node node() {
        return root;
    }
}
