package org.huyou.allowance.ui;

import static org.huyou.common.ui.InlineForms.area;
import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.huyou.allowance.AllowanceCategory;
import org.huyou.allowance.AllowanceService;
import org.huyou.allowance.CategoryChange;
import org.huyou.allowance.Roll;
import org.huyou.allowance.io.RollText;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.common.io.SafeFileNames;
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

/**
 * The month's allowance roll: each child with the days in care, the category and standard per stretch of days, the
 * amount and any problem; totals per category; the workbook. A child's category change is recorded from here.
 */
final class RollTab {

    private final AllowanceService allowance;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ComboBox<YearMonth> month = new ComboBox<>();
    private final TableView<Roll.Line> lines = table("rollTable", 320, "allowance.noLines");
    private final TableView<Roll.CategoryTotal> totals = table("rollTotals", 150, "allowance.noLines");
    private final Label total = new Label();
    private final Label result = new Label();
    private final TableView<CategoryChange> changes = table("categoryChanges", 110, "allowance.noChanges");
    private final Node changeForm;
    private final Node root;

    RollTab(
            AllowanceService allowance,
            TaskRunner tasks,
            DialogService dialogs,
            Clock clock,
            boolean edit,
            boolean export,
            Path defaultFolder,
            Supplier<String> homeName) {
        this.allowance = allowance;
        this.tasks = tasks;
        this.dialogs = dialogs;
        YearMonth now = YearMonth.now(clock);
        for (int i = 0; i < 24; i++) {
            month.getItems().add(now.minusMonths(i));
        }
        month.setValue(now.minusMonths(1));
        month.setId("rollMonth");
        month.valueProperty().addListener((o, a, b) -> refresh());
        lines.getColumns().add(Columns.text("allowance.col.recordNo", Roll.Line::recordNo, 90));
        lines.getColumns().add(Columns.text("allowance.col.name", Roll.Line::name, 80));
        lines.getColumns().add(Columns.text("allowance.col.idNumber", Roll.Line::maskedIdNumber, 170));
        lines.getColumns().add(Columns.text("allowance.col.days", l -> String.valueOf(l.daysInCare()), 80));
        lines.getColumns().add(Columns.text("allowance.col.segments", RollText::segments, 330));
        lines.getColumns().add(Columns.text("allowance.col.amount", l -> Money.amount(l.amount()), 120));
        lines.getColumns().add(Columns.text("allowance.col.problems", RollText::problems, 180));
        totals.getColumns()
                .add(Columns.text("allowance.col.category", t -> t.category().label(), 160));
        totals.getColumns().add(Columns.text("allowance.col.people", t -> String.valueOf(t.people()), 70));
        totals.getColumns().add(Columns.text("allowance.col.personDays", t -> String.valueOf(t.days()), 80));
        totals.getColumns().add(Columns.text("allowance.col.amount", t -> Money.amount(t.amount()), 130));
        total.setId("rollTotal");
        total.getStyleClass().add("section-title");
        result.setId("rollResult");
        result.setWrapText(true);

        TextField folder = text("rollFolder", "stat.folder");
        folder.setText(defaultFolder.toString());
        folder.setPrefColumnCount(28);
        Button write = new Button(Messages.t("allowance.export"), Icons.EXPORT.icon());
        write.setId("exportRoll");
        write.setVisible(export);
        write.setManaged(export);
        write.setOnAction(e -> {
            YearMonth m = month.getValue();
            tasks.run(
                    () -> {
                        Path dir = Path.of(folder.getText().strip());
                        Files.createDirectories(dir);
                        Path file = SafeFileNames.inside(dir, "allowance-roll-" + m, "xlsx");
                        allowance.exportRoll(m, file, homeName.get());
                        return file;
                    },
                    file -> result.setText(Messages.t("stat.written", file)),
                    dialogs::showError);
        });

        changes.getColumns()
                .add(Columns.text(
                        "allowance.effectiveFrom", c -> c.effectiveFrom().toString(), 100));
        changes.getColumns()
                .add(Columns.text(
                        "allowance.category",
                        c -> c.category().label() + InlineForms.voidMark(c.voided(), c.voidedReason()),
                        200));
        changes.getColumns().add(Columns.text("allowance.note", c -> InlineForms.nz(c.note()), 220));
        changes.getColumns().add(Columns.text("allowance.recordedBy", c -> Accounts.displayName(c.createdBy()), 90));
        ComboBox<AllowanceCategory> category =
                choice("changeCategory", AllowanceCategory.INSTITUTION_ORPHAN, AllowanceCategory.values());
        DateField from = date("changeFrom", "allowance.effectiveFrom", null);
        TextArea note = area("changeNote", "allowance.note");
        note.setPrefRowCount(2);
        Button record = new Button(Messages.t("allowance.recordChange"), Icons.ADD.icon());
        record.setId("recordChange");
        record.setOnAction(e -> {
            Roll.Line sel = lines.getSelectionModel().getSelectedItem();
            if (sel == null) {
                return;
            }
            from.commitText();
            tasks.run(
                    () -> allowance.changeCategory(
                            sel.residentId(), category.getValue(), from.getValue(), note.getText()),
                    c -> {
                        note.clear();
                        refresh();
                    },
                    dialogs::showError);
        });
        Button voidChange = VoidButton.under(
                changes,
                edit,
                CategoryChange::voided,
                (c, reason) -> allowance.voidCategoryChange(c.id(), reason),
                tasks,
                dialogs,
                this::refresh);
        changeForm = new VBox(
                6,
                heading("allowance.changes"),
                changes,
                voidChange,
                row(edit, labelled("allowance.category", category), labelled("allowance.effectiveFrom", from), record),
                TypedInput.savedBy(row(edit, note), record));
        changeForm.setVisible(false);
        changeForm.setManaged(false);
        lines.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showChanges(b));

        root = InlineForms.scrolled(
                heading("allowance.rollHeading"),
                row(true, labelled("allowance.month", month), labelled("stat.folder", folder), write),
                result,
                lines,
                total,
                heading("allowance.totalsHeading"),
                totals,
                changeForm);
    }

    void refresh() {
        YearMonth m = month.getValue();
        Roll.Line selected = lines.getSelectionModel().getSelectedItem();
        // No region chosen yet: say so on the tab (where the user looks) rather than in a dialog
        tasks.run(
                () -> allowance.region().isBlank() ? null : allowance.roll(m),
                roll -> {
                    if (roll == null) {
                        lines.getItems().clear();
                        totals.getItems().clear();
                        total.setText(Messages.t("allowance.noRegion"));
                        return;
                    }
                    TableRows.replaceKeepingSelection(lines, roll.lines(), Roll.Line::residentId);
                    totals.getItems().setAll(roll.totals());
                    total.setText(Messages.t(
                            "allowance.totalLine", roll.people(), Money.amount(roll.total()), roll.region()));
                    if (selected != null) {
                        showChanges(lines.getSelectionModel().getSelectedItem());
                    }
                },
                dialogs::showError);
    }

    private void showChanges(Roll.Line line) {
        changeForm.setVisible(line != null);
        changeForm.setManaged(line != null);
        if (line == null) {
            return;
        }
        tasks.run(() -> allowance.categoryChanges(line.residentId()), changes.getItems()::setAll, dialogs::showError);
    }

    Node node() {
        return root;
    }
}
