package org.huyou.common.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.Property;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;

/** Fresh rows for a table after a reload, keeping the row the user had selected (matched by id). */
public final class TableRows {

    private TableRows() {}

    /** Row height of a table sized to its rows (fits the default and the large font setting's one line). */
    static final double ROW = 30;
    /** The header and the border around the rows. */
    static final double HEADER = 34;

    /**
     * Sizes a short table inside a scrolled page to show all its rows (at least {@code minRows}, for the placeholder),
     * so a handful of entries is never hidden behind a table's own scroll bar two rows high.
     */
    public static <T> void fitToRows(TableView<T> table, int minRows) {
        fitToRows(table, minRows, Integer.MAX_VALUE);
    }

    /**
     * As {@link #fitToRows(TableView, int)}, but no taller than {@code maxRows}: a list of thousands (the reminders
     * of a large home) scrolls in its own table, whose rows are made as they come into view, instead of every row
     * being laid out at once on the JavaFX thread (18,000 rows held it for many seconds).
     */
    public static <T> void fitToRows(TableView<T> table, int minRows, int maxRows) {
        table.setFixedCellSize(ROW);
        DoubleProperty frame = frame(table);
        table.prefHeightProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> frame.get()
                                + ROW
                                        * Math.min(
                                                maxRows,
                                                Math.max(
                                                        minRows,
                                                        table.getItems().size())),
                        table.getItems(),
                        frame));
        table.minHeightProperty().bind(table.prefHeightProperty());
        table.maxHeightProperty().bind(table.prefHeightProperty());
    }

    /**
     * The table's header and border as the theme and the font size lay them out (40 in the app's theme, not the
     * toolkit's 34, which cut the last row short); {@link #HEADER} until the table has its skin.
     */
    static DoubleProperty frame(TableView<?> t) {
        DoubleProperty frame = new SimpleDoubleProperty(HEADER);
        Runnable measure = () -> {
            if (t.lookup(".column-header-background") instanceof Region header) {
                InvalidationListener update = x -> frame.set(Math.max(
                        HEADER,
                        header.getHeight()
                                + t.getInsets().getTop()
                                + t.getInsets().getBottom()));
                header.heightProperty().addListener(update);
                t.insetsProperty().addListener(update);
                update.invalidated(null);
            }
        };
        if (t.getSkin() != null) {
            measure.run();
        } else {
            t.skinProperty().addListener((o, was, skin) -> measure.run());
        }
        return frame;
    }

    /** The style class of a row that is overdue; its state column also says so in words, with an icon. */
    public static final String OVERDUE = "overdue-row";

    /** Rows that open their record on a double-click or on Enter. */
    public static <T> void open(TableView<T> table, Consumer<T> open) {
        openAndMark(table, open, null, null);
    }

    /** Rows that carry {@code styleClass} while {@code marked} holds for their item (a voided or saved row). */
    public static <T> void mark(TableView<T> table, Predicate<T> marked, String styleClass) {
        openAndMark(table, null, marked, styleClass);
    }

    /**
     * Rows that open their record on a double-click or on Enter (null: they open nothing), and carry
     * {@code styleClass} while {@code marked} holds for their item (null: no marking). One row factory for both:
     * a table has only one.
     */
    public static <T> void openAndMark(TableView<T> table, Consumer<T> open, Predicate<T> marked, String styleClass) {
        table.setRowFactory(tv -> new TableRow<>() {
            {
                setOnMouseClicked(e -> {
                    if (open != null && e.getClickCount() == 2 && !isEmpty() && getItem() != null) {
                        open.accept(getItem());
                    }
                });
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (marked == null) {
                    return;
                }
                getStyleClass().remove(styleClass);
                if (!empty && item != null && marked.test(item)) {
                    getStyleClass().add(styleClass);
                }
            }
        });
        if (open != null) {
            table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
                T selected = table.getSelectionModel().getSelectedItem();
                if (e.getCode() == KeyCode.ENTER && selected != null) {
                    open.accept(selected);
                    e.consume();
                }
            });
        }
    }

    /**
     * The table's selection and a ViewModel's selected row as one: a click selects in the ViewModel, and the row the
     * ViewModel selects (after a reload, {@link KeptSelection}) is selected in the table.
     */
    public static <T> void follow(TableView<T> table, Property<T> selected) {
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> selected.setValue(b));
        selected.addListener((o, a, b) -> {
            if (b == null) {
                table.getSelectionModel().clearSelection();
            } else if (b != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(b);
            }
        });
    }

    public static <T> void replaceKeepingSelection(TableView<T> table, List<T> rows, ToLongFunction<T> id) {
        T selected = table.getSelectionModel().getSelectedItem();
        table.getItems().setAll(rows);
        if (selected != null) {
            long was = id.applyAsLong(selected);
            rows.stream()
                    .filter(x -> id.applyAsLong(x) == was)
                    .findFirst()
                    .ifPresent(x -> table.getSelectionModel().select(x));
        }
    }
}
