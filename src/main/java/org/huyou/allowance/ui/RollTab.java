package org.huyou.allowance.ui;

import static org.huyou.common.ui.InlineForms.area;
import static org.huyou.common.ui.InlineForms.bound;
import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;

import java.time.YearMonth;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.huyou.allowance.AllowanceCategory;
import org.huyou.allowance.CategoryChange;
import org.huyou.allowance.Roll;
import org.huyou.allowance.io.RollText;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.TypedInput;
import org.huyou.common.ui.VoidButton;
import org.huyou.security.Accounts;

/** The month's allowance roll's controls: the month and folder, the lines and totals, a child's category changes. */
final class RollTab {

    private final RollViewModel model;
    private final Node root;

    RollTab(RollViewModel model, TaskRunner tasks, DialogService dialogs, boolean edit, boolean export) {
        this.model = model;
        ComboBox<YearMonth> month = new ComboBox<>(model.months());
        month.setId("rollMonth");
        month.valueProperty().bindBidirectional(model.month);
        TableView<Roll.Line> lines = table("rollTable", 320, "allowance.noLines");
        lines.setItems(model.lines());
        TableRows.follow(lines, model.selectedProperty());
        lines.getColumns().add(Columns.text("allowance.col.recordNo", Roll.Line::recordNo, 90));
        lines.getColumns().add(Columns.text("allowance.col.name", Roll.Line::name, 80));
        lines.getColumns().add(Columns.text("allowance.col.idNumber", Roll.Line::maskedIdNumber, 170));
        lines.getColumns().add(Columns.text("allowance.col.days", l -> String.valueOf(l.daysInCare()), 80));
        lines.getColumns().add(Columns.text("allowance.col.segments", RollText::segments, 330));
        lines.getColumns().add(Columns.text("allowance.col.amount", l -> Money.amount(l.amount()), 120));
        lines.getColumns().add(Columns.text("allowance.col.problems", RollText::problems, 180));
        TableView<Roll.CategoryTotal> totals = table("rollTotals", 150, "allowance.noLines");
        totals.setItems(model.totals());
        totals.getColumns()
                .add(Columns.text("allowance.col.category", t -> t.category().label(), 160));
        totals.getColumns().add(Columns.text("allowance.col.people", t -> String.valueOf(t.people()), 70));
        totals.getColumns().add(Columns.text("allowance.col.personDays", t -> String.valueOf(t.days()), 80));
        totals.getColumns().add(Columns.text("allowance.col.amount", t -> Money.amount(t.amount()), 130));
        Label total = new Label();
        total.setId("rollTotal");
        total.getStyleClass().add("section-title");
        total.textProperty().bind(model.totalProperty());
        Label result = new Label();
        result.setId("rollResult");
        result.setWrapText(true);
        result.textProperty().bind(model.resultProperty());

        TextField folder = bound(text("rollFolder", "stat.folder"), model.folder);
        folder.setPrefColumnCount(28);
        Button write = new Button(Messages.t("allowance.export"), Icons.EXPORT.icon());
        write.setId("exportRoll");
        write.setVisible(export);
        write.setManaged(export);
        write.setOnAction(e -> model.export());

        root = InlineForms.scrolled(
                heading("allowance.rollHeading"),
                row(true, labelled("allowance.month", month), labelled("stat.folder", folder), write),
                result,
                lines,
                total,
                heading("allowance.totalsHeading"),
                totals,
                changeForm(tasks, dialogs, edit));
    }

    /** The selected child's category changes and the form recording one; shown while a child is selected. */
    private Node changeForm(TaskRunner tasks, DialogService dialogs, boolean edit) {
        TableView<CategoryChange> changes = table("categoryChanges", 110, "allowance.noChanges");
        changes.setItems(model.changes());
        changes.getColumns()
                .add(Columns.text(
                        "allowance.effectiveFrom", c -> c.effectiveFrom().toString(), 100));
        changes.getColumns()
                .add(Columns.text(
                        "allowance.category",
                        c -> c.category().label()
                                + InlineForms.voidMark(c.voided(), c.trail().voidedReason()),
                        200));
        changes.getColumns().add(Columns.text("allowance.note", c -> InlineForms.nz(c.note()), 220));
        changes.getColumns()
                .add(Columns.text(
                        "allowance.recordedBy",
                        c -> Accounts.displayName(c.trail().createdBy()),
                        90));
        ComboBox<AllowanceCategory> category =
                choice("changeCategory", AllowanceCategory.INSTITUTION_ORPHAN, AllowanceCategory.values());
        category.valueProperty().bindBidirectional(model.category);
        DateField from = date("changeFrom", "allowance.effectiveFrom", null);
        from.valueProperty().bindBidirectional(model.changeFrom);
        TextArea note = bound(area("changeNote", "allowance.note"), model.note);
        note.setPrefRowCount(2);
        Button record = new Button(Messages.t("allowance.recordChange"), Icons.ADD.icon());
        record.setId("recordChange");
        record.setOnAction(e -> {
            from.commitText();
            model.recordChange();
        });
        Button voidChange = VoidButton.under(
                changes, edit, CategoryChange::voided, model::voidChange, tasks, dialogs, model::refresh);
        Node form = new VBox(
                6,
                heading("allowance.changes"),
                changes,
                voidChange,
                row(edit, labelled("allowance.category", category), labelled("allowance.effectiveFrom", from), record),
                TypedInput.savedBy(row(edit, note), record));
        form.visibleProperty().bind(model.selectedProperty().isNotNull());
        form.managedProperty().bind(form.visibleProperty());
        return form;
    }

    void refresh() {
        model.refresh();
    }

    Node node() {
        return root;
    }
}
