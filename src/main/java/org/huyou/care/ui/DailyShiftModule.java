package org.huyou.care.ui;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.huyou.care.daily.DailyCareChoices.Hygiene;
import org.huyou.care.daily.DailyCareChoices.Meals;
import org.huyou.care.daily.DailyCareChoices.Mood;
import org.huyou.care.daily.DailyCareChoices.Shift;
import org.huyou.care.daily.DailyCareChoices.Sleep;
import org.huyou.care.daily.DailyCareService;
import org.huyou.care.daily.DailyLogEntry;
import org.huyou.common.Coded;
import org.huyou.common.Messages;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.ModuleView;
import org.huyou.common.ui.TaskRunner;
import org.huyou.residents.LivingGroup;
import org.huyou.residents.ResidentFilter;
import org.huyou.residents.ResidentService;
import org.huyou.residents.ResidentStatus;
import org.huyou.residents.ResidentSummary;

/**
 * One shift's daily log for a whole living group on one screen: every child's row starts from what was already
 * recorded, or from "normal" (ate all, slept well, hygiene done, calm), so the caregiver changes only the exceptions
 * and saves once.
 */
public final class DailyShiftModule implements ModuleView {

    private final ResidentService residents;
    private final DailyCareService daily;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ComboBox<LivingGroup> group = new ComboBox<>();
    private final DateField date = new DateField();
    private final ComboBox<Shift> shift = new ComboBox<>();
    private final TableView<Row> table = new TableView<>();
    private final VBox root;

    /** One child's editable row. */
    static final class Row {
        final long residentId;
        final String name;
        final ObjectProperty<Meals> meals = new SimpleObjectProperty<>(Meals.ALL);
        final ObjectProperty<Sleep> sleep = new SimpleObjectProperty<>(Sleep.GOOD);
        final ObjectProperty<Hygiene> hygiene = new SimpleObjectProperty<>(Hygiene.DONE);
        final ObjectProperty<Mood> mood = new SimpleObjectProperty<>(Mood.CALM);
        final StringProperty events = new SimpleStringProperty("");
        final StringProperty note = new SimpleStringProperty("");

        Row(long residentId, String name, DailyLogEntry existing) {
            this.residentId = residentId;
            this.name = name;
            if (existing != null) {
                meals.set(existing.meals());
                sleep.set(existing.sleep());
                hygiene.set(existing.hygiene());
                mood.set(existing.mood());
                events.set(existing.events() == null ? "" : existing.events());
                note.set(existing.note() == null ? "" : existing.note());
            }
        }

        DailyLogEntry toEntry() {
            return new DailyLogEntry(null, residentId, null, null, meals.get(), sleep.get(), hygiene.get(), mood.get(),
                    events.get(), note.get(), null, false);
        }
    }

    public DailyShiftModule(ResidentService residents, DailyCareService daily, TaskRunner tasks,
                            DialogService dialogs) {
        this.residents = residents;
        this.daily = daily;
        this.tasks = tasks;
        this.dialogs = dialogs;
        group.setId("shiftGroup");
        group.setConverter(Converters.of(LivingGroup::name));
        group.setPromptText(Messages.t("field.livingGroup"));
        date.setId("shiftDate");
        date.setValue(residents.today());
        shift.setId("shiftChoice");
        shift.getItems().addAll(Shift.values());
        shift.setConverter(Converters.coded());
        shift.setValue(currentShift(LocalTime.now()));
        group.valueProperty().addListener((o, a, b) -> load());
        date.valueProperty().addListener((o, a, b) -> load());
        shift.valueProperty().addListener((o, a, b) -> load());
        Button save = new Button(Messages.t("daily.saveShift"), Icons.OK.icon());
        save.setId("saveShift");
        save.setDefaultButton(true);
        save.disableProperty().bind(group.valueProperty().isNull());
        save.setOnAction(e -> save());
        HBox bar = new HBox(8, group, date, shift, save);
        bar.setAlignment(Pos.CENTER_LEFT);

        table.setId("shiftTable");
        table.setEditable(true);
        table.setPlaceholder(new Label(Messages.t("daily.chooseGroup")));
        TableColumn<Row, String> name = new TableColumn<>(Messages.t("residents.col.name"));
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().name));
        name.setPrefWidth(90);
        table.getColumns().add(name);
        table.getColumns().add(choice("daily.meals", Meals.values(), r -> r.meals));
        table.getColumns().add(choice("daily.sleep", Sleep.values(), r -> r.sleep));
        table.getColumns().add(choice("daily.hygiene", Hygiene.values(), r -> r.hygiene));
        table.getColumns().add(choice("daily.mood", Mood.values(), r -> r.mood));
        TableColumn<Row, String> events = new TableColumn<>(Messages.t("daily.events"));
        events.setCellValueFactory(c -> c.getValue().events);
        events.setCellFactory(TextFieldTableCell.forTableColumn());
        events.setPrefWidth(220);
        table.getColumns().add(events);
        TableColumn<Row, String> note = new TableColumn<>(Messages.t("daily.note"));
        note.setCellValueFactory(c -> c.getValue().note);
        note.setCellFactory(TextFieldTableCell.forTableColumn());
        note.setPrefWidth(180);
        table.getColumns().add(note);
        Label hint = new Label(Messages.t("daily.hint"));
        hint.setWrapText(true);
        root = new VBox(10, bar, hint, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.setPadding(new Insets(10));
        tasks.run(residents::livingGroups, group.getItems()::setAll, dialogs::showError);
    }

    static Shift currentShift(LocalTime now) {
        if (now.isBefore(LocalTime.of(7, 0))) {
            return Shift.NIGHT;
        }
        return now.isBefore(LocalTime.of(15, 0)) ? Shift.DAY : now.isBefore(LocalTime.of(22, 0)) ? Shift.EVENING
                : Shift.NIGHT;
    }

    private <T extends Coded> TableColumn<Row, T> choice(String key, T[] values,
                                                         java.util.function.Function<Row, ObjectProperty<T>> prop) {
        TableColumn<Row, T> c = new TableColumn<>(Messages.t(key));
        c.setCellValueFactory(cd -> prop.apply(cd.getValue()));
        c.setCellFactory(ComboBoxTableCell.forTableColumn(Converters.coded(), values));
        c.setPrefWidth(95);
        return c;
    }

    private void load() {
        LivingGroup g = group.getValue();
        date.commitText();
        if (g == null || date.getValue() == null || shift.getValue() == null) {
            table.getItems().clear();
            return;
        }
        var d = date.getValue();
        var s = shift.getValue();
        tasks.run(() -> {
            List<ResidentSummary> children = residents.search(new ResidentFilter(null, ResidentStatus.IN_CARE, null,
                    g.id(), null, null), 500);
            Map<Long, DailyLogEntry> existing = daily.forShift(children.stream().map(ResidentSummary::id).toList(),
                    d, s);
            return children.stream().map(c -> new Row(c.id(), c.name(), existing.get(c.id()))).toList();
        }, table.getItems()::setAll, dialogs::showError);
    }

    private void save() {
        date.commitText();
        var d = date.getValue();
        var s = shift.getValue();
        List<DailyLogEntry> entries = table.getItems().stream().map(Row::toEntry).toList();
        tasks.run(() -> daily.recordShift(d, s, entries), n -> {
            dialogs.notifySuccess(Messages.t("daily.saved", n));
            load();
        }, dialogs::showError);
    }

    @Override
    public void refresh() {
        load();
    }

    @Override
    public Node node() {
        return root;
    }
}
