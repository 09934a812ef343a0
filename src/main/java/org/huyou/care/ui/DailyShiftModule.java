package org.huyou.care.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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
import org.huyou.care.daily.ShiftSavedMeanwhileException;
import org.huyou.common.Coded;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.EditableCells;
import org.huyou.common.ui.FormKeys;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.ModuleView;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.UnsavedChanges;
import org.huyou.common.ui.UnsavedChangesGuard;
import org.huyou.residents.LivingGroup;
import org.huyou.residents.ResidentFilter;
import org.huyou.residents.ResidentService;
import org.huyou.residents.ResidentStatus;
import org.huyou.residents.ResidentSummary;
import org.huyou.security.Accounts;

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
    private final Label savedLine = new Label();
    private final UnsavedChangesGuard guard;
    private final VBox root;
    /** The group, day and shift the rows were loaded for. */
    private Shown shown;

    private int loads;
    /** The old group, day or shift is being chosen again after 取消. */
    private boolean puttingBack;

    private record Shown(LivingGroup group, LocalDate date, Shift shift) {}

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
        /** Who saved this child's entry and when; null while the row shows the untouched defaults. */
        final DailyCareService.SavedStamp saved;
        /** The saved entry the row shows (null: the defaults), so a save can tell what was saved since. */
        private final Long loadedId;

        private final DailyLogEntry loaded;

        Row(long residentId, String name, DailyLogEntry existing, DailyCareService.SavedStamp saved) {
            this.residentId = residentId;
            this.name = name;
            this.saved = existing == null ? null : saved;
            this.loadedId = existing == null ? null : existing.id();
            reset(existing);
            loaded = toEntry();
        }

        /** Back to what was loaded: the saved entry, or the defaults. */
        void discard() {
            meals.set(loaded.meals());
            sleep.set(loaded.sleep());
            hygiene.set(loaded.hygiene());
            mood.set(loaded.mood());
            events.set(loaded.events());
            note.set(loaded.note());
        }

        /** Whether the caregiver changed anything since the row was loaded (blank and empty count as the same). */
        boolean changed() {
            DailyLogEntry now = toEntry();
            return now.meals() != loaded.meals()
                    || now.sleep() != loaded.sleep()
                    || now.hygiene() != loaded.hygiene()
                    || now.mood() != loaded.mood()
                    || !nz(now.events()).strip().equals(nz(loaded.events()).strip())
                    || !nz(now.note()).strip().equals(nz(loaded.note()).strip());
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }

        private void reset(DailyLogEntry existing) {
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
            return new DailyLogEntry(
                    loadedId,
                    residentId,
                    null,
                    null,
                    meals.get(),
                    sleep.get(),
                    hygiene.get(),
                    mood.get(),
                    events.get(),
                    note.get(),
                    null,
                    false);
        }
    }

    /**
     * {@code lastGroup} is the living group this user worked on last on this PC (null: none yet), and
     * {@code rememberGroup} is told each group the user switches to, so the log opens on it next time. The shift it
     * opens on is the home's clock's, as the services' today is. Without {@code canRecord} (the director, the nurses:
     * the role matrix lets them view the log, not record it) the shifts are read only.
     */
    public DailyShiftModule(
            ResidentService residents,
            DailyCareService daily,
            TaskRunner tasks,
            DialogService dialogs,
            Long lastGroup,
            LongConsumer rememberGroup,
            Clock clock,
            boolean canRecord) {
        this.residents = residents;
        this.daily = daily;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.guard = new UnsavedChangesGuard(dialogs);
        group.setId("shiftGroup");
        group.setConverter(Converters.of(LivingGroup::name));
        group.setPromptText(Messages.t("field.livingGroup"));
        date.setId("shiftDate");
        date.setValue(residents.today());
        shift.setId("shiftChoice");
        shift.getItems().addAll(Shift.values());
        shift.setConverter(Converters.coded());
        shift.setValue(currentShift(LocalTime.now(clock)));
        // Another group, day or shift replaces the rows: changes not saved yet are asked about first.
        group.valueProperty()
                .addListener((o, a, b) -> switchTo(group, () -> group.setValue(a), () -> {
                    if (b != null) {
                        rememberGroup.accept(b.id());
                    }
                }));
        date.valueProperty().addListener((o, a, b) -> switchTo(date, () -> date.setValue(a), () -> {}));
        shift.valueProperty().addListener((o, a, b) -> switchTo(shift, () -> shift.setValue(a), () -> {}));
        Button save = new Button(Messages.t("daily.saveShift"), Icons.OK.icon());
        save.setId("saveShift");
        save.setDefaultButton(true);
        save.disableProperty().bind(group.valueProperty().isNull());
        save.setOnAction(e -> save(true, ok -> {}));
        save.setVisible(canRecord);
        save.setManaged(canRecord);
        // the group keeps its name above it once chosen (its hint is gone then)
        HBox bar = new HBox(8, org.huyou.common.ui.InlineForms.fieldLabel(group), date, shift, save);
        bar.setAlignment(Pos.BOTTOM_LEFT);

        table.setId("shiftTable");
        table.setEditable(canRecord);
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
        events.setCellFactory(EditableCells.text());
        events.setPrefWidth(220);
        table.getColumns().add(events);
        TableColumn<Row, String> note = new TableColumn<>(Messages.t("daily.note"));
        note.setCellValueFactory(c -> c.getValue().note);
        note.setCellFactory(EditableCells.text());
        note.setPrefWidth(180);
        table.getColumns().add(note);
        // Saved rows stand apart from untouched defaults: who saved them and when.
        TableColumn<Row, String> state = new TableColumn<>(Messages.t("daily.state"));
        state.setId("shiftRowState");
        state.setCellValueFactory(c -> new SimpleStringProperty(
                c.getValue().saved == null
                        ? Messages.t("daily.rowDefault")
                        : Messages.t(
                                "daily.rowSaved",
                                Accounts.displayName(c.getValue().saved.by()),
                                c.getValue()
                                        .saved
                                        .at()
                                        .toLocalTime()
                                        .withSecond(0)
                                        .withNano(0))));
        state.setPrefWidth(150);
        table.getColumns().add(state);
        TableRows.mark(table, r -> r.saved != null, "saved-row");
        savedLine.setId("shiftSaved");
        savedLine.getStyleClass().add("shift-saved");
        Label hint = new Label(Messages.t(canRecord ? "daily.hint" : "daily.viewOnly"));
        hint.setWrapText(true);
        root = new VBox(10, bar, savedLine, hint, table);
        FormKeys.saveShortcut(root, save);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.setPadding(new Insets(10));
        tasks.run(
                residents::livingGroups,
                groups -> {
                    group.getItems().setAll(groups);
                    // Opens on the group this user worked on last.
                    // Nothing can be unsaved yet, so the rows load at once rather than through the switch's question.
                    groups.stream()
                            .filter(g -> lastGroup != null && g.id() == lastGroup)
                            .findFirst()
                            .ifPresent(g -> {
                                puttingBack = true;
                                try {
                                    group.setValue(g);
                                } finally {
                                    puttingBack = false;
                                }
                                load();
                            });
                },
                dialogs::showError);
    }

    /** The rows' unsaved changes, asked about by the shell when the user leaves the shift log. */
    @Override
    public UnsavedChanges changes() {
        return changes;
    }

    private final UnsavedChanges changes = new UnsavedChanges() {
        @Override
        public boolean isDirty() {
            return table.getItems().stream().anyMatch(Row::changed);
        }

        @Override
        public void save(Consumer<Boolean> done) {
            DailyShiftModule.this.save(false, done);
        }

        @Override
        public void discard() {
            table.getItems().forEach(Row::discard);
        }
    };

    private static void whenClosed(ComboBoxBase<?> choice, Runnable then) {
        if (!choice.isShowing()) {
            Platform.runLater(then);
            return;
        }
        choice.showingProperty().addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                if (!is) {
                    choice.showingProperty().removeListener(this);
                    Platform.runLater(then);
                }
            }
        });
    }

    /** A choice of group, day or shift: asks about unsaved rows, then loads; 取消 puts the old choice back. */
    private void switchTo(ComboBoxBase<?> choice, Runnable putBack, Runnable then) {
        if (puttingBack) {
            return;
        }
        // Asked once the choice's popup has closed: a question opened while the pick's click is still under way
        // left the popup open behind it.
        whenClosed(
                choice,
                () -> guard.leave(
                        changes,
                        () -> {
                            then.run();
                            load();
                        },
                        () -> {
                            puttingBack = true;
                            try {
                                putBack.run();
                            } finally {
                                puttingBack = false;
                            }
                        }));
    }

    static Shift currentShift(LocalTime now) {
        if (now.isBefore(LocalTime.of(7, 0))) {
            return Shift.NIGHT;
        }
        return now.isBefore(LocalTime.of(15, 0))
                ? Shift.DAY
                : now.isBefore(LocalTime.of(22, 0)) ? Shift.EVENING : Shift.NIGHT;
    }

    private <T extends Coded> TableColumn<Row, T> choice(
            String key, T[] values, Function<Row, ObjectProperty<T>> prop) {
        TableColumn<Row, T> c = new TableColumn<>(Messages.t(key));
        c.setCellValueFactory(cd -> prop.apply(cd.getValue()));
        c.setCellFactory(EditableCells.choice(Converters.coded(), values));
        c.setPrefWidth(95);
        return c;
    }

    private void load() {
        LivingGroup g = group.getValue();
        date.commitText();
        int ticket = ++loads; // the latest choice wins over a slower earlier load
        if (g == null || date.getValue() == null || shift.getValue() == null) {
            shown = null;
            table.getItems().clear();
            savedLine.setText("");
            return;
        }
        var d = date.getValue();
        var s = shift.getValue();
        tasks.run(
                () -> {
                    List<ResidentSummary> children = residents.search(
                            new ResidentFilter(null, ResidentStatus.IN_CARE, null, g.id(), null, null), 500);
                    List<Long> ids = children.stream().map(ResidentSummary::id).toList();
                    Map<Long, DailyLogEntry> existing = daily.forShift(ids, d, s);
                    Map<Long, DailyCareService.SavedStamp> stamps = daily.savedStamps(ids, d, s);
                    return children.stream()
                            .map(c -> new Row(c.id(), c.name(), existing.get(c.id()), stamps.get(c.id())))
                            .toList();
                },
                rows -> {
                    if (ticket == loads) {
                        shown = new Shown(g, d, s);
                        table.getItems().setAll(rows);
                        showSaved(rows);
                    }
                },
                dialogs::showError);
    }

    /** "已保存：张护理员 2026-12-03 08:15", or that the rows are untouched defaults. */
    private void showSaved(List<Row> rows) {
        rows.stream()
                .map(r -> r.saved)
                .filter(Objects::nonNull)
                .max(Comparator.comparing(DailyCareService.SavedStamp::at))
                .ifPresentOrElse(
                        last -> savedLine.setText(Messages.t(
                                "daily.lastSaved",
                                Accounts.displayName(last.by()),
                                Dates.format(last.at().toLocalDate()) + " "
                                        + last.at().toLocalTime().withSecond(0).withNano(0))),
                        () -> savedLine.setText(rows.isEmpty() ? "" : Messages.t("daily.notSaved")));
    }

    /** Saves the rows shown, for the group, day and shift they were loaded for (the choices may show the next). */
    /**
     * {@code reload}: show the saved rows afterwards. A save asked for on the way out does not: what follows (another
     * group, another module, the login screen) replaces the rows anyway, and after a logout nobody may read them.
     */
    private void save(boolean reload, Consumer<Boolean> done) {
        save(reload, done, Map.of());
    }

    /** {@code seenTheirs}: children whose entries someone else saved meanwhile, and the user chose to correct. */
    private void save(boolean reload, Consumer<Boolean> done, Map<Long, Long> seenTheirs) {
        EditableCells.commitPendingEdits();
        Shown key = shown;
        if (key == null) {
            done.accept(false);
            return;
        }
        List<DailyLogEntry> entries = table.getItems().stream()
                .map(Row::toEntry)
                .map(e -> seenTheirs.containsKey(e.residentId()) ? withId(e, seenTheirs.get(e.residentId())) : e)
                .toList();
        tasks.run(
                () -> daily.recordShift(key.date(), key.shift(), entries),
                n -> {
                    dialogs.notifySuccess(Messages.t("daily.saved", n));
                    if (reload) {
                        load();
                    }
                    done.accept(true);
                },
                failure -> {
                    if (failure instanceof ShiftSavedMeanwhileException meanwhile && key.equals(shown)) {
                        savedMeanwhile(meanwhile, reload, done);
                        return;
                    }
                    dialogs.showError(failure);
                    done.accept(false);
                });
    }

    private static DailyLogEntry withId(DailyLogEntry e, long id) {
        return new DailyLogEntry(
                id,
                e.residentId(),
                e.date(),
                e.shift(),
                e.meals(),
                e.sleep(),
                e.hygiene(),
                e.mood(),
                e.events(),
                e.note(),
                e.recordedBy(),
                e.voided());
    }

    /**
     * Another PC saved some of these children's rows after they were shown here: the user decides, nothing is
     * replaced unseen. Save mine (theirs kept as corrected), show theirs in those rows (the others keep what was
     * typed), or go back to the form as it is.
     */
    private void savedMeanwhile(ShiftSavedMeanwhileException meanwhile, boolean reload, Consumer<Boolean> done) {
        String names = table.getItems().stream()
                .filter(r -> meanwhile.current().containsKey(r.residentId))
                .map(r -> r.name)
                .collect(Collectors.joining("、"));
        ButtonType mine = new ButtonType(Messages.t("daily.conflict.saveMine"), ButtonBar.ButtonData.OK_DONE);
        ButtonType theirs = new ButtonType(Messages.t("daily.conflict.showTheirs"), ButtonBar.ButtonData.OTHER);
        ButtonType back = new ButtonType(Messages.t("daily.conflict.back"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = dialogs.alert(
                Alert.AlertType.WARNING,
                Messages.t(
                        "daily.conflict.text",
                        meanwhile.updatedBy(),
                        meanwhile.updatedAt(),
                        meanwhile.current().size(),
                        names),
                mine,
                theirs,
                back);
        ask.setTitle(Messages.t("daily.conflict.title"));
        ask.setHeaderText(Messages.t("daily.conflict.title"));
        ask.getDialogPane().setId("shiftConflict");
        ButtonType chosen = ask.showAndWait().orElse(back);
        if (chosen == mine) {
            save(reload, done, meanwhile.current());
            return;
        }
        if (chosen == theirs) {
            showTheirs(meanwhile.current().keySet());
        }
        done.accept(false);
    }

    private record SavedRows(Map<Long, DailyLogEntry> entries, Map<Long, DailyCareService.SavedStamp> stamps) {}

    /** The rows of these children as saved now; every other row keeps what was typed. */
    private void showTheirs(Set<Long> children) {
        Shown key = shown;
        List<Long> ids = List.copyOf(children);
        tasks.run(
                () -> {
                    return new SavedRows(
                            daily.forShift(ids, key.date(), key.shift()),
                            daily.savedStamps(ids, key.date(), key.shift()));
                },
                saved -> {
                    if (!key.equals(shown)) {
                        return;
                    }
                    Map<Long, DailyLogEntry> now = saved.entries();
                    Map<Long, DailyCareService.SavedStamp> stamps = saved.stamps();
                    var items = table.getItems();
                    for (int i = 0; i < items.size(); i++) {
                        Row r = items.get(i);
                        if (children.contains(r.residentId)) {
                            items.set(
                                    i, new Row(r.residentId, r.name, now.get(r.residentId), stamps.get(r.residentId)));
                        }
                    }
                    showSaved(items);
                },
                dialogs::showError);
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
