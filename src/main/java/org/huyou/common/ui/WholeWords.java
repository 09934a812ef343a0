package org.huyou.common.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Labeled;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A wrapping label never narrower than its longest word. Narrower, JavaFX breaks the word itself: the English
 * permission matrix's heading read "Administra" over "tor". Chinese characters may break anywhere, so a run of them
 * is not one word.
 */
public final class WholeWords {

    private WholeWords() {}

    public static <T extends Labeled> T keep(T label) {
        label.minWidthProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> Math.ceil(longestWord(label.getText(), label.getFont())
                                        + label.getInsets().getLeft()
                                        + label.getInsets().getRight())
                                + 1,
                        label.textProperty(),
                        label.fontProperty(),
                        label.insetsProperty()));
        return label;
    }

    /** The width of the widest run of characters a line may not break inside (letters, digits, punctuation). */
    public static double longestWord(String text, Font font) {
        if (text == null) {
            return 0;
        }
        Text measured = new Text();
        measured.setFont(font);
        double widest = 0;
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean breaks = i == text.length()
                    || Character.isWhitespace(text.charAt(i))
                    || Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN;
            if (breaks) {
                if (start >= 0) {
                    measured.setText(text.substring(start, i));
                    widest = Math.max(widest, measured.getLayoutBounds().getWidth());
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        return widest;
    }
}
