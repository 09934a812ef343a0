package org.huyou.allowance.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.allowance.AllowanceCategory;
import org.huyou.allowance.AllowanceService;
import org.huyou.allowance.CategoryChange;
import org.huyou.allowance.Roll;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.common.io.SafeFileNames;
import org.huyou.common.ui.KeptSelection;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;

/**
 * The month's allowance roll: each child with the days in care, the category and standard per stretch of days, the
 * amount and any problem; totals per category; the workbook. The selected child's category changes, and a new one
 * recorded.
 */
public final class RollViewModel {

    /** The months offered: the last two years. */
    static final int MONTHS = 24;

    private final AllowanceService allowance;
    private final TaskRunner tasks;
    private final Notices notices;
    private final Supplier<String> homeName;
    private final ObservableList<YearMonth> months = FXCollections.observableArrayList();
    private final ObservableList<Roll.Line> lines = FXCollections.observableArrayList();
    private final ObservableList<Roll.CategoryTotal> totals = FXCollections.observableArrayList();
    private final ObservableList<CategoryChange> changes = FXCollections.observableArrayList();
    private final ObjectProperty<Roll.Line> selected = new SimpleObjectProperty<>();
    private final StringProperty total = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");

    final ObjectProperty<YearMonth> month = new SimpleObjectProperty<>();
    final StringProperty folder = new SimpleStringProperty("");
    final ObjectProperty<AllowanceCategory> category = new SimpleObjectProperty<>(AllowanceCategory.INSTITUTION_ORPHAN);
    final ObjectProperty<LocalDate> changeFrom = new SimpleObjectProperty<>();
    final StringProperty note = new SimpleStringProperty("");

    public RollViewModel(
            AllowanceService allowance,
            TaskRunner tasks,
            Notices notices,
            YearMonth thisMonth,
            Path defaultFolder,
            Supplier<String> homeName) {
        this.allowance = allowance;
        this.tasks = tasks;
        this.notices = notices;
        this.homeName = homeName;
        for (int i = 0; i < MONTHS; i++) {
            months.add(thisMonth.minusMonths(i));
        }
        month.set(thisMonth.minusMonths(1));
        folder.set(defaultFolder.toString());
        month.addListener((o, a, b) -> refresh());
        selected.addListener((o, a, b) -> loadChanges());
    }

    /** The month's roll, the selected child kept; with no region chosen yet the total's line says so. */
    public void refresh() {
        YearMonth m = month.get();
        // No region chosen yet: say so on the tab (where the user looks) rather than in a dialog
        tasks.run(
                () -> allowance.region().isBlank() ? null : allowance.roll(m),
                roll -> {
                    if (roll == null) {
                        lines.clear();
                        totals.clear();
                        total.set(Messages.t("allowance.noRegion"));
                        return;
                    }
                    KeptSelection.replace(lines, selected, roll.lines(), Roll.Line::residentId);
                    totals.setAll(roll.totals());
                    total.set(Messages.t(
                            "allowance.totalLine", roll.people(), Money.amount(roll.total()), roll.region()));
                },
                notices::showError);
    }

    private void loadChanges() {
        Roll.Line line = selected.get();
        if (line == null) {
            return;
        }
        tasks.run(() -> allowance.categoryChanges(line.residentId()), changes::setAll, notices::showError);
    }

    /** Writes the month's roll as a workbook into the folder; the line under the form says where. */
    public void export() {
        YearMonth m = month.get();
        String into = folder.get();
        tasks.run(
                () -> {
                    Path dir = Path.of(into.strip());
                    Files.createDirectories(dir);
                    Path file = SafeFileNames.inside(dir, "allowance-roll-" + m, "xlsx");
                    allowance.exportRoll(m, file, homeName.get());
                    return file;
                },
                file -> result.set(Messages.t("stat.written", file)),
                notices::showError);
    }

    /** Records the selected child's change of category; the note is cleared. Nothing without a child selected. */
    public void recordChange() {
        Roll.Line line = selected.get();
        if (line == null) {
            return;
        }
        AllowanceCategory c = category.get();
        LocalDate from = changeFrom.get();
        String n = note.get();
        tasks.run(
                () -> allowance.changeCategory(line.residentId(), c, from, n),
                change -> {
                    note.set("");
                    refresh();
                },
                notices::showError);
    }

    /** Voids a category change recorded wrongly (run in the background by the View's button). */
    public void voidChange(CategoryChange c, String reason) {
        allowance.voidCategoryChange(c.id(), reason);
    }

    public ObservableList<YearMonth> months() {
        return months;
    }

    public ObservableList<Roll.Line> lines() {
        return lines;
    }

    public ObservableList<Roll.CategoryTotal> totals() {
        return totals;
    }

    public ObservableList<CategoryChange> changes() {
        return changes;
    }

    public ObjectProperty<Roll.Line> selectedProperty() {
        return selected;
    }

    /** The month's total in a sentence, or that no region is chosen yet. */
    public ReadOnlyStringProperty totalProperty() {
        return total;
    }

    /** Where the workbook was written. */
    public ReadOnlyStringProperty resultProperty() {
        return result;
    }
}
