package org.huyou.common.ui;

import java.text.BreakIterator;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Labeled;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A wrapping label never narrower than its longest word. Narrower, JavaFX breaks the word itself: the English
 * permission matrix's heading read "Administra" over "tor". A word is what a line may not break inside: Chinese
 * characters may break anywhere, a key's groups after their hyphens.
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

    /**
     * The width of the widest piece a line may not break inside, by the same line-breaking rules text layout follows
     * (after a space or a hyphen, between Chinese characters).
     */
    public static double longestWord(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text measured = new Text();
        measured.setFont(font);
        BreakIterator lines = BreakIterator.getLineInstance();
        lines.setText(text);
        double widest = 0;
        for (int from = lines.first(), to = lines.next(); to != BreakIterator.DONE; from = to, to = lines.next()) {
            measured.setText(text.substring(from, to).strip());
            widest = Math.max(widest, measured.getLayoutBounds().getWidth());
        }
        return widest;
    }
}
