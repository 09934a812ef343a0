package org.huyou.common.ui;

import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;

/**
 * A cell of a sentence that wraps to its column's width beside an optional warning icon, its row growing to show it
 * whole (a warning cut to "…" in a narrow pane is not read), as {@link Columns#wrapped} does for plain text; the icon
 * is never the only sign (the sentence says it), and the tooltip repeats a marked sentence.
 */
public final class MarkedTextCell<S> extends TableCell<S, S> {

    /** What a row's cell shows: its sentence (null: nothing) and whether it is marked with the icon. */
    public record Shown(String text, boolean marked) {}

    /** Room for the icon and the gap beside it, besides the cell's own inset. */
    static final double ICON_ROOM = 22;

    private final Text text = new Text();
    private final Node icon = Icons.WARNING.icon();
    private final HBox box = new HBox(4, icon, text);
    private final Function<S, Shown> shown;

    private MarkedTextCell(TableColumn<S, S> column, Function<S, Shown> shown) {
        this.shown = shown;
        text.wrappingWidthProperty().bind(column.widthProperty().subtract(Columns.WRAPPED_INSET + ICON_ROOM));
        text.getStyleClass().add("text"); // the cell's font and colour, as its own text would have
        setPrefHeight(Control.USE_COMPUTED_SIZE);
        // level with the row's other cells, which the app's style centres (a one-line dose stood at the row's top)
        box.setAlignment(Pos.CENTER_LEFT);
    }

    /** Makes {@code column}'s cells this way; its cell value must be the row itself. */
    public static <S> void on(TableColumn<S, S> column, Function<S, Shown> shown) {
        column.getProperties().put(Columns.WRAPS, Boolean.TRUE);
        column.setCellFactory(c -> new MarkedTextCell<>(c, shown));
    }

    @Override
    protected void updateItem(S row, boolean empty) {
        super.updateItem(row, empty);
        Shown s = empty || row == null ? null : shown.apply(row);
        setText(null);
        if (s == null || s.text() == null || s.text().isEmpty()) {
            text.setText("");
            setGraphic(null);
            setTooltip(null);
            return;
        }
        text.setText(s.text());
        icon.setVisible(s.marked());
        icon.setManaged(s.marked());
        setGraphic(box);
        setTooltip(s.marked() ? new Tooltip(s.text()) : null);
    }
}
