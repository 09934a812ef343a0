package org.huyou.common.ui;

import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Control;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;
import org.huyou.common.HiddenCharacters;
import org.huyou.common.Messages;

/** Table columns of text, headed by a translated key. */
public final class Columns {

    private Columns() {}

    public static <S> TableColumn<S, String> text(String headerKey, Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>(Messages.t(headerKey));
        // text stored before hidden characters were refused shows them as □, never reversed or spoofed
        c.setCellValueFactory(cd -> new SimpleStringProperty(HiddenCharacters.shown(value.apply(cd.getValue()))));
        c.setPrefWidth(width);
        return c;
    }

    /** The property a column made by {@link #wrapped} carries: its cells wrap, it is not widened to fit them. */
    public static final String WRAPS = "huyou.column.wraps";

    /** What a wrapped cell's text leaves of its column's width: the cell's padding on both sides. */
    static final double WRAPPED_INSET = 16;

    /**
     * A column of sentences (an import's problems): each cell wraps its text to the column's width and its row grows
     * to show all of it, so a long sentence is read whole without scrolling sideways.
     */
    public static <S> TableColumn<S, String> wrapped(String headerKey, Function<S, String> value, double width) {
        TableColumn<S, String> c = text(headerKey, value, width);
        c.getProperties().put(WRAPS, Boolean.TRUE);
        c.setCellFactory(col -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(WRAPPED_INSET));
                text.getStyleClass().add("text"); // the cell's font and colour, as its own text would have
                setPrefHeight(Control.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty || item == null ? null : text);
                setText(null);
            }
        });
        return c;
    }

    /**
     * A state column that shows {@code icon} and the text of {@code textKey} where {@code flagged} holds (overdue),
     * so the state is never told by colour alone.
     */
    public static <S> TableColumn<S, S> flag(
            String headerKey, Predicate<S> flagged, Icons icon, String textKey, double width) {
        TableColumn<S, S> c = new TableColumn<>(Messages.t(headerKey));
        c.setCellValueFactory(cd -> new SimpleObjectProperty<>(cd.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(S item, boolean empty) {
                super.updateItem(item, empty);
                boolean on = !empty && item != null && flagged.test(item);
                setText(on ? Messages.t(textKey) : null);
                setGraphic(on ? icon.icon() : null);
            }
        });
        c.setComparator((a, b) -> Boolean.compare(flagged.test(b), flagged.test(a)));
        c.setPrefWidth(width);
        return c;
    }
}
