package org.huyou.common.ui;

import java.util.Objects;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import javafx.util.Callback;
import javafx.util.StringConverter;
import javafx.util.converter.DefaultStringConverter;

/**
 * The cells of every editable table. JavaFX's own text cell keeps typed text only on Enter: a click on another cell,
 * another control or window, or a scroll dropped it. These keep it: what is typed is the cell's value as soon as the
 * typing stops being the focus, and only Esc gives it up.
 */
public final class EditableCells {

    private EditableCells() {}

    /** A text cell that keeps what is typed when the focus moves away, not only on Enter. */
    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> text() {
        return text(new DefaultStringConverter());
    }

    public static <S, T> Callback<TableColumn<S, T>, TableCell<S, T>> text(StringConverter<T> converter) {
        return column -> new TextCell<>(converter);
    }

    /**
     * A choice cell: a pick is the value at once (JavaFX's combo box cell commits on selection), so nothing chosen
     * waits for Enter either.
     */
    @SafeVarargs
    public static <S, T> Callback<TableColumn<S, T>, TableCell<S, T>> choice(
            StringConverter<T> converter, T... values) {
        return ComboBoxTableCell.forTableColumn(converter, values);
    }

    /**
     * Takes over what is being typed in a cell of any window (before a save, or before asking whether to leave): the
     * idle lock and a window closing move no focus, so the cell would not know on its own.
     */
    public static void commitPendingEdits() {
        for (Window w : Window.getWindows().toArray(Window[]::new)) {
            Scene scene = w.getScene();
            Node n = scene == null ? null : scene.getFocusOwner();
            for (; n != null; n = n.getParent()) {
                if (n instanceof TextCell<?, ?> cell) {
                    cell.keep();
                    break;
                }
            }
        }
    }

    /** A text cell whose typed text becomes the value on Enter, on focus loss and when the table ends the edit. */
    static final class TextCell<S, T> extends TableCell<S, T> {

        private final StringConverter<T> converter;
        private TextField field;
        private TablePosition<S, T> startedAt;
        private S startedOn;
        private T startedWith;
        private boolean escaping;

        TextCell(StringConverter<T> converter) {
            this.converter = converter;
            getStyleClass().add("text-field-table-cell");
        }

        @Override
        public void startEdit() {
            TableView<S> table = getTableView();
            if (!isEditable()
                    || table == null
                    || !table.isEditable()
                    || !getTableColumn().isEditable()) {
                return;
            }
            super.startEdit();
            if (!isEditing()) {
                return;
            }
            startedAt = new TablePosition<>(table, getIndex(), getTableColumn());
            startedOn = getTableRow() == null ? null : getTableRow().getItem();
            startedWith = getItem();
            if (field == null) {
                field = makeField();
            }
            field.setText(converter.toString(getItem()));
            setText(null);
            setGraphic(field);
            field.selectAll();
            field.requestFocus();
        }

        private TextField makeField() {
            TextField f = new TextField();
            f.setOnAction(e -> {
                keep();
                e.consume();
            });
            f.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    escaping = true;
                    try {
                        cancelEdit();
                    } finally {
                        escaping = false;
                    }
                    e.consume();
                }
            });
            f.focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    keep();
                }
            });
            return f;
        }

        /** What is typed becomes the value and the edit ends. */
        void keep() {
            if (isEditing() && field != null) {
                commitEdit(converter.fromString(field.getText()));
            }
        }

        /**
         * The table ends the edit (another cell clicked, a scroll reusing this cell, the list sorted): the typed text
         * still goes to the row it was typed for, unless Esc asked to drop it or that row is no longer listed.
         */
        @Override
        public void cancelEdit() {
            if (!escaping && isEditing() && field != null && startedAt != null) {
                T typed = converter.fromString(field.getText());
                TableView<S> table = getTableView();
                int row = startedAt.getRow();
                if (!Objects.equals(typed, startedWith)
                        && table != null
                        && row >= 0
                        && row < table.getItems().size()
                        && table.getItems().get(row) == startedOn) {
                    Event.fireEvent(
                            getTableColumn(),
                            new TableColumn.CellEditEvent<>(table, startedAt, TableColumn.editCommitEvent(), typed));
                }
            }
            super.cancelEdit();
            startedAt = null;
            startedOn = null;
            startedWith = null;
            setText(converter.toString(getItem()));
            setGraphic(null);
        }

        @Override
        public void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            if (empty) {
                setText(null);
                setGraphic(null);
            } else if (isEditing() && field != null) {
                setText(null);
                setGraphic(field);
            } else {
                setText(converter.toString(item));
                setGraphic(null);
            }
        }
    }
}
