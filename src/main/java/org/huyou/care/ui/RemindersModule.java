package org.huyou.care.ui;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.huyou.care.CareDomain;
import org.huyou.care.Reminder;
import org.huyou.care.ReminderService;
import org.huyou.care.ui.RemindersViewModel.Group;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.OverridableRefusal;
import org.huyou.common.UserFacingException;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.HintWidth;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.PageModule;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;

/**
 * What is due for the logged-in user (the View of {@link RemindersViewModel}), from every part they may see, grouped
 * by kind (doses, follow-ups, reviews...): each group under a heading with its count that folds away, the group with
 * the first overdue reminder on top, and in each group overdue first, marked in words and coloured. A reminder dealt
 * with from here (a dose given) stays in its row, marked and with 撤销 in place of its buttons, until the list is
 * refreshed (F5 or coming back), so the next row never slides under the pointer; the notice that confirms it offers
 * 撤销 as well.
 */
public final class RemindersModule extends PageModule {

    private final RemindersViewModel model;
    private final DialogService dialogs;
    /** One table per kind, in the order shown. */
    private final Map<CareDomain, TableView<Reminder>> tables = new LinkedHashMap<>();
    /** The kinds the user folded away: they stay folded when the list is loaded again. */
    private final Set<CareDomain> folded = EnumSet.noneOf(CareDomain.class);
    /** Each reminder's place in the whole list as shown (group after group): its buttons' ids carry it. */
    private final Map<Reminder, Integer> positions = new IdentityHashMap<>();

    private final VBox groups = new VBox(6);
    private final Label none = new Label(Messages.t("reminders.none"));

    public RemindersModule(ReminderService reminders, TaskRunner tasks, DialogService dialogs, IntConsumer onCounted) {
        this.model = new RemindersViewModel(reminders, tasks, dialogs, onCounted);
        this.dialogs = dialogs;
        Label title = new Label(Messages.t("nav.reminders"));
        title.getStyleClass().add("form-heading");
        none.setId("remindersNone");
        none.getStyleClass().add("empty-hint");
        none.visibleProperty().bind(Bindings.isEmpty(groups.getChildren()));
        none.managedProperty().bind(none.visibleProperty());
        groups.setId("reminderGroups");
        TextField filter = InlineForms.bound(new TextField(), model.filter);
        filter.setId("reminderFilter");
        InlineForms.searchBox(filter);
        filter.setPromptText(Messages.t("reminders.filter"));
        filter.setPrefColumnCount(24);
        HintWidth.fit(filter);
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                filter.clear();
            }
        });
        Label summary = new Label();
        summary.setId("reminderSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        HBox head = new HBox(12, title, filter, summary);
        head.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(groups);
        scroll.setFitToWidth(true);
        VBox root = new VBox(8, head, none, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.setPadding(new Insets(10));
        model.groups().addListener((ListChangeListener<Group>) c -> show());
        model.filter.addListener((o, was, is) -> none.setText(model.noneText()));
        model.setOnDealt(this::dealt);
        showPage(root, model::refresh);
    }

    /** The most rows a group's table shows at once. */
    static final int MAX_ROWS = 20;

    /**
     * The table of one kind's reminders, sized to its rows up to {@value #MAX_ROWS} (the page scrolls, not each group;
     * a longer group scrolls in its table, so that thousands of rows are not all laid out at once).
     */
    private TableView<Reminder> table(CareDomain domain) {
        TableView<Reminder> table = new TableView<>();
        table.setId("reminderTable_" + domain.name());
        table.getStyleClass().add("reminder-table");
        table.setPlaceholder(new Label(Messages.t("reminders.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableRows.fitToRows(table, 1, MAX_ROWS);
        TableRows.mark(table, Reminder::overdue, TableRows.OVERDUE);
        table.getColumns().add(Columns.text("reminders.col.state", model::state, 90));
        table.getColumns().add(Columns.text("reminders.col.date", r -> Dates.format(r.due()), 100));
        table.getColumns().add(Columns.text("residents.col.name", Reminder::residentName, 90));
        table.getColumns().add(warningColumn());
        // The buttons before the long text: they must be whole at 1366 wide; the text takes what is left.
        table.getColumns().add(actionsColumn());
        table.getColumns().add(Columns.text("reminders.col.what", Reminder::what, 300));
        return table;
    }

    /** One folding pane per group the ViewModel shows; what was dealt with stays marked while the filter changes. */
    private void show() {
        positions.clear();
        none.setText(model.noneText());
        tables.clear();
        List<Node> panes = new ArrayList<>();
        for (Group g : model.groups()) {
            CareDomain domain = g.domain();
            g.rows().forEach(r -> positions.put(r, positions.size()));
            TableView<Reminder> table = table(domain);
            table.getItems().setAll(g.rows());
            tables.put(domain, table);
            long overdue = g.rows().stream().filter(Reminder::overdue).count();
            TitledPane pane = new TitledPane(model.title(g), table);
            pane.setId("reminderGroup_" + domain.name());
            pane.setUserData(g);
            if (overdue > 0) {
                pane.setGraphic(Icons.WARNING.icon());
                pane.getStyleClass().add("reminder-group-overdue");
            }
            pane.setExpanded(!folded.contains(domain));
            pane.expandedProperty().addListener((o, was, is) -> {
                if (is) {
                    folded.remove(domain);
                } else {
                    folded.add(domain);
                }
            });
            panes.add(pane);
        }
        groups.getChildren().setAll(panes);
    }

    /** The rows' marks and buttons, and the headings without what was dealt with here. */
    private void dealt() {
        tables.values().forEach(TableView::refresh);
        groups.getChildren().forEach(n -> {
            if (n instanceof TitledPane pane && pane.getUserData() instanceof Group g) {
                pane.setText(model.title(g));
            }
        });
    }

    /** A safety warning (a dose of a drug the child is allergic to): an icon and a word, the sentence on hover. */
    private TableColumn<Reminder, Reminder> warningColumn() {
        TableColumn<Reminder, Reminder> c = new TableColumn<>(Messages.t("reminders.col.warning"));
        c.setCellValueFactory(cd -> new SimpleObjectProperty<>(cd.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Reminder r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null || r.warning() == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                setGraphic(Icons.WARNING.icon());
                setText(Messages.t("reminders.allergyMark"));
                setTooltip(new Tooltip(r.warning()));
            }
        });
        c.setPrefWidth(90);
        return c;
    }

    /** The one-click ways to deal with a reminder (a dose: given, refused, missed), or 撤销 once one was used. */
    private TableColumn<Reminder, Reminder> actionsColumn() {
        TableColumn<Reminder, Reminder> c = new TableColumn<>(Messages.t("reminders.col.actions"));
        c.setCellValueFactory(cd -> new SimpleObjectProperty<>(cd.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Reminder r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null || r.actions().isEmpty()) {
                    setGraphic(null);
                    return;
                }
                HBox buttons = new HBox(6);
                if (model.isDone(r)) {
                    if (model.canUndo(r)) {
                        Button undo = new Button(Messages.t("reminders.undo"));
                        undo.getStyleClass().add("small");
                        undo.setId("reminder_UNDO_" + positions.get(r));
                        undo.setOnAction(e -> {
                            buttons.setDisable(true);
                            model.undo(r, () -> buttons.setDisable(false));
                        });
                        buttons.getChildren().add(undo);
                    }
                    setGraphic(buttons);
                    return;
                }
                for (Reminder.Action a : r.actions()) {
                    Button b = new Button(a.label());
                    b.getStyleClass().add("small");
                    b.setId("reminder_" + a.id() + "_" + positions.get(r));
                    b.setOnAction(e -> {
                        buttons.setDisable(true);
                        model.perform(
                                r,
                                a,
                                () -> buttons.setDisable(false),
                                (failure, refusal) -> askReason(r, a, failure, refusal));
                    });
                    buttons.getChildren().add(b);
                }
                setGraphic(buttons);
            }
        });
        c.setPrefWidth(220);
        return c;
    }

    /** A safety refusal this user may set aside: its sentence, and the reason to do it anyway. */
    private Optional<String> askReason(Reminder r, Reminder.Action a, Throwable failure, OverridableRefusal refusal) {
        return dialogs.askReason(
                Messages.t("reminders.overrideTitle", r.residentName(), a.label()),
                UserFacingException.describe(failure),
                Messages.t("reminders.overrideReason"),
                Messages.t("reminders.overrideDo", a.label()),
                refusal.minReasonLength());
    }
}
