package org.huyou.common.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.huyou.common.Messages;

/**
 * Nothing typed is ever lost: a form's button is not pressed while one of the form's {@link DateField}s holds text
 * that is not a date. Without this the form's command saw no date at all, so an optional date was saved empty (the
 * typed text lost) and a required one was refused as missing ("请填写…") although it had been typed. Instead the press
 * is refused with a sentence that names the field and quotes the text, the field keeps the text and its mark and gets
 * the cursor, and the command does not run: nothing is written.
 *
 * <p>One filter per window does this for every form, in the screens and the dialogs: each DateField puts it on the
 * scene it is shown in. The form is the nearest container of the button holding a date field; a cancel button, a
 * dialog's cancel and a button marked {@link #notASave} (voiding a selected row) are let through.
 */
public final class UnreadableDates {

    private static final String GUARDED = "huyou.unreadableDates";
    private static final String NOT_A_SAVE = "huyou.notASave";

    private UnreadableDates() {}

    /** Puts the filter on {@code scene}, once. */
    static void guard(Scene scene) {
        if (scene == null || scene.getProperties().containsKey(GUARDED)) {
            return;
        }
        scene.getProperties().put(GUARDED, Boolean.TRUE);
        scene.addEventFilter(ActionEvent.ACTION, e -> {
            if (e.getTarget() instanceof Button b && refused(b)) {
                e.consume();
            }
        });
    }

    /** A button that acts on something else than its form's dates (a selected row voided): never held back. */
    public static <T extends ButtonBase> T notASave(T button) {
        button.getProperties().put(NOT_A_SAVE, Boolean.TRUE);
        return button;
    }

    /** Whether {@code button} was marked {@link #notASave}. */
    static boolean isNotASave(ButtonBase button) {
        return button.getProperties().containsKey(NOT_A_SAVE);
    }

    /**
     * Whether pressing {@code button} is refused: its form's dates are committed as typed, and the first one holding
     * text that is not a date is named in a sentence, marked and focused.
     */
    static boolean refused(Button button) {
        if (button.isCancelButton() || button.getProperties().containsKey(NOT_A_SAVE)) {
            return false;
        }
        ButtonBar.ButtonData data = ButtonBar.getButtonData(button);
        if (data != null && data.isCancelButton()) {
            return false;
        }
        return refuse(formOf(button));
    }

    /**
     * For a save not made by pressing a button (a dialog's form saved on leaving the screen): when a date under
     * {@code form} holds text that is not a date, says so naming the field, puts the cursor there and returns true.
     */
    public static boolean refuse(Parent form) {
        Optional<DateField> unreadable = firstUnreadable(form);
        unreadable.ifPresent(d -> {
            // A form on a tab not in sight (saved from the unsaved-changes question): the sentence names the tab,
            // and the tab is opened so the field can be seen and corrected.
            List<Tab> hidden =
                    tabsHolding(d).stream().filter(t -> !t.isSelected()).toList();
            hidden.forEach(t -> t.getTabPane().getSelectionModel().select(t));
            d.requestFocus();
            DialogService dialogs = new DialogService();
            dialogs.setOwner(d.getScene() == null ? null : d.getScene().getWindow());
            dialogs.showError(
                    hidden.isEmpty()
                            ? sentence(d)
                            : Messages.t(
                                    "date.unreadableOnTab",
                                    hidden.get(hidden.size() - 1).getText(),
                                    sentence(d)));
        });
        return unreadable.isPresent();
    }

    /** The tabs that hold {@code n}, the outermost first. */
    static List<Tab> tabsHolding(Node n) {
        List<Tab> out = new ArrayList<>();
        for (Node up = n.getParent(); up != null; up = up.getParent()) {
            if (up instanceof TabPane pane) {
                for (Tab t : pane.getTabs()) {
                    if (t.getContent() != null && isInside(n, t.getContent())) {
                        out.add(0, t);
                    }
                }
            }
        }
        return out;
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node up = n; up != null; up = up.getParent()) {
            if (up == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first date field under {@code form} (shown) whose text is not a date, after each has taken what is typed
     * in it; empty when every date can be read (or there is no form).
     */
    public static Optional<DateField> firstUnreadable(Parent form) {
        if (form == null) {
            return Optional.empty();
        }
        for (DateField d : shownDates(form)) {
            d.commitText();
            if (d.unreadableText() != null) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The sentence that refuses the field's text: its name, what was typed, how to write a date. */
    public static String sentence(DateField d) {
        return Messages.t("date.unreadableNamed", nameOf(d), d.unreadableText());
    }

    /** The field's name: its label, else its hint when that is a name and not the format, else "日期". */
    static String nameOf(DateField d) {
        if (d.getScene() != null) {
            for (Node n : d.getScene().getRoot().lookupAll(".label")) {
                if (n instanceof Label l
                        && labels(l, d)
                        && l.getText() != null
                        && !l.getText().isBlank()) {
                    return withoutMarks(l.getText());
                }
            }
        }
        String hint = d.getPromptText();
        if (hint != null && !hint.isBlank() && !hint.equals(Messages.t("date.prompt"))) {
            return hint;
        }
        return Messages.t("date.field");
    }

    /** A label names the field, or a box that holds it with its neighbours (出生日期: the date and 估计). */
    private static boolean labels(Label l, DateField d) {
        for (Node up = d; up != null; up = up.getParent()) {
            if (l.getLabelFor() == up) {
                return true;
            }
        }
        return false;
    }

    /** A label's text without its required mark or a colon after it ("出生日期 *" is 出生日期). */
    static String withoutMarks(String label) {
        String s = label.strip();
        if (s.endsWith("*")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        while (s.endsWith("：") || s.endsWith(":")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    /** The nearest container of the button that shows a date field. */
    private static Parent formOf(Node button) {
        for (Parent p = button.getParent(); p != null; p = p.getParent()) {
            if (!shownDates(p).isEmpty()) {
                return p;
            }
        }
        return null;
    }

    private static List<DateField> shownDates(Parent p) {
        List<DateField> out = new ArrayList<>();
        for (Node n : p.lookupAll(".date-picker")) {
            if (n instanceof DateField d && !d.isDisabled() && shownWithin(d, p)) {
                out.add(d);
            }
        }
        return out;
    }

    /** Visible up to {@code top}: a field on a tab not shown, or in a hidden row, is not part of what is pressed. */
    private static boolean shownWithin(Node n, Parent top) {
        for (Node up = n; up != null && up != top; up = up.getParent()) {
            if (!up.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
