package org.huyou.common.ui;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

/**
 * Every choice box's skin (huyou.css sets it for {@code .combo-box}): as wide as its widest choice, in either language
 * and at any font size, and never squeezed narrower. The toolkit sizes it by the value shown and, until its list has
 * been opened once, guesses the list's width: "Individual" showed as "Individu…" in English.
 */
public class FittedComboBoxSkin<T> extends ComboBoxListViewSkin<T> {

    /** Choices measured at most: a long list's widest is very likely among them, and measuring is not free. */
    private static final int MEASURED = 500;
    /** The widest text a choice box grows to show. */
    private static final double WIDEST = 560;

    private final ComboBox<T> box;

    public FittedComboBoxSkin(ComboBox<T> box) {
        super(box);
        this.box = box;
        if (box.getButtonCell() == null) {
            box.setButtonCell(new PromptCell<>(box));
        }
    }

    /**
     * The value shown, and the hint (请选择) while there is none. The toolkit's own cell, once a choice was picked from
     * the list, was left blank when a form set its value back to none after a save: the hint is the cell's own text
     * when empty, whichever way the cell is emptied.
     */
    static final class PromptCell<T> extends javafx.scene.control.ListCell<T> {
        private final ComboBox<T> box;

        PromptCell(ComboBox<T> box) {
            this.box = box;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setGraphic(null);
            // as the toolkit's cell words a value, but emptied it keeps the hint rather than going blank
            StringConverter<T> converter = box.getConverter();
            String prompt = box.getPromptText();
            if (empty || item == null) {
                setText(
                        prompt != null && !prompt.isEmpty()
                                ? prompt
                                : converter == null ? null : converter.toString(null));
            } else {
                setText(converter == null ? String.valueOf(item) : converter.toString(item));
            }
        }
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        double pref = super.computePrefWidth(height, top, right, bottom, left);
        return box.isEditable() ? pref : Math.max(pref, fitted(pref));
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        double min = super.computeMinWidth(height, top, right, bottom, left);
        return box.isEditable() ? min : Math.max(min, fitted(min));
    }

    /** The width that shows the widest choice whole: the value shown's own room, grown by what the widest needs more. */
    private double fitted(double fallback) {
        Node shown = getDisplayNode();
        if (!(shown instanceof javafx.scene.control.ListCell<?> cell)) {
            return fallback;
        }
        StringConverter<T> converter = box.getConverter();
        Font font = cell.getFont();
        double widest = 0;
        List<T> items = box.getItems();
        for (int i = 0; items != null && i < Math.min(MEASURED, items.size()); i++) {
            widest = Math.max(
                    widest,
                    width(converter == null ? String.valueOf(items.get(i)) : converter.toString(items.get(i)), font));
        }
        String prompt = box.getPromptText();
        if (box.getValue() == null && prompt != null) {
            widest = Math.max(widest, width(prompt, font));
        }
        double arrow = box.lookup(".arrow-button") instanceof javafx.scene.layout.Region r ? r.prefWidth(-1) : 0;
        double graphic = cell.getGraphic() == null ? 0 : cell.getGraphic().prefWidth(-1) + cell.getGraphicTextGap();
        // a list of records (a document's link to a care entry) may hold a long title: beyond this a choice shows cut
        // rather than push the form's other fields off the screen
        widest = Math.min(widest, WIDEST);
        return Math.ceil(widest
                        + graphic
                        + cell.snappedLeftInset()
                        + cell.snappedRightInset()
                        + arrow
                        + box.snappedLeftInset()
                        + box.snappedRightInset())
                + 2;
    }

    private static double width(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text measured = new Text(text);
        measured.setFont(font);
        return measured.getLayoutBounds().getWidth();
    }
}
