package org.huyou.care.ui;

import java.time.Clock;
import java.time.LocalTime;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleStringProperty;
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
import org.huyou.care.daily.ShiftSavedMeanwhileException;
import org.huyou.care.ui.DailyShiftViewModel.Meanwhile;
import org.huyou.care.ui.DailyShiftViewModel.Row;
import org.huyou.common.Coded;
import org.huyou.common.Messages;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.EditableCells;
import org.huyou.common.ui.FormKeys;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.ModuleView;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.UnsavedChanges;
import org.huyou.common.ui.UnsavedChangesGuard;
import org.huyou.residents.LivingGroup;
import org.huyou.residents.ResidentService;

/**
 * One shift's daily log for a whole living group on one screen (the View of {@link DailyShiftViewModel}): every
 * child's row starts from what was already recorded, or from "normal" (ate all, slept well, hygiene done, calm), so
 * the caregiver changes only the exceptions and saves once.
 */
public final class DailyShiftModule implements ModuleView {

    private final DailyShiftViewModel model;
    private final DialogService dialogs;
    private final ComboBox<LivingGroup> group = new ComboBox<>();
    private final DateField date = new DateField();
    private final ComboBox<Shift> shift = new ComboBox<>();
    private final TableView<Row> table = new TableView<>();
    private final UnsavedChangesGuard guard;
    private final VBox root;
    /** The old group, day or shift is being chosen again after 取消. */
    private boolean puttingBack;

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
        this.model = new DailyShiftViewModel(residents, daily, tasks, dialogs, residents.today(), LocalTime.now(clock));
        this.dialogs = dialogs;
        this.guard = new UnsavedChangesGuard(dialogs);
        group.setId("shiftGroup");
        group.setItems(model.groups());
        group.setConverter(Converters.of(LivingGroup::name));
        group.setPromptText(Messages.t("field.livingGroup"));
        group.valueProperty().bindBidirectional(model.group);
        date.setId("shiftDate");
        date.valueProperty().bindBidirectional(model.date);
        shift.setId("shiftChoice");
        shift.getItems().addAll(Shift.values());
        shift.setConverter(Converters.coded());
        shift.valueProperty().bindBidirectional(model.shift);
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
        HBox bar = new HBox(8, InlineForms.fieldLabel(group), date, shift, save);
        bar.setAlignment(Pos.BOTTOM_LEFT);

        table.setId("shiftTable");
        table.setEditable(canRecord);
        table.setPlaceholder(new Label(Messages.t("daily.chooseGroup")));
        table.setItems(model.rows());
        TableColumn<Row, String> name = new TableColumn<>(Messages.t("residents.col.name"));
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().name));
        name.setPrefWidth(90);
        table.getColumns().add(name);
        table.getColumns().add(choice("daily.meals", Meals.values(), r -> r.meals));
        table.getColumns().add(choice("daily.sleep", Sleep.values(), r -> r.sleep));
        table.getColumns().add(choice("daily.hygiene", Hygiene.values(), r -> r.hygiene));
        table.getColumns().add(choice("daily.mood", Mood.values(), r -> r.mood));
        table.getColumns().add(text("daily.events", r -> r.events, 220));
        table.getColumns().add(text("daily.note", r -> r.note, 180));
        // Saved rows stand apart from untouched defaults: who saved them and when.
        TableColumn<Row, String> state = new TableColumn<>(Messages.t("daily.state"));
        state.setId("shiftRowState");
        state.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().state()));
        state.setPrefWidth(150);
        table.getColumns().add(state);
        TableRows.mark(table, r -> r.saved != null, "saved-row");
        Label savedLine = new Label();
        savedLine.setId("shiftSaved");
        savedLine.getStyleClass().add("shift-saved");
        savedLine.textProperty().bind(model.savedLineProperty());
        Label hint = new Label(Messages.t(canRecord ? "daily.hint" : "daily.viewOnly"));
        hint.setWrapText(true);
        root = new VBox(10, bar, savedLine, hint, table);
        FormKeys.saveShortcut(root, save);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.setPadding(new Insets(10));
        // Opens on the group this user worked on last. Nothing can be unsaved yet, so the rows load at once rather
        // than through the switch's question.
        model.loadGroups(lastGroup, g -> {
            puttingBack = true;
            try {
                group.setValue(g);
            } finally {
                puttingBack = false;
            }
            load();
        });
    }

    /** The rows' unsaved changes, asked about by the shell when the user leaves the shift log. */
    @Override
    public UnsavedChanges changes() {
        return changes;
    }

    private final UnsavedChanges changes = new UnsavedChanges() {
        @Override
        public boolean isDirty() {
            return model.isDirty();
        }

        @Override
        public void save(Consumer<Boolean> done) {
            DailyShiftModule.this.save(false, done);
        }

        @Override
        public void discard() {
            model.discard();
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

    private <T extends Coded> TableColumn<Row, T> choice(
            String key, T[] values, Function<Row, ObjectProperty<T>> prop) {
        TableColumn<Row, T> c = new TableColumn<>(Messages.t(key));
        c.setCellValueFactory(cd -> prop.apply(cd.getValue()));
        c.setCellFactory(EditableCells.choice(Converters.coded(), values));
        c.setPrefWidth(95);
        return c;
    }

    private static TableColumn<Row, String> text(
            String key, Function<Row, ObservableValue<String>> prop, double width) {
        TableColumn<Row, String> c = new TableColumn<>(Messages.t(key));
        c.setCellValueFactory(cd -> prop.apply(cd.getValue()));
        c.setCellFactory(EditableCells.text());
        c.setPrefWidth(width);
        return c;
    }

    private void load() {
        date.commitText();
        model.load();
    }

    /** Saves the rows shown, the cell being typed in included. */
    private void save(boolean reload, Consumer<Boolean> done) {
        EditableCells.commitPendingEdits();
        model.save(reload, done, this::askMeanwhile);
    }

    /**
     * Another PC saved some of these children's rows after they were shown here: the user decides, nothing is
     * replaced unseen. Save mine (theirs kept as corrected), show theirs in those rows (the others keep what was
     * typed), or go back to the form as it is.
     */
    private Meanwhile askMeanwhile(ShiftSavedMeanwhileException meanwhile, String names) {
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
        return chosen == mine ? Meanwhile.SAVE_MINE : chosen == theirs ? Meanwhile.SHOW_THEIRS : Meanwhile.BACK;
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
