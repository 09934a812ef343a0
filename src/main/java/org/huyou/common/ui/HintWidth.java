package org.huyou.common.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Keeps an empty field at least as wide as its hint (its prompt text), so the hint is read whole in either language
 * and at any font size ("Head cc" was all an English user saw of "Head circumference cm"). The screen audit checks
 * every field shown.
 */
public final class HintWidth {

    private HintWidth() {}

    public static <T extends TextField> T fit(T field) {
        field.minWidthProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> width(field.getPromptText(), field.getFont(), field.getInsets(), 0),
                        field.promptTextProperty(),
                        field.fontProperty(),
                        field.insetsProperty()));
        return field;
    }

    /** A date picker or an editable choice: its editor shows the hint, beside the arrow button. */
    public static <T extends ComboBoxBase<?>> T fit(T box, TextField editor) {
        box.minWidthProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> width(
                                box.getPromptText(),
                                editor.getFont(),
                                editor.getInsets(),
                                box.getInsets().getLeft()
                                        + box.getInsets().getRight()
                                        + 2.6 * editor.getFont().getSize()),
                        box.promptTextProperty(),
                        editor.fontProperty(),
                        editor.insetsProperty(),
                        box.insetsProperty()));
        return box;
    }

    private static double width(String hint, Font font, Insets insets, double besides) {
        if (hint == null || hint.isBlank()) {
            return Region.USE_COMPUTED_SIZE;
        }
        Text measured = new Text(hint);
        measured.setFont(font);
        return Math.ceil(measured.getLayoutBounds().getWidth() + insets.getLeft() + insets.getRight() + besides) + 2;
    }
}
