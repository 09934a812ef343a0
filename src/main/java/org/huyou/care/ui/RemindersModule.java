package org.huyou.care.ui;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.huyou.care.CareDomain;
import org.huyou.care.Reminder;
import org.huyou.care.ReminderService;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.OverridableRefusal;
import org.huyou.common.UserFacingException;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.ModuleView;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;

/**
 * What is due for the logged-in user, from every part they may see, grouped by kind (doses, follow-ups, reviews...):
 * each group under a heading with its count that folds away, the group with the first overdue reminder on top, and
 * in each group overdue first, marked in words and coloured. A reminder dealt with from here
 * (a dose given) stays in its row, marked and with 撤销 in place of its buttons, until the list is refreshed (F5 or
 * coming back), so the next row never slides under the pointer; the notice that confirms it offers 撤销 as well.
 */
public final class RemindersModule implements ModuleView {

    /** How long the notice with 撤销 stays up. */
    static final double UNDO_NOTICE_SECONDS = 8;

    private final ReminderService reminders;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    /**
     * Given how many are due now after the list was loaded or a reminder dealt with: the sidebar's count follows,
     * counted from the list shown rather than loaded a second time.
     */
    private final java.util.function.IntConsumer onCounted;
    /** The list as last loaded, dealt-with rows included. */
    private java.util.List<Reminder> shown = java.util.List.of();
    /** One table per kind, in the order shown. */
    private final Map<CareDomain, TableView<Reminder>> tables = new java.util.LinkedHashMap<>();
    /** The kinds the user folded away: they stay folded when the list is loaded again. */
    private final java.util.Set<CareDomain> folded = java.util.EnumSet.noneOf(CareDomain.class);
    /** Each reminder's place in the whole list as shown (group after group): its buttons' ids carry it. */
    private final Map<Reminder, Integer> positions = new IdentityHashMap<>();
    /** The rows dealt with since the last refresh: what was done and how to take it back (null: no way back). */
    private final Map<Reminder, Done> done = new IdentityHashMap<>();

    private final VBox groups = new VBox(6);
    /** Narrows every group to the rows whose child or task matches (characters, pinyin or its initials). */
    private final javafx.scene.control.TextField filter = new javafx.scene.control.TextField();
    /** How many are due today or overdue (the sidebar's number) and how many come up later. */
    private final Label summary = new Label();

    private final Label none = new Label(Messages.t("reminders.none"));
    private final VBox root;

    private record Done(String label, Runnable undo) {}

    public RemindersModule(
            ReminderService reminders,
            TaskRunner tasks,
            DialogService dialogs,
            java.util.function.IntConsumer onCounted) {
        this.reminders = reminders;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.onCounted = onCounted;
        Label title = new Label(Messages.t("nav.reminders"));
        title.getStyleClass().add("form-heading");
        none.setId("remindersNone");
        none.getStyleClass().add("empty-hint");
        none.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(groups.getChildren()));
        none.managedProperty().bind(none.visibleProperty());
        groups.setId("reminderGroups");
        filter.setId("reminderFilter");
        org.huyou.common.ui.InlineForms.searchBox(filter);
        filter.setPromptText(Messages.t("reminders.filter"));
        filter.setPrefColumnCount(24);
        org.huyou.common.ui.HintWidth.fit(filter);
        filter.textProperty().addListener((o, was, is) -> show(shown));
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                filter.clear();
            }
        });
        summary.setId("reminderSummary");
        summary.setWrapText(true);
        javafx.scene.layout.HBox head = new javafx.scene.layout.HBox(12, title, filter, summary);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(groups);
        scroll.setFitToWidth(true);
        root = new VBox(8, head, none, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.setPadding(new Insets(10));
        refresh();
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
        table.getColumns()
                .add(Columns.text(
                        "reminders.col.state",
                        r -> done.containsKey(r)
                                ? Messages.t("reminders.doneMark", done.get(r).label())
                                : Messages.t(r.overdue() ? "reminders.overdue" : "reminders.due"),
                        90));
        table.getColumns().add(Columns.text("reminders.col.date", r -> Dates.format(r.due()), 100));
        table.getColumns().add(Columns.text("residents.col.name", Reminder::residentName, 90));
        table.getColumns().add(warningColumn());
        // The buttons before the long text: they must be whole at 1366 wide; the text takes what is left.
        table.getColumns().add(actionsColumn());
        table.getColumns().add(Columns.text("reminders.col.what", Reminder::what, 300));
        return table;
    }

    /** A list freshly loaded: what was dealt with before is in it no more (or is due again). */
    private void loaded(java.util.List<Reminder> list) {
        shown = list;
        done.clear();
        show(list);
    }

    /**
     * Shows the rows the filter lets through grouped by kind, in the order of each kind's first (most pressing)
     * reminder; what was dealt with stays marked while the filter changes.
     */
    private void show(java.util.List<Reminder> list) {
        positions.clear();
        String q = filter.getText();
        none.setText(Messages.t(q == null || q.isBlank() ? "reminders.none" : "reminders.noneMatch"));
        Map<CareDomain, java.util.List<Reminder>> byKind = new java.util.LinkedHashMap<>();
        list.stream()
                .filter(r -> matches(r, q))
                .forEach(r -> byKind.computeIfAbsent(r.domain(), d -> new java.util.ArrayList<>())
                        .add(r));
        tables.clear();
        java.util.List<Node> panes = new java.util.ArrayList<>();
        byKind.forEach((domain, rows) -> {
            rows.forEach(r -> positions.put(r, positions.size()));
            TableView<Reminder> table = table(domain);
            table.getItems().setAll(rows);
            tables.put(domain, table);
            long overdue = rows.stream().filter(Reminder::overdue).count();
            TitledPane pane = new TitledPane(title(domain, rows), table);
            pane.setId("reminderGroup_" + domain.name());
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
        });
        groups.getChildren().setAll(panes);
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
                Done d = done.get(r);
                if (d != null) {
                    if (d.undo() != null) {
                        Button undo = new Button(Messages.t("reminders.undo"));
                        undo.getStyleClass().add("small");
                        undo.setId("reminder_UNDO_" + positions.get(r));
                        undo.setOnAction(e -> undo(r, buttons));
                        buttons.getChildren().add(undo);
                    }
                    setGraphic(buttons);
                    return;
                }
                for (Reminder.Action a : r.actions()) {
                    Button b = new Button(a.label());
                    b.getStyleClass().add("small");
                    b.setId("reminder_" + a.id() + "_" + positions.get(r));
                    b.setOnAction(e -> perform(r, a, buttons));
                    buttons.getChildren().add(b);
                }
                setGraphic(buttons);
            }
        });
        c.setPrefWidth(220);
        return c;
    }

    private void perform(Reminder r, Reminder.Action a, Node buttons) {
        perform(r, a, buttons, a.act());
    }

    /**
     * Runs one way of dealing with the reminder. A safety refusal this user may set aside (a dose despite an
     * allergy) shows its sentence and asks for the reason; only with one is it done, through the action's override.
     */
    private void perform(Reminder r, Reminder.Action a, Node buttons, Supplier<Runnable> how) {
        buttons.setDisable(true);
        tasks.run(
                () -> Optional.ofNullable(how.get()),
                undo -> {
                    done.put(r, new Done(a.label(), undo.orElse(null)));
                    tables.values().forEach(TableView::refresh);
                    counted();
                    String text = Messages.t("reminders.doneNotice", r.residentName(), a.label());
                    if (undo.isPresent()) {
                        dialogs.notifyWithAction(
                                text, Messages.t("reminders.undo"), () -> undo(r, null), UNDO_NOTICE_SECONDS);
                    } else {
                        dialogs.notifySuccess(text);
                    }
                },
                failure -> {
                    buttons.setDisable(false);
                    if (failure instanceof OverridableRefusal refusal
                            && refusal.mayOverride()
                            && a.withReason() != null) {
                        dialogs.askReason(
                                        Messages.t("reminders.overrideTitle", r.residentName(), a.label()),
                                        UserFacingException.describe(failure),
                                        Messages.t("reminders.overrideReason"),
                                        Messages.t("reminders.overrideDo", a.label()),
                                        refusal.minReasonLength())
                                .ifPresent(reason -> perform(
                                        r, a, buttons, () -> a.withReason().apply(reason)));
                    } else {
                        dialogs.showError(failure);
                    }
                });
    }

    /** Takes back what was done from this row; the row shows its buttons again (the dose is due again). */
    private void undo(Reminder r, Node buttons) {
        Done d = done.get(r);
        if (d == null || d.undo() == null) {
            return; // already undone (from the notice or the row)
        }
        if (buttons != null) {
            buttons.setDisable(true);
        }
        tasks.run(
                () -> {
                    d.undo().run();
                    return true;
                },
                ok -> {
                    done.remove(r);
                    tables.values().forEach(TableView::refresh);
                    counted();
                    dialogs.notifySuccess(Messages.t("reminders.undone", r.residentName()));
                },
                failure -> {
                    if (buttons != null) {
                        buttons.setDisable(false);
                    }
                    dialogs.showError(failure);
                });
    }

    /** Whether the filter lets the reminder through: the child's name (or its pinyin) or the task's words. */
    static boolean matches(Reminder r, String query) {
        String q = query == null ? "" : query.strip();
        return q.isEmpty()
                || org.huyou.common.Pinyin.matches(r.residentName(), q)
                || (r.what() != null && r.what().contains(q))
                || r.domain().label().contains(q);
    }

    /** Tells the sidebar how many of the rows shown, not yet dealt with here, are due now. */
    private void counted() {
        java.util.List<Reminder> open =
                shown.stream().filter(r -> !done.containsKey(r)).toList();
        int dueNow = ReminderService.countDueNow(open, reminders.today());
        onCounted.accept(dueNow);
        // what the sidebar's number counts, and the headings without what was dealt with here
        summary.setText(Messages.t("reminders.summary", dueNow, open.size() - dueNow));
        groups.getChildren().forEach(n -> {
            if (n instanceof TitledPane pane && pane.getContent() instanceof TableView<?> table) {
                CareDomain domain = CareDomain.valueOf(pane.getId().substring("reminderGroup_".length()));
                pane.setText(title(
                        domain,
                        table.getItems().stream().map(Reminder.class::cast).toList()));
            }
        });
    }

    /** A group's heading: its kind, how many are still to do and how many of those are overdue. */
    private String title(CareDomain domain, java.util.List<Reminder> rows) {
        java.util.List<Reminder> open =
                rows.stream().filter(r -> !done.containsKey(r)).toList();
        long overdue = open.stream().filter(Reminder::overdue).count();
        return overdue == 0
                ? Messages.t("reminders.group", domain.label(), open.size())
                : Messages.t("reminders.groupOverdue", domain.label(), open.size(), overdue);
    }

    @Override
    public void refresh() {
        tasks.run(
                reminders::due,
                list -> {
                    loaded(list);
                    counted();
                },
                dialogs::showError);
    }

    @Override
    public Node node() {
        return root;
    }
}
