package org.huyou.common.ui;

import java.time.LocalDate;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.StringConverter;
import org.huyou.common.Dates;
import org.huyou.common.Messages;

/** A date picker that also takes typed dates as people write them: 2024-03-05, 2024/3/5, 20240305. */
public final class DateField extends DatePicker {

    /** The theme's "danger" state: the field's border turns red. */
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private String unreadable;

    public DateField() {
        setPromptText(Messages.t("date.prompt"));
        setEditable(true);
        HintWidth.fit(this, getEditor());
        setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                // No date because the text typed is not one: the picker shows that text, not an empty field (its
                // skin empties the editor for a null value when the focus leaves, before the form's button acts)
                return date == null && unreadable != null ? unreadable : Dates.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                LocalDate parsed = Dates.parse(text).orElse(null);
                boolean unreadableText = parsed == null && text != null && !text.isBlank();
                markUnreadable(unreadableText ? text : null);
                if (unreadableText) {
                    keepShown(text);
                }
                return parsed;
            }
        });
        valueProperty().addListener((obs, old, date) -> {
            if (date != null) {
                markUnreadable(null); // a date picked from the calendar replaces the unreadable text
            }
        });
        // Typing over an unreadable text corrects it: from then on what is typed counts (emptied by hand, it is gone).
        // Keys, not the text's changes: the picker's own setText passes through an empty text on its way.
        // Enter's own typed key ("\r", after the commit that marked the text) corrects nothing: it cleared the mark,
        // and the text then went when the focus left, without a word.
        getEditor().addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if (typesSomething(e)) {
                markUnreadable(null);
            }
        });
        getEditor().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.BACK_SPACE
                    || e.getCode() == KeyCode.DELETE
                    || e.isShortcutDown() && (e.getCode() == KeyCode.X || e.getCode() == KeyCode.V)) {
                markUnreadable(null);
            }
        });
        // Emptied in the field by other means than keys (cut from the menu, an input method): nothing unreadable is
        // left, so neither is the mark. Looked at a pulse later, as the picker's own setText passes through "".
        getEditor().textProperty().addListener((obs, was, text) -> {
            if (unreadable != null && (text == null || text.isEmpty()) && isFocused()) {
                Platform.runLater(() -> {
                    String now = getEditor().getText();
                    if (unreadable != null && (now == null || now.isEmpty()) && isFocused()) {
                        markUnreadable(null);
                    }
                });
            }
        });
        // A form's button is not pressed while this field holds text that is not a date (UnreadableDates).
        sceneProperty().addListener((obs, was, scene) -> UnreadableDates.guard(scene));
        // Commit typed text when focus leaves, not only on Enter.
        focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commitText();
            }
        });
    }

    /**
     * The picker's skin empties its editor after a commit that gave no date (Enter in the field), without asking the
     * converter what to show: the text typed is put back, so the field still shows it and says why.
     */
    private void keepShown(String text) {
        Platform.runLater(() -> {
            String now = getEditor().getText();
            if (text.equals(unreadable) && getValue() == null && (now == null || now.isEmpty())) {
                getEditor().setText(text);
                getEditor().end();
            }
        });
    }

    /** A key that puts a character into the text: not Enter, Tab or Esc, not a shortcut. */
    private static boolean typesSomething(KeyEvent e) {
        String c = e.getCharacter();
        return c != null
                && !c.isEmpty()
                && !KeyEvent.CHAR_UNDEFINED.equals(c)
                && !Character.isISOControl(c.charAt(0))
                && !e.isShortcutDown();
    }

    /** Takes what is typed as the value (an unreadable text clears it). */
    public void commitText() {
        if (getSkin() == null) {
            // Never shown: the editor has not been filled from the value yet, and nobody can have typed into it
            // (reading its empty text here cleared a date the screen had set).
            return;
        }
        String text = getEditor().getText();
        if ((text == null || text.isBlank()) && unreadable != null && getValue() == null) {
            // The picker's own commit on leaving the field came first: it read the typed text as no date and its
            // skin emptied the editor. What was typed is still what is committed, not "no date".
            text = unreadable;
        }
        LocalDate parsed = Dates.parse(text).orElse(null);
        if (parsed == null && text != null && !text.isBlank()) {
            // Not a date: no value, but the text stays where it was typed, marked, with the sentence saying why
            // (emptying the field hid the mistake and the form then said "required").
            setValue(null);
            getEditor().setText(text);
            markUnreadable(text);
            return;
        }
        markUnreadable(null);
        if (parsed != null && !parsed.equals(getValue())) {
            setValue(parsed);
        } else if (text == null || text.isBlank()) {
            setValue(null);
        }
    }

    /** Empties the field: no date, no text, no mark. */
    public void clear() {
        markUnreadable(null);
        setValue(null);
        getEditor().clear();
    }

    /** The typed text that is not a date, shown until it is replaced (null when there is none). */
    public String unreadableText() {
        return unreadable;
    }

    private void markUnreadable(String text) {
        unreadable = text;
        getEditor().pseudoClassStateChanged(DANGER, text != null);
        pseudoClassStateChanged(DANGER, text != null);
        setTooltip(text == null ? null : new Tooltip(Messages.t("date.unreadable", text)));
    }
}
