package org.huyou.care.ui;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.huyou.care.Reminder;
import org.huyou.care.ReminderService;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.ModuleView;
import org.huyou.common.ui.TaskRunner;

/** What is due for the logged-in user, from every part they may see: overdue first. */
public final class RemindersModule implements ModuleView {

    private final ReminderService reminders;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final TableView<Reminder> table = new TableView<>();
    private final VBox root;

    public RemindersModule(ReminderService reminders, TaskRunner tasks, DialogService dialogs) {
        this.reminders = reminders;
        this.tasks = tasks;
        this.dialogs = dialogs;
        table.setId("reminderTable");
        table.setPlaceholder(new Label(Messages.t("reminders.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Columns.text("reminders.col.state", r -> Messages.t(r.overdue()
                ? "reminders.overdue" : "reminders.due"), 80));
        table.getColumns().add(Columns.text("reminders.col.date", r -> Dates.format(r.due()), 100));
        table.getColumns().add(Columns.text("reminders.col.domain", r -> r.domain().label(), 90));
        table.getColumns().add(Columns.text("residents.col.name", Reminder::residentName, 90));
        table.getColumns().add(Columns.text("reminders.col.what", Reminder::what, 300));
        table.getColumns().add(actionsColumn());
        Label title = new Label(Messages.t("nav.reminders"));
        title.getStyleClass().add("form-heading");
        root = new VBox(8, title, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.setPadding(new Insets(10));
        refresh();
    }

    /** The one-click ways to deal with a reminder (a dose: given, refused, missed). */
    private javafx.scene.control.TableColumn<Reminder, Reminder> actionsColumn() {
        javafx.scene.control.TableColumn<Reminder, Reminder> c =
                new javafx.scene.control.TableColumn<>(Messages.t("reminders.col.actions"));
        c.setCellValueFactory(cd -> new javafx.beans.property.SimpleObjectProperty<>(cd.getValue()));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Reminder r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null || r.actions().isEmpty()) {
                    setGraphic(null);
                    return;
                }
                javafx.scene.layout.HBox buttons = new javafx.scene.layout.HBox(6);
                for (Reminder.Action a : r.actions()) {
                    javafx.scene.control.Button b = new javafx.scene.control.Button(a.label());
                    b.getStyleClass().add("small");
                    b.setId("reminder_" + a.id() + "_" + getIndex());
                    b.setOnAction(e -> {
                        buttons.setDisable(true);
                        tasks.run(() -> {
                            a.perform().run();
                            return true;
                        }, ok -> refresh(), failure -> {
                            buttons.setDisable(false);
                            dialogs.showError(failure);
                        });
                    });
                    buttons.getChildren().add(b);
                }
                setGraphic(buttons);
            }
        });
        c.setPrefWidth(220);
        return c;
    }

    @Override
    public void refresh() {
        tasks.run(reminders::due, table.getItems()::setAll, dialogs::showError);
    }

    @Override
    public Node node() {
        return root;
    }
}
