package org.huyou.common.ui;

import java.time.LocalDate;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;
import org.huyou.common.Dates;

/** A date picker that also takes typed dates as people write them: 2024-03-05, 2024/3/5, 20240305. */
public final class DateField extends DatePicker {

    public DateField() {
        setPromptText("yyyy-MM-dd");
        setEditable(true);
        setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return Dates.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                return Dates.parse(text).orElse(null);
            }
        });
        // Commit typed text when focus leaves, not only on Enter.
        focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commitText();
            }
        });
    }

    /** Takes what is typed as the value (an unreadable text clears it). */
    public void commitText() {
        if (getSkin() == null) {
            // Never shown: the editor has not been filled from the value yet, and nobody can have typed into it
            // (reading its empty text here cleared a date the screen had set).
            return;
        }
        String text = getEditor().getText();
        LocalDate parsed = Dates.parse(text).orElse(null);
        if (parsed == null && text != null && !text.isBlank()) {
            setValue(null);
        } else if (parsed != null && !parsed.equals(getValue())) {
            setValue(parsed);
        } else if (text == null || text.isBlank()) {
            setValue(null);
        }
    }

    /** Whether the user typed something that is not a date. */
    public boolean hasUnreadableText() {
        String text = getEditor().getText();
        return text != null && !text.isBlank() && Dates.parse(text).isEmpty();
    }
}
